/**
 * Zip bombs through the built command line (dist/cli/echeance.js, the webpack bundle, its deflate
 * worker included), each in a child process whose peak resident memory (getrusage's maxRSS, worker
 * threads included) is read at its exit: under 300 MB whatever the sheet holds (issue 20). Each file
 * is about 1 MB zipped and inflates to about 1 GiB of whitespace in one place. What can be streamed is
 * copied (the whitespace between rows comes through); what must be held whole (a row, the sheet's head
 * or tail, a part read whole, a shared string) is refused past its stated limit, with a message naming
 * the part and the limit, and nothing is written.
 */
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yauzl from "yauzl";
import { cut, sampleText, SAMPLE_PARTS, writeBomb, type BombPart } from "./bombs";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "omi-factures.xlsx");
const BIN = path.join(ROOT, "bin", "echeance.js");
const MEMORY_BOUND_MB = 300;
const GiB_IN_MiB = 1024;

let dir: string;
let hook: string;
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "echeance.js")))
    throw new Error("dist/cli/echeance.js is missing: the global setup builds it (npm run build)");
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-bombs-"));
  hook = path.join(dir, "max-rss.js");
  await fs.writeFile(
    hook,
    'process.on("exit", () => process.stderr.write("\\nMAX_RSS_KB " + process.resourceUsage().maxRSS + "\\n"));\n',
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakMb: number;
  readonly seconds: number;
  readonly out: string;
}

/** `echeance apply FILE --vendor omi -o OUT` in a child process, with its peak memory. */
function applyCli(input: string): Promise<Run> {
  const out = path.join(dir, `${path.basename(input, ".xlsx")}.out.xlsx`);
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--require", hook, BIN, "apply", input, "--vendor", "omi", "--as-of", "2026-06-30", "-o", out],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const kb = Number(/MAX_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({
        code,
        stdout,
        stderr,
        peakMb: kb / 1024,
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        out,
      });
    });
  });
}

/** The sample with one part's text cut at `at` and a run of whitespace put there. */
async function bomb(
  name: string,
  part: string,
  at: string | RegExp,
  options: { keep?: "after" | "before"; fill?: string; runMiB?: number; declaredSize?: number } = {},
): Promise<{ file: string; zipped: number }> {
  const [before, after] = cut(await sampleText(SAMPLE, part), at, options.keep);
  const spec: BombPart = {
    before,
    after,
    runMiB: options.runMiB ?? GiB_IN_MiB,
    ...(options.fill ? { fill: options.fill } : {}),
  };
  const file = path.join(dir, `${name}.xlsx`);
  const zipped = await writeBomb(
    SAMPLE,
    file,
    { [part]: spec },
    options.declaredSize !== undefined ? { declaredSize: options.declaredSize } : {},
  );
  return { file, zipped };
}

function report(what: string, r: Run, zipped: number): void {
  console.log(
    `${what}: ${(zipped / 2 ** 20).toFixed(1)} MB zipped, exit ${r.code}, peak RSS ${r.peakMb.toFixed(0)} MB, ${r.seconds.toFixed(1)} s`,
  );
}

/** The entries of a zip: name → CRC, sizes and compressed bytes' offset, as recorded. */
async function records(
  file: string,
): Promise<Map<string, { crc: number; size: number; compressed: number }>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out = new Map<string, { crc: number; size: number; compressed: number }>();
  for await (const e of zip.eachEntry())
    out.set(e.fileName, { crc: e.crc32, size: e.uncompressedSize, compressed: e.compressedSize });
  zip.close();
  return out;
}

