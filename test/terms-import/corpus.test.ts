import { readFileSync } from "node:fs";
import path from "node:path";
import type { PaymentTerm, PenaltyRate, Plan, RateFloor } from "../../src/engine";
import { docxText } from "../../src/documents/docx-text";
import { exportProfileJson, importProfileJson } from "../../src/storage";
import { importTermsText, type TermsImport } from "../../src/terms-import";
import { termsDocx } from "../support/terms-docx";

/**
 * Eleven terms of sale that are not the seeds (test/fixtures/terms), written as French businesses
 * write them — capitals, « ARTICLE 7 - », « 7.2 », « Art. 4 – », numbers in words — several pasted
 * from a PDF (running headers and footers, page numbers, hyphenated line breaks, ligatures,
 * no-break spaces, a flattened table), two also read as .docx. Each with the profile it must yield,
 * read by hand from its text.
 */

const DIR = path.resolve(__dirname, "../fixtures/terms");

interface Expected {
  readonly name: string;
  readonly legalName: string;
  readonly clients: readonly string[];
  readonly kinds: Readonly<Record<string, PaymentTerm>>;
  readonly defaultKind: string;
  readonly rate: PenaltyRate;
  readonly floor: RateFloor;
  readonly base: string;
  readonly fee: string;
  readonly subscription?: Pick<Plan, "schedule" | "notice" | "end"> & { earlyTermination: string };
  readonly questions: readonly string[];
  /** An article a rule must cite (as the text numbers it). */
  readonly cites: Readonly<Record<string, string>>;
}

