import type { Language } from "../engine";
import { setRanges, type SelfTestReport, type StepStatus } from "./run";

/**
 * The report as plain text, for the user to copy into a message: where it ran, each step with its
 * outcome, duration and error, and what the cleanup did. In the pane's language; the host's own
 * error messages stay as Excel gave them.
 */

const MARK: Record<StepStatus, string> = { pass: "✓", fail: "✗", skip: "–" };

/** Milliseconds as a reader takes them: "340 ms", "4.2 s" ("4,2 s" in French). */
export function duration(ms: number, lang: Language): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = (ms / 1000).toFixed(1);
  return `${lang === "fr" ? s.replace(".", ",") : s} s`;
}

export function reportText(
  report: SelfTestReport,
  lang: Language,
  /** When the run started, as the page shows it ("03/12/2026 14:05"). */
  startedAt: string,
): string {
  const fr = lang === "fr";
  const env = report.environment;
  // French puts a space before the colon.
  const colon = fr ? " :" : ":";
  const lines: string[] = [];
  lines.push(fr ? "Échéance — autotest" : "Échéance — self-test");
  lines.push(`Date${colon} ${startedAt}`);
  lines.push(`${fr ? "Version du complément" : "Add-in version"}${colon} ${env.addinVersion}`);
  const where =
    env.kind === "memory"
      ? fr
        ? `aperçu hors Excel, classeur en mémoire (${env.host})`
        : `preview outside Excel, in-memory workbook (${env.host})`
      : [env.host, env.platform, env.version].filter((x) => x !== undefined).join(" · ");
  lines.push(`${fr ? "Hôte" : "Host"}${colon} ${where}`);
  // Outside Excel the language is the browser's (it stands in for Excel's in the French formulas step).
  const languageLabel =
    env.kind === "memory"
      ? fr
        ? "Langue du navigateur"
        : "Browser's language"
      : fr
        ? "Langue d'Excel"
        : "Excel's language";
  if (env.language !== undefined) lines.push(`${languageLabel}${colon} ${env.language}`);
  if (env.sets.length > 0) {
    const ranges = setRanges(env.sets).map(
      (r) =>
        `${r.name} ${r.from === r.to ? r.from : `${r.from}–${r.to}`} ${r.supported ? (fr ? "oui" : "yes") : fr ? "non" : "no"}`,
    );
    lines.push(
      `${fr ? "Ensembles de conditions requises" : "Requirement sets"}${colon} ${ranges.join(fr ? " ; " : "; ")}`,
    );
  }
  const count = (status: StepStatus) => report.steps.filter((s) => s.status === status).length;
  lines.push(
    fr
      ? `Résultat : ${count("pass")} réussie(s), ${count("fail")} échouée(s), ${count("skip")} non exécutée(s) — ${duration(report.durationMs, lang)}`
      : `Result: ${count("pass")} passed, ${count("fail")} failed, ${count("skip")} not run — ${duration(report.durationMs, lang)}`,
  );
  lines.push("");
  for (const step of report.steps) {
    lines.push(`${MARK[step.status]} ${step.title[lang]} (${duration(step.durationMs, lang)})`);
    const note = step.error ?? step.detail;
    if (note) lines.push(`    ${note[lang]}`);
  }
  lines.push("");
  const c = report.cleanup;
  const left =
    c.sheetsLeft.length === 0
      ? fr
        ? "aucune feuille de test restante"
        : "no scratch sheet left"
      : fr
        ? `feuille(s) à supprimer à la main : ${c.sheetsLeft.join(", ")}`
        : `sheet(s) to delete by hand: ${c.sheetsLeft.join(", ")}`;
  const terms = {
    unchanged: fr ? "termes enregistrés du classeur inchangés" : "workbook's stored terms unchanged",
    changed: fr
      ? "ATTENTION : termes enregistrés du classeur modifiés"
      : "WARNING: workbook's stored terms changed",
    unknown: fr ? "termes enregistrés du classeur non vérifiés" : "workbook's stored terms not checked",
  }[c.workbookTerms];
  const selection = c.selectionRestored
    ? fr
      ? "sélection rétablie"
      : "selection restored"
    : fr
      ? "sélection non rétablie"
      : "selection not restored";
  lines.push(
    fr
      ? `Nettoyage : ${c.sheetsRemoved.length} feuille(s) supprimée(s) ; ${left} ; ${terms} ; ${selection}.`
      : `Cleanup: ${c.sheetsRemoved.length} sheet(s) removed; ${left}; ${terms}; ${selection}.`,
  );
  return lines.join("\n");
}
