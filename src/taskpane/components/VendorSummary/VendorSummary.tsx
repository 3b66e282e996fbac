import { Badge, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { VendorProfile } from "../../../engine";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { describeVendor, type SummaryLine } from "./describe-vendor";
import { VENDOR_SUMMARY_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "break-word",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  cite: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  label: { fontWeight: tokens.fontWeightSemibold },
});

function Lines({ title, lines }: { title: string; lines: readonly SummaryLine[] }) {
  const styles = useStyles();
  const s = useCatalogue(VENDOR_SUMMARY_STRINGS);
  const common = useCatalogue(COMMON);
  if (lines.length === 0) return null;
  return (
    <section aria-label={title}>
      <Subtitle2 as="h4">{title}</Subtitle2>
      <ul className={styles.list}>
        {lines.map((line, i) => (
          <li key={i}>
            <Text
              className={styles.label}
              {...(line.id !== undefined ? { title: s.idTooltip(line.id), "data-id": line.id } : {})}
            >
              {line.label}
            </Text>
            {line.isDefault && (
              <>
                {" "}
                <Badge appearance="tint" size="small">
                  {s.defaultMark}
                </Badge>
              </>
            )}
            <Text>
              {common.colon}
              {line.text}{" "}
            </Text>
            {line.cites.length > 0 && <Caption1 className={styles.cite}>[{line.cites.join(" ; ")}]</Caption1>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The chosen vendor's terms in a few readable lines, each with its clause citations. */
export function VendorSummary({ profile }: { profile: VendorProfile }) {
  const { lang } = useLanguage();
  const s = useCatalogue(VENDOR_SUMMARY_STRINGS);
  const styles = useStyles();
  const summary = React.useMemo(() => describeVendor(profile, lang), [profile, lang]);
  return (
    <div
      className={styles.root}
      data-testid="vendor-summary"
      aria-label={s.vendorTerms(summary.title)}
      role="region"
    >
      <Text weight="semibold" as="h3">
        {s.vendorTerms(summary.title)}
      </Text>
      <Caption1>{summary.document}</Caption1>
      <Lines title={s.paymentTerms} lines={summary.paymentTerms} />
      <Lines title={s.latePayment} lines={summary.latePayment} />
      <Lines title={s.subscriptions} lines={summary.subscriptions} />
      <Lines title={s.interpretations} lines={summary.interpretations} />
      <Lines title={s.contradictions} lines={summary.contradictions} />
    </div>
  );
}
