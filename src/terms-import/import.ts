import {
  checkProfile,
  type Interpretation,
  type SchemaIssue,
  type Text,
  type VendorProfile,
} from "../engine";
import { findArticles } from "./articles";
import { cleanTermsText } from "./clean";
import type { ImportContext } from "./context";
import { checkTermsText, MAX_TERMS_CHARS } from "./input";
import { extractLatePayment } from "./late-payment";
import { MESSAGES } from "./messages";
import { extractNames, idFrom } from "./names";
import { extractPayment } from "./payment";
import type { ImportReport } from "./report";
import { extractSubscription } from "./subscription";

/**
 * From terms of sale to a draft vendor profile: the text is checked (size, binary), cleaned of its
 * page layout, cut into articles, and each extractor proposes its rules with the article and the
 * sentence they came from. The draft is a profile the engine's schema accepts — the very shape a
 * profile file holds — but nothing is saved here: the pane opens it in the vendor form, the command
 * line prints the report and writes the draft file for the user to check.
 */

export interface ImportOptions {
  /** The vendor's id, instead of the one made from its name. */
  readonly id?: string;
  /** The vendor's name, instead of the one found. */
  readonly name?: string;
  /** The file the text came from, kept in the profile's document (its « seed »). */
  readonly fileName?: string;
  /** The longest text read (MAX_TERMS_CHARS by default). */
  readonly maxChars?: number;
}

export type TermsImport =
  | { readonly ok: true; readonly profile: VendorProfile; readonly report: ImportReport }
  | { readonly ok: false; readonly message: Text; readonly issues?: readonly SchemaIssue[] };

const VERSION =
  /(?:applicables?|en vigueur|version|mise a jour|mises a jour)\s+(?:au|du|a compter du|le)?\s*(\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;

/** "Conditions générales d'abonnement" → CGA; "… de vente" → CGV; "… d'utilisation" → CGU. */
function shortKind(title: string): string {
  if (/abonnement/i.test(title)) return "CGA";
  if (/utilisation/i.test(title) && !/vente/i.test(title)) return "CGU";
  if (/vente/i.test(title)) return "CGV";
  return "CG";
}

export function importTermsText(text: string, options: ImportOptions = {}): TermsImport {
  const input = checkTermsText(text, options.maxChars ?? MAX_TERMS_CHARS);
  if (!input.ok) return input;
  const clean = cleanTermsText(input.text);
  const { title, articles } = findArticles(clean);
  const docTitle = title ?? MESSAGES.defaultTitle;
  const ctx: { articles: typeof articles; short: string } = { articles, short: "CGV" };
  const names = extractNames(ctx, options.name ?? "Fournisseur");
  const name = options.name?.trim() || names.name;
  ctx.short = `${name} ${shortKind(docTitle)}`.slice(0, 60);
  const context: ImportContext = ctx;
  const payment = extractPayment(context);
  const late = extractLatePayment(context);
  const subscription = extractSubscription(context);
  const foundNothing =
    payment.proposals.length === 0 &&
    !late.proposals.some((p) => p.id === "late:rate" || p.id === "late:fee") &&
    subscription.subscription.kind === "none";
  if (foundNothing) return { ok: false, message: MESSAGES.noArticles };

  const version = VERSION.exec(input.text.slice(0, 5000))?.[1] ?? "";
  const interpretations: Interpretation[] = [...late.interpretations];
  const draft = {
    id: options.id ?? idFrom(name),
    name,
    legalName: names.legalName,
    invoiceNames: names.invoiceNames,
    business: MESSAGES.business,
    document: { title: docTitle.slice(0, 300), short: ctx.short, seed: options.fileName ?? "", version },
    profileVersion: "1.0.0",
    clients: names.clients,
    defaultInvoiceKind: payment.defaultKind,
    invoiceKinds: payment.kinds.map((k) => ({ id: k.id, label: k.label, term: k.term, clause: k.clause })),
    latePayment: late.rule,
    subscription: subscription.subscription,
    deadlines: [],
    amounts: late.amounts,
    interpretations,
    contradictions: [],
  };
  const checked = checkProfile(JSON.parse(JSON.stringify(draft)));
  if (!checked.ok)
    return {
      ok: false,
      message: {
        en: `The draft is not a valid vendor profile: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}.`,
        fr: `Le brouillon n'est pas un profil fournisseur valide : ${checked.issues.map((i) => `${i.path} : ${i.message}`).join(" ; ")}.`,
      },
      issues: checked.issues,
    };
  const notes: Text[] = [
    ...(input.note ? [input.note] : []),
    ...(clean.copies > 1 ? [MESSAGES.repeated(clean.copies)] : []),
    ...(clean.furniture > 0 ? [MESSAGES.furniture(clean.furniture)] : []),
    MESSAGES.clauseDeadlines,
  ];
  const report: ImportReport = {
    title: docTitle,
    characters: input.text.length,
    articles: articles.filter((a) => a.number !== "").length,
    notes,
    proposals: [...names.proposals, ...payment.proposals, ...late.proposals, ...subscription.proposals],
    notFound: [...payment.notFound, ...late.notFound, ...subscription.notFound],
    questions: [...payment.questions, ...late.questions, ...subscription.questions],
  };
  return { ok: true, profile: checked.profile, report };
}
