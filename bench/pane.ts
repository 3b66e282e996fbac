import path from "node:path";
import { applyRegister, recognizeHeaders } from "../src/apply";
import { MemoryGateway } from "../src/excel/memory-gateway";
import { DEFAULT_CHUNK_ROWS } from "../src/excel/gateway";
import { buildApplyOptions, gatewayColumns, outputPlacements } from "../src/taskpane/apply-adapter";
import { demoWorkbook } from "../src/taskpane/demo/demo-register";
import { highlightRules } from "../src/taskpane/highlight";

/**
 * The task pane's Apply against the in-memory host (MemoryGateway, in Node, no browser), on the demo
 * register repeated to 10k and 100k invoice rows: engine time (applyRegister), requests (each
 * `sync` of MemoryWorkbook, one per Excel.run batch of ExcelGateway), the largest request payload
 * (its values or formats as JSON), and the total. Targets for 100k rows: under 2 s in all, under 30
 * requests, none over 4 MB. Printed figures, not asserted.
 *
 * Call: `import { paneBench } from "./pane"; console.log(await paneBench());`
 * or alone: `node bench/run.js bench/pane.ts`.
 */

export interface PaneBenchRow {
  readonly rows: number;
  readonly engineMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
  /** Requests reading the register, and writing the result. */
  readonly readSyncs: number;
  readonly syncs: number;
  readonly largestBytes: number;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export async function paneRun(rows: number): Promise<PaneBenchRow> {
  const wb = demoWorkbook({ invoiceRows: rows });
  // The write log (one string per cell, for tests) is the in-memory host's own cost, not Excel's.
  wb.logWrites = false;
  const gateway = new MemoryGateway(wb);
  wb.syncs.length = 0;
  const t0 = process.hrtime.bigint();
  const source = await gateway.readSource("region");
  const recognition = recognizeHeaders(source.headers);
  const options = buildApplyOptions({
    source,
    mode: "invoices",
    mapping: recognition.mapping,
    vendor: "sillage",
    asOf: "2026-06-30",
    lang: "fr",
    defaults: {},
  });
  const readSyncs = wb.syncs.length;
  const tEngine = process.hrtime.bigint();
  // As the pane does (useApplyRun): chunks of the write size, yielding between them.
  const result = await applyRegister(source.rows, options, { chunkSize: DEFAULT_CHUNK_ROWS });
  const engineMs = ms(tEngine);
  const tWrite = process.hrtime.bigint();
  const placements = outputPlacements(source, "invoices", "fr", recognition);
  const columns = gatewayColumns(source, result, options, "fr", placements, "values");
  await gateway.writeColumns(source, placements, columns, { mode: "values", chunkRows: DEFAULT_CHUNK_ROWS });
  await gateway.addConditionalFormats(
    highlightRules({
      source,
      placements,
      mode: "invoices",
      mapping: options.mapping,
      asOf: result.summary.asOf,
      days: 30,
    }),
  );
  await gateway.selectColumns(source, placements);
  const writeMs = ms(tWrite);
  return {
    rows,
    engineMs,
    writeMs,
    totalMs: ms(t0),
    readSyncs,
    syncs: wb.syncs.length - readSyncs,
    largestBytes: Math.max(0, ...wb.syncs),
  };
}

export function formatPaneBench(results: readonly PaneBenchRow[]): string {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(2)} MB`;
  const lines = [
    "| invoice rows | engine | write (memory host) | total | syncs: write | syncs: read | largest request |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString("en")} | ${r.engineMs.toFixed(0)} ms | ${r.writeMs.toFixed(0)} ms | ${r.totalMs.toFixed(0)} ms | ${r.syncs} | ${r.readSyncs} | ${mb(r.largestBytes)} |`,
    ),
    "",
    "Targets at 100k rows: total < 2 s, < 30 syncs, no request over 4 MB (Excel on the web refuses 5 MB).",
    "Syncs: write = Apply's requests (headers, values and formats per 10,000-row chunk, conditional formats,",
    "selection); read = reading the register (locate, then requests of at most 200,000 cells). Largest request: the",
    "JSON size of one request's values or formats, reads' responses included.",
  ];
  return lines.join("\n");
}

/** The pane benchmark at 10k and 100k rows. */
export async function paneBenchRows(): Promise<PaneBenchRow[]> {
  await paneRun(2_000); // warm-up
  const results: PaneBenchRow[] = [];
  for (const rows of [10_000, 100_000]) results.push(await paneRun(rows));
  return results;
}

/** The pane benchmark at 10k and 100k rows, as a printed markdown table. */
export async function paneBench(): Promise<string> {
  return formatPaneBench(await paneBenchRows());
}

// Run alone (`node bench/run.js bench/pane.ts` puts this file in argv[1]), not when imported by bench/index.ts.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  paneBench().then(
    (table) => console.log(table),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
