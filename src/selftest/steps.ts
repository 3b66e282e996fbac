import { NUMBER_FORMATS } from "../apply";
import { HIGHLIGHT_FILLS, planApply } from "../write";
import {
  blockAddress,
  columnLetters,
  parseAddress,
  sheetAddress,
  type CellValue,
  type SheetBlock,
} from "../cells";
import { SHIPPED_REGISTRY, type Language, type Text } from "../engine";
import { GatewayError, registerPlace, type MatrixCell } from "../workbook/gateway";
import { HOST_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../workbook/request-size";
import { REFERENCE_SHEET_NAME } from "../portable";
import {
  captureState,
  parseStoredDocument,
  serializeState,
  STORAGE_NAMESPACE,
  type StoredState,
} from "../storage";
import { loadWorkbookTerms, type TermsPlace, type TermsStore } from "../storage";
import {
  check,
  checkNoDifferences,
  fail,
  sameFormula,
  sameValue,
  shown,
  StepSkipped,
  type Difference,
} from "./check";
import { isFrenchHost } from "./environment";
import {
  applyRegister,
  AS_OF_SERIAL,
  dueDate,
  invoiceDate,
  layRegister,
  outputBlock,
  readRegister,
  registerMatrix,
  selfTestRequest,
  valueDifferences,
  writtenFormula,
  type Applied,
} from "./fixtures";
import type { SelfTestStep, StepContext, StepOutcome } from "./step";

/**
 * The self-test's steps: each gateway operation the add-in uses, run on a scratch sheet of its own
 * and checked against what it should give (worked by hand in fixtures.ts, or what the use case handed
 * the gateway). Expectations follow the requirement sets the host claims, as the gateway degrades on
 * them: a host that claims a set and lacks its objects (issue 14) fails the step that needs them.
 */

const supports = (ctx: StepContext, version: string): boolean =>
  ctx.environment.supports("ExcelApi", version);

const t = (en: string, fr: string): Text => ({ en, fr });

/** Both languages of a sentence about one value. */
const both = (make: (lang: Language) => string): Text => ({ en: make("en"), fr: make("fr") });

// --- The scratch sheet ---

const sheetStep: SelfTestStep = {
  id: "sheet",
  title: t(
    "Scratch sheets: added under a free name, written, read back",
    "Feuilles de test : ajout sous un nom libre, écriture, relecture",
  ),
  readsRegister: false,
  async run(ctx) {
    const before = await ctx.scratch.sheetNames();
    const taken = new Set(before.map((n) => n.toLowerCase()));
    const first = await ctx.newSheet();
    const second = await ctx.newSheet();
    check(
      !taken.has(first.toLowerCase()) && !taken.has(second.toLowerCase()),
      `The scratch sheet took the name of an existing sheet ("${first}").`,
      `La feuille de test a pris le nom d'une feuille existante (« ${first} »).`,
    );
    check(
      first.toLowerCase() !== second.toLowerCase() && first.length <= 31 && second.length <= 31,
      `Two scratch sheets got the names "${first}" and "${second}": expected two names of at most 31 characters that differ.`,
      `Deux feuilles de test ont reçu les noms « ${first} » et « ${second} » : il fallait deux noms différents d'au plus 31 caractères.`,
    );
    const after = await ctx.scratch.sheetNames();
    const missing = [...before, first, second].filter((n) => !after.includes(n));
    check(
      missing.length === 0,
      `After adding the scratch sheets, these sheets are not there: ${missing.join(", ")}.`,
      `Après l'ajout des feuilles de test, ces feuilles sont absentes : ${missing.join(", ")}.`,
    );
    // One text with accents and the euro sign, a date and an amount, each with its number format.
    const matrix: MatrixCell[][] = [
      [{ value: "Échéance à régler", bold: true }, { value: "Montant" }],
      [
        { value: 45658, numberFormat: NUMBER_FORMATS.date },
        { value: 1234.56, numberFormat: NUMBER_FORMATS.money },
      ],
    ];
    await ctx.gateway.writeMatrix(first, matrix);
    const read = await ctx.scratch.read(first, { row: 0, column: 0, rowCount: 2, columnCount: 2 });
    const differences: Difference[] = [];
    matrix.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!sameValue(cell.value, read.values[r]?.[c]))
          differences.push({ row: r, column: c, expected: cell.value, actual: read.values[r]?.[c] });
        const format = cell.numberFormat;
        if (format !== undefined && !sameNumberFormat(format, read.numberFormats[r]?.[c]))
          differences.push({ row: r, column: c, expected: format, actual: read.numberFormats[r]?.[c] });
      }),
    );
    checkNoDifferences(
      differences,
      t("Cells written on the scratch sheet", "Cellules écrites sur la feuille de test"),
    );
    return { detail: t(`"${first}", "${second}"`, `« ${first} », « ${second} »`) };
  },
};

/** Number formats compared as Excel may give them back: without escapes, case or spaces. */
function sameNumberFormat(expected: string, actual: string | undefined): boolean {
  const norm = (f: string) => f.replace(/\\/g, "").replace(/\s+/g, "").toLowerCase();
  return actual !== undefined && norm(actual) === norm(expected);
}

// --- The date system ---

/** DATE(1904,1,1) in each date system: 1462 days after 1900-01-00 (Excel's 29/02/1900 counted), 0 in 1904. */
const DATE_1904_IN_1900 = 1462;

