import { iso } from "../../src/engine";
import { planLetters, type Letter, type LetterBlock } from "../../src/recovery";
import { book, COMPANY, invoices, MARTIN } from "./fixtures";

/** All the text of a letter model, as a reader would see it. */
function textOf(l: Letter): string {
  const block = (b: LetterBlock): string[] =>
    b.kind === "table"
      ? [
          b.columns.map((c) => c.header).join(" | "),
          ...b.rows.map((r) => r.join(" | ")),
          (b.total ?? []).join(" | "),
        ]
      : b.kind === "quote"
        ? [b.text, b.source]
        : [b.text];
  return [
    l.sender.name,
    ...l.sender.lines,
    l.recipient.name,
    ...l.recipient.lines,
    l.dateLine,
    l.title ?? "",
    l.registered ?? "",
    l.subject,
    ...l.blocks.flatMap(block),
    l.legalBasis ?? "",
  ].join("\n");
}

const NNBSP = "\u202f";

describe("the formal notice of the hand-worked client", () => {
  const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));
  const run = planLetters(b, { level: "mise-en-demeure", profile, company: COMPANY });
  const letter = run.letters[0]!;
  const text = textOf(letter);

  test("carries what French practice expects of a mise en demeure (Code civil 1344)", () => {
    expect(run.letters).toHaveLength(1);
    expect(letter.title).toBe("MISE EN DEMEURE DE PAYER");
    expect(text).toContain("mise en demeure");
    expect(letter.registered).toContain("Lettre recommandée avec accusé de réception n°");
    expect(letter.dateLine).toBe("Paris, le 30/06/2026");
    // Both parties: the sender's name, address, SIREN; the client's name and address.
    expect(text).toContain("OMI SAS");
    expect(text).toContain("18 rue des Lilas");
    expect(text).toContain("SIREN 732\u00a0829\u00a0320");
    expect(text).toContain("Boulangerie Martin\n4 place du Marché\n69003 Lyon");
    // IBAN for the payment.
    expect(text).toContain("FR76 3000 6000 0112 3456 7890 189");
  });

  test("lists each invoice with amount and due date, the penalties with rate and period, the 40 € per invoice, the total", () => {
    for (const ref of ["OMI-2025-101", "OMI-2025-115", "OMI-2026-007"]) expect(text).toContain(ref);
    expect(text).toContain(
      `OMI-2025-115 | 15/11/2025 | 15/12/2025 | 3${NNBSP}000,00 € | 2${NNBSP}000,00 € | 197 | 95,52 € | 40,00 €`,
    );
    expect(text).toContain(
      "OMI-2025-101 | 01/11/2025 | 31/12/2025 | 61 | 1\u202f200,00 € | 3 × taux légal 2e semestre 2025 (2,76 %) = 8,28 % | 16,61 €",
    );
    expect(text).toContain("indemnité forfaitaire pour frais de recouvrement de 40 €");
    expect(text).toContain(`soit un total de 4${NNBSP}349,03 €`);
  });

  test("asks for payment within 8 days (30/06/2026 + 8 = 08/07/2026) and says what follows", () => {
    // 30/06/2026 + 8 days = 08/07/2026.
    expect(letter.deadline).toBe(iso("2026-07-08"));
    expect(text).toContain("au plus tard le 08/07/2026, soit dans un délai de 8 jours");
    expect(text).toContain("injonction de payer");
  });

  test("cites its legal basis and quotes the vendor's clause with its article", () => {
    expect(letter.legalBasis).toBe(
      "Fondements : Code civil, art. 1344 ; Code de commerce, art. L441-10 II et D441-5 ; OMI CGA art. 6.3 (conditions générales).",
    );
    expect(text).toContain("l'article 6.3 de nos conditions générales");
    expect(text).toContain("pénalités de retard égales à trois fois le taux d'intérêt légal");
    expect(text).not.toMatch(/L\.? ?441-6/);
  });

  test("its placeholders hold the same figures for a user's template", () => {
    expect(letter.fields.get("total")).toBe(`4${NNBSP}349,03 €`);
    expect(letter.fields.get("date_limite")).toBe("08/07/2026");
    expect(letter.invoiceFields.map((f) => f.get("facture.numero"))).toEqual([
      "OMI-2025-101",
      "OMI-2025-115",
      "OMI-2026-007",
    ]);
  });
});

describe("the reminders", () => {
  const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));

  test("a first reminder has no deadline and states the penalties already due", () => {
    const l = planLetters(b, { level: "rappel", profile, company: COMPANY }).letters[0]!;
    const text = textOf(l);
    expect(l.deadline).toBeUndefined();
    expect(l.subject).toBe("Objet : rappel — factures échues (OMI-2025-101, OMI-2025-115, OMI-2026-007)");
    expect(text).toContain(`Le montant restant dû s'élève à 4${NNBSP}050,00 €.`);
    expect(text).toContain("elles s'élèvent à 299,03 €");
  });

  test("a second reminder asks for the total by a date, in English too", () => {
    const l = planLetters(b, {
      level: "relance",
      profile,
      company: COMPANY,
      lang: "en",
      date: iso("2026-07-02"),
    }).letters[0]!;
    expect(l.dateLine).toBe("Paris, 2026-07-02");
    expect(textOf(l)).toContain("Please pay us 4,349.03 € by 2026-07-10 at the latest");
  });
});

