import type { Language, Text } from "../../engine";
import type { CliIo } from "../io";
import { commandError, warning } from "../messages";

/** A stop with an exit code, after its message was printed. */
export class Stop extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** --all: a remembered register left as it is, and why. */
export class Skipped extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

/** What `echeance apply` prints, in the user's language: lines on stdout, warnings and errors on stderr. */
export class Printer {
  constructor(
    readonly io: CliIo,
    readonly lang: Language,
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

  /** "echeance apply : …" on stderr. */
  error(text: Text): void {
    this.warn(commandError("apply", text, this.lang));
  }

  /** The error, then the exit code to stop with. */
  fail(text: Text, code: number): Stop {
    this.error(text);
    return new Stop(code);
  }

  /** A progress line on a terminal: rows done (of the total when known). */
  progress(): (x: { done: number; total: number | undefined }) => void {
    const rows = this.lang === "fr" ? "lignes" : "rows";
    return ({ done, total }) =>
      void this.io.stderr.write(`\r${done}${total !== undefined ? `/${total}` : ""} ${rows}…`);
  }
}
