import { applyRequest } from "../support/apply";
import { recognizeHeaders } from "../../src/apply";
import {
  ApplyRefusal,
  columnsContiguous,
  planColumns,
  portableNotes,
  rowsInMemory,
  type ApplyOutcome,
  type WriteMode,
} from "../../src/write";
import { iso } from "../../src/engine";
import { GatewayError, registerPlace, type SourceBlock } from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import {
  buildApplyOptions,
  buildApplyRequest,
  describeError,
  layoutNotices,
  registerKey,
} from "../../src/taskpane/apply-adapter";
import { demoWorkbook, DEMO_BAD_ROW, DEMO_INVOICE_SHEET } from "../../src/taskpane/demo/demo-register";
import { languageFromLocale } from "../../src/taskpane/i18n/strings";

const block = (headers: string[], rows: (string | number)[][] = []): SourceBlock => ({
  kind: "region",
  sheet: "Feuil1",
  address: "Feuil1!A1",
  startRow: 0,
  startColumn: 0,
  headers,
  rows,
});

/** Applies the pane's choices to a workbook's register as the pane does: options, request, the use case, the gateway's sink. */
async function applyAsThePane(
  wb: MemoryWorkbook,
  vendor: string,
  write: WriteMode,
): Promise<{ source: SourceBlock; outcome: ApplyOutcome }> {
  const gateway = new MemoryGateway(wb);
  const source = await gateway.readSource("region");
  const recognition = recognizeHeaders(source.headers);
  const options = buildApplyOptions({
    source,
    mode: recognition.mode ?? "invoices",
    mapping: recognition.mapping,
    vendor,
    asOf: "2026-06-30",
    lang: "fr",
    defaults: { clientType: "pro" },
  });
  const request = buildApplyRequest({ options, write, recognition, today: iso("2026-12-03") });
  const sink = gateway.applySink(source);
  const outcome = await applyRequest(
    request,
    rowsInMemory(registerPlace(source), source.headers, source.rows),
    sink,
    { yieldFn: async () => undefined },
  );
  return { source, outcome };
}

