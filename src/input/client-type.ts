import type { ClientType } from "../engine";

/**
 * A client type as an accountant writes it — "pro", "Professionnel", "Entreprise", "particulier",
 * "consumer", "B2C"… — shared by the custom functions and the register core so both accept the same
 * words. Accents, case and spacing are ignored.
 */
const CLIENT_WORDS = new Map<string, ClientType>([
  ...[
    "pro",
    "professionnel",
    "professionnelle",
    "professional",
    "entreprise",
    "societe",
    "business",
    "b2b",
  ].map((w) => [w, "pro"] as const),
  ...[
    "consumer",
    "consommateur",
    "consommatrice",
    "particulier",
    "particuliere",
    "individual",
    "private",
    "b2c",
  ].map((w) => [w, "consumer"] as const),
]);

export function clientTypeFromText(text: string): ClientType | undefined {
  const key = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
  return CLIENT_WORDS.get(key);
}
