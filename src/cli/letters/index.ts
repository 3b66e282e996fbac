import { languageOf } from "../args";
import type { CliIo } from "../io";
import { Printer, Stop } from "../printer";
import { parseLettersArgs } from "./args";
import { runLettersOnce } from "./run";
import { lettersUsage } from "./usage";

/**
 * `echeance letters`: the recovery letters (rappel, relance, mise en demeure) and penalty notes of a
 * register, one .docx per client or one for all, from recovery's statements; `--record` keeps the
 * letters sent in the register's copy. Arguments (args.ts), usage (usage.ts), messages (messages.ts),
 * the documents planned (plan.ts), the register's copy (copy.ts), the run (run.ts).
 */

export { lettersUsage };

/** `echeance letters …`: returns the exit code (0 written, 1 nothing could be, 2 usage). */
export async function runLetters(argv: string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const args = parseLettersArgs(argv, lang);
  if (args === "help") {
    io.stdout.write(lettersUsage(lang));
    return 0;
  }
  try {
    return await runLettersOnce(args, new Printer(io, lang, "letters"));
  } catch (e) {
    if (e instanceof Stop) return e.code;
    throw e;
  }
}
