import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatMoney, type ApplySummary } from "../../../apply";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { RUN_SUMMARY_STRINGS } from "./strings";
import { DeadlineTimeline } from "../DeadlineTimeline/DeadlineTimeline";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8em, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  figure: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/**
 * After Apply: rows computed and in error, penalties, and the coming deadlines on a timeline — of the
 * register named (the pane clears it when another register is read or another sheet activated).
 */
export function RunSummary({ figures, register }: { figures: ApplySummary; register: string }) {
  const s = useCatalogue(RUN_SUMMARY_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const items: [string, string, string][] = [
    ["computed", s.computed, String(figures.computed)],
    ["errors", s.errors, String(figures.errors)],
  ];
  if (figures.mode === "invoices") {
    items.push(["late", s.late, String(figures.lateRows)]);
    items.push(["penalties", s.penalties, formatMoney(figures.totalPenalties, lang)]);
  }
  return (
    <section className={styles.root} aria-labelledby="run-summary-title" data-testid="run-summary">
      <Subtitle2 as="h3" id="run-summary-title">
        {s.title}
      </Subtitle2>
      <Caption1 data-testid="run-summary-register">{s.register(register)}</Caption1>
      <dl className={styles.figures}>
        {items.map(([id, term, value]) => (
          <div key={id} className={styles.figure} data-figure={id}>
            <dt className={styles.term}>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.value}>
              <Text weight="semibold">{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      <Text weight="semibold">{s.nextDeadlines}</Text>
      {figures.nextDeadlines.length === 0 ? (
        <Caption1>{s.noDeadlines}</Caption1>
      ) : (
        <DeadlineTimeline deadlines={figures.nextDeadlines} asOf={figures.asOf} />
      )}
    </section>
  );
}
