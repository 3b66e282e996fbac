import { serial } from "./custom-functions-shim";
import { applyRegisterSync, recognizeHeaders, type CellValue } from "../../src/apply";
import * as CGV from "../../src/office/functions";
import { runMain } from "../cli/run-main";

/**
 * A vendor is named the same way in a formula, on the command line and in a register's Fournisseur
 * column: by its id, its name or its legal name, with options after "+" (issue 16). The three faces
 * give one answer.
 */

const HEADERS = ["N° facture", "Fournisseur", "Date facture", "Montant TTC", "Payé le"];

function registerDueDate(vendor: string, invoiceDate: string): CellValue | undefined {
  const rows: CellValue[][] = [["F-1", vendor, invoiceDate, 1000, ""]];
  const rec = recognizeHeaders(HEADERS, { mode: "invoices" });
  const r = applyRegisterSync(rows, {
    mode: "invoices",
    mapping: rec.mapping,
    headers: HEADERS,
    asOf: "2025-06-21",
  });
  return r.rows[0]?.[0];
}

describe("vendor names agree across the faces", () => {
  // Sillage's ordinary invoice (consulting) is due 15 days after its date (7.2.2): 20 Jun → 5 Jul 2025.
  const names = [
    "sillage",
    "Sillage",
    "Sillage.ai",
    "HORIZON SAAS",
    "horizon saas (sillage.ai)",
    " SILLAGE.AI ",
  ];

  test.each(names)("%s: =CGV.DUEDATE, echeance fn and a register row give 5 July 2025", async (name) => {
    expect(await CGV.dueDate(name, serial("2025-06-20"))).toBe(serial("2025-07-05"));
    expect(await runMain("fn", "DUEDATE", name, "2025-06-20")).toEqual({
      code: 0,
      out: "2025-07-05\n",
      err: "",
    });
    expect(registerDueDate(name, "2025-06-20")).toBe(serial("2025-07-05"));
  });

  test("options after a name work as after an id, in every face", async () => {
    // Digitalli 8.1(b): 30 days end of month; "eom-then-days": end of February, then 30 days = 30 March.
    const choice = "Digitalli+eom-then-days";
    expect(await CGV.dueDate(choice, serial("2025-02-15"))).toBe(serial("2025-03-30"));
    expect((await runMain("fn", "DUEDATE", choice, "2025-02-15")).out).toBe("2025-03-30\n");
    expect(registerDueDate(choice, "2025-02-15")).toBe(serial("2025-03-30"));
  });

  test("an unknown vendor is refused by each face with the same sentence", async () => {
    let message = "";
    try {
      await CGV.dueDate("acme", serial("2025-06-20"));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'vendor "acme" is unknown: expected one of omi, sillage, xiahdeh, injenius, digitalli, loi (or a vendor\'s name).',
    );
    expect((await runMain("fn", "DUEDATE", "acme", "2025-06-20", "--lang", "en")).out).toBe(
      `#VALUE! ${message}\n`,
    );
  });
});

describe("the names invoices use agree across the faces (issue 23)", () => {
  // OMI CGA 6.3: 30 days date de facture; 15 Jan 2025 + 30 = 14 Feb 2025. The product name in OMI's
  // own terms (CGA 1.1) is « Plateforme OMI ».
  test.each(["Plateforme OMI", "PLATEFORME OMI", "OMI SAS"])(
    "%s: =CGV.DUEDATE, echeance fn and a register row give 14 February 2025",
    async (name) => {
      expect(await CGV.dueDate(name, serial("2025-01-15"))).toBe(serial("2025-02-14"));
      expect((await runMain("fn", "DUEDATE", name, "2025-01-15")).out).toBe("2025-02-14\n");
      expect(registerDueDate(name, "2025-01-15")).toBe(serial("2025-02-14"));
    },
  );

  test("the law as a vendor: « Conditions légales » is 30 days after the invoice date in every face", async () => {
    // L441-10 I: 30 days; 20 Jun 2025 + 30 = 20 Jul 2025.
    expect(await CGV.dueDate("Conditions légales", serial("2025-06-20"))).toBe(serial("2025-07-20"));
    expect((await runMain("fn", "DUEDATE", "loi", "2025-06-20")).out).toBe("2025-07-20\n");
    expect(registerDueDate("loi", "2025-06-20")).toBe(serial("2025-07-20"));
  });
});