describe("guardrails before anything is sent", () => {
  test("no « Mon entreprise »: nothing is written, and the run says where to fill it in", () => {
    const { book: b, profile } = book("omi", "2026-06-30", invoices(...MARTIN));
    const run = planLetters(b, { level: "rappel", profile, company: undefined });
    expect(run.letters).toEqual([]);
    expect(run.blocked?.fr).toContain("Paramètres > Mon entreprise");
  });

  test("a client without an address gets « adresse à compléter » and is listed", () => {
    const { book: b, profile } = book(
      "omi",
      "2026-06-30",
      invoices({ ref: "N-1", client: "Sans Adresse", amount: "100", due: "2026-05-31" }),
    );
    const run = planLetters(b, { level: "rappel", profile, company: COMPANY });
    expect(run.letters[0]?.recipient).toEqual({
      name: "Sans Adresse",
      lines: ["[adresse à compléter]"],
      addressMissing: true,
    });
    expect(run.notices.map((n) => n.kind)).toEqual(["missing-address"]);
  });

  test("nothing late, penalties only, a missing rate: no letter, each said", () => {
    const { book: b, profile } = book(
      "omi",
      "2026-08-31",
      invoices(
        { ref: "A", client: "À jour", amount: "100", due: "2026-09-30" },
        { ref: "B", client: "Payé tard", amount: "100", due: "2026-03-31", paid: [["2026-04-30", "100"]] },
        { ref: "C", client: "Second semestre", amount: "100", due: "2026-06-30", address: "1 rue X" },
      ),
    );
    const run = planLetters(b, { level: "relance", profile, company: COMPANY });
    expect(run.letters).toEqual([]);
    expect(run.notices.map((n) => [n.kind, n.client])).toEqual([
      ["nothing-late", "À jour"],
      ["penalties-only", "Payé tard"],
      ["missing-rate", "Second semestre"],
    ]);
    expect(run.notices[2]?.text.fr).toContain("2e semestre 2026");
  });

  test("a letter lists the unpaid invoices; one paid late is left to the penalty note, and said", () => {
    // U-1: 1 000 € due 31/03/2026, unpaid: 91 d at 7,86 % = 19,60 €; + 40 → principal 1 000, total 1 059,60 €.
    // U-2: paid late on 30/04/2026: its penalties go to the note, not to the letter.
    const { book: b, profile } = book(
      "omi",
      "2026-06-30",
      invoices(
        { ref: "U-1", client: "Client U", amount: "1000", due: "2026-03-31", address: "1 rue" },
        { ref: "U-2", client: "Client U", amount: "500", due: "2026-03-31", paid: [["2026-04-30", "500"]] },
      ),
    );
    const run = planLetters(b, { level: "relance", profile, company: COMPANY });
    const l = run.letters[0]!;
    expect(l.invoiceFields.map((f) => f.get("facture.numero"))).toEqual(["U-1"]);
    expect(l.fields.get("total")).toBe(`1${NNBSP}059,60 €`);
    expect(run.notices.map((n) => n.text.fr)).toEqual([
      "Client U : U-2 payée en retard — hors de la lettre, qui ne reprend que les factures impayées ; ses pénalités se réclament par une note de débit.",
      "Client U, facture U-1 : relance sans rappel enregistré — niveau pris hors de l'ordre habituel (permis : les pénalités sont dues sans relance).",
    ]);
  });

  test("a formal notice with no reminder recorded is written, and said", () => {
    const { book: b, profile } = book(
      "omi",
      "2026-06-30",
      invoices({ ref: "M-1", client: "Client M", amount: "100", due: "2026-05-31", address: "1 rue" }),
    );
    const run = planLetters(b, { level: "mise-en-demeure", profile, company: COMPANY });
    expect(run.letters).toHaveLength(1);
    expect(run.notices.map((n) => n.kind)).toEqual(["level-order"]);
  });

  test("a consumer of terms with no consumer rate: no 40 €, the legal rate from the notice, and Code civil 1231-6 cited", () => {
    const { book: b, profile } = book(
      "omi",
      "2026-06-30",
      invoices({
        ref: "K-1",
        client: "Mme Petit",
        type: "consumer",
        amount: "750",
        due: "2026-04-30",
        address: "2 rue Y",
      }),
    );
    const l = planLetters(b, { level: "mise-en-demeure", profile, company: COMPANY }).letters[0]!;
    const text = textOf(l);
    expect(text).toContain("articles 1231-6 et 1344-1 du Code civil");
    expect(text).not.toContain("40 €");
    expect(text).toContain("vous nous restez donc redevable de la somme de 750,00 €");
    expect(l.legalBasis).toBe("Fondements : Code civil, art. 1344, 1231-6 et 1344-1.");
  });

  test("an invoice near prescription is named in the run", () => {
    const { book: b, profile } = book(
      "omi",
      "2026-06-30",
      invoices({ ref: "OLD", client: "Ancien", amount: "100", due: "2021-09-30", address: "x" }),
    );
    const run = planLetters(b, { level: "rappel", profile, company: COMPANY });
    expect(run.notices.find((n) => n.kind === "prescription")?.text.fr).toContain(
      "OLD : Prescription proche",
    );
  });
});
