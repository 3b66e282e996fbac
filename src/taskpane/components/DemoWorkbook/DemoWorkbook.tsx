import {
  makeStyles,
  mergeClasses,
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
import { serialToDay } from "../../../input/cell-values";
import { formatDate, formatMoney } from "../../../apply";
import { formatNumber } from "../../../engine";
import { columnLetters } from "../../../cells";
import type { CellRef } from "../../../workbook/gateway";
import type { MemoryWorkbook } from "../../../workbook/memory-workbook";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { DEMO_WORKBOOK_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // Sheet tabs wrap: the grid below scrolls in its own box, the pane never does.
  tabs: { flexWrap: "wrap" },
  scroller: {
    maxHeight: "18em",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  cell: { whiteSpace: "nowrap", cursor: "cell" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  rowHead: { color: tokens.colorNeutralForeground3 },
});

const MAX_ROWS = 60;

/** Preview mode only: the in-memory workbook's sheets, so the written columns can be seen. */
export function DemoWorkbook({
  workbook,
  onActivate,
  onCellClick,
}: {
  workbook: MemoryWorkbook;
  revision: number;
  /** A sheet's tab was clicked: the sheet is active, its name given. */
  onActivate: (sheet: string) => void;
  /** A click on a cell selects it, as in Excel; the pane then explains its row. */
  onCellClick?: (cell: CellRef) => void;
}) {
  const s = useCatalogue(DEMO_WORKBOOK_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const sheet = workbook.activeSheet;
  // Read on every render: `revision` changes after each write, which re-renders this view.
  const used = workbook.usedBlock(sheet);
  const rows = Math.min(used.row + used.rowCount, MAX_ROWS);
  const cols = used.column + used.columnCount;
  const sel = workbook.selection;
  const [, setClicks] = React.useState(0);
  const click = (r: number, c: number) => {
    workbook.select(sheet, { row: r, column: c, rowCount: 1, columnCount: 1 });
    setClicks((n) => n + 1);
    onCellClick?.({ sheet, row: r, column: c });
  };
  const show = (r: number, c: number): string => {
    const cell = workbook.cell(sheet, r, c);
    if (!cell) return "";
    if (cell.formula) return cell.formula;
    const v = cell.value;
    if (typeof v === "number" && cell.numberFormat === "dd/mm/yyyy") return formatDate(serialToDay(v), lang);
    if (typeof v === "number" && cell.numberFormat?.includes("€")) return formatMoney(v, lang);
    if (typeof v === "number" && cell.numberFormat?.endsWith("%"))
      return `${formatNumber(v * 100, lang, 2)} %`;
    return v === null ? "" : String(v);
  };
  return (
    <div className={styles.root} data-testid="demo-workbook">
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet}
        aria-label={s.sheets}
        onTabSelect={(_, data) => {
          const name = String(data.value);
          workbook.select(name, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
          onActivate(name);
        }}
      >
        {workbook.sheetNames().map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={s.grid(sheet)}
        data-scroll-box="demo-grid"
      >
        <Table size="extra-small" aria-label={s.grid(sheet)} className={styles.table}>
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
                  <DemoCell
                    key={c}
                    address={`${columnLetters(c)}${r + 1}`}
                    className={mergeClasses(
                      styles.cell,
                      workbook.cell(sheet, r, c)?.bold && styles.bold,
                      sel.row === r && sel.column === c && styles.selected,
                    )}
                    fill={workbook.highlightAt(sheet, r, c)?.fill}
                    onClick={() => click(r, c)}
                  >
                    {show(r, c)}
                  </DemoCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** A cell of the demo grid; a conditional format's fill is the one inline style (a per-cell colour). */
function DemoCell({
  address,
  className,
  fill,
  onClick,
  children,
}: {
  address: string;
  className: string;
  fill: string | undefined;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <TableCell
      className={className}
      data-cell={address}
      {...(fill ? { "data-fill": fill, style: { backgroundColor: fill } } : {})}
      onClick={onClick}
    >
      {children}
    </TableCell>
  );
}
