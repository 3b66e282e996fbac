import type { Language } from "../../../engine";

/** What the recovery views say about the rows and invoices they leave out. */
export const RECOVERY_COMMON_STRINGS = {
  fr: {
    leftOutTitle: (n: number) => `Laissé de côté (${n})`,
    cannotRead: "Le registre ne peut pas servir au recouvrement :",
  },
  en: {
    leftOutTitle: (n: number) => `Left out (${n})`,
    cannotRead: "The register cannot be used for recovery:",
  },
} as const satisfies Record<Language, Record<string, unknown>>;
