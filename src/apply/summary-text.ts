import type { Language } from "../engine";
import { formatDate, formatMoney, missingRateSentence } from "./compute";
import { serialToDay } from "../input/cell-values";
import type { ApplySummary } from "./types";

/** The summary as a few lines of text (the command line prints it; the pane may show it). */
export function formatSummary(s: ApplySummary, lang: Language): string {
  const fr = lang === "fr";
  const date = (serial: number): string => formatDate(serialToDay(serial), lang);
  const lines: string[] = [];
  lines.push(fr ? `Arrêté au ${date(s.asOf)} (${s.asOfIso})` : `As of ${date(s.asOf)}`);
  const kind =
    s.mode === "invoices" ? (fr ? "de factures" : "invoice") : fr ? "d'abonnements" : "subscription";
  lines.push(
    fr
      ? `${s.rows} ligne(s) ${kind} : ${s.computed} calculée(s), ${s.errors} en erreur${s.blank ? `, ${s.blank} vide(s) ignorée(s)` : ""}.`
      : `${s.rows} ${kind} row(s): ${s.computed} computed, ${s.errors} in error${s.blank ? `, ${s.blank} blank row(s) skipped` : ""}.`,
  );
  if (s.cancelled) lines.push(fr ? "Calcul interrompu : résultats partiels." : "Cancelled: partial results.");
  if (s.mode === "invoices") {
    lines.push(
      fr
        ? `Pénalités : ${formatMoney(s.totalPenalties, lang)} (intérêts ${formatMoney(s.totalInterest, lang)}, indemnités ${formatMoney(s.totalRecoveryFees, lang)}) sur ${s.lateRows} facture(s) en retard.`
        : `Penalties: ${formatMoney(s.totalPenalties, lang)} (interest ${formatMoney(s.totalInterest, lang)}, recovery fees ${formatMoney(s.totalRecoveryFees, lang)}) on ${s.lateRows} late invoice(s).`,
    );
    for (const m of s.missingRates) {
      const sentence = missingRateSentence(m, lang);
      lines.push(
        fr
          ? `${m.rows} facture(s) sans intérêts (non compris dans les totaux) — ${sentence}.`
          : `${m.rows} invoice(s) without interest (left out of the totals) — ${sentence}.`,
      );
    }
  }
  if (s.nextDeadlines.length > 0) {
    lines.push(fr ? "Prochaines échéances :" : "Next deadlines:");
    for (const d of s.nextDeadlines) lines.push(`  ${date(d.date)}  ${d.label}`);
  }
  if (s.firstErrors.length > 0) {
    lines.push(fr ? "Erreurs (premières) :" : "Errors (first ones):");
    for (const e of s.firstErrors) lines.push(`  ${e.message}`);
    if (s.errors > s.firstErrors.length)
      lines.push(
        fr
          ? `  … et ${s.errors - s.firstErrors.length} autre(s).`
          : `  … and ${s.errors - s.firstErrors.length} more.`,
      );
  }
  return lines.join("\n");
}