const dateSystemStep: SelfTestStep = {
  id: "date-system",
  title: t("Date system (1900 or 1904)", "Calendrier du classeur (1900 ou 1904)"),
  readsRegister: false,
  async run(ctx): Promise<StepOutcome> {
    const sheet = await ctx.newSheet();
    // In H1, away from the register at A1 (columns D to G stay empty: another current region).
    const probe = await ctx.scratch.dateProbe(sheet, 0, 7);
    check(
      probe === 0 || probe === DATE_1904_IN_1900,
      `=DATE(1904,1,1) gave ${shown(probe, "en")} in H1: expected ${DATE_1904_IN_1900} (1900 date system) or 0 (1904).`,
      `=DATE(1904;1;1) a donné ${shown(probe, "fr")} en H1 : attendu ${DATE_1904_IN_1900} (calendrier 1900) ou 0 (1904).`,
    );
    const date1904 = probe === 0;
    await ctx.gateway.writeMatrix(sheet, registerMatrix(2));
    let refused: unknown;
    try {
      await readRegister(ctx, sheet);
    } catch (e) {
      refused = e;
    }
    const refusedAs1904 = refused instanceof GatewayError && refused.code === "date-1904";
    if (refused !== undefined && !refusedAs1904) throw refused;
    check(
      refusedAs1904 === date1904,
      date1904
        ? "This workbook counts dates from 1904, yet the pane read its register as if from 1900 (dates four years off)."
        : "This workbook counts dates from 1900, yet the pane refused its register as a 1904 workbook.",
      date1904
        ? "Ce classeur compte les dates depuis 1904, et pourtant le volet a lu son registre comme depuis 1900 (dates décalées de quatre ans)."
        : "Ce classeur compte les dates depuis 1900, et pourtant le volet a refusé son registre comme un classeur 1904.",
    );
    return {
      date1904,
      detail: date1904
        ? t(
            "1904 date system: the pane refuses registers here, as it should (the register steps are not run).",
            "Calendrier 1904 : le volet refuse les registres de ce classeur, comme prévu (les étapes sur un registre ne sont pas exécutées).",
          )
        : t("1900 date system", "Calendrier 1900"),
    };
  },
};

// --- Reading a register: hidden rows, a filter, a merge ---

const readStep: SelfTestStep = {
  id: "read",
  title: t(
    "Reading a register with hidden rows, a filter and merged cells",
    "Lecture d'un registre avec lignes masquées, filtre et cellules fusionnées",
  ),
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    // Eight invoices at A1:D9, a comment column D whose D3:D4 are merged; row 4 (F-3) hidden by hand;
    // an autofilter on A1:C9 leaving out F-6 (row 7).
    const matrix = registerMatrix(8, { header: "Commentaire", cell: (i) => (i === 2 ? "à vérifier" : "") });
    await ctx.gateway.writeMatrix(sheet, matrix);
    const merged = await ctx.scratch.merge(sheet, { row: 2, column: 3, rowCount: 2, columnCount: 1 });
    const hid = await ctx.scratch.hideRows(sheet, 3, 1);
    const filtered = await ctx.scratch.filter(
      sheet,
      { row: 0, column: 0, rowCount: 9, columnCount: 3 },
      0,
      "F-6",
    );
    const source = await readRegister(ctx, sheet);

    check(
      source.address === sheetAddress(sheet, 0, 0, 9, 4),
      `The register read is ${source.address}: expected ${sheetAddress(sheet, 0, 0, 9, 4)}.`,
      `Le registre lu est ${source.address} : attendu ${sheetAddress(sheet, 0, 0, 9, 4)}.`,
    );
    const differences: Difference[] = [];
    matrix.slice(1).forEach((line, r) =>
      line.forEach((cell, c) => {
        const actual = source.rows[r]?.[c];
        if (!sameValue(cell.value, actual))
          differences.push({ row: r + 1, column: c, expected: cell.value, actual });
      }),
    );
    checkNoDifferences(
      differences,
      t(
        "Rows read (hidden and filtered-out rows included)",
        "Lignes lues (lignes masquées et filtrées comprises)",
      ),
    );

    // What the gateway tells where the host has it (ExcelApi 1.3 hidden rows, 1.9 filters, 1.13 merges).
    const hiddenRows = [...(hid ? [4] : []), ...(filtered ? [7] : [])];
    const expectedHidden = supports(ctx, "1.3") ? hiddenRows : [];
    const gotHidden = source.layout?.hiddenRows ?? [];
    check(
      gotHidden.join() === expectedHidden.join(),
      `Hidden rows reported: ${gotHidden.join(", ") || "none"}; expected ${expectedHidden.join(", ") || "none"}.`,
      `Lignes masquées signalées : ${gotHidden.join(", ") || "aucune"} ; attendu ${expectedHidden.join(", ") || "aucune"}.`,
    );
    const expectFilter = filtered && supports(ctx, "1.9");
    check(
      (source.layout?.filter?.on === "sheet") === expectFilter,
      expectFilter ? "The sheet's filter was not reported." : "A filter was reported where there is none.",
      expectFilter
        ? "Le filtre de la feuille n'a pas été signalé."
        : "Un filtre a été signalé alors qu'il n'y en a pas.",
    );
    const expectedMerges = merged && supports(ctx, "1.13") ? ["D3:D4"] : [];
    const gotMerges = source.layout?.merges ?? [];
    check(
      gotMerges.join() === expectedMerges.join(),
      `Merged cells reported: ${gotMerges.join(", ") || "none"}; expected ${expectedMerges.join(", ") || "none"}.`,
      `Cellules fusionnées signalées : ${gotMerges.join(", ") || "aucune"} ; attendu ${expectedMerges.join(", ") || "aucune"}.`,
    );
    const notLaid = [
      ...(merged ? [] : [t("merge", "fusion")]),
      ...(hid ? [] : [t("hidden row", "ligne masquée")]),
      ...(filtered ? [] : [t("filter", "filtre")]),
    ];
    return {
      detail: both((lang) => {
        const seen =
          lang === "fr"
            ? `masquées : ${gotHidden.join(", ") || "aucune"} ; filtre : ${source.layout?.filter ? "oui" : "non"} ; fusions : ${gotMerges.join(", ") || "aucune"}`
            : `hidden: ${gotHidden.join(", ") || "none"}; filter: ${source.layout?.filter ? "yes" : "no"}; merges: ${gotMerges.join(", ") || "none"}`;
        if (notLaid.length === 0) return seen;
        const names = notLaid.map((n) => n[lang]).join(", ");
        return lang === "fr"
          ? `${seen} (non disposé dans cet Excel : ${names})`
          : `${seen} (not laid out in this Excel: ${names})`;
      }),
    };
  },
};

