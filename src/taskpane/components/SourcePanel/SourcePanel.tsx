import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { SourceKind } from "../../../workbook/gateway";
import { useStrings } from "../../i18n/LanguageContext";
import type { RegisterSource } from "./useRegisterSource";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  // Addresses such as 'Factures fournisseurs 2025'!A4:F412 have no space to break at.
  address: { overflowWrap: "anywhere" },
});

/** Where the register is read from: the current region, the selection or an Excel table. */
export function SourcePanel({ source }: { source: RegisterSource }) {
  const s = useStrings();
  const styles = useStyles();
  const block = source.block;
  const header = source.header;
  return (
    <div className={styles.root}>
      <Field label={s.sourceKind}>
        <RadioGroup
          value={source.kind}
          onChange={(_, data) => source.setKind(data.value as SourceKind)}
          data-testid="source-kind"
        >
          <Radio value="region" label={s.sourceRegion} />
          <Radio value="selection" label={s.sourceSelection} />
          <Radio value="table" label={s.sourceTable} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void source.read()} disabled={source.reading} data-testid="read-source">
          {s.readSource}
        </Button>
        {source.reading && <Spinner size="tiny" label={s.reading} />}
      </div>
      {block && (
        <Caption1 className={styles.address} data-testid="source-address">
          {s.sourceRead(block.address, block.rows.length, block.table?.name)}
        </Caption1>
      )}
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
