import * as path from "node:path";
import { languageOf } from "../args";
import { UsageError, type CliIo } from "../io";
import { Printer, Stop } from "../printer";
import { defaultReportOutput, parseReportArgs } from "./args";
import { runD441 } from "./d441";
import { REPORT_TEXT } from "./messages";
import { runStatement } from "./statement";
import { reportUsage } from "./usage";

/**
 * `echeance report`: the D441-6 payment-delay table and the aging (`--kind received|issued`, d441.ts),
 * or the statement per client as of a date (`--kind statement`, statement.ts). Arguments (args.ts),
 * usage text (usage.ts) and messages (messages.ts) in catalogues; the input file is only read.
 */

export { reportUsage };

/** `echeance report …`: 0 when a file was written, 1 when nothing could be read or written, 2 on usage errors. */
export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const args = parseReportArgs(argv, lang);
  if (args === "help") {
    io.stdout.write(reportUsage(lang));
    return 0;
  }
  const out = args.out ?? defaultReportOutput(args);
  if (path.resolve(out) === path.resolve(args.input)) throw new UsageError(REPORT_TEXT.outputIsInput[lang]);
  if (args.kind !== "statement") return runD441(args, out, io);
  try {
    return await runStatement(args, out, new Printer(io, lang, "report"));
  } catch (e) {
    if (e instanceof Stop) return e.code;
    throw e;
  }
}