describe("a 1 GiB run of whitespace where it can be streamed is copied, in under 300 MB", () => {
  test.each<[string, string, string | RegExp]>([
    ["between two data rows", SAMPLE_PARTS.sheet, '<row r="30"'],
    ["after the last row", SAMPLE_PARTS.sheet, "</sheetData>"],
  ])(
    "in the register sheet, %s",
    async (what, part, at) => {
      const { file, zipped } = await bomb(`sheet-${what.replace(/ /g, "-")}`, part, at, { fill: "\r\n\t " });
      expect(zipped).toBeLessThan(2 * 2 ** 20);
      const r = await applyCli(file);
      report(`sheet, ${what}`, r, zipped);
      expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/);
      expect(r.code).toBe(0);
      expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
      // The whitespace came through: the sheet in the copy inflates past 1 GiB.
      const sheet = (await records(r.out)).get(part);
      expect(sheet?.size).toBeGreaterThan(2 ** 30);
      await fs.rm(r.out, { force: true });
    },
    600_000,
  );

  test("between the shared strings", async () => {
    const { file, zipped } = await bomb("shared-between", SAMPLE_PARTS.sharedStrings, "<si>", {
      fill: "\n ",
    });
    const r = await applyCli(file);
    report("shared strings, between items", r, zipped);
    expect(r.code).toBe(0);
    // The same rows read as from the sample itself (its 50 invoices, two of them bad on purpose).
    const plain = await applyCli(SAMPLE);
    const summary = (out: string) => out.split("\n").find((l) => l.includes("ligne(s) de factures"));
    expect(summary(r.stdout)).toBe(summary(plain.stdout));
    expect(summary(r.stdout)).toBe("50 ligne(s) de factures : 48 calculée(s), 2 en erreur.");
    expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
    // Passed through as it was: the same compressed bytes, CRC and sizes.
    const [input, output] = [await records(file), await records(r.out)];
    expect(output.get(SAMPLE_PARTS.sharedStrings)).toEqual(input.get(SAMPLE_PARTS.sharedStrings));
    await fs.rm(r.out, { force: true });
  }, 600_000);

  test("in a part the copy passes through untouched (another worksheet), copied as it was", async () => {
    const { file, zipped } = await bomb("other-sheet", SAMPLE_PARTS.otherSheet, "<sheetData");
    const r = await applyCli(file);
    report("another worksheet, untouched", r, zipped);
    expect(r.code).toBe(0);
    expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
    const [input, output] = [await records(file), await records(r.out)];
    expect(output.get(SAMPLE_PARTS.otherSheet)).toEqual(input.get(SAMPLE_PARTS.otherSheet));
    expect(output.get(SAMPLE_PARTS.otherSheet)?.size).toBeGreaterThan(2 ** 30);
  }, 600_000);
});

describe("just under the limits of what is held whole, a file is copied in under 300 MB", () => {
  // 35 MiB of whitespace and the sample's own text: under the 36 MiB a head, a row or a tail may hold.
  test.each<[string, string | RegExp, "after" | "before"]>([
    ["before the rows (the sheet's head)", "<sheetData>", "after"],
    [
      "inside a cell of row 30, read by both passes (finding the register, then the copy)",
      /<c r="B30"[^>]*>/,
      "before",
    ],
    ["after the rows (the sheet's tail)", "</sheetData>", "before"],
  ])(
    "35 MiB %s",
    async (what, at, keep) => {
      const { file, zipped } = await bomb(`held-${what.replace(/\W+/g, "-")}`, SAMPLE_PARTS.sheet, at, {
        keep,
        runMiB: 35,
      });
      const r = await applyCli(file);
      report(`35 MiB ${what}`, r, zipped);
      expect(r.code).toBe(0);
      expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
      await fs.rm(r.out, { force: true });
    },
    600_000,
  );
});

