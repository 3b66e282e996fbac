import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/**
 * `echeance apply REGISTER --vendor omi | head -1`: the reader goes away after one line. What goes to
 * the terminal never decides whether the result is written: the run finishes, writes its file, exits 0.
 */
test("a closed pipe on stdout does not stop apply from writing its result", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-pipe-"));
  try {
    const input = path.join(dir, "omi-factures.xlsx");
    const output = path.join(dir, "resultat.xlsx");
    await fs.copyFile(path.join(ROOT, "samples", "omi-factures.xlsx"), input);
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "bin", "echeance.js"), "apply", input, "--vendor", "omi", "-o", output],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first chunk, then close our end of the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
    expect((await fs.stat(output)).size).toBeGreaterThan(0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
