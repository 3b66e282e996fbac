/** What a command needs from the process, so tests can run commands in memory. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly isTTY: boolean;
}

/** A command-line mistake: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}
