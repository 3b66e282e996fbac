import type { Language } from "../../../engine";

/** After Apply: the vendors a register names that nobody entered, and what to do about them. */
export const UNKNOWN_VENDOR_STRINGS = {
  fr: {
    title: "Fournisseurs inconnus",
    intro:
      "Ces noms du registre ne désignent aucun fournisseur enregistré. Créez chacun à partir de ses conditions générales, ou calculez leurs lignes avec les conditions légales.",
    rows: (n: number) => `${n} ligne${n > 1 ? "s" : ""}`,
    more: (n: number) => `… et ${n} autre(s) nom(s).`,
    create: "Créer à partir des CGV",
    createLabel: (name: string) => `Créer « ${name} » à partir des CGV`,
    useLaw: "Calculer avec les conditions légales (loi)",
    lawChosen:
      "Fournisseur par défaut : conditions légales (loi). Appliquez à nouveau : les lignes des fournisseurs inconnus seront calculées avec Code de commerce L441-10 (30 jours, BCE + 10 points, 40 €), et leur statut le dira.",
    byLaw: (n: number) =>
      `${n} ligne${n > 1 ? "s" : ""} calculée${n > 1 ? "s" : ""} avec les conditions légales (loi) : leur statut le dit.`,
  },
  en: {
    title: "Unknown vendors",
    intro:
      "These names of the register name no stored vendor. Create each from its terms of sale, or compute their rows with the statutory terms.",
    rows: (n: number) => `${n} row${n > 1 ? "s" : ""}`,
    more: (n: number) => `… and ${n} more name(s).`,
    create: "Create from terms of sale",
    createLabel: (name: string) => `Create "${name}" from its terms of sale`,
    useLaw: "Compute with the statutory terms (loi)",
    lawChosen:
      "Default vendor: statutory terms (loi). Apply again: the rows of unknown vendors will be computed with Code de commerce L441-10 (30 days, ECB + 10 points, 40 €), and their status will say so.",
    byLaw: (n: number) =>
      `${n} row${n > 1 ? "s" : ""} computed with the statutory terms (loi): their status says so.`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
