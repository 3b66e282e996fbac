import { formatDate, formatMoney, type Language, type Text } from "../engine";
import { serialToDay } from "../input/cell-values";
import { missingRateSentence } from "./status";
import type { ApplySummary } from "./types";

/** The summary's sentences, in French and English. */
const SUMMARY = {
  asOf: (date: Text, iso: string): Text => ({ en: `As of ${date.en}`, fr: `Arrêté au ${date.fr} (${iso})` }),
  rows: (s: ApplySummary): Text => {
    const invoices = s.mode === "invoices";
    return {
      en: `${s.rows} ${invoices ? "invoice" : "subscription"} row(s): ${s.computed} computed, ${s.errors} in error${s.blank ? `, ${s.blank} blank row(s) skipped` : ""}.`,
      fr: `${s.rows} ligne(s) ${invoices ? "de factures" : "d'abonnements"} : ${s.computed} calculée(s), ${s.errors} en erreur${s.blank ? `, ${s.blank} vide(s) ignorée(s)` : ""}.`,
    };
  },
  cancelled: { en: "Cancelled: partial results.", fr: "Calcul interrompu : résultats partiels." },
  penalties: (s: ApplySummary): Text => ({
    en: `Penalties: ${formatMoney(s.totalPenalties, "en")} (interest ${formatMoney(s.totalInterest, "en")}, recovery fees ${formatMoney(s.totalRecoveryFees, "en")}) on ${s.lateRows} late invoice(s).`,
    fr: `Pénalités : ${formatMoney(s.totalPenalties, "fr")} (intérêts ${formatMoney(s.totalInterest, "fr")}, indemnités ${formatMoney(s.totalRecoveryFees, "fr")}) sur ${s.lateRows} facture(s) en retard.`,
  }),
  withoutInterest: (rows: number, sentence: Text): Text => ({
    en: `${rows} invoice(s) without interest (left out of the totals) — ${sentence.en}.`,
    fr: `${rows} facture(s) sans intérêts (non compris dans les totaux) — ${sentence.fr}.`,
  }),
  unknownVendors: (s: ApplySummary): Text => {
    const more = s.unknownVendorNames - s.unknownVendors.length;
    const en = s.unknownVendors.map((u) => `"${u.name}" (${u.rows} row${u.rows > 1 ? "s" : ""})`);
    const fr = s.unknownVendors.map((u) => `« ${u.name} » (${u.rows} ligne${u.rows > 1 ? "s" : ""})`);
    return {
      en: `Unknown vendors: ${en.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
      fr: `Fournisseurs inconnus : ${fr.join(", ")}${more > 0 ? ` et ${more} autre(s)` : ""}.`,
    };
  },
  unknownByLaw: (n: number): Text => ({
    en: `${n} row(s) of unknown vendors computed with the statutory terms (loi).`,
    fr: `${n} ligne(s) de fournisseurs inconnus calculée(s) avec les conditions légales (loi).`,
  }),
  nextDeadlines: { en: "Next deadlines:", fr: "Prochaines échéances :" },
  firstErrors: { en: "Errors (first ones):", fr: "Erreurs (premières) :" },
  moreErrors: (n: number): Text => ({ en: `  … and ${n} more.`, fr: `  … et ${n} autre(s).` }),
} as const;

/** The summary as a few lines of text (the command line prints it; the pane may show it). */
export function formatSummary(s: ApplySummary, lang: Language): string {
  const date = (serial: number): Text => ({
    en: formatDate(serialToDay(serial), "en"),
    fr: formatDate(serialToDay(serial), "fr"),
  });
  const lines: Text[] = [SUMMARY.asOf(date(s.asOf), s.asOfIso), SUMMARY.rows(s)];
  if (s.cancelled) lines.push(SUMMARY.cancelled);
  if (s.mode === "invoices") {
    lines.push(SUMMARY.penalties(s));
    for (const m of s.missingRates)
      lines.push(
        SUMMARY.withoutInterest(m.rows, {
          en: missingRateSentence(m, "en"),
          fr: missingRateSentence(m, "fr"),
        }),
      );
  }
  if (s.unknownVendors.length > 0) {
    lines.push(SUMMARY.unknownVendors(s));
    if (s.unknownVendorRowsByLaw > 0) lines.push(SUMMARY.unknownByLaw(s.unknownVendorRowsByLaw));
  }
  const out = lines.map((line) => line[lang]);
  if (s.nextDeadlines.length > 0) {
    out.push(SUMMARY.nextDeadlines[lang]);
    for (const d of s.nextDeadlines) out.push(`  ${date(d.date)[lang]}  ${d.label}`);
  }
  if (s.firstErrors.length > 0) {
    out.push(SUMMARY.firstErrors[lang]);
    for (const e of s.firstErrors) out.push(`  ${e.message}`);
    if (s.errors > s.firstErrors.length) out.push(SUMMARY.moreErrors(s.errors - s.firstErrors.length)[lang]);
  }
  return out.join("\n");
}
