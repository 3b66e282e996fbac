import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { columnLetters } from "../../src/cells";
import { runApply } from "../../src/cli/apply";
import { SHIPPED_REGISTRY, VendorRegistry, type VendorProfile } from "../../src/engine";
import { FunctionRuntime } from "../../src/functions/runtime";
import { importProfileJson } from "../../src/storage";
import { rng } from "./registers";
import { recalculateWithLibreOffice, SOFFICE } from "../support/libreoffice";
import { sheetCells, type RawCell } from "./xlsx-cells";

/**
 * Issue 23, « terms counted from receipt or delivery use the register's matching column when there is
 * one, else the invoice date »: values, live formulas and portable formulas agree. A vendor whose
 * kinds count from receipt, delivery, the order and the invoice date, and the law (`loi`: L441-10 I,
 * 30 days from delivery or performance), on a register with « Date de réception », « Date de
 * livraison » and « Date de commande » columns, some cells blank (the invoice date stands in). The
 * values are Apply's; the portable workbook is recalculated by LibreOffice; each live CGV.DUEDATE call
 * has its date argument recalculated by LibreOffice from the row's cells, then is made as Excel makes
 * it, by a function runtime knowing the vendor.
 */

const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;
const silent = (): Writable =>
  new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });

const clause = [{ document: "RECU CGV", article: "5" }];
const label = (fr: string) => ({ fr, en: fr });
const PROFILE = {
  id: "recu",
  name: "Reçu SA",
  legalName: "RECU SA",
  business: label("Test"),
  document: { title: "Conditions générales de vente", short: "RECU CGV", seed: "", version: "" },
  profileVersion: "1.0.0",
  clients: ["pro"],
  defaultInvoiceKind: "invoice",
  invoiceKinds: [
    { id: "invoice", label: label("Facture"), term: { kind: "days", days: 30, from: "receipt" }, clause },
    {
      id: "delivery",
      label: label("Livraison"),
      term: { kind: "days-end-of-month", days: 45, from: "delivery" },
      clause,
    },
    { id: "order", label: label("Commande"), term: { kind: "days", days: 15, from: "order" }, clause },
    { id: "plain", label: label("Simple"), term: { kind: "days", days: 20 }, clause },
  ],
  latePayment: {
    rate: { kind: "legal-multiple", factor: 3 },
    floor: "statutory",
    base: "invoice-amount",
    recoveryFee: { amount: "40", justifiedCostsAbove: false, clause },
    clause,
  },
  subscription: { kind: "none", reason: label("Aucun"), clause: [] },
  deadlines: [],
  amounts: [],
  interpretations: [],
  contradictions: [],
};

const HEADERS = [
  "Réf",
  "Fournisseur",
  "Date facture",
  "Date de réception",
  "Date de livraison",
  "Date de commande",
  "Montant TTC",
  "Type de facture",
  "Payé le",
];
const ROWS = 160;
const serial = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000 + 25569;

function registerRows(): (string | number | null)[][] {
  const r = rng(20261207);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const rows: (string | number | null)[][] = [];
  const start = serial("2024-11-01");
  for (let i = 0; i < ROWS; i++) {
    const invoice = start + int(0, 500);
    const vendor = i % 5 === 4 ? "loi" : "recu";
    const kind =
      vendor === "loi"
        ? null
        : ((["invoice", "delivery", "order", "plain", null] as const)[(i + Math.floor(i / 5)) % 5] ?? null);
    // Each date column blank one row in three: the invoice date stands in.
    const maybe = (d: number) => (r() < 0.33 ? null : d);
    const paid = r() < 0.3 ? null : invoice + int(5, 120);
    rows.push([
      `F-${i + 1}`,
      vendor,
      invoice,
      maybe(invoice + int(1, 12)),
      maybe(invoice + int(-10, 15)),
      maybe(invoice - int(1, 30)),
      int(100, 9000),
      kind,
      paid,
    ]);
  }
  return rows;
}

