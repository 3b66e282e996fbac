import {
  applyRegisterSync,
  formatSummary,
  recognizeHeaders,
  type CellValue,
  type RegisterMode,
} from "../../src/apply";
import { dayToSerial } from "../../src/input/cell-values";
import { iso } from "../../src/engine";

/** Excel serial of an ISO date (test input and expected dates are written as ISO for readability). */
const serial = (d: string): number => dayToSerial(iso(d));

function apply(
  mode: RegisterMode,
  headers: string[],
  rows: CellValue[][],
  extra: { vendor?: string; asOf: string; lang?: "fr" | "en"; defaults?: object },
) {
  const rec = recognizeHeaders(headers, { mode });
  return applyRegisterSync(rows, { mode, mapping: rec.mapping, headers, ...extra });
}

const INVOICE_HEADERS = [
  "N° facture",
  "Date facture",
  "Montant TTC",
  "Échéance",
  "Payé le",
  "Montant payé",
  "Type de facture",
];

describe("invoice rows", () => {
  it("omi invoice of 2500 € due 31 Jan 2025 paid 2 Mar 2025: 22.87 interest + 40 fee", () => {
    // 30 days late (1 Feb – 2 Mar), 2025-H1 rate 3 × 3.71 % = 11.13 % (CGA 6.3):
    // 2500 × 0.1113 × 30 / 365 = 22.869… → 22.87; + 40 € (D441-5) = 62.87.
    const r = apply(
      "invoices",
      INVOICE_HEADERS,
      [["F-1", "2025-01-01", 2500, "2025-01-31", "2025-03-02", "", ""]],
      { vendor: "omi", asOf: "2025-06-30" },
    );
    expect(r.rows[0]).toEqual([serial("2025-01-31"), 30, 22.87, 40, 62.87, "Payée avec 30 jours de retard"]);
    expect(r.results[0]?.state).toBe("paid-late");
  });

  it("computes the due date from the invoice date and kind when the register has none", () => {
    // omi: invoice date + 30 days (6.3): 10 Mar 2025 → 9 Apr 2025. Not yet due on 20 Mar.
    const r = apply("invoices", INVOICE_HEADERS, [["F-2", "10/03/2025", "1 234,56 €", "", "", "", ""]], {
      vendor: "omi",
      asOf: "2025-03-20",
    });
    expect(r.rows[0]).toEqual([serial("2025-04-09"), 0, 0, 0, 0, "À payer au plus tard le 09/04/2025"]);
    expect(r.results[0]?.nextDeadline).toBe(serial("2025-04-09"));
  });

  it("reads French invoice kinds: a Sillage 'Formation' invoice is due 15 days after its date", () => {
    // 7.2.2: training balance, + 15 days: 20 Jun 2025 → 5 Jul 2025.
    const r = apply("invoices", INVOICE_HEADERS, [["S-1", "2025-06-20", 900, "", "", "", "Formation"]], {
      vendor: "sillage",
      asOf: "2025-06-21",
    });
    expect(r.rows[0]?.[0]).toBe(serial("2025-07-05"));
  });

  it("digitalli unpaid 8000 € across the mid-2024 rate change, with the contract's own floor", () => {
    // Due 15 Jun 2024, unpaid on 15 Jul 2024: 15 days in 2024-H1 at max(14.50, 15.21) = 15.21 %
    // and 15 days in 2024-H2 at max(14.25, 14.76) = 14.76 %:
    // 8000 × (0.1521 + 0.1476) × 15 / 365 = 98.5315… → 98.53; + 40 = 138.53 (art. 9).
    const r = apply("invoices", INVOICE_HEADERS, [["D-1", "", 8000, "2024-06-15", "", "", ""]], {
      vendor: "digitalli",
      asOf: "2024-07-15",
    });
    expect(r.rows[0]).toEqual([serial("2024-06-15"), 30, 98.53, 40, 138.53, "Impayée — 30 jours de retard"]);
    expect(r.results[0]?.state).toBe("late");
  });

  it("a partly paid invoice accrues on the balance: sillage 2000 €, 1000 € paid 10 days late", () => {
    // Due 1 Mar 2025; 1000 € paid 11 Mar; as of 31 Mar. At 11.13 % (2025-H1, 3 × 3.71 %):
    // 2000 × 10 days + 1000 × 20 days = 40 000 euro-days → 40 000 × 0.1113 / 365 = 12.197… → 12.20; + 40.
    const r = apply("invoices", INVOICE_HEADERS, [["S-2", "", 2000, "2025-03-01", "2025-03-11", 1000, ""]], {
      vendor: "sillage",
      asOf: "2025-03-31",
    });
    expect(r.rows[0]?.slice(0, 5)).toEqual([serial("2025-03-01"), 30, 12.2, 40, 52.2]);
    expect(r.results[0]?.state).toBe("partly-paid");
    expect(r.results[0]?.status).toMatch(/^Partiellement payée — reste 1\s000,00 €, 30 jours de retard$/);
  });

  it("an amount paid equal to the amount is a full payment on the paid date", () => {
    const r = apply("invoices", INVOICE_HEADERS, [["F-3", "", 2500, "2025-01-31", "2025-01-31", 2500, ""]], {
      vendor: "omi",
      asOf: "2025-06-30",
    });
    expect(r.rows[0]).toEqual([serial("2025-01-31"), 0, 0, 0, 0, "Payée à temps"]);
  });

  it("xiahdeh's flat reading and a consumer client: 10 % of the amount, no 40 € fee", () => {
    // 16.4, option flat: a one-off 10 % of 1000 € = 100 €; consumer client: no fee, no B2B floor.
    const headers = ["Date facture", "Montant", "Payé le", "Type client"];
    const r = apply("invoices", headers, [["2025-01-01", 1000, "2025-03-15", "Particulier"]], {
      vendor: "xiahdeh+flat",
      asOf: "2025-06-30",
    });
    // balance: go-live invoice + 30 days → 31 Jan; paid 15 Mar: 43 days late.
    expect(r.rows[0]?.slice(0, 5)).toEqual([serial("2025-01-31"), 43, 100, 0, 100]);
  });

  it("English statuses", () => {
    const r = apply("invoices", INVOICE_HEADERS, [["F-1", "", 2500, "2025-01-31", "", "", ""]], {
      vendor: "omi",
      asOf: "2025-03-02",
      lang: "en",
    });
    expect(r.results[0]?.status).toBe("Unpaid — 30 days late");
  });

  it("a per-row vendor column, by id, name or spec with options", () => {
    const headers = ["Fournisseur", "Date facture", "Montant", "Payé le"];
    const r = apply(
      "invoices",
      headers,
      [
        ["OMI", "2025-03-10", 100, ""],
        ["Digitalli SAS", "2025-02-15", 100, ""],
        ["xiahdeh+flat", "2025-01-01", 100, ""],
        ["Inconnu", "2025-01-01", 100, ""],
      ],
      { asOf: "2025-01-02" },
    );
    // omi + 30 days; digitalli 30 days end of month (15 Feb + 30 = 17 Mar → 31 Mar); xiahdeh balance + 30 days.
    expect(r.rows.slice(0, 3).map((row) => row[0])).toEqual([
      serial("2025-04-09"),
      serial("2025-03-31"),
      serial("2025-01-31"),
    ]);
    expect(r.results[3]?.status).toMatch(
      /^Ligne 5, colonne « Fournisseur » : le fournisseur « Inconnu » est inconnu/,
    );
  });
});