// --- Apply as values ---

const VALUE_ROWS = 12;

const valuesStep: SelfTestStep = {
  id: "values",
  title: t("Apply as values", "Appliquer en valeurs"),
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const source = await layRegister(ctx, sheet, VALUE_ROWS);
    // The confirmation the pane asks before writing: nothing to replace on a new sheet.
    const plan = planApply(
      selfTestRequest(source, "values", ctx.today),
      registerPlace(source),
      source.headers,
    );
    const replaced = await ctx.gateway.countReplaced(source, plan);
    check(
      replaced.count === 0,
      `The confirmation counted ${replaced.count} cell(s) to replace on an empty scratch sheet (${replaced.address}).`,
      `La confirmation a compté ${replaced.count} cellule(s) à remplacer sur une feuille de test vide (${replaced.address}).`,
    );
    const applied = await applyRegister(ctx, source, "values");
    checkCompleted(applied, VALUE_ROWS);
    const block = outputBlock(applied);
    const read = await ctx.scratch.read(sheet, block);
    checkHeaders(applied, block, read.values);
    checkNoDifferences(valueDifferences(applied, block, read.values), t("Values written", "Valeurs écrites"));
    checkDueDates(applied, block, read.values);
    // Number formats, written after the values (at finish).
    const formatDifferences: Difference[] = [];
    applied.outcome.columns.forEach((column) => {
      const actual = read.numberFormats[1]?.[column.column - block.column];
      if (!sameNumberFormat(column.numberFormat, actual))
        formatDifferences.push({
          row: block.row + 1,
          column: column.column,
          expected: column.numberFormat,
          actual,
        });
    });
    checkNoDifferences(formatDifferences, t("Number formats", "Formats de nombre"));
    await checkInputsUntouched(ctx, sheet, VALUE_ROWS);
    return {
      detail: t(
        `${VALUE_ROWS} rows × ${block.columnCount} columns`,
        `${VALUE_ROWS} lignes × ${block.columnCount} colonnes`,
      ),
    };
  },
};

function checkCompleted(applied: Applied, rows: number): void {
  const { outcome } = applied;
  check(
    !outcome.cancelled && outcome.rowsWritten === rows,
    `Apply stopped after ${outcome.rowsWritten} of ${rows} rows${outcome.editedCell ? ` (cell ${outcome.editedCell} reported as edited)` : ""}.`,
    `Appliquer s'est arrêté après ${outcome.rowsWritten} ligne(s) sur ${rows}${outcome.editedCell ? ` (cellule ${outcome.editedCell} signalée comme modifiée)` : ""}.`,
  );
}

/** The header row holds each column's header. */
function checkHeaders(applied: Applied, block: SheetBlock, values: readonly (readonly CellValue[])[]): void {
  const differences: Difference[] = [];
  for (const column of applied.outcome.columns) {
    const actual = values[0]?.[column.column - block.column];
    if (actual !== column.header)
      differences.push({ row: block.row, column: column.column, expected: column.header, actual });
  }
  checkNoDifferences(differences, t("Column headers", "En-têtes de colonne"));
}

/** Worked by hand: invoice i is due on serial 45688 + i (OMI: 30 days after its date). */
function checkDueDates(applied: Applied, block: SheetBlock, values: readonly (readonly CellValue[])[]): void {
  const due = applied.outcome.columns.find((c) => c.id === "dueDate");
  if (!due) throw fail("Apply wrote no due-date column.", "Appliquer n'a pas écrit de colonne d'échéance.");
  const differences: Difference[] = [];
  applied.source.rows.forEach((_, r) => {
    const actual = values[r + 1]?.[due.column - block.column];
    if (actual !== dueDate(r + 1))
      differences.push({ row: block.row + 1 + r, column: due.column, expected: dueDate(r + 1), actual });
  });
  checkNoDifferences(
    differences,
    t("Due dates (30 days after the invoice date)", "Échéances (30 jours après la date de facture)"),
  );
}

/** The register's own cells are never written. */
async function checkInputsUntouched(ctx: StepContext, sheet: string, rows: number): Promise<void> {
  const read = await ctx.scratch.read(sheet, { row: 0, column: 0, rowCount: rows + 1, columnCount: 3 });
  const matrix = registerMatrix(rows);
  const differences: Difference[] = [];
  matrix.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!sameValue(cell.value, read.values[r]?.[c]))
        differences.push({ row: r, column: c, expected: cell.value, actual: read.values[r]?.[c] });
    }),
  );
  checkNoDifferences(
    differences,
    t("The register's own cells changed", "Les cellules du registre ont changé"),
  );
}

