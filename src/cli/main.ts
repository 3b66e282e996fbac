import { runApply } from "./apply";
import { FN_USAGE, runFn } from "./fn";
import { UsageError, type CliIo } from "./io";
import { REPORT_USAGE, runReport } from "./report";

/** The `echeance` command: `fn` evaluates one CGV function, `apply` applies terms to a register. */

declare const ECHEANCE_VERSION: string | undefined;

const USAGE = `echeance — French vendors' terms of sale (CGV) as dates and amounts

Commands:
  echeance fn FUNCTION [ARG…] [--json] [--lang en|fr]
      Evaluates one CGV function exactly as Excel does, e.g.
      echeance fn DUEDATE omi 2025-03-10            → 2025-04-09
  echeance apply INPUT.xlsx|INPUT.csv --vendor ID [options]
      Applies a vendor's terms to a register of invoices or subscriptions.
      Run "echeance apply --help" for its options.
  echeance report INPUT.xlsx|INPUT.csv --closing YYYY-MM-DD --kind received|issued [options]
      The payment-delay table of Code de commerce D441-6 and an aging view.
      Run "echeance report --help" for its options.
  echeance --version

${FN_USAGE}`;

type Command = (argv: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  fn: runFn,
  apply: runApply,
  report: runReport,
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout.write(`${typeof ECHEANCE_VERSION === "string" ? ECHEANCE_VERSION : "development"}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const usage = command === "fn" ? FN_USAGE : command === "report" ? REPORT_USAGE : USAGE;
      io.stderr.write(`echeance ${command}: ${e.message}\n\n${usage}\n`);
      return 2;
    }
    throw e;
  }
}
