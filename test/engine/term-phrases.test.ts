import { readFileSync } from "node:fs";
import path from "node:path";
import {
  applyPaymentTerm,
  describePaymentTerm,
  dueDate,
  DEFAULT_SETTINGS,
  formatIsoDay,
  iso,
  LAW_VENDOR,
  normaliseFrench,
  numberFromWords,
  parsePaymentTermText,
  renderExplanation,
  scanTermPhrases,
  Trace,
  type PaymentTerm,
  type VendorProfile,
} from "../../src/engine";

const terms = (text: string) => parsePaymentTermText(text).candidates.map((c) => c.term);

/**
 * Issue 23: the phrasings French terms of sale use, each with the term it must yield. "fin de mois"
 * terms have two lawful methods (docs/terms.md#fin-de-mois-payment-terms), so they read as two
 * candidates with the same term and a question; `eom` says so.
 */
const PHRASINGS: readonly (readonly [string, PaymentTerm, ("eom" | "eom-then-days")?])[] = [
  // The ten the issue found not understood.
  ["payable le 10 du mois suivant", { kind: "day-of-month", day: 10, monthsAfter: 1 }],
  ["30 jours date de réception", { kind: "days", days: 30, from: "receipt" }],
  ["sous 15 jours", { kind: "days", days: 15 }],
  ["dans un délai de 30 jours", { kind: "days", days: 30 }],
  ["trente jours fin de mois", { kind: "days-end-of-month", days: 30 }, "eom"],
  ["quarante-cinq jours fin de mois", { kind: "days-end-of-month", days: 45 }, "eom"],
  ["paiement comptant à réception", { kind: "on-invoice" }],
  ["à la livraison", { kind: "on-invoice", from: "delivery" }],
  ["45 jours fin de mois à compter de la date d'émission", { kind: "days-end-of-month", days: 45 }, "eom"],
  ["30 jours date de facture, sans escompte", { kind: "days", days: 30 }],
  // Numbers in words.
  ["trente (30) jours", { kind: "days", days: 30 }],
  ["soixante jours", { kind: "days", days: 60 }],
  ["soixante (60) jours date de facture", { kind: "days", days: 60 }],
  ["quinze (15) jours nets", { kind: "days", days: 15 }],
  ["trente et un jours", { kind: "days", days: 31 }],
  ["soixante-dix jours", { kind: "days", days: 70 }],
  ["quatre-vingt-dix jours", { kind: "days", days: 90 }],
  ["45 (quarante-cinq) jours fin de mois", { kind: "days-end-of-month", days: 45 }, "eom"],
  // The forms the issue lists.
  ["au plus tard le 15 du mois suivant", { kind: "day-of-month", day: 15, monthsAfter: 1 }],
  [
    "Règlement au plus tard le 15 du mois suivant la facture",
    { kind: "day-of-month", day: 15, monthsAfter: 1 },
  ],
  ["à 45 jours", { kind: "days", days: 45 }],
  ["30 jours nets", { kind: "days", days: 30 }],
  ["30 jours net", { kind: "days", days: 30 }],
  ["30 jours à compter de la réception", { kind: "days", days: 30, from: "receipt" }],
  ["30 jours à compter de la réception de la facture", { kind: "days", days: 30, from: "receipt" }],
  ["45 jours à compter de la date d'émission", { kind: "days", days: 45 }],
  ["30 jours à compter de la livraison", { kind: "days", days: 30, from: "delivery" }],
  ["30 jours à compter de la date de livraison", { kind: "days", days: 30, from: "delivery" }],
  ["30 jours après l'exécution de la prestation", { kind: "days", days: 30, from: "delivery" }],
  ["le 5 du mois suivant", { kind: "day-of-month", day: 5, monthsAfter: 1 }],
  ["le 10 du mois suivant la livraison", { kind: "day-of-month", day: 10, monthsAfter: 1, from: "delivery" }],
  ["payable à réception", { kind: "on-invoice" }],
  ["comptant", { kind: "on-invoice" }],
  ["comptant à réception", { kind: "on-invoice" }],
  ["dès réception de la facture", { kind: "on-invoice" }],
  ["à réception de la facture d'acompte", { kind: "on-invoice" }],
  ["à réception des marchandises", { kind: "on-invoice", from: "receipt" }],
  ["à la commande", { kind: "on-invoice" }],
  ["à la signature du devis", { kind: "on-invoice" }],
  ["à la confirmation de commande", { kind: "on-invoice" }],
  ["avant la mise en production", { kind: "on-invoice" }],
  ["30 jours fin de mois, net", { kind: "days-end-of-month", days: 30 }, "eom"],
  [
    "dans les 8 jours suivant la réception de la confirmation de commande",
    { kind: "days", days: 8, from: "order" },
  ],
  ["30 jours à compter de la commande", { kind: "days", days: 30, from: "order" }],
  [
    "30 jours fin de mois maximum après la date d'émission de la facture correspondante",
    { kind: "days-end-of-month", days: 30 },
    "eom",
  ],
  [
    "30 jours fin de mois à compter de la livraison",
    { kind: "days-end-of-month", days: 30, from: "delivery" },
    "eom",
  ],
  ["sous huitaine", { kind: "days", days: 8 }],
  ["sous quinzaine", { kind: "days", days: 15 }],
  ["30 jours calendaires", { kind: "days", days: 30 }],
  ["Conditions de paiement : 30 jours par virement", { kind: "days", days: 30 }],
  // The rest of the forms docs/vendor-import.md lists.
  ["30 jours", { kind: "days", days: 30 }],
  ["à 30 jours", { kind: "days", days: 30 }],
  ["30 jours fin de mois", { kind: "days-end-of-month", days: 30 }, "eom"],
  ["30 jours date de facture", { kind: "days", days: 30 }],
  ["45 jours à compter de la date d'émission de la facture", { kind: "days", days: 45 }],
  ["30 jours après la date d'émission de la facture correspondante", { kind: "days", days: 30 }],
  ["30 j fdm", { kind: "days-end-of-month", days: 30 }, "eom"],
  ["45 jours fin de mois le 10", { kind: "days-end-of-month", days: 45, dayOfMonth: 10 }, "eom"],
  ["fin de mois + 45 jours", { kind: "days-end-of-month", days: 45 }, "eom-then-days"],
  ["fin de mois", { kind: "days-end-of-month", days: 0 }],
  ["fin de mois le 10", { kind: "days-end-of-month", days: 0, dayOfMonth: 10 }],
  ["le 10 du mois suivant", { kind: "day-of-month", day: 10, monthsAfter: 1 }],
  ["au plus tard le 15 du mois suivant la facture", { kind: "day-of-month", day: 15, monthsAfter: 1 }],
  ["le 10 du 2e mois suivant la facture", { kind: "day-of-month", day: 10, monthsAfter: 2 }],
  ["à réception", { kind: "on-invoice" }],
  ["à réception de la facture", { kind: "on-invoice" }],
  ["dès réception", { kind: "on-invoice" }],
  ["au comptant", { kind: "on-invoice" }],
  ["à la signature", { kind: "on-invoice" }],
  ["avant la livraison", { kind: "on-invoice" }],
  ["paiement immédiat", { kind: "on-invoice" }],
  ["payable immédiatement", { kind: "on-invoice" }],
  ["à réception des travaux", { kind: "on-invoice", from: "receipt" }],
  ["à la date de réception", { kind: "on-invoice", from: "receipt" }],
  [
    "30 jours fin de mois, jamais au-delà de 45 jours fin de mois",
    { kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 },
    "eom",
  ],
  [
    "30 jours fin de mois sans pouvoir dépasser 45 jours fin de mois",
    { kind: "days-end-of-month", days: 30, capDaysEndOfMonth: 45 },
    "eom",
  ],
  ["aucun délai", { kind: "legal-default" }],
  ["non précisé", { kind: "legal-default" }],
  ["délai légal", { kind: "legal-default" }],
  // Text pasted from a PDF: no-break spaces, curly apostrophes, a ligature, capitals.
  [
    "45\u00a0JOURS FIN DE MOIS À COMPTER DE LA DATE D’ÉMISSION",
    { kind: "days-end-of-month", days: 45 },
    "eom",
  ],
  ["paiement à 30 jours ﬁn de mois", { kind: "days-end-of-month", days: 30 }, "eom"],
  // English, as the form has always read it.
  ["30 days from delivery", { kind: "days", days: 30, from: "delivery" }],
  ["on delivery", { kind: "on-invoice", from: "delivery" }],
  ["net 45", { kind: "days", days: 45 }],
];