// --- The provenance note ---

const noteStep: SelfTestStep = {
  id: "note",
  title: t("Provenance note (added, then replaced)", "Note de provenance (ajout, puis remplacement)"),
  readsRegister: true,
  async run(ctx) {
    // The gateway's choice: an Excel note (ExcelApi 1.18), else a comment (1.10), else none.
    const expected = supports(ctx, "1.18") ? "note" : supports(ctx, "1.10") ? "comment" : "none";
    const sheet = await ctx.newSheet();
    const first = await applyRegister(ctx, await layRegister(ctx, sheet, 3), "values");
    checkCompleted(first, 3);
    const got = first.report.note ?? "none";
    if (got !== expected)
      throw fail(
        expected === "note"
          ? `This Excel claims ExcelApi 1.18, yet the note went ${got === "comment" ? "into a comment" : "nowhere"}: its office.js lacks workbook.notes.`
          : `The note went ${got === "none" ? "nowhere" : `into a ${got}`}; expected a ${expected} (ExcelApi ${expected === "comment" ? "1.10" : "1.18"}).`,
        expected === "note"
          ? `Cet Excel annonce ExcelApi 1.18, et pourtant la note ${got === "comment" ? "a été ajoutée en commentaire" : "n'a pas été ajoutée"} : son office.js n'a pas workbook.notes.`
          : `La note ${got === "none" ? "n'a pas été ajoutée" : got === "comment" ? "a été ajoutée en commentaire" : "a été ajoutée en note"} ; attendu : ${expected === "comment" ? "un commentaire (ExcelApi 1.10)" : "une note (ExcelApi 1.18)"}.`,
      );
    if (expected === "none")
      return {
        detail: t(
          "This Excel has neither notes nor comments: the values stand without a note.",
          "Cet Excel n'a ni notes ni commentaires : les valeurs sont écrites sans note.",
        ),
      };
    const place = outputBlock(first);
    const checkNote = async (applied: Applied) => {
      const text = applied.outcome.note?.text ?? "";
      const note = await ctx.scratch.noteAt(sheet, place.row, place.column);
      const at = blockAddress(place.row, place.column);
      check(
        note !== undefined && note.kind === expected && note.text === text,
        note === undefined
          ? `No ${expected} found on ${at}.`
          : `The ${note.kind} on ${at} reads ${shown(note.text, "en")}: expected the ${expected} ${shown(text, "en")}.`,
        note === undefined
          ? `Aucun${expected === "note" ? "e note" : " commentaire"} trouvé${expected === "note" ? "e" : ""} en ${at}.`
          : `${note.kind === "note" ? "La note" : "Le commentaire"} en ${at} contient ${shown(note.text, "fr")} : attendu ${shown(text, "fr")}.`,
      );
    };
    await checkNote(first);
    // A second Apply replaces the note rather than failing on the existing one.
    const second = await applyRegister(ctx, await readRegister(ctx, sheet), "values");
    checkCompleted(second, 3);
    await checkNote(second);
    return {
      detail:
        expected === "note"
          ? t("Excel note", "Note Excel")
          : t("Comment (no notes in this Excel)", "Commentaire (pas de notes dans cet Excel)"),
    };
  },
};

// --- Conditional formats ---

const HIGHLIGHT_DAYS = 30;

const highlightStep: SelfTestStep = {
  id: "highlight",
  title: t(
    "Highlighting (conditional formats), then replaced",
    "Mise en évidence (mise en forme conditionnelle), puis remplacement",
  ),
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const applied = await applyRegister(ctx, await layRegister(ctx, sheet, VALUE_ROWS), "values", {
      highlightDays: HIGHLIGHT_DAYS,
    });
    checkCompleted(applied, VALUE_ROWS);
    // Custom-formula conditional formats need ExcelApi 1.6.
    const expected = supports(ctx, "1.6") ? "added" : "unsupported";
    check(
      applied.outcome.highlight === expected,
      `Highlighting answered "${applied.outcome.highlight}": expected "${expected}" (ExcelApi 1.6 ${expected === "added" ? "claimed" : "missing"}).`,
      `La mise en évidence a répondu « ${applied.outcome.highlight} » : attendu « ${expected} » (ExcelApi 1.6 ${expected === "added" ? "annoncé" : "absent"}).`,
    );
    if (expected === "unsupported")
      return {
        detail: t("ExcelApi 1.6 missing: no highlighting.", "ExcelApi 1.6 absent : pas de mise en évidence."),
      };
    const due = applied.outcome.columns.find((c) => c.id === "dueDate");
    if (!due) throw fail("Apply wrote no due-date column.", "Appliquer n'a pas écrit de colonne d'échéance.");
    // Worked by hand: the due date is tested on the first data row (2), relative to the block's top-left
    // cell; overdue before 15/02/2025, soon from 15/02/2025 to 15/02/2025 + 30 days.
    const d = `$${columnLetters(due.column)}2`;
    const wanted = [
      { formula: `=AND(ISNUMBER(${d}),${d}<=${AS_OF_SERIAL - 1})`, fill: HIGHLIGHT_FILLS.overdue },
      {
        formula: `=AND(ISNUMBER(${d}),${d}>=${AS_OF_SERIAL},${d}<=${AS_OF_SERIAL + HIGHLIGHT_DAYS})`,
        fill: HIGHLIGHT_FILLS.soon,
      },
    ];
    const block = outputBlock(applied);
    const checkFormats = async () => {
      const formats = (await ctx.scratch.conditionalFormats(sheet, block)) ?? [];
      const found = (w: { formula: string; fill: string }) =>
        formats.some(
          (f) => sameFormula(w.formula, f.formula) && f.fill.toLowerCase() === w.fill.toLowerCase(),
        );
      const listed = formats.map((f) => `${f.formula} ${f.fill}`).join(" ; ") || "—";
      check(
        formats.length === wanted.length && wanted.every(found),
        `Conditional formats on ${blockAddress(block.row, block.column, block.rowCount, block.columnCount)}: ${listed}; expected ${wanted.map((w) => `${w.formula} ${w.fill}`).join(" ; ")}.`,
        `Mises en forme conditionnelles sur ${blockAddress(block.row, block.column, block.rowCount, block.columnCount)} : ${listed} ; attendu ${wanted.map((w) => `${w.formula} ${w.fill}`).join(" ; ")}.`,
      );
    };
    await checkFormats();
    // A second Apply replaces its formats: still two, not four.
    const again = await applyRegister(ctx, await readRegister(ctx, sheet), "values", {
      highlightDays: HIGHLIGHT_DAYS,
    });
    checkCompleted(again, VALUE_ROWS);
    await checkFormats();
    return { detail: t("2 rules, replaced on a second Apply", "2 règles, remplacées au second Appliquer") };
  },
};

