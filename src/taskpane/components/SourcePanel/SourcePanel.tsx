import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Language } from "../../../engine";
import type { SourceKind } from "../../../workbook/gateway";
import { useCatalogue } from "../../i18n/LanguageContext";
import { SOURCE_STRINGS } from "./strings";
import type { RegisterSource } from "./useRegisterSource";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // The register found and the button that reads it again, side by side.
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // Addresses such as 'Factures fournisseurs 2025'!A4:F412 have no space to break at.
  address: { overflowWrap: "anywhere", flexGrow: 1, flexShrink: 1, minWidth: 0 },
  read: { flexShrink: 0 },
  // Fluent's dropdown is at least 250 px wide: in a 320 px pane it takes the pane's width instead.
  kind: { minWidth: 0, width: "100%" },
});

/** The three places a register is read from, with their names. */
function sourceKinds(s: (typeof SOURCE_STRINGS)[keyof typeof SOURCE_STRINGS]) {
  return [
    ["region", s.region],
    ["selection", s.selection],
    ["table", s.table],
  ] as const satisfies readonly (readonly [SourceKind, string])[];
}

/**
 * The register found — its address and rows, the header row when a title stands above it — and the
 * button that reads it again.
 */
export function SourcePanel({ source }: { source: RegisterSource }) {
  const s = useCatalogue(SOURCE_STRINGS);
  const styles = useStyles();
  const block = source.block;
  const header = source.header;
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        {block ? (
          <Caption1 className={styles.address} data-testid="source-address">
            {s.found(block.address, block.rows.length, block.table?.name)}
          </Caption1>
        ) : (
          <span className={styles.address} />
        )}
        {source.reading && <Spinner size="tiny" aria-label={s.reading} />}
        <Button
          className={styles.read}
          onClick={() => void source.read()}
          disabled={source.reading}
          data-testid="read-source"
        >
          {s.read}
        </Button>
      </div>
      {block && header?.kind === "moved" && (
        <Caption1 className={styles.address} data-testid="header-row">
          {s.headerRowFound(header.row, block.sheet)}
        </Caption1>
      )}
      {block && header?.kind === "missing" && (
        <MessageBar intent="warning" layout="multiline" data-testid="header-row">
          <MessageBarBody className={styles.address}>
            {s.headerRowMissing(header.firstRow, header.lastRow, block.sheet)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Where the register is read from: the current region, the selection or an Excel table. */
export function SourceKindPicker({ source }: { source: RegisterSource }) {
  const s = useCatalogue(SOURCE_STRINGS);
  const styles = useStyles();
  const kinds = sourceKinds(s);
  return (
    <Field label={s.kind}>
      <Dropdown
        className={styles.kind}
        value={kinds.find(([k]) => k === source.kind)?.[1] ?? ""}
        selectedOptions={[source.kind]}
        onOptionSelect={(_, data) => data.optionValue && source.setKind(data.optionValue as SourceKind)}
        data-testid="source-kind"
      >
        {kinds.map(([kind, label]) => (
          <Option key={kind} value={kind}>
            {label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** What the fold of the source and the mapping says of the source while folded. */
export function sourceKindName(kind: SourceKind, lang: Language): string {
  return Object.fromEntries(sourceKinds(SOURCE_STRINGS[lang]))[kind] ?? "";
}
