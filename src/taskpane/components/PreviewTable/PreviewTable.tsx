import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { SourceBlock } from "../../../excel/gateway";
import { describeError, formatOutput } from "../../apply-adapter";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";
import type { Preview } from "./usePreviewRows";

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Fluent's table is fixed-layout at 100 %: let columns take their content's width and scroll instead.
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1, whiteSpace: "normal", minWidth: "16em" },
});

/** The first rows with the values that would be written. */
export function PreviewTable({
  source,
  preview,
  referenceColumn,
}: {
  source: SourceBlock;
  preview: Preview;
  referenceColumn: number | undefined;
}) {
  const s = useStrings();
  const { lang } = useLanguage();
  const styles = useStyles();
  if (!preview) return null;
  const { result } = preview;
  if (!result)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{describeError(preview.error, s, lang)}</MessageBarBody>
      </MessageBar>
    );
  const refIndex = referenceColumn ?? 0;
  return (
    <div>
      <Caption1>{s.previewCaption(result.rows.length, source.rows.length)}</Caption1>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={s.previewRegion}>
        <Table
          size="extra-small"
          aria-label={s.previewRegion}
          data-testid="preview-table"
          className={styles.table}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>
                {source.headers[refIndex] ?? s.rowHeader}
              </TableHeaderCell>
              {result.columns.map((c) => (
                <TableHeaderCell key={c.id} className={styles.cell}>
                  {c.header[lang]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row, i) => (
              <TableRow key={i}>
                <TableCell className={styles.cell}>{String(source.rows[i]?.[refIndex] ?? "")}</TableCell>
                {result.columns.map((c, j) => (
                  <TableCell
                    key={c.id}
                    className={
                      result.results[i]?.state === "error" && c.id === "status" ? styles.error : styles.cell
                    }
                  >
                    {formatOutput(row[j], c.format, lang)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
