import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runMain } from "../cli/run-main";
import { recalculateWithLibreOffice, SOFFICE } from "../support/libreoffice";
import { sheetCells } from "./xlsx-cells";

/**
 * Issue 13: « a rate typed there updates every portable formula (LibreOffice-verified as today) ».
 * The OMI sample is applied with portable formulas as of 3 December 2026, when the shipped table has
 * no legal rate for 2026-H2: the reference sheet keeps a blank row for it. A user types 2,50 % in that
 * row's legal-rate cell (D), as its note says; LibreOffice recalculates; the invoices late in 2026-H2
 * get their interest from that figure, and the others do not change.
 */

const SAMPLE = path.resolve(__dirname, "../../samples/omi-factures.xlsx");
const REFERENCE = "Échéance - taux et fériés";
const describeLo = SOFFICE || process.env.CI ? describe : describe.skip;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-rate-typed-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The worksheet part of a sheet, by name, from the workbook and its relationships. */
function sheetPart(files: Record<string, Uint8Array>, name: string): string {
  const workbook = strFromU8(files["xl/workbook.xml"] as Uint8Array);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] as Uint8Array);
  const id = new RegExp(`<sheet\\b[^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${name}`);
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

/** What a user does in Excel or Calc: types a figure in one empty cell of the reference sheet. */
async function typeInReferenceCell(file: string, out: string, ref: string, value: number): Promise<void> {
  const files = unzipSync(await fs.readFile(file));
  const part = sheetPart(files, REFERENCE);
  const xml = strFromU8(files[part] as Uint8Array);
  const row = Number(/\d+$/.exec(ref)?.[0]);
  const next = `${String.fromCharCode(ref.charCodeAt(0) + 1)}${row}`;
  // The cell is blank (absent from the XML): it goes before its right-hand neighbour.
  expect(xml).not.toContain(`<c r="${ref}"`);
  expect(xml).toContain(`<c r="${next}"`);
  files[part] = strToU8(xml.replace(`<c r="${next}"`, `<c r="${ref}"><v>${value}</v></c><c r="${next}"`));
  await fs.writeFile(out, zipSync(files));
}

describeLo("a rate typed into the reference sheet updates every portable formula", () => {
  test("2,50 % typed for 2026-H2 gives the late invoices of the second half-year their interest", async () => {
    const portable = path.join(dir, "portable.xlsx");
    const r = await runMain(
      "apply",
      SAMPLE,
      "--vendor",
      "omi",
      "--as-of",
      "2026-12-03",
      "--output",
      "portable",
      "-o",
      portable,
    );
    expect(r.code).toBe(0);

    const files = unzipSync(await fs.readFile(portable));
    const referenceIndex = Number(/sheet(\d+)\.xml$/.exec(sheetPart(files, REFERENCE))?.[1]);
    const before = await sheetCells(portable, referenceIndex);
    // Row 28 is 2026-H2 (rows 5… hold 2015-H1 onwards, one per half-year): no legal rate yet, the
    // ECB rate of 1 July 2026 (2.40 %) known.
    expect(before.get("A28")?.value).toBe("2026-H2");
    expect(before.get("E28")?.value).toBe(0.024);

    const typed = path.join(dir, "typed.xlsx");
    await typeInReferenceCell(portable, typed, "D28", 0.025);
    const recalculated = path.join(dir, "recalculated");
    await fs.mkdir(recalculated);
    await recalculateWithLibreOffice([portable, typed], recalculated, path.join(dir, "profile"), 120_000);
    const blank = await sheetCells(path.join(recalculated, "portable.xlsx"), 1);
    const after = await sheetCells(path.join(recalculated, "typed.xlsx"), 1);

    // Row 51, OMI-2026-0050: 7 296,32 € due 01/06/2026, unpaid, 185 days late on 03/12/2026 —
    // 29 days of 2026-H1 at 3 × 2.62 % = 7.86 % and 156 days of 2026-H2 at 3 × 2.50 % = 7.50 %:
    // 7 296,32 × (7.86 % × 29 + 7.50 % × 156) / 365 = 45.565 + 233.882 = 279.45; + 40 € = 319.45.
    expect(blank.get("L51")?.value).toBe("#N/A"); // no 2026-H2 rate yet: the formula says so
    expect(after.get("L51")?.value).toBe(279.45);
    expect(after.get("N51")?.value).toBe(319.45);

    // Row 13 (OMI-2024-0012, 6 961,60 € paid 18 days late in August 2024) needs no 2026-H2 rate:
    // 6 961,60 × 3 × 4.92 % × 18 / 365 = 50.67, in both files.
    expect(blank.get("L13")?.value).toBe(50.67);
    expect(after.get("L13")?.value).toBe(50.67);

    // Every interest cell that was #N/A for want of the rate now has a number.
    const column = (cells: Map<string, { value: number | string }>) =>
      [...cells].filter(([ref]) => /^L\d+$/.test(ref) && ref !== "L1");
    const missingBefore = column(blank).filter(([, c]) => c.value === "#N/A");
    expect(missingBefore.length).toBeGreaterThan(0);
    for (const [ref] of missingBefore) expect(typeof after.get(ref)?.value).toBe("number");
  }, 180_000);
});
