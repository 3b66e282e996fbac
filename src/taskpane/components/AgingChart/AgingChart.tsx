import { Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatMoney } from "../../../apply";
import { DELAY_BANDS, type RegisterReport } from "../../../reports";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { AGING_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  figure: { margin: 0, minWidth: 0 },
  // Bars drawn with HTML: the labels and amounts keep the pane's text size at any width (an SVG
  // scaled to a 320 px pane shrinks its text to 8 px).
  chart: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
  bar: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  amount: { fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  track: { gridColumnStart: 1, gridColumnEnd: 3, height: "8px" },
  fill: { height: "100%", borderRadius: tokens.borderRadiusSmall },
  late: { backgroundColor: tokens.colorPaletteRedBackground3 },
  credit: { backgroundColor: tokens.colorPaletteGreenBackground3 },
});

export interface Bar {
  readonly label: string;
  readonly amount: number;
}

/** Horizontal bars with their amounts: role img, the figures in the accessible name. */
export function BarChart({ title, bars, testId }: { title: string; bars: readonly Bar[]; testId: string }) {
  const { lang } = useLanguage();
  const s = useCatalogue(AGING_STRINGS);
  const styles = useStyles();
  const max = Math.max(0, ...bars.map((b) => Math.abs(b.amount)));
  const parts = bars.map((b) => `${b.label} ${formatMoney(b.amount, lang)}`).join(", ");
  return (
    <figure className={styles.figure}>
      <Text weight="semibold" as="h4" block>
        {title}
      </Text>
      <div className={styles.chart} role="img" aria-label={s.chartLabel(title, parts)} data-testid={testId}>
        {bars.map((b, i) => {
          const share = max === 0 ? 0 : (Math.abs(b.amount) / max) * 100;
          return (
            <div
              key={`${b.label}-${i}`}
              className={styles.bar}
              data-testid="aging-bar"
              data-amount={b.amount}
            >
              <span className={styles.label}>{b.label}</span>
              <span className={styles.amount}>{formatMoney(b.amount, lang)}</span>
              <div className={styles.track}>
                <div
                  className={mergeClasses(styles.fill, b.amount < 0 ? styles.credit : styles.late)}
                  // The one inline style: each bar's length is its amount's share of the largest.
                  style={{ width: `${b.amount === 0 ? 0 : Math.max(share, 0.5)}%` }}
                />
              </div>
            </div>
          );
        })}
      </div>
    </figure>
  );
}

/** The aging view: unpaid amounts at closing by delay band, and past-due amounts by vendor. */
export function AgingChart({ report }: { report: RegisterReport }) {
  const s = useCatalogue(AGING_STRINGS);
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
        {s.title}
      </Text>
      {empty ? (
        <Caption1>{s.empty}</Caption1>
      ) : (
        <>
          <BarChart title={s.byBand} bars={bands} testId="aging-bands" />
          <BarChart title={s.byVendor} bars={vendors} testId="aging-vendors" />
        </>
      )}
    </section>
  );
}
