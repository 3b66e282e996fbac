import { formatIsoDay, latePayment } from "../../src/engine";
import { bookTotals } from "../../src/recovery";
import { book, invoices, MARTIN } from "./fixtures";

const fixed = (d: { toFixed(n: number): string }) => d.toFixed(2);

describe("the hand-worked client (fixtures.ts: three OMI invoices, one partly paid, across two half-years)", () => {
  const { book: b, profile, settings } = book("omi", "2026-06-30", invoices(...MARTIN));
  const client = b.clients[0];

  test("its three invoices are one client, whatever the case and spacing of its name", () => {
    expect(b.clients).toHaveLength(1);
    expect(client?.name).toBe("Boulangerie Martin");
    expect(client?.invoices.map((c) => c.invoice.reference)).toEqual([
      "OMI-2025-101",
      "OMI-2025-115",
      "OMI-2026-007",
    ]);
    expect(client?.address).toBe("4 place du Marché\n69003 Lyon");
  });

  test("each invoice's periods, interest, fee and total are the figures worked by hand", () => {
    const lines = client?.invoices.map((c) => ({
      ref: c.invoice.reference,
      periods: c.statement.periods.map((p) => [
        formatIsoDay(p.from),
        formatIsoDay(p.to),
        p.days,
        fixed(p.interest),
      ]),
      interest: fixed(c.statement.interest),
      fee: fixed(c.statement.fee),
      total: fixed(c.statement.total),
      state: c.state,
    }));
    expect(lines).toEqual([
      {
        ref: "OMI-2025-101",
        periods: [
          ["2025-11-01", "2025-12-31", 61, "16.61"],
          ["2026-01-01", "2026-06-30", 181, "46.77"],
        ],
        interest: "63.38",
        fee: "40.00",
        total: "103.38",
        state: "unpaid",
      },
      {
        ref: "OMI-2025-115",
        periods: [
          ["2025-12-16", "2025-12-31", 16, "10.89"],
          ["2026-01-01", "2026-01-31", 31, "20.03"],
          ["2026-02-01", "2026-06-30", 150, "64.60"],
        ],
        interest: "95.52",
        fee: "40.00",
        total: "135.52",
        state: "unpaid",
      },
      {
        ref: "OMI-2026-007",
        periods: [["2026-03-13", "2026-06-30", 110, "20.13"]],
        interest: "20.13",
        fee: "40.00",
        total: "60.13",
        state: "unpaid",
      },
    ]);
  });

  test("the client's totals add the invoices: 4 050,00 principal, 299,03 penalties, 4 349,03 claimed", () => {
    const t = client?.totals;
    expect([t?.principal, t?.interest, t?.fees, t?.penalties, t?.claimed].map((d) => d && fixed(d))).toEqual([
      "4050.00",
      "179.03",
      "120.00",
      "299.03",
      "4349.03",
    ]);
    expect(fixed(bookTotals(b).claimed)).toBe("4349.03");
  });

  test("each invoice's total is LATEFEE's for the same invoice (one computation)", () => {
    for (const c of client?.invoices ?? []) {
      const direct = latePayment(profile, c.statement.engineInput!, settings);
      expect(fixed(c.statement.total)).toBe(fixed(direct.total));
    }
  });
});

