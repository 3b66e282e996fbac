import type { Text } from "../engine";

/**
 * The « Mon entreprise » block: who sends the reminders, the formal notices and the penalty notes —
 * the creditor, as Code civil 1344 practice names it (name, legal form, address, SIREN) and as a
 * payment needs it (IBAN). Stored in the workbook with its terms; checked here once, at the boundary,
 * for the pane's form and for the stored document alike.
 */
export interface StoredCompany {
  readonly name: string;
  /** « SAS au capital de 10 000 € », « SARL », « EI ». */
  readonly legalForm?: string;
  /** Lines separated by "\n". */
  readonly address: string;
  /** 9 digits, no spaces. */
  readonly siren: string;
  /** Upper case, no spaces. */
  readonly iban: string;
  readonly bic?: string;
  readonly email?: string;
  readonly phone?: string;
  /** The town the letters are written from (« Fait à Lyon, le … »). */
  readonly place?: string;
}

export type CompanyField = keyof StoredCompany;

/** The block as a form or a stored part gives it: any text, checked by `checkCompany`. */
export type CompanyInput = Partial<Record<CompanyField, unknown>>;

export interface CompanyProblem {
  readonly field: CompanyField;
  readonly text: Text;
}

export const COMPANY_FIELD_LIMITS: Readonly<Record<CompanyField, number>> = {
  name: 200,
  legalForm: 120,
  address: 400,
  siren: 20,
  iban: 50,
  bic: 20,
  email: 254,
  phone: 40,
  place: 80,
};

export const COMPANY_FIELD_LABELS: Readonly<Record<CompanyField, Text>> = {
  name: { en: "company name", fr: "raison sociale" },
  legalForm: { en: "legal form", fr: "forme juridique" },
  address: { en: "address", fr: "adresse" },
  siren: { en: "SIREN", fr: "SIREN" },
  iban: { en: "IBAN", fr: "IBAN" },
  bic: { en: "BIC", fr: "BIC" },
  email: { en: "email", fr: "e-mail" },
  phone: { en: "phone", fr: "téléphone" },
  place: { en: "town", fr: "ville" },
};

/**
 * SIREN: 9 digits whose Luhn sum is a multiple of 10 (INSEE's check key). La Poste's SIREN 356 000 000
 * passes it too; its establishments' SIRET use another rule, which a SIREN does not need.
 */