// --- Live and portable formulas ---

/** How long an Excel may show #BUSY! while custom functions compute. */
const SETTLE_MS = 15_000;

/** Reads a block until no cell shows #BUSY! (custom functions still computing), or the time is up. */
async function readSettled(ctx: StepContext, sheet: string, block: SheetBlock) {
  const start = ctx.now();
  for (;;) {
    const read = await ctx.scratch.read(sheet, block);
    const busy = read.values.some((line) => line.some((v) => v === "#BUSY!" || v === "#GETTING_DATA"));
    if (!busy || ctx.now() - start > SETTLE_MS) return read;
    await ctx.wait(250);
  }
}

/**
 * The formula cells read back against what was written. Where the host computes formulas (Excel),
 * each cell's value must be the one the use case computed; where it does not (the in-memory workbook,
 * the fake), each formula must read back as written. Constants are compared as values.
 */
async function checkFormulas(ctx: StepContext, applied: Applied, sheet: string, native: boolean) {
  const block = outputBlock(applied);
  const read = await readSettled(ctx, sheet, block);
  checkHeaders(applied, block, read.values);
  const differences: Difference[] = [];
  let formulas = 0;
  let computed = 0;
  applied.written.forEach((row, r) =>
    applied.outcome.columns.forEach((column, k) => {
      const at = { row: block.row + 1 + r, column: column.column };
      const c = column.column - block.column;
      const value = read.values[r + 1]?.[c];
      const formulaRead = read.formulas[r + 1]?.[c];
      const formula = writtenFormula(applied, r, k);
      const cell = row[k];
      const result = cell === undefined ? "" : typeof cell === "object" ? cell.result : cell;
      if (formula === undefined) {
        if (!sameValue(result, value)) differences.push({ ...at, expected: result, actual: value });
        return;
      }
      formulas++;
      if (typeof formulaRead !== "string" || !formulaRead.startsWith("=")) {
        differences.push({ ...at, expected: formula, actual: formulaRead });
        return;
      }
      if (native && /CGV\./i.test(formulaRead)) {
        differences.push({ ...at, expected: formula, actual: formulaRead });
        return;
      }
      const evaluated = !(typeof value === "string" && value.startsWith("="));
      if (evaluated) {
        computed++;
        if (!sameValue(result, value)) differences.push({ ...at, expected: result, actual: value });
      } else if (!sameFormula(formula, formulaRead))
        differences.push({ ...at, expected: formula, actual: formulaRead });
    }),
  );
  checkNoDifferences(differences, t("Formulas written", "Formules écrites"));
  check(formulas > 0, "No formula was written.", "Aucune formule n'a été écrite.");
  return { formulas, computed };
}

/** The as-of label and date on the header row, right of the columns (formulas read the date there). */
async function checkAsOfCells(
  ctx: StepContext,
  applied: Applied,
  sheet: string,
  lang: Language,
): Promise<void> {
  const last = Math.max(...applied.outcome.columns.map((c) => c.column));
  const read = await ctx.scratch.read(sheet, {
    row: applied.source.startRow,
    column: last + 1,
    rowCount: 1,
    columnCount: 2,
  });
  const label = lang === "fr" ? "Date d'arrêté" : "As of";
  const differences: Difference[] = [];
  if (read.values[0]?.[0] !== label)
    differences.push({
      row: applied.source.startRow,
      column: last + 1,
      expected: label,
      actual: read.values[0]?.[0],
    });
  if (read.values[0]?.[1] !== AS_OF_SERIAL)
    differences.push({
      row: applied.source.startRow,
      column: last + 2,
      expected: AS_OF_SERIAL,
      actual: read.values[0]?.[1],
    });
  checkNoDifferences(differences, t("As-of date cells", "Cellules de la date d'arrêté"));
}

const FORMULA_ROWS = 6;

function functionNamesDetail(applied: Applied, computed: number): Text {
  const names = applied.report.formulaNames;
  const how =
    names === "french"
      ? t("French names through formulasLocal", "noms français par formulasLocal")
      : t("English names", "noms anglais");
  return computed > 0
    ? {
        en: `${how.en}; ${computed} cell(s) computed by Excel as the pane did`,
        fr: `${how.fr} ; ${computed} cellule(s) calculée(s) par Excel comme par le volet`,
      }
    : { en: `${how.en}; formulas read back as written`, fr: `${how.fr} ; formules relues telles qu'écrites` };
}

