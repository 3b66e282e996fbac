import { languageOf } from "../args";
import type { CliIo } from "../io";
import { applyAll } from "./all";
import { parseApplyArgs } from "./args";
import { Printer, Stop } from "./printer";
import { applyFile, explainRow } from "./run";
import { applyUsage } from "./usage";

/**
 * `echeance apply`: applies a vendor's terms to a register file (xlsx or csv) and writes a copy with the
 * results. A thin driver over the one Apply (src/write/use-case.ts): arguments (args.ts), the register
 * opened once (open.ts), terms and headers (options.ts), planned and applied once (run.ts), every
 * remembered register again (all.ts), the calendar (ics.ts). The input file is only read.
 */

export { applyUsage };

/** `echeance apply …`: returns the exit code (0 computed, 1 nothing computed, 2 usage). */
export async function runApply(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const args = parseApplyArgs(argv, lang);
  if (args === "help") {
    io.stdout.write(applyUsage(lang));
    return 0;
  }
  const p = new Printer(io, lang);
  try {
    if (args.explain !== undefined) return await explainRow(args, args.explain, p);
    return args.all ? await applyAll(args, p) : await applyFile(args, p);
  } catch (e) {
    if (e instanceof Stop) return e.code;
    throw e;
  }
}
