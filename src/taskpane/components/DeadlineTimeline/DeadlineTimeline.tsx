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
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { labelLanes } from "./label-lanes";
import { TIMELINE_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // Drawn in units of about a pixel at 320 px; a wider pane scales it up, not without end.
  svg: { width: "100%", maxWidth: "30em", height: "auto", display: "block" },
  table: { tableLayout: "auto" },
});

export interface TimelineDeadline {
  readonly label: string;
  /** Excel serial. */
  readonly date: number;
}

/** The drawing's width, in its own units: about the pixels of a 320 px pane's content. */
const WIDTH = 300;
const LEFT = 12;
const RIGHT = 12;
const LABEL_FONT = 11;
const END_FONT = 11;
/** A "dd/mm" label's width: five characters of LABEL_FONT, digits being about 0.65 em wide at most. */
const LABEL_WIDTH = 36;
const LANE_HEIGHT = 14;
/** From a lane's baseline down to the axis, and from the axis down to the end dates' baseline. */
const ABOVE_AXIS = 10;
const BELOW_AXIS = 22;
const BOTTOM = 6;

/**
 * The coming deadlines on a time axis from the as-of date: an SVG drawing (role img, with a sentence
 * for screen readers) and the same deadlines as a table, the accessible fallback. Dates close together
 * get their labels in lanes above one another (label-lanes.ts), a thin line down to their point.
 */
export function DeadlineTimeline({
  deadlines,
  asOf,
}: {
  deadlines: readonly TimelineDeadline[];
  /** Excel serial of the as-of date: the axis starts there. */
  asOf: number;
}) {
  const s = useCatalogue(TIMELINE_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const date = (serial: number) => formatDate(serialToDay(serial), lang);
  const sorted = [...deadlines].sort((a, b) => a.date - b.date);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const end = Math.max(asOf + 1, last?.date ?? asOf + 1);
  const x = (serial: number) => LEFT + ((serial - asOf) / (end - asOf)) * (WIDTH - LEFT - RIGHT);
  const places = labelLanes(
    sorted.map((d) => x(d.date)),
    { width: WIDTH, labelWidth: LABEL_WIDTH, gap: 4 },
  );
  const lanes = Math.max(1, ...places.map((p) => p.lane + 1));
  const axisY = lanes * LANE_HEIGHT + ABOVE_AXIS;
  const height = axisY + BELOW_AXIS + BOTTOM;
  const baselineOf = (lane: number) => axisY - ABOVE_AXIS - lane * LANE_HEIGHT;
  const label = s.label(sorted.length, first ? date(first.date) : "", last ? date(last.date) : "");
  return (
    <div className={styles.root} data-testid="deadline-timeline">
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        data-testid="timeline-svg"
      >
        <line
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={axisY}
          y2={axisY}
          stroke={tokens.colorNeutralStroke1}
          strokeWidth={2}
        />
        <text x={LEFT} y={axisY + BELOW_AXIS} fontSize={END_FONT} fill={tokens.colorNeutralForeground3}>
          {date(asOf)}
        </text>
        {/* The lines from a raised label down to its point, under every label and point. */}
        {places.map((place, i) =>
          place.lane > 0 ? (
            <line
              key={i}
              x1={place.x}
              x2={place.x}
              y1={baselineOf(place.lane) + 2}
              y2={axisY}
              stroke={tokens.colorNeutralStroke2}
              strokeWidth={1}
            />
          ) : null,
        )}
        {sorted.map((d, i) => {
          const place = places[i];
          if (!place) return null;
          return (
            <g key={`${d.date}-${i}`} data-testid="timeline-point">
              <circle cx={place.x} cy={axisY} r={4} fill={tokens.colorBrandBackground} />
              {/* A halo of the background's colour keeps a line passing behind the label off its text. */}
              <text
                x={place.x}
                y={baselineOf(place.lane)}
                fontSize={LABEL_FONT}
                textAnchor={place.anchor}
                fill={tokens.colorNeutralForeground2}
                stroke={tokens.colorNeutralBackground1}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {date(d.date).slice(0, 5)}
              </text>
            </g>
          );
        })}
        {last && (
          <text
            x={WIDTH - RIGHT}
            y={axisY + BELOW_AXIS}
            fontSize={END_FONT}
            textAnchor="end"
            fill={tokens.colorNeutralForeground3}
          >
            {date(end)}
          </text>
        )}
      </svg>
      {sorted.length > 0 && (
        <Table size="extra-small" aria-label={s.table} className={styles.table} data-testid="timeline-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.date}</TableHeaderCell>
              <TableHeaderCell>{s.inColumn}</TableHeaderCell>
              <TableHeaderCell>{s.row}</TableHeaderCell>
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
