import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { applyRegisterSync, recognizeHeaders, type ApplyResult } from "../../src/apply";
import { columnLetters } from "../../src/cells";
import { runApply } from "../../src/cli/apply";
import { FunctionRuntime } from "../../src/functions/runtime";
import { readXlsxRegister } from "../../src/xlsx";
import { recalculateWithLibreOffice, SOFFICE } from "../support/libreoffice";
import { INVOICE_HEADERS, INVOICE_SPECS, invoiceRows } from "./registers";
import { sheetCells, type RawCell } from "./xlsx-cells";
import { iso } from "../../src/engine";

/**
 * Issue 20, « values, live formulas and portable formulas agree on partial-payment rows »: the late
 * period with partial payments is decided once (src/apply/late-period.ts) and both formula emitters
 * write it from there. The portable formulas are recalculated by LibreOffice over every row in
 * libreoffice.test.ts. Live formulas call the CGV.* functions, which LibreOffice has not: here every
 * argument of each row's CGV.LATEINTEREST and CGV.RECOVERYFEE call, and its native days-late cell,
 * is recalculated by LibreOffice from the row's cells, then the call is made as Excel makes it — by a
 * function runtime with those arguments — and compared with the values Apply writes. Each register
 * has rows paid in part, an amount paid of 0, paid in full and overpaid, and the case the faces used
 * to disagree on: an amount paid of 0 with a payment date after the as-of date.
 */

const ROWS = 300;

/** A day number as an Excel serial (1900 date system). */
const excelSerial = (day: number): number => day + 25569;
const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;

const silent = (): Writable =>
  new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });

/** The arguments of a call `CGV.NAME(a,b,…)`: split at the top-level commas (not inside (), {} or quotes). */
function callArguments(formula: string, name: string): string[] {
  const text = formula.replace(/^=/, "");
  const head = `CGV.${name}(`;
  if (!text.startsWith(head) || !text.endsWith(")")) throw new Error(`not a ${name} call: ${formula}`);
  const inner = text.slice(head.length, -1);
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "(" || ch === "{")) depth += 1;
    else if (!quoted && (ch === ")" || ch === "}")) depth -= 1;
    else if (!quoted && depth === 0 && ch === ",") {
      args.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  args.push(inner.slice(start));
  return args;
}

/** An argument that is a cell of the row: Excel passes the cell's value (blank as blank), not a formula's result. */
const isReference = (arg: string): boolean => /^\$?[A-Z]{1,3}\$?\d+$/.test(arg);

interface Row {
  readonly sheetRow: number;
  readonly inputs: readonly (string | number | null)[];
}

interface Case {
  readonly vendor: string;
  readonly result: ApplyResult;
  readonly rows: readonly Row[];
  readonly checkFile: string;
  /** Per data row, where each recalculated argument went: the call's name, then one cell per argument. */
  readonly calls: Map<
    number,
    { name: string; args: (string | { ref: string } | { pair: [string, string] })[] }[]
  >;
  readonly daysLateCell: Map<number, string>;
}