describe("the pane around the Apply use case", () => {
  test("outputs of an earlier run in English are recognised by a French pane from the headers alone, and rewritten in place", () => {
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
    const request = buildApplyRequest({
      options: buildApplyOptions({
        source,
        mode: "invoices",
        mapping: rec.mapping,
        vendor: "omi",
        asOf: "2026-06-30",
        lang: "fr",
        defaults: {},
      }),
      write: "values",
      recognition: rec,
      today: iso("2026-12-03"),
    });
    // Columns 3..8 are a previous run's outputs (as after reopening the workbook); 0..2 the register.
    expect(request.previousOutputs).toEqual([3, 4, 5, 6, 7, 8]);
    const columns = planColumns(registerPlace(source), headers, "invoices", "fr", request.previousOutputs);
    expect(columns.map((p) => [p.header, p.column, p.existing])).toEqual([
      ["Échéance (CGV)", 3, true],
      ["Jours de retard", 4, true],
      ["Intérêts de retard", 5, true],
      ["Indemnité de recouvrement", 6, true],
      ["Total pénalités", 7, true],
      ["Statut", 8, true],
    ]);
    expect(columnsContiguous(columns)).toBe(true);
  });

  test("formulas need the output columns side by side: a status column moved away disables them", () => {
    const headers = ["Date facture", "Montant TTC", "Statut", "Notes", "Échéance (CGV)"];
    const rec = recognizeHeaders(headers);
    const columns = planColumns(
      registerPlace(block(headers)),
      headers,
      "invoices",
      "fr",
      rec.previousOutputs,
    );
    // Échéance reused at E (4), Statut reused at C (2), the four others appended from F (5): not in order.
    expect(columns.find((p) => p.header === "Statut")?.column).toBe(2);
    expect(columnsContiguous(columns)).toBe(false);
  });

  test("in formulas mode the due date is a CGV.DUEDATE formula on the row's own cells and days late refer to it", async () => {
    const wb = demoWorkbook();
    await applyAsThePane(wb, "sillage", "formulas");
    // Demo register A..F: C = kind, D = invoice date, F = paid date; outputs G..L; data row 1 is sheet row 2.
    const due = String(wb.cell(DEMO_INVOICE_SHEET, 1, 6)?.formula);
    expect(due.startsWith("=CGV.DUEDATE(")).toBe(true);
    expect(due).toContain("D2");
    expect(String(wb.cell(DEMO_INVOICE_SHEET, 1, 7)?.formula)).toContain("G2");
    expect(wb.cell(DEMO_INVOICE_SHEET, 1, 6)?.numberFormat).toBe("dd/mm/yyyy");
    // The as-of date every formula reads: N1, right of the label in M1.
    expect(wb.value(DEMO_INVOICE_SHEET, 0, 12)).toBe("Date d'arrêté");
    // The bad row's status stays the message (a value, not a formula).
    expect(String(wb.value(DEMO_INVOICE_SHEET, DEMO_BAD_ROW + 1, 11))).toContain("31/02/2026");
  });

  test("values mode writes the computed values with the core's number formats", async () => {
    const wb = demoWorkbook();
    const { source } = await applyAsThePane(wb, "sillage", "values");
    // FA-0101: consulting invoice of 06/01/2025 (serial 45663) + 15 days (Sillage 7.2.1) = 45678.
    expect(source.rows[0]?.[3]).toBe(45663);
    expect(wb.value(DEMO_INVOICE_SHEET, 1, 6)).toBe(45678);
    expect([6, 7, 8, 9, 10, 11].map((c) => wb.cell(DEMO_INVOICE_SHEET, 1, c)?.numberFormat)).toEqual([
      "dd/mm/yyyy",
      "0",
      '#,##0.00 "€"',
      '#,##0.00 "€"',
      '#,##0.00 "€"',
      "@",
    ]);
    // firstRowNumber: the header is sheet row 1, so data row 14 (index 13) is "Ligne 15".
    expect(String(wb.value(DEMO_INVOICE_SHEET, DEMO_BAD_ROW + 1, 11))).toContain("Ligne 15");
  });

  test("the provenance note names every row's vendor, not only the one picked", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Factures", [
      ["Fournisseur", "N° facture", "Date facture", "Montant TTC"],
      ["omi", "F-1", 45659, 100],
      ["Sillage.ai", "F-2", 45660, 200],
    ]);
    // The vendor picked is OMI; the second row names Sillage by its brand.
    const { outcome } = await applyAsThePane(wb, "omi", "values");
    expect(outcome.note?.added).toBe(true);
    const note = wb.notes.get("Factures!E1") ?? "";
    expect(note).toContain("OMI SAS");
    expect(note).toContain("HORIZON SAAS (Sillage.ai)");
    expect(note).toContain("Le fournisseur de chaque ligne est celui de la colonne Fournisseur.");
  });

  test("portable mode says which columns and rows went in as values, in the pane's language", async () => {
    const wb = demoWorkbook();
    const { outcome } = await applyAsThePane(wb, "sillage", "portable");
    const notes = portableNotes(outcome, "fr");
    // The status is a sentence computed on the as-of date: a value; the bad row (31/02/2026) is
    // written wholly as values, with its reason.
    expect(notes?.lines).toEqual([
      "Colonne en valeurs « Statut » : le statut est une phrase calculée à la date d'arrêté ; il est écrit en texte et ne suit pas les modifications ultérieures de la ligne.",
      "1 ligne(s) en valeurs : le moteur n'a pas pu calculer la ligne (voir son statut) : elle est écrite en valeurs.",
    ]);
    expect(notes?.heading).toBe(
      "Formules portables (sans le complément) : elles lisent la feuille « Échéance - taux et fériés » des taux et jours fériés.",
    );
    const { portable: _written, ...valuesOutcome } = outcome;
    expect(portableNotes(valuesOutcome, "fr")).toBeUndefined();
  });

  test("a register keeps its identity when Apply widens it, and another sheet or header row is another register", () => {
    const a = { sheet: "Factures", startRow: 0, startColumn: 0 };
    expect(registerKey(a)).toBe(registerKey({ ...a }));
    expect(registerKey(a)).not.toBe(registerKey({ ...a, sheet: "Abonnements" }));
    expect(registerKey(a)).not.toBe(registerKey({ ...a, startRow: 3 }));
  });

  test("a filtered register with merges and hidden rows gets one sentence each, the first five rows named, in French and English", async () => {
    const wb = demoWorkbook();
    // Amounts over 5 000 € filtered out, plus sheet row 3 hidden by hand and D2:D3 merged.
    wb.setAutoFilter(
      DEMO_INVOICE_SHEET,
      { row: 0, column: 0, rowCount: 37, columnCount: 6 },
      (r) => Number(r[4]) <= 5000,
    );
    wb.hideRows(DEMO_INVOICE_SHEET, [2]);
    wb.merge(DEMO_INVOICE_SHEET, { row: 1, column: 3, rowCount: 2, columnCount: 1 });
    const source = await new MemoryGateway(wb).readSource("region");
    const hidden = source.layout?.hiddenRows ?? [];
    expect(hidden.length).toBeGreaterThan(5);
    expect(hidden).toContain(3);
    const first = hidden.slice(0, 5).join(", ");
    expect(layoutNotices(source.layout, "fr")).toEqual([
      "Cellules fusionnées (D2:D3) : seule la cellule en haut à gauche d'une fusion a une valeur, les autres sont lues vides, comme dans Excel.",
      "Filtre automatique sur la feuille : toutes les lignes sont calculées, filtrées ou non.",
      `${hidden.length} ligne(s) masquée(s) ou filtrée(s) (${first}, …) : elles sont calculées comme les autres.`,
    ]);
    expect(layoutNotices(source.layout, "en")).toEqual([
      "Merged cells (D2:D3): only the top-left cell of a merge holds a value, the others read blank, as in Excel.",
      "Autofilter on the sheet: every row is computed, filtered out or not.",
      `${hidden.length} hidden or filtered-out row(s) (${first}, …): computed like the others.`,
    ]);
  });

  test("rows hidden by hand without a filter, and a filtered table, are said as such; a plain register says nothing", () => {
    expect(layoutNotices({ hiddenRows: [4, 9], merges: [] }, "fr")).toEqual([
      "2 ligne(s) masquée(s) (4, 9) : elles sont calculées comme les autres.",
    ]);
    expect(
      layoutNotices({ hiddenRows: [3], filter: { on: "table", table: "Abos" }, merges: [] }, "en"),
    ).toEqual([
      "Filter on the table Abos: every row is computed, filtered out or not.",
      "1 hidden or filtered-out row(s) (3): computed like the others.",
    ]);
    expect(layoutNotices({ hiddenRows: [], merges: [] }, "fr")).toEqual([]);
    expect(layoutNotices(undefined, "fr")).toEqual([]);
  });

  test("a merge in the output columns becomes a sentence naming it and saying how to unmerge, in both languages", () => {
    const error = new GatewayError("merged", "H5:H6, J2:K2");
    expect(describeError(error, "fr")).toBe(
      "Cellules fusionnées là où Appliquer écrirait (H5:H6, J2:K2) : Excel refuse d'écrire dans une partie de fusion, rien n'est écrit. Annulez la fusion (Accueil > Fusionner et centrer > Annuler Fusionner cellules) puis relancez Appliquer.",
    );
    expect(describeError(error, "en")).toBe(
      "Merged cells where Apply would write (H5:H6, J2:K2): Excel refuses to write to part of a merge, so nothing is written. Unmerge them (Home > Merge & Center > Unmerge Cells) and apply again.",
    );
  });

  test("the use case's refusal is said in the pane's language", () => {
    const refusal = new ApplyRefusal({ en: "Formulas need…", fr: "Les formules demandent…" });
    expect(describeError(refusal, "fr")).toBe("Les formules demandent…");
    expect(describeError(refusal, "en")).toBe("Formulas need…");
  });

  test("the UI language follows Office's display language: English for en-*, French otherwise", () => {
    expect(languageFromLocale("en-US")).toBe("en");
    expect(languageFromLocale("en-GB")).toBe("en");
    expect(languageFromLocale("fr-FR")).toBe("fr");
    expect(languageFromLocale("de-DE")).toBe("fr");
    expect(languageFromLocale(undefined)).toBe("fr");
  });
});