export function isValidSiren(siren: string): boolean {
  if (!/^\d{9}$/.test(siren)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(siren[8 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** IBAN lengths of the SEPA countries a French business is likely to give (ISO 13616 registry). */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map([
  ["FR", 27],
  ["MC", 27],
  ["BE", 16],
  ["LU", 20],
  ["DE", 22],
  ["ES", 24],
  ["IT", 27],
  ["NL", 18],
  ["PT", 25],
  ["CH", 21],
  ["GB", 22],
  ["IE", 22],
  ["AT", 20],
]);

/** IBAN: country, check digits, then the account; valid when the rearranged number mod 97 is 1 (ISO 13616). */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = IBAN_LENGTHS.get(iban.slice(0, 2));
  if (length !== undefined && iban.length !== length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    // Letters count as two digits (A = 10 … Z = 35); the remainder is carried digit by digit.
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** « 732 829 320 » */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1\u00a0$2\u00a0$3");
}

/** « FR76 3000 6000 0112 3456 7890 189 » */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

function cleanText(value: unknown, field: CompanyField): string | { problem: Text } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") return { problem: { en: "expected text", fr: "texte attendu" } };
  // Control characters other than line breaks have no place in a letter head.
  const text = value
    .replace(/\r\n?/g, "\n")
    .split("")
    .filter((ch) => ch === "\n" || (ch >= " " && ch !== "\u007f"))
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter((l, i, all) => l !== "" || (i > 0 && i < all.length - 1))
    .join("\n")
    .trim();
  if (text === "") return undefined;
  const max = COMPANY_FIELD_LIMITS[field];
  if (text.length > max)
    return {
      problem: { en: `too long (at most ${max} characters)`, fr: `trop long (au plus ${max} caractères)` },
    };
  return text;
}

const REQUIRED: readonly CompanyField[] = ["name", "address", "siren", "iban"];

/**
 * The block checked: required fields present, SIREN with its Luhn key, IBAN with its mod-97 key,
 * an e-mail that looks like one, lengths bounded. Every problem names its field and what was expected.
 */
export function checkCompany(
  input: CompanyInput,
): { ok: true; company: StoredCompany } | { ok: false; problems: CompanyProblem[] } {
  const problems: CompanyProblem[] = [];
  const values = new Map<CompanyField, string>();
  for (const field of Object.keys(COMPANY_FIELD_LIMITS) as CompanyField[]) {
    const raw = Object.prototype.hasOwnProperty.call(input, field) ? input[field] : undefined;
    const v = cleanText(raw, field);
    const label = COMPANY_FIELD_LABELS[field];
    if (typeof v === "object") {
      problems.push({
        field,
        text: { en: `${label.en}: ${v.problem.en}.`, fr: `${label.fr} : ${v.problem.fr}.` },
      });
      continue;
    }
    if (v === undefined) {
      if (REQUIRED.includes(field))
        problems.push({
          field,
          text: { en: `${label.en} is required.`, fr: `${capitalise(label.fr)} obligatoire.` },
        });
      continue;
    }
    values.set(field, v);
  }
  const siren = values.get("siren")?.replace(/[\s.\u00a0\u202f]/g, "");
  if (siren !== undefined) {
    if (!isValidSiren(siren))
      problems.push({
        field: "siren",
        text: /^\d{9}$/.test(siren)
          ? {
              en: `SIREN ${siren}: its check key is wrong (Luhn); check the 9 digits on the Kbis or the INSEE notice.`,
              fr: `SIREN ${siren} : la clé de contrôle ne correspond pas (Luhn) ; vérifiez les 9 chiffres sur le Kbis ou l'avis INSEE.`,
            }
          : {
              en: `SIREN "${siren.slice(0, 20)}" is not 9 digits.`,
              fr: `SIREN « ${siren.slice(0, 20)} » : 9 chiffres attendus.`,
            },
      });
    else values.set("siren", siren);
  }
  const iban = values
    .get("iban")
    ?.replace(/[\s\u00a0\u202f-]/g, "")
    .toUpperCase();
  if (iban !== undefined) {
    if (!isValidIban(iban))
      problems.push({
        field: "iban",
        text: {
          en: `IBAN ${iban.slice(0, 40)}: not a valid IBAN (country, 2 check digits, account; its mod-97 key does not match).`,
          fr: `IBAN ${iban.slice(0, 40)} : IBAN non valide (pays, 2 chiffres de contrôle, compte ; la clé modulo 97 ne correspond pas).`,
        },
      });
    else values.set("iban", iban);
  }
  const email = values.get("email");
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.push({
      field: "email",
      text: { en: `email "${email}" is not an address.`, fr: `e-mail « ${email} » : adresse non valide.` },
    });
  const bic = values.get("bic")?.replace(/\s/g, "").toUpperCase();
  if (bic !== undefined) {
    if (!/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
      problems.push({
        field: "bic",
        text: {
          en: `BIC "${bic}" is not 8 or 11 characters.`,
          fr: `BIC « ${bic} » : 8 ou 11 caractères attendus.`,
        },
      });
    else values.set("bic", bic);
  }
  if (problems.length > 0) return { ok: false, problems };
  const optional = (field: CompanyField) => {
    const v = values.get(field);
    return v === undefined ? {} : { [field]: v };
  };
  return {
    ok: true,
    company: {
      name: values.get("name") as string,
      address: values.get("address") as string,
      siren: values.get("siren") as string,
      iban: values.get("iban") as string,
      ...optional("legalForm"),
      ...optional("bic"),
      ...optional("email"),
      ...optional("phone"),
      ...optional("place"),
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
