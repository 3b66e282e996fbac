import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { COLON, formatCitation, formatNumber, quoted, type VendorProfile } from "../../../engine";
import type { ImportReport, Source } from "../../../terms-import";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { IMPORT_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  // A rule and the sentence it came from, together: at 320 px the quote goes under the rule.
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  chosen: { fontWeight: tokens.fontWeightSemibold },
});

/** The sentences a rule came from, each once, with its article (« art. 7.2 (Paiement) »). */
function Sources({ sources, label }: { sources: readonly Source[]; label: string }) {
  const s = useCatalogue(IMPORT_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const seen = new Set<string>();
  const unique = sources.filter((x) => {
    const key = `${x.article}\u0000${x.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <>
      {unique.map((x) => (
        <blockquote key={`${x.article}\u0000${x.sentence}`} className={styles.quote} aria-label={label}>
          <Caption1 data-testid="import-source-article">
            {x.article === "" ? s.preamble : s.article(x.article)}
            {x.title ? ` (${x.title})` : ""}
            {x.part ? ` — ${x.part}` : ""}
          </Caption1>
          <br />
          <Caption1 data-testid="import-source-sentence">{quoted(x.sentence, lang)}</Caption1>
        </blockquote>
      ))}
    </>
  );
}

/**
 * The import's report, as the command line prints it: each proposed rule beside the article and the
 * sentence it came from, what was not found with the rule that applies instead, the questions an
 * ambiguous clause raises (the draft's answer marked), and what the reading noticed.
 */
export function ImportReportView({ report, profile }: { report: ImportReport; profile: VendorProfile }) {
  const s = useCatalogue(IMPORT_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={s.reportTitle(report.title)} data-testid="import-report">
      <Subtitle2 as="h3">{s.reportTitle(report.title)}</Subtitle2>
      <Caption1>
        {s.size(formatNumber(report.characters, lang), report.articles)} ·{" "}
        {s.vendor(profile.id, profile.name)}
      </Caption1>

      <Text weight="semibold">{s.proposals}</Text>
      <ul className={styles.list} data-testid="import-proposals">
        {report.proposals.map((p) => (
          <li key={p.id} className={styles.item} data-proposal={p.id}>
            <Text>
              <Text weight="semibold">{p.label[lang]}</Text>
              {COLON[lang]} {p.value[lang]}
            </Text>
            <Sources sources={p.sources} label={s.source} />
          </li>
        ))}
      </ul>

      {report.notFound.length > 0 && (
        <>
          <Text weight="semibold">{s.notFound}</Text>
          <ul className={styles.list} data-testid="import-not-found">
            {report.notFound.map((n) => (
              <li key={n.id} className={styles.item} data-not-found={n.id}>
                <Text>
                  <Text weight="semibold">{n.label[lang]}</Text>
                  {COLON[lang]} {n.instead[lang]}
                  {n.law.length > 0 ? ` (${n.law.map(formatCitation).join("; ")})` : ""}
                </Text>
                {n.unread.length > 0 && (
                  <>
                    <Caption1>{s.unread}</Caption1>
                    <Sources sources={n.unread} label={s.unread} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {report.questions.length > 0 && (
        <>
          <Text weight="semibold">{s.questions}</Text>
          <Caption1>{s.questionsHint}</Caption1>
          <ol className={styles.list} data-testid="import-questions">
            {report.questions.map((q) => (
              <li key={q.id} className={styles.item}>
                <Text>{q.text[lang]}</Text>
                <ul>
                  {q.choices.map((c) => (
                    <li key={c.id} className={c.id === q.chosen ? styles.chosen : undefined}>
                      <Caption1>
                        {c.text[lang]}
                        {c.id === q.chosen ? ` — ${s.chosen}` : ""}
                      </Caption1>
                    </li>
                  ))}
                </ul>
                <Sources sources={q.sources} label={s.source} />
              </li>
            ))}
          </ol>
        </>
      )}

      {report.notes.length > 0 && (
        <>
          <Text weight="semibold">{s.notes}</Text>
          <ul className={styles.list}>
            {report.notes.map((n) => (
              <li key={n[lang]}>
                <Caption1>{n[lang]}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