const CORPUS: Readonly<Record<string, Expected>> = {
  // ARTICLE 5: « Un acompte de 30 % … exigé à la commande. Le solde est payable à la livraison » —
  // typed with page furniture and « sans es-/compte » cut at a line end. ARTICLE 6: 3 × the legal rate, 40 €.
  "atelier-bois-massif": {
    name: "ATELIER DU BOIS MASSIF",
    legalName: "ATELIER DU BOIS MASSIF SARL",
    clients: ["pro"],
    kinds: { deposit: { kind: "on-invoice" }, balance: { kind: "on-invoice", from: "delivery" } },
    defaultKind: "balance",
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    questions: [],
    cites: { balance: "5", rate: "6" },
  },
  // 7.2: « quarante-cinq (45) jours fin de mois à compter de la date d'émission » (the article numbers
  // skip from 3 to 7); 7.3: BCE + 10 points, the statutory default restated.
  "transports-durand": {
    name: "TRANSPORTS DURAND",
    legalName: "TRANSPORTS DURAND SAS",
    clients: ["pro"],
    kinds: { invoice: { kind: "days-end-of-month", days: 45 } },
    defaultKind: "invoice",
    rate: { kind: "ecb-plus", points: "10" },
    floor: "none",
    base: "invoice-amount",
    fee: "40",
    questions: ["end-of-month-method"],
    cites: { invoice: "7.2", rate: "7.3" },
  },
  // Article 5: fees « payables à réception », provisions (acomptes) « dès la signature »; Article 6:
  // 12 % l'an from the day after the due date; not for consumers (Article 1).
  "cabinet-prisme-conseil": {
    name: "Prisme",
    legalName: "PRISME CONSEIL SAS",
    clients: ["pro"],
    kinds: { invoice: { kind: "on-invoice" }, deposit: { kind: "on-invoice" } },
    defaultKind: "invoice",
    rate: { kind: "fixed", annualPercent: "12" },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    questions: [],
    cites: { invoice: "5", rate: "6" },
  },
  // 3.1–3.3: 24 months, then 12-month renewals, 3 months' notice before the term; 4.2: « payable le 10
  // du mois suivant la facture »; 4.3 training at 30 days; Article 5: 1,5 % a month = 18 % a year.
  "rosace-logiciel": {
    name: "ROSACE SOFTWARE",
    legalName: "ROSACE SOFTWARE SAS",
    clients: ["pro"],
    kinds: {
      subscription: { kind: "day-of-month", day: 10, monthsAfter: 1 },
      training: { kind: "days", days: 30 },
    },
    defaultKind: "subscription",
    rate: { kind: "fixed", annualPercent: "18" },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    subscription: {
      schedule: { anchor: "start-date", initialMonths: 24, renewalMonths: 12 },
      notice: { amount: 3, unit: "months" },
      end: "day-before-renewal",
      earlyTermination: "remaining-monthly-fees",
    },
    questions: [],
    cites: { subscription: "4.2", training: "4.3", rate: "5" },
  },
  // 3: a flattened table — « Première commande / Comptant à la commande / Commandes suivantes /
  // 30 jours date de réception de la facture »; 4: 3 × the legal rate on the TTC amount.
  "imprimerie-lumiere": {
    name: "IMPRIMERIE LUMIÈRE",
    legalName: "IMPRIMERIE LUMIÈRE SARL",
    clients: ["pro"],
    kinds: { "first-order": { kind: "on-invoice" }, invoice: { kind: "days", days: 30, from: "receipt" } },
    defaultKind: "invoice",
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "amount-incl-vat",
    fee: "40",
    questions: [],
    cites: { invoice: "3", rate: "4" },
  },
  // Article 3: a withdrawal right for households (consumers too); Article 4: deposit on signature, the
  // balance « à la réception des travaux »; Article 5: « taux légal en vigueur » (1 × the legal rate).
  "paysages-du-val": {
    name: "PAYSAGES DU VAL",
    legalName: "PAYSAGES DU VAL",
    clients: ["pro", "consumer"],
    kinds: { deposit: { kind: "on-invoice" }, balance: { kind: "on-invoice", from: "receipt" } },
    defaultKind: "balance",
    rate: { kind: "legal-multiple", factor: 1 },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    questions: [],
    cites: { balance: "4", rate: "5" },
  },
  // Article 5: « sans escompte à trente (30) jours nets date de facture »; Article 6: BCE + 10 points.
  "formation-cap-avenir": {
    name: "CAP AVENIR FORMATION",
    legalName: "CAP AVENIR FORMATION SAS",
    clients: ["pro"],
    kinds: { invoice: { kind: "days", days: 30 } },
    defaultKind: "invoice",
    rate: { kind: "ecb-plus", points: "10" },
    floor: "none",
    base: "invoice-amount",
    fee: "40",
    questions: [],
    cites: { invoice: "5", rate: "6" },
  },
  // 2.1–2.3: monthly, renewed by identical months, 15 days' notice; 3.2: « Elles sont payables à
  // réception » (the subscription invoices of 3.1).
  "nuage-hebergement": {
    name: "NUAGE HÉBERGEMENT",
    legalName: "NUAGE HÉBERGEMENT SAS",
    clients: ["pro"],
    kinds: { subscription: { kind: "on-invoice" } },
    defaultKind: "subscription",
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    subscription: {
      schedule: { anchor: "start-date", initialMonths: 1, renewalMonths: 1 },
      notice: { amount: 15, unit: "days" },
      end: "day-before-renewal",
      earlyTermination: "not-priced",
    },
    questions: [],
    cites: { subscription: "3.2", rate: "4" },
  },
  // Art. 4: « au plus tard le 15 du mois suivant la date de facture », export « comptant à la
  // commande », a 2 % discount; Art. 5: BCE + 10 points, never below 3 × the legal rate.
  "negoce-materiaux-sud": {
    name: "NÉGOCE MATÉRIAUX DU SUD",
    legalName: "NÉGOCE MATÉRIAUX DU SUD SA",
    clients: ["pro"],
    kinds: { invoice: { kind: "day-of-month", day: 15, monthsAfter: 1 }, export: { kind: "on-invoice" } },
    defaultKind: "invoice",
    rate: { kind: "ecb-plus", points: "10" },
    floor: "contractual",
    base: "invoice-amount",
    fee: "40",
    questions: [],
    cites: { invoice: "4", rate: "5" },
  },
  // ARTICLE 4: deposit on signature, balance « sous quinze jours à compter de la livraison du site »;
  // ARTICLE 5: « une pénalité de 15 % du montant de la facture », no period: a question.
  "agence-pixel-nord": {
    name: "Pixel Nord Studio",
    legalName: "PIXEL NORD SARL",
    clients: ["pro"],
    kinds: { deposit: { kind: "on-invoice" }, balance: { kind: "days", days: 15, from: "delivery" } },
    defaultKind: "balance",
    rate: { kind: "fixed", annualPercent: "15" },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    questions: ["penalty-rate-period"],
    cites: { balance: "4", rate: "5" },
  },
  // ARTICLE 2: a year, renewed by years, notice 3 months before the term by registered letter;
  // ARTICLE 4: fees at 30 days, repairs on receipt of the invoice; ARTICLE 5: « 3 fois le taux légal ».
  "ascenseurs-martin": {
    name: "ASCENSEURS MARTIN",
    legalName: "ASCENSEURS MARTIN SAS",
    clients: ["pro"],
    kinds: { subscription: { kind: "days", days: 30 }, invoice: { kind: "on-invoice" } },
    defaultKind: "invoice",
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    fee: "40",
    subscription: {
      schedule: { anchor: "start-date", initialMonths: 12, renewalMonths: 12 },
      notice: { amount: 3, unit: "months" },
      end: "day-before-renewal",
      earlyTermination: "not-priced",
    },
    questions: [],
    cites: { subscription: "4", rate: "5" },
  },
};

