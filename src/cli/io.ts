/** What a command needs from the process, so tests can run commands in memory. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly isTTY: boolean;
  /** Standard input, for commands that read `-` (`echeance vendor import -`). */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** A command-line mistake: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

interface Stream {
  write(text: string): unknown;
  on(event: "error", listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * A process stream that survives its reader going away: `echeance apply … | head -1` closes the pipe
 * after one line, and a write to it then fails with EPIPE. What goes to the terminal never decides
 * whether the result file is written: after EPIPE the stream's writes are dropped, the run goes on.
 */
export function pipeSafe(stream: Stream): { write(text: string): boolean } {
  let closed = false;
  stream.on("error", (e) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw e;
  });
  return {
    write(text: string): boolean {
      if (closed) return false;
      try {
        stream.write(text);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EPIPE") {
          closed = true;
          return false;
        }
        throw e;
      }
    },
  };
}

/** The process's own streams, pipe-safe. */
export function processIo(): CliIo {
  return {
    stdout: pipeSafe(process.stdout),
    stderr: pipeSafe(process.stderr),
    isTTY: Boolean(process.stderr.isTTY),
    stdin: process.stdin,
  };
}