describe("bad rows", () => {
  const rows: CellValue[][] = [
    ["F-1", "2025-01-01", 2500, "2025-01-31", "2025-03-02", "", ""],
    ["F-2", "31/02/2025", 100, "", "", "", ""],
    ["F-3", "2025-01-10", -120, "", "", "", ""],
    ["F-4", "2025-01-10", "douze", "", "", "", ""],
    ["F-5", "2025-01-10", 100, "", "", "", "Cadeau"],
    ["F-6", "2025-01-10", 100, "", "", 50, ""],
    ["F-7", "", 100, "", "", "", ""],
    ["F-8", "2025-01-10", 100, "", "", 100, ""],
  ];

  it("each bad row says its row and column, and the other rows still compute", () => {
    const r = apply("invoices", INVOICE_HEADERS, rows, { vendor: "omi", asOf: "2025-06-30" });
    const statuses = r.results.map((x) => x.status);
    expect(statuses[0]).toBe("Payée avec 30 jours de retard");
    expect(statuses[1]).toMatch(
      /^Ligne 3, colonne « Date facture » : « 31\/02\/2025 » n'est pas une date .*ce jour n'existe pas/,
    );
    expect(statuses[2]).toBe("Avoir — pas de pénalités");
    expect(statuses[3]).toMatch(/^Ligne 5, colonne « Montant TTC » : « douze » n'est pas un montant/);
    expect(statuses[4]).toBe(
      "Ligne 6, colonne « Type de facture » : « Cadeau » n'est pas un type de facture d'OMI : invoice, subscription.",
    );
    expect(statuses[5]).toMatch(
      /^Ligne 7, colonne « Payé le » : un montant payé de 50,00 € demande sa date de paiement/,
    );
    expect(statuses[6]).toMatch(/^Ligne 8, colonne « Date facture » : .*obligatoire/);
    // Paid in full, but when? Without the date the interest cannot be counted.
    expect(statuses[7]).toMatch(
      /^Ligne 9, colonne « Payé le » : un montant payé de 100,00 € demande sa date de paiement/,
    );
    // An error row has blank figures: no NaN, no undefined reaches a cell.
    expect(r.rows[1]?.slice(0, 5)).toEqual(["", "", "", "", ""]);
    // F-1 and the credit note F-3 are computed; the six others are errors.
    expect(r.summary.computed).toBe(2);
    expect(r.summary.errors).toBe(6);
  });

  it("counts rows from the sheet row given for the first data row", () => {
    const r = apply("invoices", INVOICE_HEADERS, [rows[1] as CellValue[]], {
      vendor: "omi",
      asOf: "2025-06-30",
    });
    expect(r.results[0]?.status).toMatch(/^Ligne 2,/);
    const rec = recognizeHeaders(INVOICE_HEADERS);
    const r2 = applyRegisterSync([rows[1] as CellValue[]], {
      mode: "invoices",
      mapping: rec.mapping,
      headers: INVOICE_HEADERS,
      vendor: "omi",
      asOf: "2025-06-30",
      firstRowNumber: 14,
      lang: "en",
    });
    expect(r2.results[0]?.status).toMatch(/^Row 14, column "Date facture": "31\/02\/2025" is not a date/);
  });

  it("skips blank rows without calling them errors", () => {
    const r = apply("invoices", INVOICE_HEADERS, [["", "", "", null, null, "", ""]], {
      vendor: "omi",
      asOf: "2025-06-30",
    });
    expect(r.results[0]?.state).toBe("blank");
    expect(r.summary.blank).toBe(1);
    expect(r.summary.rows).toBe(0);
  });
});

const SUB_HEADERS = [
  "Contrat",
  "Client",
  "Date de début",
  "Formule",
  "Dernier ajout de module",
  "Date de préavis",
];

describe("subscription rows", () => {
  it("omi yearly subscription: renewal, notice deadline two months before, end date if notice today", () => {
    // Start 1 Sep 2023, as of 20 May 2025 → renewal 1 Sep 2025 (7.1); deadline 1 Jul 2025 (1 Jul + 2
    // months = 1 Sep, 7.4); 42 days from 20 May (11 + 30 + 1); a notice on 20 May stops that
    // renewal (20 Jul ≤ 1 Sep): bound until 31 Aug 2025.
    const r = apply("subscriptions", SUB_HEADERS, [["C-1", "Acme", "2023-09-01", "", "", ""]], {
      vendor: "omi",
      asOf: "2025-05-20",
    });
    expect(r.rows[0]).toEqual([
      serial("2025-09-01"),
      serial("2025-07-01"),
      42,
      serial("2025-08-31"),
      "Préavis à faire parvenir au plus tard le 01/07/2025 (dans 42 jours)",
    ]);
    expect(r.results[0]?.state).toBe("notice-to-send");
  });

  it("omi: a module added in the 3 months before the renewal moves it to one year after the addition", () => {
    // Added 15 Jun 2025, within 3 months of the 1 Sep 2025 renewal (6.2, 7.2): renewal 15 Jun 2026,
    // deadline 15 Apr 2026 (2 months before).
    const r = apply(
      "subscriptions",
      SUB_HEADERS,
      [["C-2", "Acme", "2023-09-01", "Standard", "2025-06-15", ""]],
      { vendor: "omi", asOf: "2025-06-20" },
    );
    expect(r.rows[0]?.slice(0, 2)).toEqual([serial("2026-06-15"), serial("2026-04-15")]);
  });

  it("sillage after the commitment: monthly anniversaries counted from the start day", () => {
    // Start 31 May 2025, as of 20 May 2026: renewal = commitment end 31 May 2026; its deadline (30 Apr)
    // passed, the 30 June renewal's is 31 May (31 May + 1 month = 30 June): 11 days left.
    // Notice on 20 May: + 1 month = 20 June → first anniversary on or after it 30 June → bound until 29 June.
    const r = apply("subscriptions", SUB_HEADERS, [["C-3", "Beta", "2025-05-31", "", "", ""]], {
      vendor: "sillage",
      asOf: "2026-05-20",
    });
    expect(r.rows[0]).toEqual([
      serial("2026-05-31"),
      serial("2026-05-31"),
      11,
      serial("2026-06-29"),
      "Préavis à faire parvenir au plus tard le 31/05/2026 (dans 11 jours)",
    ]);
    expect(r.results[0]?.state).toBe("notice-urgent");
  });

  it("injenius without commitment: a notice received ends the contract at the end of that month", () => {
    // art. 4: notice received 12 Apr 2025 → end 30 Apr 2025. "Sans engagement" reads as no-commitment.
    const r = apply(
      "subscriptions",
      SUB_HEADERS,
      [["C-4", "Gamma", "2024-10-01", "Sans engagement", "", "2025-04-12"]],
      { vendor: "injenius", asOf: "2025-04-15" },
    );
    expect(r.rows[0]?.slice(1, 5)).toEqual([
      "",
      "",
      serial("2025-04-30"),
      "Préavis reçu — fin du contrat le 30/04/2025",
    ]);
    expect(r.results[0]?.state).toBe("notice-given");
  });

  it("an unknown plan and a vendor without subscriptions are row errors naming the clause", () => {
    const r = apply(
      "subscriptions",
      SUB_HEADERS,
      [
        ["C-5", "Delta", "2024-01-01", "Premium", "", ""],
        ["C-6", "Delta", "2024-01-01", "", "", ""],
      ],
      { vendor: "omi", asOf: "2025-01-01" },
    );
    expect(r.results[0]?.status).toBe(
      "Ligne 2, colonne « Formule » : « Premium » n'est pas une formule d'OMI : standard.",
    );
    expect(r.results[1]?.state).toBe("notice-to-send");
    const x = apply("subscriptions", SUB_HEADERS, [["C-7", "Eps", "2024-01-01", "", "", ""]], {
      vendor: "xiahdeh",
      asOf: "2025-01-01",
    });
    expect(x.results[0]?.status).toMatch(/^Ligne 2 : .*13\.3/);
  });
});

describe("a rate the table lacks blanks nothing that does not depend on it", () => {
  // The shipped legal rate ends with 2026-H1; today is 3 December 2026.
  it("an omi invoice late in 2026-H2 keeps its due date, days late, fee and status; only the interest says the rate is missing", () => {
    // Invoice 1 Sep 2026 + 30 days (CGA 6.3) = due 1 Oct 2026; unpaid on 3 Dec 2026:
    // 30 days of October after the 1st + 30 of November + 3 of December = 63 days late; 40 € (D441-5).
    const r = apply("invoices", INVOICE_HEADERS, [["F-9", "2026-09-01", 1000, "", "", "", ""]], {
      vendor: "omi",
      asOf: "2026-12-03",
    });
    expect(r.rows[0]).toEqual([
      serial("2026-10-01"),
      63,
      "taux du 2e semestre 2026 manquant",
      40,
      "taux du 2e semestre 2026 manquant",
      "Impayée — 63 jours de retard. Intérêts non calculés : taux légal du 2e semestre 2026 non renseigné — Paramètres > Taux",
    ]);
    expect(r.results[0]?.state).toBe("late");
    expect(r.summary.computed).toBe(1);
    expect(r.summary.errors).toBe(0);
    expect(r.summary.lateRows).toBe(1);
    expect(r.summary.totalRecoveryFees).toBe(40);
    expect(r.summary.totalInterest).toBe(0);
    expect(r.summary.missingRates).toEqual([{ rate: "legal", halfYear: 2026 * 2 + 1, rows: 1 }]);
  });

  it("names the ECB rate for a vendor at ECB + 10 points, in English too", () => {
    // Injenius: invoiced 25 Nov 2026, debited 5 Dec 2026 (art. 11); the ECB table is known through
    // October 2026, so the rate in force on 1 January 2027 is not known. 5 Dec → 1 Feb 2027: 58 days.
    const r = apply("invoices", INVOICE_HEADERS, [["I-1", "2026-11-25", 59, "", "", "", ""]], {
      vendor: "injenius",
      asOf: "2027-02-01",
      lang: "en",
    });
    expect(r.rows[0]?.[0]).toBe(serial("2026-12-05"));
    expect(r.rows[0]?.[5]).toBe(
      "Unpaid — 58 days late. Interest not computed: ECB rate for the 1st half of 2027 not entered — Settings > Rates",
    );
  });

  it("the summary says how many rows lack interest and why", () => {
    const r = apply(
      "invoices",
      INVOICE_HEADERS,
      [
        ["F-9", "2026-09-01", 1000, "", "", "", ""],
        ["F-10", "2026-08-01", 500, "", "", "", ""],
        ["F-1", "2025-01-01", 2500, "2025-01-31", "2025-03-02", "", ""],
      ],
      { vendor: "omi", asOf: "2026-12-03" },
    );
    expect(formatSummary(r.summary, "fr")).toContain(
      "2 facture(s) sans intérêts (non compris dans les totaux) — Intérêts non calculés : taux légal du 2e semestre 2026 non renseigné — Paramètres > Taux.",
    );
    // F-1's 22.87 € of interest and the three 40 € fees.
    expect(r.summary.totalPenalties).toBe(142.87);
  });
});

describe("credit notes", () => {
  it("a negative amount is a credit note: its due date, no penalties, not an error and not late", () => {
    // omi: 10 Jan 2025 + 30 days = 9 Feb 2025 (CGA 6.3); an « avoir » bears no late interest or fee.
    const r = apply("invoices", INVOICE_HEADERS, [["AV-1", "2025-01-10", -350, "", "", "", ""]], {
      vendor: "omi",
      asOf: "2026-12-03",
    });
    expect(r.rows[0]).toEqual([serial("2025-02-09"), 0, 0, 0, 0, "Avoir — pas de pénalités"]);
    expect(r.results[0]?.state).toBe("credit-note");
    expect(r.results[0]?.nextDeadline).toBeUndefined();
    expect(r.summary.lateRows).toBe(0);
    expect(r.summary.errors).toBe(0);
  });
});

describe("terminated subscriptions", () => {
  it("an omi contract ended by a notice shows no next renewal", () => {
    // Start 1 Sep 2023, notice received 1 Jul 2025: it stops the 1 Sep 2025 renewal (7.4), so the
    // contract ended on 31 Aug 2025. On 3 Dec 2026 there is no « prochain renouvellement » to show.
    const r = apply("subscriptions", SUB_HEADERS, [["C-9", "Zeta", "2023-09-01", "", "", "2025-07-01"]], {
      vendor: "omi",
      asOf: "2026-12-03",
    });
    expect(r.rows[0]).toEqual(["", "", "", serial("2025-08-31"), "Résilié — contrat terminé le 31/08/2025"]);
  });

  it("a notice given for a later end keeps the renewals that still happen before it", () => {
    // Sillage, start 31 May 2025, notice 20 May 2026: bound until 29 June 2026 (19.3). On 25 May 2026
    // the next monthly anniversary, 31 May 2026, still comes before that end.
    const r = apply("subscriptions", SUB_HEADERS, [["C-10", "Eta", "2025-05-31", "", "", "2026-05-20"]], {
      vendor: "sillage",
      asOf: "2026-05-25",
    });
    expect(r.rows[0]?.[0]).toBe(serial("2026-05-31"));
    expect(r.rows[0]?.[3]).toBe(serial("2026-06-29"));
  });
});
