import type { Language, Text } from "../engine";
import type { CliIo } from "./io";
import { commandError, warning } from "./messages";

const ROWS_WORD = { fr: "lignes", en: "rows" } as const;

/** A stop with an exit code, after its message was printed. */
export class Stop extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * What a command prints, in the user's language: lines on stdout, warnings and errors on stderr, its
 * errors prefixed with its name (« echeance letters : … »).
 */
export class Printer {
  constructor(
    readonly io: CliIo,
    readonly lang: Language,
    readonly command = "apply",
  ) {}

  say(line: string | Text): void {
    this.io.stdout.write(`${typeof line === "string" ? line : line[this.lang]}\n`);
  }

  warn(line: string | Text): void {
    this.io.stderr.write(`${typeof line === "string" ? line : line[this.lang]}\n`);
  }

  /** « Attention : … » on stderr. */
  caution(text: string | Text): void {
    this.warn(warning(text, this.lang));
  }

  /** « echeance <command> : … » on stderr. */
  error(text: string | Text): void {
    this.warn(commandError(this.command, text, this.lang));
  }

  /** The error, then the exit code to stop with. */
  fail(text: string | Text, code: number): Stop {
    this.error(text);
    return new Stop(code);
  }

  /** A progress line on a terminal: rows done (of the total when known). */
  progress(): (x: { done: number; total: number | undefined }) => void {
    const rows = ROWS_WORD[this.lang];
    return ({ done, total }) =>
      void this.io.stderr.write(`\r${done}${total !== undefined ? `/${total}` : ""} ${rows}…`);
  }
}
