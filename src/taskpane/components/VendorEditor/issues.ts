import type { Language, Text } from "../../../engine";
import { COMMON } from "../../i18n/common";

/**
 * The form's problems as a French accountant reads them: each names the field by its label (« Délai
 * du type de facture 2 »), not by the profile's JSON path (« $.invoiceKinds[1].term »), and says what
 * is expected in French. The engine's schema (checkProfile) writes English messages for JSON files and
 * the command line; the form translates the ones it can meet, by their fixed wording.
 */

/** A problem of the draft at a JSON path of the profile it builds. */
export interface DraftIssue {
  readonly path: string;
  readonly message: Text;
}

/** A problem placed on the form: the field it belongs to (a key of the form), its name, and what is wrong. */
export interface FormIssue extends DraftIssue {
  /** The form field: "id", "kind:0:termText", "plan:1:noticeAmount"…; "" for the profile as a whole. */
  readonly field: string;
  readonly label: Text;
}

const t = (fr: string, en: string): Text => ({ fr, en });

/** Short names of the form's fields, as their labels say them. */
const NAMES = {
  id: t("Identifiant", "Id"),
  name: t("Nom", "Name"),
  legalName: t("Raison sociale", "Legal name"),
  invoiceNames: t("Noms sur les factures", "Names on invoices"),
  documentTitle: t("Titre des conditions", "Title of the terms"),
  documentShort: t("Nom court pour les citations", "Short name for citations"),
  profileVersion: t("Version du profil", "Profile version"),
  clients: t("Clients", "Clients"),
  kinds: t("Types de facture", "Invoice kinds"),
  defaultKind: t("Type par défaut", "Default kind"),
  rateKind: t("Taux des pénalités", "Penalty rate"),
  rateValue: t("Valeur du taux", "Rate value"),
  base: t("Assiette", "Base"),
  feeAmount: t("Indemnité forfaitaire de recouvrement", "Fixed recovery fee"),
  justified: t("Frais justifiés au-delà", "Justified costs above it"),
  lateClause: t("Articles des pénalités", "Articles of the penalties"),
  plans: t("Abonnements", "Subscriptions"),
  deadlines: t("Délais nommés", "Named deadlines"),
  profile: t("Profil", "Profile"),
} as const;

const ITEM_NAMES = {
  kind: {
    item: t("Type de facture", "Invoice kind"),
    id: t("identifiant", "id"),
    labelFr: t("libellé français", "French label"),
    labelEn: t("libellé anglais", "English label"),
    termText: t("délai", "term"),
    clause: t("articles", "articles"),
  },
  plan: {
    item: t("Formule", "Plan"),
    id: t("identifiant", "id"),
    label: t("libellé", "label"),
    initialMonths: t("durée initiale", "initial term"),
    renewalMonths: t("période de renouvellement", "renewal period"),
    noticeAmount: t("préavis", "notice"),
    noticeUnit: t("unité du préavis", "notice unit"),
    end: t("fin du contrat", "contract end"),
    clause: t("articles", "articles"),
  },
  deadline: {
    item: t("Délai nommé", "Named deadline"),
    id: t("identifiant", "id"),
    label: t("libellé", "label"),
    from: t("point de départ", "starting point"),
    amount: t("durée", "length"),
    unit: t("unité", "unit"),
    direction: t("sens", "direction"),
    clause: t("articles", "articles"),
  },
} as const;

type ListKind = keyof typeof ITEM_NAMES;

/** Each rule: a path pattern, and the form field it points at. */
const TOP: readonly [RegExp, keyof typeof NAMES][] = [
  [/^\$\.id$/, "id"],
  [/^\$\.name$/, "name"],
  [/^\$\.legalName$/, "legalName"],
  [/^\$\.invoiceNames\b/, "invoiceNames"],
  [/^\$\.document\.short$/, "documentShort"],
  [/^\$\.document\b/, "documentTitle"],
  [/^\$\.profileVersion$/, "profileVersion"],
  [/^\$\.clients\b/, "clients"],
  [/^\$\.invoiceKinds$/, "kinds"],
  [/^\$\.defaultInvoiceKind$/, "defaultKind"],
  [/^\$\.latePayment\.rate\.kind$/, "rateKind"],
  [/^\$\.latePayment\.rate\b/, "rateValue"],
  [/^\$\.latePayment\.base$/, "base"],
  [/^\$\.latePayment\.recoveryFee\.amount$/, "feeAmount"],
  [/^\$\.latePayment\.recoveryFee\.justifiedCostsAbove$/, "justified"],
  [/^\$\.latePayment\.(recoveryFee\.)?clause\b/, "lateClause"],
  [/^\$\.deadlines$/, "deadlines"],
];

/** Paths inside one item of a list: the list, the item's index, and what follows. */
const ITEMS: readonly [RegExp, ListKind][] = [
  [/^\$\.invoiceKinds\[(\d+)\](.*)$/, "kind"],
  [/^\$\.subscription\.plans\[(\d+)\](.*)$/, "plan"],
  [/^\$\.deadlines\[(\d+)\](.*)$/, "deadline"],
];