function checkFunctionsKnown(applied: Applied): void {
  check(
    applied.report.formulaNames !== "unknown",
    "This Excel does not know the CGV.* functions (#NAME? with English and French names): the add-in's shared runtime is not loaded.",
    "Cet Excel ne connaît pas les fonctions CGV.* (#NOM? avec les noms anglais comme français) : le runtime partagé du complément n'est pas chargé.",
  );
}

const formulasStep: SelfTestStep = {
  id: "formulas",
  title: t("Apply as live CGV.* formulas", "Appliquer en formules CGV.* en direct"),
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const applied = await applyRegister(ctx, await layRegister(ctx, sheet, FORMULA_ROWS), "formulas");
    checkCompleted(applied, FORMULA_ROWS);
    checkFunctionsKnown(applied);
    await checkAsOfCells(ctx, applied, sheet, "fr");
    const { computed } = await checkFormulas(ctx, applied, sheet, false);
    return { detail: functionNamesDetail(applied, computed) };
  },
};

const frenchFormulasStep: SelfTestStep = {
  id: "formulas-fr",
  title: t("Live formulas in a French Excel", "Formules en direct dans un Excel en français"),
  readsRegister: true,
  async run(ctx) {
    if (!isFrenchHost(ctx.environment))
      throw new StepSkipped(
        t(
          `Excel's language is ${ctx.environment.language ?? "not known"}: the English names are Excel's own.`,
          `La langue d'Excel est ${ctx.environment.language ?? "inconnue"} : les noms anglais sont ceux de cet Excel.`,
        ),
      );
    const sheet = await ctx.newSheet();
    const applied = await applyRegister(ctx, await layRegister(ctx, sheet, FORMULA_ROWS), "formulas");
    checkCompleted(applied, FORMULA_ROWS);
    checkFunctionsKnown(applied);
    const { computed } = await checkFormulas(ctx, applied, sheet, false);
    return { detail: functionNamesDetail(applied, computed) };
  },
};

const portableStep: SelfTestStep = {
  id: "portable",
  title: t(
    "Apply as native formulas (portable), with their reference sheet",
    "Appliquer en formules natives (portables), avec leur feuille de référence",
  ),
  readsRegister: true,
  async run(ctx) {
    // The reference sheet has a fixed name per language, and the user's formulas may read an existing
    // one: the self-test uses a language whose sheet does not exist, or does not run.
    const names = new Set((await ctx.scratch.sheetNames()).map((n) => n.toLowerCase()));
    const lang = (["fr", "en"] as const).find((l) => !names.has(REFERENCE_SHEET_NAME[l].toLowerCase()));
    if (lang === undefined)
      throw new StepSkipped(
        t(
          `This workbook has both "${REFERENCE_SHEET_NAME.fr}" and "${REFERENCE_SHEET_NAME.en}": the self-test does not touch them.`,
          `Ce classeur contient déjà « ${REFERENCE_SHEET_NAME.fr} » et « ${REFERENCE_SHEET_NAME.en} » : l'autotest n'y touche pas.`,
        ),
      );
    const sheet = await ctx.newSheet();
    const source = await layRegister(ctx, sheet, FORMULA_ROWS);
    let applied: Applied;
    try {
      applied = await applyRegister(ctx, source, "portable", { lang });
    } finally {
      // Whatever happened, the reference sheet made here goes with the scratch sheet.
      if ((await ctx.scratch.sheetNames()).includes(REFERENCE_SHEET_NAME[lang]))
        ctx.track(REFERENCE_SHEET_NAME[lang]);
    }
    checkCompleted(applied, FORMULA_ROWS);
    check(
      applied.outcome.portable?.sheet === REFERENCE_SHEET_NAME[lang],
      `No reference sheet "${REFERENCE_SHEET_NAME[lang]}" was written.`,
      `La feuille de référence « ${REFERENCE_SHEET_NAME[lang]} » n'a pas été écrite.`,
    );
    await checkAsOfCells(ctx, applied, sheet, lang);
    const { formulas, computed } = await checkFormulas(ctx, applied, sheet, true);
    return {
      detail:
        computed > 0
          ? t(
              `${formulas} formulas, computed by Excel as the pane did`,
              `${formulas} formules, calculées par Excel comme par le volet`,
            )
          : t(
              `${formulas} formulas without CGV.*, read back as written`,
              `${formulas} formules sans CGV.*, relues telles qu'écrites`,
            ),
    };
  },
};

// --- An edit while Apply writes ---

const EDIT_ROWS = 30;
const EDIT_CHUNK = 10;
/** Data row (zero-based) whose invoice date is changed after the first chunk: sheet row 22, cell B22. */
const EDITED_ROW = 20;
/** How long Excel may take to tell the add-in of the edit (worksheet onChanged is asynchronous). */
const EDIT_WAIT_MS = 5_000;