describeLo("live CGV.* formulas give the values on partial-payment rows", () => {
  let dir: string;
  const cases: Case[] = [];
  let recalculated: string;

  beforeAll(async () => {
    if (!SOFFICE) throw new Error("CI is set but LibreOffice (soffice) is not installed");
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-live-"));
    const checks = path.join(dir, "checks");
    recalculated = path.join(dir, "recalculated");
    await fs.mkdir(checks);
    await fs.mkdir(recalculated);
    let seed = 20261207;
    for (const spec of INVOICE_SPECS) {
      // Varied rows, plus the decisive ones: due 09/04/2025 (invoice 10/03/2025, OMI-like + 30 days or
      // a typed due date) with an amount paid of 0 and a payment date after the as-of date, a partial
      // payment after the as-of date, and one before the due date.
      const rows = invoiceRows(spec, ROWS, seed++);
      const asOf = iso(spec.asOf);
      const invoice = asOf - 200;
      const due = invoice + 30;
      rows.push(
        [
          "F-ZERO-AFTER",
          spec.vendor,
          excelSerial(invoice),
          null,
          1200,
          excelSerial(due),
          excelSerial(asOf + 40),
          0,
          null,
          null,
        ],
        [
          "F-PART-AFTER",
          spec.vendor,
          excelSerial(invoice),
          null,
          1200,
          excelSerial(due),
          excelSerial(asOf + 40),
          500,
          null,
          null,
        ],
        [
          "F-PART-EARLY",
          spec.vendor,
          excelSerial(invoice),
          null,
          1200,
          excelSerial(due),
          excelSerial(due - 5),
          700,
          null,
          null,
        ],
        [
          "F-PART-LATE",
          spec.vendor,
          excelSerial(invoice),
          null,
          1200,
          excelSerial(due),
          excelSerial(due + 61),
          300,
          null,
          null,
        ],
      );
      const input = path.join(dir, `${spec.vendor}.xlsx`);
      const live = path.join(dir, `${spec.vendor}.live.xlsx`);
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet("Registre");
      ws.addRow(INVOICE_HEADERS);
      for (const r of rows) ws.addRow(r);
      await book.xlsx.writeFile(input);
      const code = await runApply(
        [input, "--vendor", spec.vendor, "--as-of", spec.asOf, "--output", "formulas", "-o", live],
        { stdout: silent(), stderr: silent(), isTTY: false },
      );
      expect(code).toBe(0);
      const table = await readXlsxRegister(input);
      const rec = recognizeHeaders(table.headers);
      const result = applyRegisterSync(table.rows, {
        mode: "invoices",
        mapping: rec.mapping,
        headers: table.headers,
        vendor: spec.vendor,
        asOf: spec.asOf,
        lang: "fr",
        firstRowNumber: 2,
      });
      const cells = await sheetCells(live, 1);
      // The check workbook: the register's cells, the as-of cell of the header row, the engine's due
      // dates as constants (CGV.DUEDATE is checked elsewhere), the native days-late formula, and each
      // argument of the two calls as a formula of its own, right of the register.
      const check = new ExcelJS.Workbook();
      const cs = check.addWorksheet("Registre");
      const width = INVOICE_HEADERS.length;
      const dueCol = columnLetters(width);
      for (const [address, cell] of cells) {
        if (/^[A-Z]+1$/.test(address))
          cs.getCell(address).value = cell.formula
            ? { formula: cell.formula }
            : cell.value === ""
              ? null
              : cell.value;
      }
      const calls: Case["calls"] = new Map();
      const daysLateCell = new Map<number, string>();
      const dataRows: Row[] = [];
      rows.forEach((inputs, i) => {
        const sheetRow = i + 2;
        dataRows.push({ sheetRow, inputs });
        inputs.forEach((v, k) => (cs.getCell(`${columnLetters(k)}${sheetRow}`).value = v));
        const values = result.results[i]?.values;
        if (result.results[i]?.state === "error" || typeof values?.dueDate !== "number") return;
        cs.getCell(`${dueCol}${sheetRow}`).value = values.dueDate;
        const daysLate = cells.get(`${columnLetters(width + 1)}${sheetRow}`)?.formula;
        if (daysLate === undefined) throw new Error(`row ${sheetRow}: no days-late formula`);
        cs.getCell(`${columnLetters(width + 1)}${sheetRow}`).value = { formula: daysLate };
        daysLateCell.set(sheetRow, `${columnLetters(width + 1)}${sheetRow}`);
        let next = 30;
        const place = (formula: string): string => {
          const at = `${columnLetters(next++)}${sheetRow}`;
          cs.getCell(at).value = { formula };
          return at;
        };
        const rowCalls: { name: string; args: (string | { ref: string } | { pair: [string, string] })[] }[] =
          [];
        for (const [name, column] of [
          ["LATEINTEREST", width + 2],
          ["RECOVERYFEE", width + 3],
        ] as const) {
          const formula = cells.get(`${columnLetters(column)}${sheetRow}`)?.formula;
          if (formula === undefined) throw new Error(`row ${sheetRow}: no ${name} formula`);
          const args = callArguments(formula, name).map((arg, k) => {
            if (arg === "") return "";
            if (k === 0 && arg.startsWith('"')) return arg; // the vendor literal
            if (isReference(arg)) return { ref: arg.replace(/\$/g, "") };
            // The payment pair of LATEINTEREST: its date and amount, or "" on rows without one.
            if (name === "LATEINTEREST" && k === 4)
              return {
                pair: [place(`IFERROR(INDEX(${arg},1,1),"")`), place(`IFERROR(INDEX(${arg},1,2),"")`)] as [
                  string,
                  string,
                ],
              };
            return place(arg);
          });
          rowCalls.push({ name, args });
        }
        calls.set(sheetRow, rowCalls);
      });
      const checkFile = path.join(checks, `${spec.vendor}.check.xlsx`);
      await check.xlsx.writeFile(checkFile);
      cases.push({ vendor: spec.vendor, result, rows: dataRows, checkFile, calls, daysLateCell });
    }
    await recalculateWithLibreOffice(
      cases.map((c) => c.checkFile),
      recalculated,
      path.join(dir, "lo-profile"),
      170_000,
    );
  }, 240_000);

  afterAll(async () => {
    if (dir && !process.env.KEEP_LIVE) await fs.rm(dir, { recursive: true, force: true });
  });

  test.each(INVOICE_SPECS.map((s) => s.vendor))(
    "%s: days late, interest and fee of the live formulas equal the values",
    async (vendor) => {
      const c = cases.find((x) => x.vendor === vendor) as Case;
      const cells = await sheetCells(path.join(recalculated, path.basename(c.checkFile)), 1);
      const value = (address: string): number | string | null => {
        const v: RawCell | undefined = cells.get(address);
        return v === undefined || v.value === "" ? null : v.value;
      };
      const runtime = new FunctionRuntime({ lang: "fr" });
      const mismatches: string[] = [];
      let partial = 0;
      let zeroAfterAsOf = 0;
      let compared = 0;
      for (const row of c.rows) {
        const rowCalls = c.calls.get(row.sheetRow);
        if (!rowCalls) continue;
        const expected = c.result.results[row.sheetRow - 2]?.values;
        const amount = row.inputs[4] as number;
        const paidAmount = row.inputs[7];
        if (typeof paidAmount === "number" && paidAmount > 0 && paidAmount < amount) partial += 1;
        if (paidAmount === 0 && typeof row.inputs[6] === "number") zeroAfterAsOf += 1;
        const got: Record<string, unknown> = { daysLate: value(c.daysLateCell.get(row.sheetRow) as string) };
        for (const call of rowCalls) {
          const args = call.args.map((a) => {
            if (typeof a === "string") return a === "" ? null : a.startsWith('"') ? a.slice(1, -1) : value(a);
            if ("ref" in a) return value(a.ref);
            const [d, m] = a.pair.map(value);
            return d === null || m === null ? null : [[d, m]];
          });
          const out = runtime.evaluate(call.name, args);
          got[call.name === "LATEINTEREST" ? "interest" : "recoveryFee"] = out.ok
            ? (out.value as { value: number }).value
            : `${out.code}`;
        }
        compared += 1;
        const want = {
          daysLate: expected?.daysLate,
          // A missing rate: the value column says so in words, the function answers #NUM!.
          interest: typeof expected?.interest === "string" ? "#NUM!" : expected?.interest,
          recoveryFee: expected?.recoveryFee,
        };
        if (JSON.stringify(got) !== JSON.stringify(want) && mismatches.length < 10)
          mismatches.push(
            `row ${row.sheetRow} ${JSON.stringify(row.inputs)}: live ${JSON.stringify(got)} values ${JSON.stringify(want)}`,
          );
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(ROWS * 0.8);
      expect(partial).toBeGreaterThan(10);
      expect(zeroAfterAsOf).toBeGreaterThan(0);
    },
  );
});