describe("payment terms as French contracts write them (issue 23)", () => {
  test.each(PHRASINGS.map(([text, term, eom]) => [text, term, eom ?? ""] as const))(
    "« %s » reads as %j %s",
    (text, term, eom) => {
      const r = parsePaymentTermText(text);
      if (eom === "eom-then-days") {
        // The text says the method itself: one reading, no question.
        expect(r.candidates.map((c) => [c.term, c.method])).toEqual([[term, "eom-then-days"]]);
        expect(r.question).toBeUndefined();
      } else if (eom === "eom") {
        // Both lawful methods, the usual one (days then end of month) first, and a question.
        expect(r.candidates.map((c) => [c.term, c.method])).toEqual([
          [term, "days-then-eom"],
          [term, "eom-then-days"],
        ]);
        expect(r.question?.fr).toMatch(/méthode de fin de mois/);
      } else {
        expect(r.candidates.map((c) => c.term)).toEqual([term]);
        expect(r.question).toBeUndefined();
      }
    },
  );

  test("every phrasing docs/vendor-import.md lists is one of the phrasings tested here", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../docs/vendor-import.md"), "utf8");
    const table = doc.slice(doc.indexOf("| the text says"), doc.indexOf("Not read as terms"));
    const listed = table
      .split("\n")
      .filter((line) => line.startsWith("| «"))
      .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/«\s*(.*?)\s*»/g)].map((m) => m[1]));
    expect(listed.length).toBeGreaterThan(50);
    const tested = new Set(PHRASINGS.map(([text]) => text));
    expect(listed.filter((p) => !tested.has(p as string))).toEqual([]);
  });

  test("a term counted from receipt, delivery or order reads back from the engine's own wording, in both languages", () => {
    const samples: PaymentTerm[] = [
      { kind: "on-invoice", from: "receipt" },
      { kind: "on-invoice", from: "delivery" },
      { kind: "on-invoice", from: "order" },
      { kind: "days", days: 30, from: "receipt" },
      { kind: "days", days: 30, from: "delivery" },
      { kind: "days", days: 8, from: "order" },
      { kind: "days-end-of-month", days: 45, from: "delivery" },
      { kind: "days-end-of-month", days: 30, dayOfMonth: 10, from: "receipt" },
      { kind: "day-of-month", day: 10, monthsAfter: 1, from: "delivery" },
      { kind: "day-of-month", day: 5, monthsAfter: 2, from: "receipt" },
      { kind: "legal-default" },
    ];
    for (const term of samples)
      for (const lang of ["fr", "en"] as const) {
        const text = describePaymentTerm(term)[lang];
        expect([lang, text, terms(text)[0]]).toEqual([lang, text, term]);
      }
    expect(describePaymentTerm({ kind: "days", days: 30, from: "receipt" }).fr).toBe(
      "30 jours à compter de la réception",
    );
    expect(describePaymentTerm({ kind: "on-invoice", from: "delivery" }).fr).toBe("à la livraison");
  });

  test.each([
    ["30 jours ouvrés", "working days are not a payment term this reader knows"],
    ["le 45 du mois suivant", "there is no 45th"],
    ["9999 jours", "beyond a year"],
    ["quand le client le voudra", "no term at all"],
    ["40 % à la commande, le solde à 30 jours", "two terms in one field"],
    ["30 jours sauf accord contraire", "words that change the term"],
  ])("« %s » is not understood (%s)", (text) => {
    const r = parsePaymentTermText(text);
    expect(r.candidates).toEqual([]);
    expect(r.question?.fr).toMatch(/^Délai de paiement non compris/);
  });

  test("a term from receipt is counted from the date given, and its explanation says which date that is", () => {
    // 30 days from receipt, goods received 10 March 2025 → 9 April 2025.
    const profile: VendorProfile = {
      ...LAW_VENDOR,
      id: "acme",
      name: "Acme",
      invoiceKinds: [
        {
          id: "invoice",
          label: { en: "Invoice", fr: "Facture" },
          term: { kind: "days", days: 30, from: "receipt" },
          clause: [{ document: "Acme CGV", article: "7" }],
        },
      ],
    };
    const trace = new Trace();
    const due = dueDate(profile, iso("2025-03-10"), undefined, DEFAULT_SETTINGS, trace);
    expect(formatIsoDay(due)).toBe("2025-04-09");
    const fr = renderExplanation(trace, "fr");
    expect(fr).toContain(
      "Ce délai court à compter de la date de réception : il est compté de la date donnée, le 10/03/2025 (la date de réception si elle est connue, sinon la date de facture).",
    );
    expect(fr).toContain("30 jours calendaires après la date de réception : 09/04/2025.");
  });

  test("a term from delivery computes like the same term from the invoice date, on the date it is given", () => {
    // « à la livraison »: due on the day given; « 30 jours fin de mois à compter de la livraison »,
    // delivered 31 Jan 2025: + 30 days = 2 Mar, end of March = 31 Mar (usual method).
    expect(
      formatIsoDay(
        applyPaymentTerm({ kind: "on-invoice", from: "delivery" }, iso("2025-05-07"), "days-then-eom"),
      ),
    ).toBe("2025-05-07");
    expect(
      formatIsoDay(
        applyPaymentTerm(
          { kind: "days-end-of-month", days: 30, from: "delivery" },
          iso("2025-01-31"),
          "days-then-eom",
        ),
      ),
    ).toBe("2025-03-31");
  });
});