const text = (name: string) => readFileSync(path.join(DIR, `${name}.txt`), "utf8");

function check(r: TermsImport, e: Expected): void {
  if (!r.ok) throw new Error(r.message.en);
  const p = r.profile;
  expect([p.name, p.legalName, p.clients]).toEqual([e.name, e.legalName, e.clients]);
  expect(Object.fromEntries(p.invoiceKinds.map((k) => [k.id, k.term]))).toEqual(e.kinds);
  expect(p.defaultInvoiceKind).toBe(e.defaultKind);
  const lp = p.latePayment;
  expect([lp.rate, lp.floor, lp.base, lp.recoveryFee.amount]).toEqual([e.rate, e.floor, e.base, e.fee]);
  const s = p.subscription;
  if (e.subscription === undefined) expect(s.kind).toBe("none");
  else {
    const plan = s.kind === "plans" ? s.plans[0] : undefined;
    expect(plan && [plan.schedule, plan.notice, plan.end, plan.earlyTermination.kind]).toEqual([
      e.subscription.schedule,
      e.subscription.notice,
      e.subscription.end,
      e.subscription.earlyTermination,
    ]);
  }
  expect(r.report.questions.map((q) => q.id)).toEqual(e.questions);
  for (const [what, article] of Object.entries(e.cites)) {
    const clause = what === "rate" ? lp.clause : p.invoiceKinds.find((k) => k.id === what)?.clause;
    expect([what, clause?.map((c) => c.article)]).toEqual([what, expect.arrayContaining([article])]);
  }
  // The draft is the very shape a profile file holds: written and read back by the profile reader, unchanged.
  const file = importProfileJson(exportProfileJson(p).text);
  expect(file.ok && file.profile).toEqual(p);
  // Every proposal quotes the sentence it came from, as written in the text.
  for (const proposal of r.report.proposals)
    for (const source of proposal.sources) expect(source.sentence.length).toBeGreaterThan(0);
}

describe("terms of sale that are not the seeds, imported", () => {
  test.each(Object.keys(CORPUS))("%s", (name) => {
    check(importTermsText(text(name)), CORPUS[name] as Expected);
  });

  test("the PDF paste: running header and footer and page numbers set aside, the hyphenated word joined", () => {
    const r = importTermsText(text("atelier-bois-massif"));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.report.notes.map((n) => n.fr)).toContain(
      "8 ligne(s) de mise en page (numéros de page, en-têtes et pieds de page) écartée(s).",
    );
    const balance = r.report.proposals.find((p) => p.id === "payment:balance");
    expect(balance?.sources[0]?.sentence).toBe(
      "Le solde est payable à la livraison, par virement ou par chèque, sans escompte.",
    );
    // The fee sentence runs across a page break and a cut word: « frais de recouvre-/ment de quarante euros ».
    const fee = r.report.proposals.find((p) => p.id === "late:fee");
    expect(fee?.sources[0]?.sentence).toContain(
      "indemnité forfaitaire pour frais de recouvrement de quarante euros (40 €)",
    );
  });

  test.each(["agence-pixel-nord", "ascenseurs-martin"])(
    "%s as a Word document (.docx written with the docx package) yields the same profile",
    async (name) => {
      const doc = await docxText(await termsDocx(text(name)));
      if (!doc.ok) throw new Error(doc.message.en);
      check(importTermsText(doc.text), CORPUS[name] as Expected);
    },
  );
});