/** The arguments of `=CGV.DUEDATE(a,b,c)`, split at the top-level commas. */
function dueDateArguments(formula: string): string[] {
  const inner = formula.replace(/^=?CGV\.DUEDATE\(/, "").replace(/\)$/, "");
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth += 1;
    else if (!quoted && ch === ")") depth -= 1;
    else if (!quoted && depth === 0 && ch === ",") {
      args.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  args.push(inner.slice(from));
  return args;
}

async function stripResults(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v !== null && typeof v === "object" && "formula" in v)
          cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  await wb.xlsx.writeFile(to);
}

const valueOf = (cells: Map<string, RawCell>, address: string): number | string | null => {
  const v = cells.get(address);
  return v === undefined || v.value === "" ? null : v.value;
};

describeLo("a term from receipt, delivery or order: values, live and portable formulas agree", () => {
  let dir: string;
  let rows: (string | number | null)[][];
  let values: Map<string, RawCell>;
  let portable: Map<string, RawCell>;
  let live: Map<string, RawCell>;
  let liveArgs: Map<string, RawCell>;
  let profile: VendorProfile;

  beforeAll(async () => {
    if (!SOFFICE) throw new Error("CI is set but LibreOffice (soffice) is not installed");
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-term-start-"));
    const vendorFile = path.join(dir, "recu.echeance-vendor.json");
    await fs.writeFile(vendorFile, JSON.stringify(PROFILE));
    const read = importProfileJson(JSON.stringify(PROFILE));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    profile = read.profile;
    rows = registerRows();
    const input = path.join(dir, "registre.xlsx");
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Registre");
    ws.addRow(HEADERS);
    for (const r of rows) ws.addRow(r);
    await book.xlsx.writeFile(input);
    const out = (kind: string) => path.join(dir, `${kind}.xlsx`);
    for (const kind of ["values", "formulas", "portable"]) {
      const code = await runApply(
        [input, "--vendor-file", vendorFile, "--as-of", "2026-06-30", "--output", kind, "-o", out(kind)],
        { stdout: silent(), stderr: silent(), isTTY: false },
      );
      expect(code).toBe(0);
    }
    values = await sheetCells(out("values"), 1);
    live = await sheetCells(out("formulas"), 1);
    // The portable workbook without its cached results, and a check workbook holding the register's
    // cells and each live DUEDATE's date argument as a formula of its own (column AD).
    const stripped = path.join(dir, "stripped");
    const recalculated = path.join(dir, "recalculated");
    await fs.mkdir(stripped);
    await fs.mkdir(recalculated);
    await stripResults(out("portable"), path.join(stripped, "portable.xlsx"));
    const check = new ExcelJS.Workbook();
    const cs = check.addWorksheet("Registre");
    rows.forEach((r, i) => {
      const sheetRow = i + 2;
      r.forEach((v, k) => (cs.getCell(`${columnLetters(k)}${sheetRow}`).value = v));
      const formula = live.get(`${columnLetters(HEADERS.length)}${sheetRow}`)?.formula;
      if (formula === undefined) throw new Error(`row ${sheetRow}: no DUEDATE formula`);
      const dateArg = dueDateArguments(`=${formula.replace(/^=/, "")}`)[1] as string;
      cs.getCell(`AD${sheetRow}`).value = { formula: dateArg.replace(/\$/g, "") };
    });
    await check.xlsx.writeFile(path.join(stripped, "check.xlsx"));
    await recalculateWithLibreOffice(
      [path.join(stripped, "portable.xlsx"), path.join(stripped, "check.xlsx")],
      recalculated,
      path.join(dir, "lo-profile"),
      170_000,
    );
    portable = await sheetCells(path.join(recalculated, "portable.xlsx"), 1);
    liveArgs = await sheetCells(path.join(recalculated, "check.xlsx"), 1);
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the values count from the column when it is filled, else from the invoice date, and say so", () => {
    const due = (i: number) => valueOf(values, `${columnLetters(HEADERS.length)}${i + 2}`);
    const status = (i: number) => String(valueOf(values, `${columnLetters(HEADERS.length + 5)}${i + 2}`));
    let fromColumn = 0;
    let standIn = 0;
    rows.forEach((r, i) => {
      const [, vendor, invoice, receipt, delivery, order, , kind] = r as [
        string,
        string,
        number,
        number | null,
        number | null,
        number | null,
        number,
        string | null,
      ];
      if (vendor === "loi") {
        // L441-10 I: 30 days after delivery or performance; the invoice date stands in, unsaid.
        expect(due(i)).toBe((delivery ?? invoice) + 30);
        return;
      }
      if (kind === "invoice" || kind === null) {
        // 30 days from receipt.
        expect(due(i)).toBe((receipt ?? invoice) + 30);
        if (receipt === null) {
          standIn += 1;
          expect(status(i)).toContain("Délai compté de la date de facture, faute de date de réception");
        } else {
          fromColumn += 1;
          expect(status(i)).toContain("Délai compté de la date de réception (");
        }
      } else if (kind === "order") {
        expect(due(i)).toBe((order ?? invoice) + 15);
      } else if (kind === "plain") {
        expect(due(i)).toBe(invoice + 20);
        expect(status(i)).not.toContain("Délai compté");
      }
    });
    expect(fromColumn).toBeGreaterThan(5);
    expect(standIn).toBeGreaterThan(5);
  });

  test("the portable formulas, recalculated by LibreOffice, give the values' due date, days late, interest and fee", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (let i = 0; i < rows.length; i++) {
      const sheetRow = i + 2;
      for (let k = 0; k < 5; k++) {
        const at = `${columnLetters(HEADERS.length + k)}${sheetRow}`;
        const want = valueOf(values, at);
        const got = valueOf(portable, at);
        const same =
          typeof want === "number" && typeof got === "number"
            ? Math.round(want * 100) === Math.round(got * 100)
            : want === got;
        if (typeof got === "number") compared += 1;
        if (!same && mismatches.length < 10)
          mismatches.push(`${at} ${JSON.stringify(rows[i])}: portable ${got}, values ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Every row's due date, and the late ones' days, interest and fee, are numbers compared.
    expect(compared).toBeGreaterThan(ROWS * 2);
  });

  test("each live CGV.DUEDATE, made as Excel makes it, gives the values' due date", () => {
    const runtime = new FunctionRuntime({
      lang: "fr",
      registry: new VendorRegistry([...SHIPPED_REGISTRY.all(), profile]),
    });
    const mismatches: string[] = [];
    let fromColumn = 0;
    rows.forEach((r, i) => {
      const sheetRow = i + 2;
      const at = `${columnLetters(HEADERS.length)}${sheetRow}`;
      const args = dueDateArguments(live.get(at)?.formula as string);
      if (/^IF\(/.test(args[1] as string)) fromColumn += 1;
      // A cell of the register passes its value as written; a literal, itself.
      const arg = (a: string | undefined) =>
        a === undefined || a === ""
          ? null
          : a.startsWith('"')
            ? a.slice(1, -1)
            : (r[HEADERS.findIndex((_, k) => a.replace(/\$/g, "") === `${columnLetters(k)}${sheetRow}`)] ??
              null);
      const out = runtime.evaluate("DUEDATE", [
        arg(args[0]),
        valueOf(liveArgs, `AD${sheetRow}`),
        arg(args[2]),
      ]);
      // A date comes back as a day number; the sheet holds it as an Excel serial (1900 system).
      const got = out.ok && out.value.type === "date" ? out.value.day + 25569 : out.ok ? "?" : out.code;
      const want = valueOf(values, at);
      if (got !== want && mismatches.length < 10)
        mismatches.push(`${at} ${live.get(at)?.formula}: live ${got}, values ${want}`);
    });
    expect(mismatches).toEqual([]);
    // The receipt, delivery and order kinds and the law read their column: IF(D2="",C2,D2).
    expect(fromColumn).toBeGreaterThan(ROWS / 2);
  });
});