const editStep: SelfTestStep = {
  id: "edit",
  title: t("An edit of the register while Apply writes", "Une modification du registre pendant l'écriture"),
  readsRegister: true,
  async run(ctx) {
    // Worksheet onChanged is ExcelApi 1.7: without it edits are not watched.
    if (!supports(ctx, "1.7"))
      throw new StepSkipped(
        t(
          "ExcelApi 1.7 missing: edits made while Apply writes are not watched.",
          "ExcelApi 1.7 absent : les modifications pendant l'écriture ne sont pas surveillées.",
        ),
      );
    const sheet = await ctx.newSheet();
    const source = await layRegister(ctx, sheet, EDIT_ROWS);
    const cell = { row: source.startRow + 1 + EDITED_ROW, column: source.startColumn + 1 };
    const address = blockAddress(cell.row, cell.column);
    let waited = 0;
    const applied = await applyRegister(ctx, source, "values", {
      chunkRows: EDIT_CHUNK,
      afterChunk: async (chunk, interrupted) => {
        if (chunk !== 1) return;
        // Someone changes an invoice date after the first chunk: the run must stop before the next one.
        await ctx.scratch.edit(sheet, cell.row, cell.column, invoiceDate(EDITED_ROW + 1) + 1);
        const start = ctx.now();
        while (!interrupted() && ctx.now() - start < EDIT_WAIT_MS) await ctx.wait(50);
        waited = ctx.now() - start;
      },
    });
    const { outcome } = applied;
    check(
      outcome.cancelled && outcome.editedCell !== undefined,
      `The edit of ${address} was not noticed within ${EDIT_WAIT_MS / 1000} s: Apply wrote ${outcome.rowsWritten} of ${EDIT_ROWS} rows.`,
      `La modification de ${address} n'a pas été vue en ${EDIT_WAIT_MS / 1000} s : Appliquer a écrit ${outcome.rowsWritten} ligne(s) sur ${EDIT_ROWS}.`,
    );
    const edited = parseAddress(outcome.editedCell);
    check(
      edited.row === cell.row && edited.column === cell.column,
      `Apply named ${outcome.editedCell} as the edited cell: expected ${address}.`,
      `Appliquer a désigné ${outcome.editedCell} comme cellule modifiée : attendu ${address}.`,
    );
    check(
      outcome.rowsWritten === EDIT_CHUNK,
      `Apply stopped after ${outcome.rowsWritten} rows: expected ${EDIT_CHUNK} (the first chunk only).`,
      `Appliquer s'est arrêté après ${outcome.rowsWritten} lignes : attendu ${EDIT_CHUNK} (le premier lot seulement).`,
    );
    // Nothing of the rows after the first chunk is written.
    const block = outputBlock(applied);
    const read = await ctx.scratch.read(sheet, block);
    const differences: Difference[] = [];
    for (let r = EDIT_CHUNK; r < EDIT_ROWS; r++)
      read.values[r + 1]?.forEach((actual, c) => {
        if (!sameValue("", actual))
          differences.push({ row: block.row + 1 + r, column: block.column + c, expected: "", actual });
      });
    checkNoDifferences(differences, t("Rows after the stop", "Lignes après l'arrêt"));
    return {
      detail: t(
        `stopped after ${EDIT_CHUNK} rows, naming ${outcome.editedCell} (told after ${Math.round(waited)} ms)`,
        `arrêt après ${EDIT_CHUNK} lignes, cellule ${outcome.editedCell} désignée (signalée après ${Math.round(waited)} ms)`,
      ),
    };
  },
};

// --- Request sizes ---

/** Rows of the large block: together over the 5 MB Excel on the web refuses in one request. */
const SIZE_ROWS = 10_000;
/** A long text with accents and the euro sign (multi-byte in UTF-8, as requests count them). */
const sizedText = (i: number): string =>
  `${i} — ${"Échéance à régler : 1 234,56 € ; ".repeat(16)}`.slice(0, 480);

const sizesStep: SelfTestStep = {
  id: "sizes",
  title: t(
    "Requests sized by bytes: a block over 5 MB written and read back",
    "Requêtes dimensionnées en octets : un bloc de plus de 5 Mo écrit puis relu",
  ),
  readsRegister: true,
  async run(ctx) {
    const sheet = await ctx.newSheet();
    const matrix: MatrixCell[][] = [[{ value: "Texte" }]];
    for (let i = 1; i <= SIZE_ROWS; i++) matrix.push([{ value: sizedText(i) }]);
    const bytes = jsonBytes(matrix.map((line) => line.map((c) => c.value)));
    // Worked out: 480 characters a row, 5 of them 2 or 3 bytes in UTF-8 per 33: about 5.9 MB in all.
    check(
      bytes > HOST_PAYLOAD_LIMIT_BYTES,
      "The test block is under 5 MB.",
      "Le bloc de test fait moins de 5 Mo.",
    );
    await ctx.gateway.writeMatrix(sheet, matrix);
    const source = await readRegister(ctx, sheet);
    check(
      source.headers[0] === "Texte" && source.rows.length === SIZE_ROWS,
      `The block read back has ${source.rows.length} rows: expected ${SIZE_ROWS}.`,
      `Le bloc relu compte ${source.rows.length} lignes : attendu ${SIZE_ROWS}.`,
    );
    const differences: Difference[] = [];
    source.rows.forEach((row, r) => {
      if (row[0] !== sizedText(r + 1))
        differences.push({ row: r + 1, column: 0, expected: sizedText(r + 1), actual: row[0] });
    });
    checkNoDifferences(differences, t("Large block read back", "Grand bloc relu"));
    const mb = (bytes / 1_000_000).toFixed(1);
    return {
      detail: t(
        `${SIZE_ROWS.toLocaleString("en")} rows, ${mb} MB written and read back`,
        `${SIZE_ROWS.toLocaleString("fr").replace(/\s/g, " ")} lignes, ${mb.replace(".", ",")} Mo écrits et relus`,
      ),
    };
  },
};

// --- Stored terms ---

