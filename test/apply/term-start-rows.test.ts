import { applyRegisterSync, recognizeHeaders, type CellValue } from "../../src/apply";
import { iso } from "../../src/engine";
import { dayToSerial } from "../../src/input/cell-values";

/**
 * Issue 23 in the register core: the law (`loi`, Code de commerce L441-10 I: 30 days « suivant la date
 * de réception des marchandises ou d'exécution de la prestation ») reads a register's « Date de
 * livraison »; a cell there that is not a date is an error naming the column; rows of a vendor nobody
 * entered are counted per name, and computed with the law when it is the default vendor.
 */

const serial = (d: string): number => dayToSerial(iso(d));
const HEADERS = ["N° facture", "Fournisseur", "Date facture", "Date de livraison", "Montant TTC", "Payé le"];

function apply(rows: CellValue[][], vendor?: string) {
  const rec = recognizeHeaders(HEADERS, { mode: "invoices" });
  return applyRegisterSync(rows, {
    mode: "invoices",
    mapping: rec.mapping,
    headers: HEADERS,
    asOf: "2025-08-15",
    lang: "fr",
    ...(vendor !== undefined ? { vendor } : {}),
  });
}

describe("the date a term counts from, and vendors nobody entered, in the register core", () => {
  test("loi counts 30 days from the « Date de livraison » when filled, else from the invoice date", () => {
    const r = apply([
      // Delivered 12/02/2025: + 30 days = 14/03/2025.
      ["F-1", "loi", serial("2025-02-10"), serial("2025-02-12"), 800, null],
      // No delivery date: the invoice date stands in, 10/02/2025 + 30 = 12/03/2025.
      ["F-2", "loi", serial("2025-02-10"), null, 800, null],
    ]);
    expect(r.rows[0]?.[0]).toBe(serial("2025-03-14"));
    expect(r.rows[1]?.[0]).toBe(serial("2025-03-12"));
    expect(r.results[0]?.values.status).toContain(
      "Délai compté de la date de livraison ou d'exécution (12/02/2025). Conditions légales (L441-10) appliquées : 30 jours, taux BCE + 10 points, indemnité de 40 €",
    );
    // The legal default's stand-in goes unsaid, as before; the law's terms are said.
    expect(r.results[1]?.values.status).not.toContain("faute de");
    expect(r.results[1]?.values.status).toContain("Conditions légales (L441-10) appliquées");
  });

  test("a « Date de livraison » that is not a date is an error naming the column", () => {
    const r = apply([["F-1", "loi", serial("2025-02-10"), "la semaine prochaine", 800, null]]);
    expect(r.results[0]?.state).toBe("error");
    expect(r.results[0]?.error).toContain("colonne « Date de livraison »");
  });

  test("unknown names are grouped, most rows first, spellings folded; loi as the default computes them", () => {
    const rows: CellValue[][] = [
      ["F-1", "Menuiserie Roux", serial("2025-02-10"), null, 800, serial("2025-04-14")],
      ["F-2", "Vitrerie Blanc", serial("2025-02-10"), null, 100, null],
      ["F-3", "MENUISERIE  roux", serial("2025-02-20"), null, 100, null],
      ["F-4", "omi", serial("2025-02-20"), null, 100, null],
    ];
    const refused = apply(rows, "omi");
    expect(refused.summary.unknownVendors.map((u) => [u.name, u.rows, u.firstRow])).toEqual([
      ["Menuiserie Roux", 2, 2],
      ["Vitrerie Blanc", 1, 3],
    ]);
    expect(refused.summary.unknownVendorRowsByLaw).toBe(0);
    expect(refused.summary.errors).toBe(3);
    const byLaw = apply(rows, "loi");
    expect(byLaw.summary.errors).toBe(0);
    expect(byLaw.summary.unknownVendorRowsByLaw).toBe(3);
    // F-1 with the law: 10/02/2025 + 30 = 12/03/2025; paid 14/04/2025, 33 days at 13.15 % (ECB 3.15 + 10):
    // 800 × 0.1315 × 33 / 365 = 9.511… → 9.51 €.
    expect(byLaw.rows[0]?.slice(0, 3)).toEqual([serial("2025-03-12"), 33, 9.51]);
    expect(byLaw.results[0]?.values.status).toContain("Fournisseur « Menuiserie Roux » non enregistré.");
    // OMI's row stays OMI's (30 days, CGA 6.3), its status without the law.
    expect(byLaw.results[3]?.values.status).not.toContain("Conditions légales");
  });
});
