import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ApplySummary } from "../../../apply";
import { useCatalogue } from "../../i18n/LanguageContext";
import { UNKNOWN_VENDOR_STRINGS } from "./strings-unknown";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

export interface UnknownVendorActions {
  /** Leads to « Nouveau à partir des CGV » with the name given. */
  readonly onCreate: (name: string) => void;
  /** Makes the law (`loi`) the default vendor, which also covers unknown names. */
  readonly onUseLaw: () => void;
  /** The default vendor is already the law. */
  readonly lawChosen: boolean;
}

/**
 * Rows whose vendor nobody entered, grouped by name with their row counts (issue 23), with the offer to
 * create each vendor from its terms of sale, or to compute their rows with the law's terms.
 */
export function UnknownVendorsOffer({
  figures,
  actions,
}: {
  figures: ApplySummary;
  actions: UnknownVendorActions;
}) {
  const s = useCatalogue(UNKNOWN_VENDOR_STRINGS);
  const styles = useStyles();
  const more = figures.unknownVendorNames - figures.unknownVendors.length;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="unknown-vendors">
      <MessageBarBody>
        <MessageBarTitle>{s.title}</MessageBarTitle>
        <div>{figures.unknownVendorRowsByLaw > 0 ? s.byLaw(figures.unknownVendorRowsByLaw) : s.intro}</div>
        <ul className={styles.list}>
          {figures.unknownVendors.map((u) => (
            <li key={u.name} className={styles.item} data-unknown-vendor={u.name}>
              <Text>
                « {u.name} » — {s.rows(u.rows)}
              </Text>
              <Button
                size="small"
                aria-label={s.createLabel(u.name)}
                onClick={() => actions.onCreate(u.name)}
              >
                {s.create}
              </Button>
            </li>
          ))}
        </ul>
        {more > 0 && <Caption1>{s.more(more)}</Caption1>}
        {actions.lawChosen ? (
          figures.unknownVendorRowsByLaw === 0 && <div data-testid="law-chosen">{s.lawChosen}</div>
        ) : (
          <div className={styles.actions}>
            <Button onClick={actions.onUseLaw} data-testid="use-law">
              {s.useLaw}
            </Button>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
