/**
 * Measures (prints; asserts nothing) read + compute + write of a large register through the one xlsx
 * path: openXlsxRegister + applyToSheet + the copy's sink.
 *
 *   npm run samples:large -- 100000          # out/large-100000.xlsx
 *   npx ts-node --transpile-only -P samples/tsconfig.json test/xlsx/measure-copy.ts out/large-100000.xlsx
 *
 * Run it under `/usr/bin/time -v` for the peak memory (maximum resident set size).
 */
import { applyRequest } from "../support/apply";
import * as path from "node:path";
import { recognizeHeaders } from "../../src/apply";
import { iso } from "../../src/engine";
import { openXlsxRegister } from "../../src/xlsx";

async function main(): Promise<void> {
  const input = process.argv[2] ?? "out/large-100000.xlsx";
  const write = (process.argv[3] ?? "values") as "values" | "formulas" | "portable";
  const output = path.join(path.dirname(input), `${path.basename(input, ".xlsx")}.measured-${write}.xlsx`);
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = process.hrtime.bigint();
  const book = await openXlsxRegister(input);
  const rec = recognizeHeaders(book.headers);
  if (rec.mode === undefined) throw new Error("no register");
  const outcome = await applyRequest(
    {
      options: {
        mode: rec.mode,
        mapping: rec.mapping,
        headers: book.headers,
        vendor: "omi",
        asOf: "2026-06-30",
        lang: "fr",
        firstRowNumber: book.location.headerRow + 1,
      },
      write,
      today: iso("2026-12-03"),
      previousOutputs: rec.previousOutputs,
      highlightDays: 30,
    },
    book.rows,
    book.copyTo(output),
    { yieldFn: () => new Promise((resolve) => setImmediate(resolve)) },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${input} (${write}): ${outcome.rowsWritten} rows, ${outcome.summary.computed} computed, ${(ms / 1000).toFixed(2)} s, peak RSS ${Math.round(peak / 2 ** 20)} MiB (sampled) → ${output}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
