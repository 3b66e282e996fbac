import { main } from "../../src/cli/main";

/** Runs the `echeance` command in memory and returns its exit code and what it printed. */
export async function runMain(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    isTTY: false,
  });
  return { code, out, err };
}

/** `echeance apply ARG…` in memory, as the apply tests read it. */
export async function runApplyCommand(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runMain("apply", ...argv);
  return { code: r.code, stdout: r.out, stderr: r.err };
}

/** `echeance ARG…` in memory with `input` on its standard input (`echeance vendor import -`). */
export async function runMainWithInput(
  input: string,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    isTTY: false,
    stdin: (async function* () {
      yield new TextEncoder().encode(input);
    })(),
  });
  return { code, out, err };
}
