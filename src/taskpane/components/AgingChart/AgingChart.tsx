import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatMoney } from "../../../apply";
import { DELAY_BANDS, type RegisterReport } from "../../../reports";
import { useLanguage, useStrings } from "../../i18n/LanguageContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  svg: { width: "100%", height: "auto", display: "block" },
  figure: { margin: 0 },
});

export interface Bar {
  readonly label: string;
  readonly amount: number;
}

const WIDTH = 400;
const LABEL = 130;
const VALUE = 90;
const ROW = 22;

/** Horizontal bars with their amounts: role img, the figures in the accessible name. */
export function BarChart({ title, bars, testId }: { title: string; bars: readonly Bar[]; testId: string }) {
  const { lang } = useLanguage();
  const s = useStrings();
  const styles = useStyles();
  const max = Math.max(0, ...bars.map((b) => Math.abs(b.amount)));
  const span = WIDTH - LABEL - VALUE;
  const parts = bars.map((b) => `${b.label} ${formatMoney(b.amount, lang)}`).join(", ");
  const height = Math.max(1, bars.length) * ROW + 4;
  return (
    <figure className={styles.figure}>
      <Text weight="semibold" as="h4" block>
        {title}
      </Text>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={s.agingChartLabel(title, parts)}
        data-testid={testId}
      >
        {bars.map((b, i) => {
          const w = max === 0 ? 0 : (Math.abs(b.amount) / max) * span;
          const y = i * ROW + 2;
          return (
            <g key={b.label} data-testid="aging-bar" data-amount={b.amount}>
              <text x={0} y={y + 14} fontSize={11} fill={tokens.colorNeutralForeground2}>
                {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
              </text>
              <rect
                x={LABEL}
                y={y + 3}
                width={Math.max(w, b.amount === 0 ? 0 : 1)}
                height={ROW - 8}
                rx={2}
                fill={b.amount < 0 ? tokens.colorPaletteGreenBackground3 : tokens.colorPaletteRedBackground3}
              />
              <text x={WIDTH} y={y + 14} fontSize={11} textAnchor="end" fill={tokens.colorNeutralForeground1}>
                {formatMoney(b.amount, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The aging view: unpaid amounts at closing by delay band, and past-due amounts by vendor. */
export function AgingChart({ report }: { report: RegisterReport }) {
  const s = useStrings();
  const styles = useStyles();
  const bands: Bar[] = DELAY_BANDS.map((b) => ({
    label: b.heading,
    amount: report.table.bands[b.id].amount.toDecimalPlaces(2).toNumber(),
  }));
  const vendors: Bar[] = report.aging
    .slice(0, 8)
    .map((row) => ({ label: row.vendor || "—", amount: row.pastDue.toDecimalPlaces(2).toNumber() }));
  const empty = bands.every((b) => b.amount === 0);
  return (
    <section className={styles.root} data-testid="aging-chart" aria-labelledby="aging-title">
      <Text weight="semibold" as="h3" id="aging-title">
        {s.agingTitle}
      </Text>
      {empty ? (
        <Caption1>{s.agingEmpty}</Caption1>
      ) : (
        <>
          <BarChart title={s.agingByBand} bars={bands} testId="aging-bands" />
          <BarChart title={s.agingByVendor} bars={vendors} testId="aging-vendors" />
        </>
      )}
    </section>
  );
}