describe("what recovery leaves out, and says", () => {
  const list = invoices(
    {
      ref: "F-1",
      client: "Garage du Port",
      amount: "500",
      due: "2026-01-31",
      status: "Contestée par le client",
    },
    { ref: "F-2", client: "Garage du Port", amount: "-120", due: "2026-02-28" },
    { ref: "F-3", client: "Garage du Port", amount: "800", due: "2026-02-28", disputed: true },
    { ref: "F-4", client: "Imprimerie Roy", amount: "900", due: "2026-03-31", collective: true },
    {
      ref: "F-5",
      client: "Imprimerie Roy",
      amount: "300",
      due: "2026-03-31",
      status: "Redressement judiciaire",
    },
    { ref: "F-6", client: "Café Noir", amount: "300", due: "2026-07-31" },
    { ref: "F-7", client: "Café Noir", amount: "300", due: "2026-05-31", paid: [["2026-05-30", "300"]] },
    { ref: "F-8", client: "Hôtel Azur", amount: "100", due: "2026-05-31", paid: [["2026-06-10", "-5"]] },
    { ref: "F-9", client: "Hôtel Azur", amount: "1000", due: "2026-05-31", status: "incontestable" },
  );
  const { book: b } = book("omi", "2026-06-30", list);

  test("a disputed invoice (status or mark), a credit note and a client in collective proceedings are excluded with why", () => {
    expect(b.excluded.map((e) => [e.invoice.reference, e.reason])).toEqual([
      ["F-1", "disputed"],
      ["F-2", "credit-note"],
      ["F-3", "disputed"],
      ["F-4", "collective-proceedings"],
      ["F-5", "collective-proceedings"],
      ["F-8", "invalid"],
    ]);
    const collective = b.excluded.find((e) => e.invoice.reference === "F-4")?.text.fr ?? "";
    expect(collective).toContain("mandataire judiciaire");
    expect(collective).toContain("L622-28");
    expect(b.excluded.find((e) => e.invoice.reference === "F-1")?.text.fr).toContain("ligne 2");
    expect(b.excluded.find((e) => e.invoice.reference === "F-8")?.text.fr).toContain(
      "montant doit être positif",
    );
  });

  test("a client with nothing late is named, and a word that merely contains « contest » does not exclude", () => {
    expect(b.nothingLate).toEqual(["Café Noir"]);
    expect(b.clients.map((c) => c.name)).toEqual(["Hôtel Azur"]);
    expect(b.clients[0]?.invoices.map((c) => c.invoice.reference)).toEqual(["F-9"]);
  });

  test("--client keeps one client", () => {
    const { book: one } = book(
      "omi",
      "2026-06-30",
      invoices(...MARTIN, { ref: "X", client: "Autre", amount: "10", due: "2026-01-01" }),
      "BOULANGERIE martin",
    );
    expect(one.clients.map((c) => c.name)).toEqual(["Boulangerie Martin"]);
  });
});

describe("invoices paid late", () => {
  test("are claimed for their penalties alone (principal 0)", () => {
    // 2 000 € due 31/03/2026 paid 30/04/2026: 30 days at 7,86 %: 2000 × 7,86 % × 30 / 365 = 12,92; + 40.
    const { book: b } = book(
      "omi",
      "2026-06-30",
      invoices({
        ref: "P-1",
        client: "Client P",
        amount: "2000",
        due: "2026-03-31",
        paid: [["2026-04-30", "2000"]],
      }),
    );
    const c = b.clients[0]?.invoices[0];
    expect(c?.state).toBe("paid-late");
    expect(c && [fixed(c.statement.outstanding), fixed(c.statement.total)]).toEqual(["0.00", "52.92"]);
    expect(fixed(b.clients[0]!.totals.claimed)).toBe("52.92");
  });
});

describe("a consumer client", () => {
  test("of OMI: no fee, and interest only from the formal notice recorded in « Dernière relance »", () => {
    // 1 000 € due 31/03/2026, formal notice 15/04/2026; legal rate 2026-H1 2,62 %:
    // 16/04–30/06/2026 = 76 days: 1000 × 2,62 % × 76 / 365 = 5,4553 → 5,46.
    const { book: b } = book(
      "omi",
      "2026-06-30",
      invoices({
        ref: "C-1",
        client: "M. Durand",
        type: "consumer",
        amount: "1000",
        due: "2026-03-31",
        last: ["mise-en-demeure", "2026-04-15"],
      }),
    );
    const s = b.clients[0]?.invoices[0]?.statement;
    expect(s && [fixed(s.interest), fixed(s.fee), s.basis.kind]).toEqual(["5.46", "0.00", "civil-code"]);
  });
});

describe("prescription", () => {
  test("an invoice within 6 months of its 5 years is flagged with the date and why", () => {
    const { book: b } = book(
      "omi",
      "2026-06-30",
      invoices({ ref: "OLD", client: "Ancien", amount: "100", due: "2021-09-30" }),
    );
    const p = b.clients[0]?.invoices[0]?.prescription;
    expect(p?.state).toBe("near");
    expect(p?.text?.fr).toContain("30/09/2026");
  });
});