describe("a 1 GiB run where the copy would hold it whole is refused past its limit, in under 300 MB", () => {
  test.each<[string, string, string | RegExp, "after" | "before", RegExp]>([
    [
      "inside a <c> element",
      SAMPLE_PARTS.sheet,
      /<c r="B30"[^>]*>/,
      "before",
      /xl\/worksheets\/sheet1\.xml : une ligne dépasse 36 Mio/,
    ],
    [
      "inside a <v> element",
      SAMPLE_PARTS.sheet,
      /<c r="E30"[^>]*><v>/,
      "before",
      /xl\/worksheets\/sheet1\.xml : une ligne dépasse 36 Mio/,
    ],
    [
      "in a row's attribute value",
      SAMPLE_PARTS.sheet,
      '<row r="40" spans="1:',
      "before",
      /xl\/worksheets\/sheet1\.xml : la balise d'une ligne dépasse 1 Mio/,
    ],
    [
      "in the <sheetData> tag's attributes",
      SAMPLE_PARTS.sheet,
      "<sheetData",
      "before",
      /xl\/worksheets\/sheet1\.xml : la balise <sheetData> dépasse 1 Mio/,
    ],
    [
      "before the rows (the sheet's head)",
      SAMPLE_PARTS.sheet,
      "<sheetData>",
      "after",
      /xl\/worksheets\/sheet1\.xml : le début de la feuille \(avant ses lignes\) dépasse 36 Mio/,
    ],
    [
      "after the rows (the sheet's tail)",
      SAMPLE_PARTS.sheet,
      "</sheetData>",
      "before",
      /xl\/worksheets\/sheet1\.xml : la partie après les lignes dépasse 36 Mio/,
    ],
    [
      "inside a shared string",
      SAMPLE_PARTS.sharedStrings,
      "<si><t>",
      "before",
      /xl\/sharedStrings\.xml : une chaîne partagée se prolonge au-delà de 4 Mio/,
    ],
    [
      "in the styles (a part read whole)",
      SAMPLE_PARTS.styles,
      "<fonts",
      "after",
      /la partie xl\/styles\.xml du fichier dépasse 32 Mio une fois décompressée/,
    ],
  ])(
    "%s",
    async (what, part, at, keep, message) => {
      const { file, zipped } = await bomb(`refused-${what.replace(/\W+/g, "-")}`, part, at, { keep });
      const r = await applyCli(file);
      report(what, r, zipped);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain("rien n'est écrit");
      expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
      expect(existsSync(r.out)).toBe(false);
    },
    600_000,
  );

  test("behind a blank row, which waits to learn whether a row with values follows, past 64 MiB", async () => {
    // Row 30 emptied (formatting only), then the run: the blank row and what follows it are held.
    const xml = await sampleText(SAMPLE, SAMPLE_PARTS.sheet);
    const blank = xml.replace(/<row r="30"[^>]*>[\s\S]*?<\/row>/, '<row r="30" ht="30" customHeight="1"/>');
    const [before, after] = cut(blank, '<row r="31"');
    const file = path.join(dir, "blank-row-block.xlsx");
    const zipped = await writeBomb(SAMPLE, file, {
      [SAMPLE_PARTS.sheet]: { before, after, runMiB: GiB_IN_MiB },
    });
    const r = await applyCli(file);
    report("behind a blank row", r, zipped);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "xl/worksheets/sheet1.xml : plus de 64 Mio de la feuille attendent derrière des lignes vides (jusqu'à la ligne 30)",
    );
    expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
    expect(existsSync(r.out)).toBe(false);
  }, 600_000);

  test("a zip whose declared sizes lie is read no further than the lie", async () => {
    // The sheet declares 20,000 bytes and inflates to 1 GiB.
    const { file, zipped } = await bomb("lying-sizes", SAMPLE_PARTS.sheet, '<row r="30"', {
      declaredSize: 20_000,
    });
    const r = await applyCli(file);
    report("declared sizes lie", r, zipped);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("xl/worksheets/sheet1.xml: inflates past the 20000 bytes its entry declares");
    expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
    expect(existsSync(r.out)).toBe(false);
  }, 600_000);
});

test("a refusal while the rows are written ends the command: the deflate worker does not hold it open", async () => {
  // A shared formula in row 2 reaching past the new columns is refused once row 2 is written, after
  // the worker has started.
  const xml = await sampleText(SAMPLE, SAMPLE_PARTS.sheet);
  const [before, after] = cut(
    xml.replace(
      /(<row r="2"[^>]*>[\s\S]*?)<\/row>/,
      '$1<c r="O2"><f t="shared" ref="O2:Q2" si="0">E2*2</f><v>1</v></c></row>',
    ),
    "</sheetData>",
  );
  const file = path.join(dir, "shared-formula.xlsx");
  await writeBomb(SAMPLE, file, { [SAMPLE_PARTS.sheet]: { before, after, runMiB: 0 } });
  const r = await applyCli(file);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("la cellule O2 porte une formule partagée");
  expect(existsSync(r.out)).toBe(false);
  // It ended by itself (the test's own timeout would catch a process left running).
  expect(r.seconds).toBeLessThan(60);
}, 120_000);