/** Within an item, which field a sub-path is. */
function itemField(list: ListKind, rest: string): string {
  switch (list) {
    case "kind":
      if (rest.startsWith(".label.en")) return "labelEn";
      if (rest.startsWith(".label")) return "labelFr";
      if (rest.startsWith(".term")) return "termText";
      if (rest.startsWith(".clause")) return "clause";
      return "id";
    case "plan":
      if (rest.startsWith(".label")) return "label";
      if (rest.startsWith(".schedule.initialMonths")) return "initialMonths";
      if (rest.startsWith(".schedule.renewalMonths")) return "renewalMonths";
      if (rest.startsWith(".notice.unit")) return "noticeUnit";
      if (rest.startsWith(".notice")) return "noticeAmount";
      if (rest.startsWith(".end")) return "end";
      if (rest.startsWith(".clause")) return "clause";
      return "id";
    case "deadline":
      if (rest.startsWith(".label")) return "label";
      if (rest.startsWith(".from")) return "from";
      if (rest.startsWith(".period.unit")) return "unit";
      if (rest.startsWith(".period")) return "amount";
      if (rest.startsWith(".direction")) return "direction";
      if (rest.startsWith(".clause")) return "clause";
      return "id";
  }
}

/** The form field a profile path belongs to, and its name. */
export function fieldOfPath(path: string): { field: string; label: Text } {
  for (const [pattern, list] of ITEMS) {
    const m = pattern.exec(path);
    if (!m) continue;
    const index = Number(m[1]);
    const sub = itemField(list, m[2] ?? "");
    const names = ITEM_NAMES[list] as Record<string, Text>;
    const item = ITEM_NAMES[list].item;
    const part = names[sub] ?? t("", "");
    return {
      field: `${list}:${index}:${sub}`,
      label: t(`${item.fr} ${index + 1}, ${part.fr}`, `${item.en} ${index + 1}, ${part.en}`),
    };
  }
  if (/^\$\.subscription\b/.test(path)) return { field: "plans", label: NAMES.plans };
  for (const [pattern, key] of TOP) if (pattern.test(path)) return { field: key, label: NAMES[key] };
  return { field: "", label: NAMES.profile };
}

/** The schema's English messages (src/engine/profile-schema.ts), each with its French. */
const MESSAGES: readonly [RegExp, (m: RegExpExecArray) => Text][] = [
  [
    /^"" is not an id: .*$/,
    () =>
      t(
        "à remplir (des minuscules sans accent, des chiffres et des tirets, en commençant par une lettre).",
        "required (lowercase letters, digits and dashes, starting with a letter).",
      ),
  ],
  [
    /^"(.*)" is not an id: .*$/,
    (m) =>
      t(
        `« ${m[1]} » ne convient pas : des minuscules sans accent, des chiffres et des tirets, en commençant par une lettre.`,
        `"${m[1]}" will not do: lowercase letters, digits and dashes, starting with a letter.`,
      ),
  ],
  [/^expected a whole number$/, () => t("un nombre entier est attendu.", "a whole number is expected.")],
  [
    /^expected a number from (\d+) to (\d+), got (-?\d+)$/,
    (m) =>
      t(
        `un nombre de ${m[1]} à ${m[2]} est attendu (et non ${m[3]}).`,
        `a number from ${m[1]} to ${m[2]} is expected (not ${m[3]}).`,
      ),
  ],
  [
    /^expected a non-negative decimal number .*$/,
    () =>
      t(
        "un nombre positif est attendu, par exemple 40 ou 10,5.",
        "a non-negative number is expected, such as 40 or 10.5.",
      ),
  ],
  [
    /^expected at most (\d+) characters$/,
    (m) => t(`au plus ${m[1]} caractères.`, `at most ${m[1]} characters.`),
  ],
  [
    /^expected at most (\d+) entries, got (\d+)$/,
    (m) => t(`au plus ${m[1]} éléments (${m[2]} donnés).`, `at most ${m[1]} entries (${m[2]} given).`),
  ],
  [
    /^id "(.*)" appears twice$/,
    (m) => t(`l'identifiant « ${m[1]} » est utilisé deux fois.`, `the id "${m[1]}" is used twice.`),
  ],
  [/^expected at least one plan$/, () => t("ajoutez au moins une formule.", "add at least one plan.")],
  [
    /^"(.*)" is not one of the plans$/,
    (m) => t(`« ${m[1]} » n'est pas une des formules.`, `"${m[1]}" is not one of the plans.`),
  ],
  [
    /^expected at least one of "pro", "consumer"$/,
    () => t("cochez au moins un type de clients.", "tick at least one kind of client."),
  ],
  [
    /^expected at least one invoice kind$/,
    () => t("ajoutez au moins un type de facture.", "add at least one invoice kind."),
  ],
  [
    /^"(.*)" is not one of the invoice kinds$/,
    (m) => t(`« ${m[1]} » n'est pas un des types de facture.`, `"${m[1]}" is not one of the invoice kinds.`),
  ],
  [
    /^expected one of .*$/,
    () => t("choisissez une des valeurs proposées.", "choose one of the values offered."),
  ],
  [/^expected true or false$/, () => t("cochez ou décochez la case.", "tick or untick the box.")],
  [/^expected a string$/, () => t("un texte est attendu.", "a text is expected.")],
  [
    /^expected an? (object|array)$/,
    () => t("la valeur n'a pas la forme attendue.", "the value is not shaped as expected."),
  ],
];

/** The schema's message in both languages; one not listed here is said in general terms in French. */
export function schemaMessage(message: string): Text {
  for (const [pattern, text] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return t("valeur refusée par le contrôle du profil.", message);
}

/** A draft's issues placed on the form's fields. */
export function formIssues(issues: readonly DraftIssue[]): FormIssue[] {
  return issues.map((i) => ({ ...i, ...fieldOfPath(i.path) }));
}

/** « Nom : à remplir. » — an issue as one sentence naming its field. */
export function issueSentence(issue: FormIssue, lang: Language): string {
  return `${issue.label[lang]}${COMMON[lang].colon}${issue.message[lang]}`;
}
