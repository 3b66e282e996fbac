import {
  makeStyles,
  Subtitle2,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { serialToDay } from "../../../adapter/cell-values";
import { formatDate, formatMoney } from "../../../apply";
import { columnLetters } from "../../../excel/address";
import type { MemoryWorkbook } from "../../../excel/memory-workbook";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  scroller: {
    maxHeight: "18em",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
  rowHead: { color: tokens.colorNeutralForeground3 },
});

const MAX_ROWS = 60;

/** Preview mode only: the in-memory workbook's sheets, so the written columns can be seen. */
export function DemoWorkbook({
  workbook,
  onActivate,
}: {
  workbook: MemoryWorkbook;
  revision: number;
  onActivate: () => void;
}) {
  const s = useStrings();
  const { lang } = useLanguage();
  const styles = useStyles();
  const sheet = workbook.activeSheet;
  // Read on every render: `revision` changes after each write, which re-renders this view.
  const used = workbook.usedBlock(sheet);
  const rows = Math.min(used.row + used.rowCount, MAX_ROWS);
  const cols = used.column + used.columnCount;
  const show = (r: number, c: number): string => {
    const cell = workbook.cell(sheet, r, c);
    if (!cell) return "";
    if (cell.formula) return cell.formula;
    const v = cell.value;
    if (typeof v === "number" && cell.numberFormat === "dd/mm/yyyy") return formatDate(serialToDay(v), lang);
    if (typeof v === "number" && cell.numberFormat?.includes("€")) return formatMoney(v, lang);
    return v === null ? "" : String(v);
  };
  return (
    <div className={styles.root} data-testid="demo-workbook">
      <Subtitle2 as="h3">{s.demoTitle}</Subtitle2>
      <TabList
        selectedValue={sheet}
        aria-label={s.demoSheets}
        onTabSelect={(_, data) => {
          workbook.select(String(data.value), { row: 0, column: 0, rowCount: 1, columnCount: 1 });
          onActivate();
        }}
      >
        {workbook.sheetNames().map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={s.demoGrid(sheet)}>
        <Table size="extra-small" aria-label={s.demoGrid(sheet)} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.rowHead}>#</TableHeaderCell>
              {Array.from({ length: cols }, (_, c) => (
                <TableHeaderCell key={c} className={styles.cell}>
                  {columnLetters(c)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {Array.from({ length: rows }, (_, r) => (
              <TableRow key={r}>
                <TableCell className={styles.rowHead}>{r + 1}</TableCell>
                {Array.from({ length: cols }, (_, c) => (
                  <TableCell key={c} className={styles.cell} data-cell={`${columnLetters(c)}${r + 1}`}>
                    {show(r, c)}
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
