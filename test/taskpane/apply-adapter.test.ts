import { recognizeHeaders } from "../../src/apply";
import type { SourceBlock } from "../../src/excel/gateway";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import {
  buildApplyOptions,
  describeError,
  gatewayColumns,
  layoutNotices,
  inputColumns,
  outputPlacements,
  placementsContiguous,
} from "../../src/taskpane/apply-adapter";
import { demoWorkbook, DEMO_BAD_ROW } from "../../src/taskpane/demo/demo-register";
import { languageFromLocale, STRINGS } from "../../src/taskpane/i18n/strings";
import { GatewayError } from "../../src/excel/gateway";
import { applyRegisterSync } from "../../src/apply";

const block = (headers: string[], rows: (string | number)[][] = []): SourceBlock => ({
  kind: "region",
  sheet: "Feuil1",
  address: "Feuil1!A1",
  startRow: 0,
  startColumn: 0,
  headers,
  rows,
});

describe("task pane ↔ register core adapter", () => {
  test("outputs of an earlier run in English are rewritten in place by a French pane; inputs never are", () => {
    const headers = [
      "N° facture",
      "Date facture",
      "Montant TTC",
      "Due date (terms)",
      "Days late",
      "Late interest",
      "Recovery fee",
      "Total penalties",
      "Status",
    ];
    const source = block(headers);
    const rec = recognizeHeaders(headers);
    // Columns 3..8 are a previous run's outputs; 0..2 are the register.
    expect(inputColumns(source, rec)).toEqual([0, 1, 2]);
    const placements = outputPlacements(source, "invoices", "fr", rec);
    expect(placements.map((p) => [p.header, p.column, p.existing])).toEqual([
      ["Échéance (CGV)", 3, true],
      ["Jours de retard", 4, true],
      ["Intérêts de retard", 5, true],
      ["Indemnité de recouvrement", 6, true],
      ["Total pénalités", 7, true],
      ["Statut", 8, true],
    ]);
    expect(placementsContiguous(placements)).toBe(true);
  });

  test("formulas need the output columns side by side: a status column moved away disables them", () => {
    const headers = ["Date facture", "Montant TTC", "Statut", "Notes", "Échéance (CGV)"];
    const rec = recognizeHeaders(headers);
    const placements = outputPlacements(block(headers), "invoices", "fr", rec);
    // Échéance reused at E (4), Statut reused at C (2), the four others appended from F (5): not in order.
    expect(placements.find((p) => p.header === "Statut")?.column).toBe(2);
    expect(placementsContiguous(placements)).toBe(false);
  });

  test("in formulas mode the due date is a CGV.DUEDATE formula on the row's own cells and days late refer to it", async () => {
    const wb = demoWorkbook();
    const source = await new MemoryGateway(wb).readSource("region");
    const rec = recognizeHeaders(source.headers);
    const options = buildApplyOptions({
      source,
      mode: "invoices",
      mapping: rec.mapping,
      vendor: "sillage",
      asOf: "2026-06-30",
      lang: "fr",
      defaults: { clientType: "pro" },
    });
    const placements = outputPlacements(source, "invoices", "fr", rec);
    const result = applyRegisterSync(source.rows, options);
    const columns = gatewayColumns(source, result, options, "fr", placements, "formulas");
    // Demo register A..F: C = kind, D = invoice date, F = paid date; outputs from G; data row 1 is sheet row 2.
    const due = String(columns[0]?.cells[0]);
    expect(due.startsWith("=CGV.DUEDATE(")).toBe(true);
    expect(due).toContain("D2");
    expect(String(columns[1]?.cells[0])).toContain("G2");
    expect(columns[0]?.numberFormat).toBe("dd/mm/yyyy");
    // The bad row's status stays the message (a value, not a formula).
    expect(String(columns[5]?.cells[DEMO_BAD_ROW])).toContain("31/02/2026");
  });

  test("values mode writes the computed values with the core's number formats", async () => {
    const wb = demoWorkbook();
    const source = await new MemoryGateway(wb).readSource("region");
    const rec = recognizeHeaders(source.headers);
    const options = buildApplyOptions({
      source,
      mode: "invoices",
      mapping: rec.mapping,
      vendor: "sillage",
      asOf: "2026-06-30",
      lang: "fr",
      defaults: {},
    });
    const result = applyRegisterSync(source.rows, options);
    const columns = gatewayColumns(
      source,
      result,
      options,
      "fr",
      outputPlacements(source, "invoices", "fr", rec),
      "values",
    );
    // FA-0101: consulting invoice of 06/01/2025 (serial 45663) + 15 days (Sillage 7.2.1) = 45678.
    expect(source.rows[0]?.[3]).toBe(45663);
    expect(columns[0]?.cells[0]).toBe(45678);
    expect(columns.map((c) => c.numberFormat)).toEqual([
      "dd/mm/yyyy",
      "0",
      '#,##0.00 "€"',
      '#,##0.00 "€"',
      '#,##0.00 "€"',
      "@",
    ]);
    // firstRowNumber: the header is sheet row 1, so data row 14 (index 13) is "Ligne 15".
    expect(String(columns[5]?.cells[DEMO_BAD_ROW])).toContain("Ligne 15");
  });

  test("a filtered register with merges and hidden rows gets one sentence each, the first five rows named, in French and English", async () => {
    const wb = demoWorkbook();
    // Amounts over 5 000 € filtered out, plus sheet row 3 hidden by hand and D2:D3 merged.
    wb.setAutoFilter(
      "Factures",
      { row: 0, column: 0, rowCount: 37, columnCount: 6 },
      (r) => Number(r[4]) <= 5000,
    );
    wb.hideRows("Factures", [2]);
    wb.merge("Factures", { row: 1, column: 3, rowCount: 2, columnCount: 1 });
    const source = await new MemoryGateway(wb).readSource("region");
    const hidden = source.layout?.hiddenRows ?? [];
    expect(hidden.length).toBeGreaterThan(5);
    expect(hidden).toContain(3);
    const first = hidden.slice(0, 5).join(", ");
    expect(layoutNotices(source.layout, STRINGS.fr)).toEqual([
      "Cellules fusionnées (D2:D3) : seule la cellule en haut à gauche d'une fusion a une valeur, les autres sont lues vides, comme dans Excel.",
      "Filtre automatique sur la feuille : toutes les lignes sont calculées, filtrées ou non.",
      `${hidden.length} ligne(s) masquée(s) ou filtrée(s) (${first}, …) : elles sont calculées comme les autres.`,
    ]);
    expect(layoutNotices(source.layout, STRINGS.en)).toEqual([
      "Merged cells (D2:D3): only the top-left cell of a merge holds a value, the others read blank, as in Excel.",
      "Autofilter on the sheet: every row is computed, filtered out or not.",
      `${hidden.length} hidden or filtered-out row(s) (${first}, …): computed like the others.`,
    ]);
  });

  test("rows hidden by hand without a filter, and a filtered table, are said as such; a plain register says nothing", () => {
    expect(layoutNotices({ hiddenRows: [4, 9], merges: [] }, STRINGS.fr)).toEqual([
      "2 ligne(s) masquée(s) (4, 9) : elles sont calculées comme les autres.",
    ]);
    expect(
      layoutNotices({ hiddenRows: [3], filter: { on: "table", table: "Abos" }, merges: [] }, STRINGS.en),
    ).toEqual([
      "Filter on the table Abos: every row is computed, filtered out or not.",
      "1 hidden or filtered-out row(s) (3): computed like the others.",
    ]);
    expect(layoutNotices({ hiddenRows: [], merges: [] }, STRINGS.fr)).toEqual([]);
    expect(layoutNotices(undefined, STRINGS.fr)).toEqual([]);
  });

  test("a merge in the output columns becomes a sentence naming it and saying how to unmerge, in both languages", () => {
    const error = new GatewayError("merged", "H5:H6, J2:K2");
    expect(describeError(error, STRINGS.fr, "fr")).toBe(
      "Cellules fusionnées là où Appliquer écrirait (H5:H6, J2:K2) : Excel refuse d'écrire dans une partie de fusion, rien n'est écrit. Annulez la fusion (Accueil > Fusionner et centrer > Annuler Fusionner cellules) puis relancez Appliquer.",
    );
    expect(describeError(error, STRINGS.en, "en")).toBe(
      "Merged cells where Apply would write (H5:H6, J2:K2): Excel refuses to write to part of a merge, so nothing is written. Unmerge them (Home > Merge & Center > Unmerge Cells) and apply again.",
    );
  });

  test("the UI language follows Office's display language: English for en-*, French otherwise", () => {
    expect(languageFromLocale("en-US")).toBe("en");
    expect(languageFromLocale("en-GB")).toBe("en");
    expect(languageFromLocale("fr-FR")).toBe("fr");
    expect(languageFromLocale("de-DE")).toBe("fr");
    expect(languageFromLocale(undefined)).toBe("fr");
  });
});