describe("French contract text in its plain form", () => {
  test.each([
    ["trente", 30],
    ["quarante cinq", 45],
    ["soixante", 60],
    ["soixante et onze", 71],
    ["quatre vingt", 80],
    ["quatre vingt dix neuf", 99],
    ["cent vingt", 120],
    ["deux cents", 200],
    ["trois cent soixante cinq", 365],
  ])("« %s » is %d", (words, n) => {
    expect(numberFromWords(words)).toBe(n);
  });

  test("numbers in words become digits, and « trente (30) » one number; articles stay words", () => {
    expect(normaliseFrench("Trente (30) jours")).toBe("30 jours");
    expect(normaliseFrench("30 (trente) jours")).toBe("30 jours");
    expect(normaliseFrench("quarante-cinq jours")).toBe("45 jours");
    expect(normaliseFrench("un (1) an")).toBe("1 an");
    expect(normaliseFrench("une facture, un délai, un matériel neuf")).toBe(
      "une facture un delai un materiel neuf",
    );
    expect(normaliseFrench("dix pour cent")).toBe("10 %");
    expect(normaliseFrench("le 1er du 2e mois")).toBe("le 1 du 2 mois");
    expect(normaliseFrench("3,5 %")).toBe("3.5 %");
  });

  test("the scan finds every term in a sentence, the earliest and longest phrase winning", () => {
    const plain = normaliseFrench(
      "40 % d'acompte à la signature du Devis, le solde à 30 jours fin de mois, jamais au-delà de 45 jours fin de mois.",
    );
    expect(scanTermPhrases(plain).map((m) => [m.phrase, m.text])).toEqual([
      ["at-order", "a la signature du devis"],
      ["days-end-of-month", "30 jours fin de mois"],
      ["ceiling", "jamais au dela de 45 jours fin de mois"],
    ]);
  });

  test("the scan is linear: 8 times the text takes about 8 times as long", () => {
    const sentence =
      "Le solde est payable à trente (30) jours fin de mois à compter de la date d'émission de la facture, sans escompte. ";
    // The best of three runs per size: a collection or another test's worker on the same core
    // lengthens one run, not all three. Both texts are larger than a processor's cache (8,000
    // sentences are 1.9 MB): a smaller one that fits in it runs some four times faster per sentence
    // and would read as a superlinear scan. A quadratic scan would take ~64 times as long.
    const time = (copies: number) => {
      const plain = normaliseFrench(sentence.repeat(copies));
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const t0 = process.hrtime.bigint();
        const n = scanTermPhrases(plain).length;
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
        expect(n).toBe(copies);
      }
      return best;
    };
    time(200); // warm-up
    const small = time(8_000);
    const large = time(64_000);
    console.log(
      `scanTermPhrases: ${small.toFixed(1)} ms for 8 000 sentences, ${large.toFixed(1)} ms for 64 000`,
    );
    expect(large / small).toBeLessThan(20);
  });
});