/** Two states to store: the shipped OMI terms under Alsace-Moselle holidays, then a revision of it. */
function termsStates(): { first: StoredState; second: StoredState } {
  const omi = SHIPPED_REGISTRY.get("omi");
  const first = captureState({
    settings: { holidays: "alsace-moselle", endOfMonthMethod: "days-then-eom", readings: [] },
    profiles: omi ? [omi] : [],
  });
  const second = captureState({
    previous: first,
    settings: { holidays: "metropole", endOfMonthMethod: "eom-then-days", readings: [] },
  });
  return { first, second };
}

/**
 * Where the self-test keeps its documents: a namespace and a key of its own. Excel files a custom XML
 * part under its root element's namespace (`getByNamespace` finds it there), so the documents written
 * here carry this namespace on their root — never the terms' own, or they would be read as the
 * workbook's terms.
 */
export const SELF_TEST_TERMS_PLACE: TermsPlace = {
  namespace: "urn:echeance:selftest:v1",
  key: "echeance.selftest.v1",
};

const TERMS_ROOT = `xmlns="${STORAGE_NAMESPACE}"`;
const SELF_TEST_ROOT = `xmlns="${SELF_TEST_TERMS_PLACE.namespace}"`;

/** The terms documents as the store under test sees them: written under the self-test's namespace, read back under the terms' own. */
function underSelfTestNamespace(store: TermsStore): TermsStore {
  return {
    kind: store.kind,
    readAll: async () => (await store.readAll()).map((xml) => xml.replace(SELF_TEST_ROOT, TERMS_ROOT)),
    write: async (xml) => {
      const moved = xml.replace(TERMS_ROOT, SELF_TEST_ROOT);
      if (moved === xml) throw new Error("self-test: a terms document without its namespace");
      await store.write(moved);
    },
    remove: () => store.remove(),
  };
}

const termsStep: SelfTestStep = {
  id: "terms",
  title: t(
    "Stored terms: write, read, replace, remove",
    "Termes enregistrés : écriture, lecture, remplacement, suppression",
  ),
  readsRegister: false,
  async run(ctx) {
    const place = ctx.terms.scratch;
    if (!place)
      throw new StepSkipped(
        t(
          "This Excel has neither custom XML parts nor document settings.",
          "Cet Excel n'a ni parties XML personnalisées ni paramètres de document.",
        ),
      );
    const store = underSelfTestNamespace(place);
    const workbookBefore = ctx.terms.workbook ? await ctx.terms.workbook.readAll() : undefined;
    // What an earlier self-test left, should it have been stopped before removing it.
    await store.remove();
    const empty = await store.readAll();
    check(
      empty.length === 0,
      `The self-test's store still holds ${empty.length} document(s) after removal.`,
      `Le stockage de l'autotest contient encore ${empty.length} document(s) après suppression.`,
    );
    const { first, second } = termsStates();
    const checkStored = async (state: StoredState, what: Text) => {
      const documents = await store.readAll();
      check(
        documents.length === 1,
        `${what.en}: ${documents.length} stored document(s) read back; expected exactly one.`,
        `${what.fr} : ${documents.length} document(s) enregistré(s) relu(s) ; attendu un seul.`,
      );
      const loaded = await loadWorkbookTerms(store);
      // What was written, as the reader takes it (profiles come back in the schema's key order):
      // the state read back from the store must serialize as that does.
      const written = parseStoredDocument(serializeState(state));
      check(
        written.ok &&
          loaded.state !== undefined &&
          serializeState(loaded.state) === serializeState(written.state) &&
          loaded.issues.length === 0,
        `${what.en}: the terms read back differ from those written${loaded.issues.length > 0 ? ` (${loaded.issues.map((i) => i.text.en).join("; ")})` : ""}.`,
        `${what.fr} : les termes relus diffèrent de ceux écrits${loaded.issues.length > 0 ? ` (${loaded.issues.map((i) => i.text.fr).join(" ; ")})` : ""}.`,
      );
      return documents[0] === serializeState(state);
    };
    await store.write(serializeState(first));
    const sameText = await checkStored(first, t("Written", "Écriture"));
    await store.write(serializeState(second));
    await checkStored(second, t("Replaced", "Remplacement"));
    await store.remove();
    const left = await store.readAll();
    check(
      left.length === 0,
      `After removal, ${left.length} document(s) of the self-test remain.`,
      `Après suppression, ${left.length} document(s) de l'autotest restent.`,
    );
    if (ctx.terms.workbook && workbookBefore) {
      const after = await ctx.terms.workbook.readAll();
      check(
        JSON.stringify(after) === JSON.stringify(workbookBefore),
        "The workbook's own stored terms changed during the step.",
        "Les termes enregistrés du classeur ont changé pendant l'étape.",
      );
    }
    const kind =
      store.kind === "custom-xml-part"
        ? t("custom XML part", "partie XML personnalisée")
        : t("document settings", "paramètres du document");
    return {
      detail: sameText
        ? kind
        : {
            en: `${kind.en}; the XML came back reformatted, with the same content`,
            fr: `${kind.fr} ; le XML est revenu remis en forme, au même contenu`,
          },
    };
  },
};

/** Every step, in the order run: the sheet and the date system first (a 1904 workbook skips the register steps). */
export const SELF_TEST_STEPS: readonly SelfTestStep[] = [
  sheetStep,
  dateSystemStep,
  readStep,
  valuesStep,
  noteStep,
  highlightStep,
  formulasStep,
  frenchFormulasStep,
  portableStep,
  editStep,
  sizesStep,
  termsStep,
];
