import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { serialToDay } from "../../../input/cell-values";
import { formatDate } from "../../../apply";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block" },
  table: { tableLayout: "auto" },
});

export interface TimelineDeadline {
  readonly label: string;
  /** Excel serial. */
  readonly date: number;
}

const WIDTH = 400;
const HEIGHT = 74;
const LEFT = 12;
const RIGHT = 12;
const AXIS_Y = 40;

/**
 * The coming deadlines on a time axis from the as-of date: an SVG drawing (role img, with a sentence
 * for screen readers) and the same deadlines as a table, the accessible fallback.
 */
export function DeadlineTimeline({
  deadlines,
  asOf,
}: {
  deadlines: readonly TimelineDeadline[];
  /** Excel serial of the as-of date: the axis starts there. */
  asOf: number;
}) {
  const s = useStrings();
  const { lang } = useLanguage();
  const styles = useStyles();
  const date = (serial: number) => formatDate(serialToDay(serial), lang);
  const sorted = [...deadlines].sort((a, b) => a.date - b.date);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const end = Math.max(asOf + 1, last?.date ?? asOf + 1);
  const x = (serial: number) => LEFT + ((serial - asOf) / (end - asOf)) * (WIDTH - LEFT - RIGHT);
  const label = s.timelineLabel(sorted.length, first ? date(first.date) : "", last ? date(last.date) : "");
  return (
    <div className={styles.root} data-testid="deadline-timeline">
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid="timeline-svg"
      >
        <line
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={AXIS_Y}
          y2={AXIS_Y}
          stroke={tokens.colorNeutralStroke1}
          strokeWidth={2}
        />
        <text x={LEFT} y={AXIS_Y + 24} fontSize={11} fill={tokens.colorNeutralForeground3}>
          {date(asOf)}
        </text>
        {sorted.map((d, i) => (
          <g key={`${d.date}-${i}`} data-testid="timeline-point">
            <circle cx={x(d.date)} cy={AXIS_Y} r={5} fill={tokens.colorBrandBackground} />
            <text
              x={x(d.date)}
              y={i % 2 === 0 ? AXIS_Y - 12 : AXIS_Y - 26}
              fontSize={10}
              textAnchor={x(d.date) > WIDTH - 60 ? "end" : x(d.date) < 60 ? "start" : "middle"}
              fill={tokens.colorNeutralForeground2}
            >
              {date(d.date).slice(0, 5)}
            </text>
          </g>
        ))}
        {last && (
          <text
            x={WIDTH - RIGHT}
            y={AXIS_Y + 24}
            fontSize={11}
            textAnchor="end"
            fill={tokens.colorNeutralForeground3}
          >
            {date(end)}
          </text>
        )}
      </svg>
      {sorted.length > 0 && (
        <Table
          size="extra-small"
          aria-label={s.timelineTable}
          className={styles.table}
          data-testid="timeline-table"
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.deadlineDate}</TableHeaderCell>
              <TableHeaderCell>{s.deadlineIn}</TableHeaderCell>
              <TableHeaderCell>{s.deadlineWhat}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((d, i) => (
              <TableRow key={`${d.date}-${i}`}>
                <TableCell>{date(d.date)}</TableCell>
                <TableCell>{s.inDays(d.date - asOf)}</TableCell>
                <TableCell>{d.label}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
