import path from "node:path";
import { recognizeHeaders } from "../src/apply";
import { applyToSheet, planApply, rowsInMemory, type WriteMode } from "../src/write";
import { iso } from "../src/engine";
import { DEFAULT_CHUNK_ROWS, registerPlace } from "../src/workbook/gateway";
import { MemoryGateway } from "../src/workbook/memory-gateway";
import { buildApplyOptions, buildApplyRequest } from "../src/taskpane/apply-adapter";
import { demoWorkbook } from "../src/taskpane/demo/demo-register";

/**
 * The task pane's Apply against the in-memory host (MemoryGateway, in Node, no browser), on the demo
 * register repeated to 10k and 100k invoice rows, as the pane runs it: the gateway reads the register,
 * counts the cells the columns would replace, then the Apply use case computes and writes the rows in
 * chunks of 10,000 through the gateway's sink (values, then number formats, the highlighting, the
 * note). Measured: time to read, time to apply, requests (each `sync` of the in-memory workbook, one
 * per Excel request the same policy makes on Office.js) and the largest request or response (its
 * JSON in UTF-8). Portable formulas, the longest requests, at 10k rows too. Targets for 100k rows of
 * values: under 2 s in all, under 30 requests, none over 4 MB. Printed figures, not asserted.
 *
 * Call: `import { paneBench } from "./pane"; console.log(await paneBench());`
 * or alone: `node bench/run.js bench/pane.ts`.
 */

export interface PaneBenchRow {
  readonly rows: number;
  readonly write: WriteMode;
  readonly readMs: number;
  readonly applyMs: number;
  readonly totalMs: number;
  /** Requests reading the register, and counting and writing the result. */
  readonly readSyncs: number;
  readonly syncs: number;
  readonly largestBytes: number;
  /** Requests the host refused for their size (retried in halves): 0 expected. */
  readonly refused: number;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export async function paneRun(rows: number, write: WriteMode = "values"): Promise<PaneBenchRow> {
  const wb = demoWorkbook({ invoiceRows: rows });
  // The write log (one string per cell, for tests) is the in-memory host's own cost, not Excel's.
  wb.logWrites = false;
  const gateway = new MemoryGateway(wb);
  wb.syncs.length = 0;
  const t0 = process.hrtime.bigint();
  const source = await gateway.readSource("region");
  const readMs = ms(t0);
  const readSyncs = wb.syncs.length;
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
  const request = buildApplyRequest({
    options,
    write,
    recognition,
    today: iso("2026-12-03"),
    highlightDays: 30,
  });
  const tApply = process.hrtime.bigint();
  // As the pane does (useApplyRun): the count before the question, then the use case through the sink.
  const plan = planApply(request, registerPlace(source), source.headers);
  await gateway.countReplaced(source, plan);
  const sink = gateway.applySink(source);
  await applyToSheet(plan, rowsInMemory(registerPlace(source), source.headers, source.rows), sink, {
    chunkRows: DEFAULT_CHUNK_ROWS,
  });
  const applyMs = ms(tApply);
  return {
    rows,
    write,
    readMs,
    applyMs,
    totalMs: ms(t0),
    readSyncs,
    syncs: wb.syncs.length - readSyncs,
    largestBytes: Math.max(0, ...wb.syncs),
    refused: wb.refusedRequests,
  };
}

export function formatPaneBench(results: readonly PaneBenchRow[]): string {
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(2)} MB`;
  const lines = [
    "| invoice rows | written as | read | apply (compute + write) | total | requests: apply | requests: read | largest request | refused |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString("en")} | ${r.write} | ${r.readMs.toFixed(0)} ms | ${r.applyMs.toFixed(0)} ms | ${r.totalMs.toFixed(0)} ms | ${r.syncs} | ${r.readSyncs} | ${mb(r.largestBytes)} | ${r.refused} |`,
    ),
    "",
    "Targets at 100k rows of values: total < 2 s, < 30 requests, no request over 4 MB (Excel on the web refuses 5 MB).",
    "Requests: apply = counting the cells to replace, then the use case's writes (headers, rows per 10,000-row",
    "chunk split by bytes, number formats, conditional formats, note, recalculation, selection); read = reading",
    "the register (locate, then requests sized by the bytes a row takes). Largest request: the JSON size of one",
    "request's cells or formats, or of one read's response.",
  ];
  return lines.join("\n");
}

/** The pane benchmark: values at 10k and 100k rows, portable formulas at 10k. */
export async function paneBenchRows(): Promise<PaneBenchRow[]> {
  await paneRun(2_000); // warm-up
  const results: PaneBenchRow[] = [];
  for (const rows of [10_000, 100_000]) results.push(await paneRun(rows));
  results.push(await paneRun(10_000, "portable"));
  return results;
}

/** The pane benchmark as a printed markdown table. */
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
