import type { Language } from "../engine";
import { setRanges, type SelfTestReport, type StepStatus } from "./run";
import { SELF_TEST_TEXT } from "./text";

/**
 * The report as plain text, for the user to copy into a message: where it ran, each step with its
 * outcome, duration and error, and what the cleanup did. In the pane's language; the host's own
 * error messages stay as Excel gave them.
 */

const MARK: Record<StepStatus, string> = { pass: "✓", fail: "✗", skip: "–" };

/** Seconds are written with a decimal comma in French. */
const DECIMAL_POINT: Record<Language, string> = { en: ".", fr: "," };

/** Milliseconds as a reader takes them: "340 ms", "4.2 s" ("4,2 s" in French). */
export function duration(ms: number, lang: Language): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = (ms / 1000).toFixed(1);
  return `${DECIMAL_POINT[lang] === "," ? s.replace(".", ",") : s} s`;
}

export function reportText(
  report: SelfTestReport,
  lang: Language,
  /** When the run started, as the page shows it ("03/12/2026 14:05"). */
  startedAt: string,
): string {
  const T = SELF_TEST_TEXT.report;
  const env = report.environment;
  const colon = T.colon[lang];
  const lines: string[] = [];
  lines.push(T.title[lang]);
  lines.push(`${T.date[lang]}${colon} ${startedAt}`);
  lines.push(`${T.addinVersion[lang]}${colon} ${env.addinVersion}`);
  const where =
    env.kind === "memory"
      ? T.preview(env.host)[lang]
      : [env.host, env.platform, env.version].filter((x) => x !== undefined).join(" · ");
  lines.push(`${T.host[lang]}${colon} ${where}`);
  // Outside Excel the language is the browser's (it stands in for Excel's in the French formulas step).
  const languageLabel = env.kind === "memory" ? T.browserLanguage : T.excelLanguage;
  if (env.language !== undefined) lines.push(`${languageLabel[lang]}${colon} ${env.language}`);
  if (env.sets.length > 0) {
    const ranges = setRanges(env.sets).map(
      (r) =>
        `${r.name} ${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${(r.supported ? T.supported.yes : T.supported.no)[lang]}`,
    );
    lines.push(`${T.requirementSets[lang]}${colon} ${ranges.join(T.setSeparator[lang])}`);
  }
  const count = (status: StepStatus) => report.steps.filter((s) => s.status === status).length;
  const took = { en: duration(report.durationMs, "en"), fr: duration(report.durationMs, "fr") };
  lines.push(T.result(count("pass"), count("fail"), count("skip"), took)[lang]);
  lines.push("");
  for (const step of report.steps) {
    lines.push(`${MARK[step.status]} ${step.title[lang]} (${duration(step.durationMs, lang)})`);
    const note = step.error ?? step.detail;
    if (note) lines.push(`    ${note[lang]}`);
  }
  lines.push("");
  const c = report.cleanup;
  const left = c.sheetsLeft.length === 0 ? T.noSheetLeft : T.sheetsLeft(c.sheetsLeft.join(", "));
  const terms = { unchanged: T.termsUnchanged, changed: T.termsChanged, unknown: T.termsUnknown }[
    c.workbookTerms
  ];
  const selection = c.selectionRestored ? T.selectionRestored : T.selectionNotRestored;
  lines.push(T.cleanup(c.sheetsRemoved.length, left, terms, selection)[lang]);
  return lines.join("\n");
}
