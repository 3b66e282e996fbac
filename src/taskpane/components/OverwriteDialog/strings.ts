import type { Language } from "../../../engine";
import { frenchOf as de } from "../../../engine";

/** The question before other people's cells are replaced. */
export const OVERWRITE_STRINGS = {
  fr: {
    title: "Remplacer des cellules ?",
    body: (n: number, address: string) =>
      `${n} cellule(s) non vide(s) ${de(address)} seraient remplacées. Les colonnes du registre ne sont jamais modifiées.`,
    replace: "Remplacer",
    keep: "Ne rien écrire",
  },
  en: {
    title: "Replace cells?",
    body: (n: number, address: string) =>
      `${n} non-empty cell(s) of ${address} would be replaced. The register's own columns are never modified.`,
    replace: "Replace",
    keep: "Write nothing",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
