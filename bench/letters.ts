import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

/**
 * `echeance letters` on the built command line for a 500-client register (1 500 OMI invoices: per
 * client one unpaid, one partly paid, one unpaid across two half-years) as of 30/06/2026: the formal
 * notices, one .docx per client, then the same with --record (the register's copy written too). Wall
 * time of the whole process — reading the xlsx, the statements, the letters, the staged writes.
 * Printed figures, not a timed test: `npm run build && node bench/run.js bench/letters.ts`. The
 * issue's target: 500 clients' letters in under 10 s. BENCH_CLIENTS changes the count.
 */

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "echeance.js");

/** The register as an accountant keeps it: French headers, invoice dates (due 30 days later, CGA 6.1). */
async function writeRegister(file: string, clients: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Factures");
  ws.addRow(["N° facture", "Client", "Adresse", "Date facture", "Montant TTC", "Payé le", "Montant payé"]);
  const issued = [
    new Date(Date.UTC(2025, 9, 1)),
    new Date(Date.UTC(2025, 10, 15)),
    new Date(Date.UTC(2026, 1, 10)),
  ];
  for (let c = 0; c < clients; c++)
    for (let k = 0; k < 3; k++)
      ws.addRow([
        `OMI-${String(c).padStart(4, "0")}-${k}`,
        `Client ${String(c).padStart(3, "0")} SARL`,
        `${c + 1} rue du Commerce\n69003 Lyon`,
        issued[k],
        1000 + ((c * 37 + k * 101) % 5000),
        k === 1 ? new Date(Date.UTC(2026, 0, 31)) : null,
        k === 1 ? 500 : null,
      ]);
  await wb.xlsx.writeFile(file);
}

function timed(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT });
  if (run.status !== 0)
    throw new Error(`echeance ${args[0]} failed (${run.status}): ${run.stdout}\n${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, "dist", "cli", "echeance.js")))
    throw new Error("dist/cli/echeance.js is missing: run `npm run build` first.");
  const clients = Number(process.env.BENCH_CLIENTS ?? 500);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-letters-bench-"));
  const register = path.join(dir, "factures.xlsx");
  await writeRegister(register, clients);
  const company = path.join(dir, "entreprise.json");
  await fs.writeFile(
    company,
    JSON.stringify({
      raison_sociale: "OMI SAS",
      adresse: "18 rue des Lilas\n75011 Paris",
      siren: "732829320",
      iban: "FR7630006000011234567890189",
      ville: "Paris",
    }),
  );
  const common = [
    "--vendor",
    "omi",
    "--level",
    "mise-en-demeure",
    "--as-of",
    "2026-06-30",
    "--company",
    company,
  ];
  const letters = timed(["letters", register, ...common, "-o", path.join(dir, "lettres")]);
  const written = (await fs.readdir(path.join(dir, "lettres"))).length;
  const recorded = timed([
    "letters",
    register,
    ...common,
    "-o",
    path.join(dir, "lettres-2"),
    "--record",
    "--register-out",
    path.join(dir, "suivi.xlsx"),
  ]);
  const s = (x: number) => `${x.toFixed(2)} s`;
  process.stdout.write(
    [
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`,
      `echeance letters, ${clients} clients, ${clients * 3} invoices, formal notices as of 30/06/2026:`,
      `  one .docx per client (${written} written): ${s(letters)}`,
      `  the same with --record (the register's copy written too): ${s(recorded)}`,
      `  target: under 10 s`,
      "",
    ].join("\n"),
  );
  await fs.rm(dir, { recursive: true, force: true });
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
