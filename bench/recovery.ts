import os from "node:os";
import { Decimal, iso, resolveVendor, type Day } from "../src/engine";
import { letterDocx, lettersDocx, penaltyNoteDocx } from "../src/documents";
import { buildRecovery, planLetters, planPenaltyNotes, type RecoveryInvoice } from "../src/recovery";
import type { StoredCompany } from "../src/storage";

/**
 * Letters for a 500-client register, in process (the recovery core and the .docx writer, no command
 * line yet): 500 clients × 3 OMI invoices as of 30/06/2026, the statements, the formal notices, one
 * .docx per client and one document for all, and the penalty notes. Printed figures, not a timed test:
 * `node bench/run.js bench/recovery.ts`. The issue's target: 500 clients' letters in under 10 s.
 */

const COMPANY: StoredCompany = {
  name: "OMI SAS",
  address: "18 rue des Lilas\n75011 Paris",
  siren: "732829320",
  iban: "FR7630006000011234567890189",
  place: "Paris",
};

function register(clients: number): RecoveryInvoice[] {
  const out: RecoveryInvoice[] = [];
  const due = ["2025-10-31", "2025-12-15", "2026-03-12"].map(iso);
  for (let c = 0; c < clients; c++)
    for (let k = 0; k < 3; k++)
      out.push({
        row: out.length + 2,
        reference: `OMI-${c}-${k}`,
        client: `Client ${String(c).padStart(3, "0")}`,
        clientAddress: `${c} rue du Commerce\n69003 Lyon`,
        clientType: "pro",
        dueDate: due[k] as Day,
        amount: new Decimal(1000 + ((c * 37 + k * 101) % 5000)),
        payments: k === 1 ? [{ date: iso("2026-01-31"), amount: new Decimal(500) }] : [],
      });
  return out;
}

async function main(): Promise<void> {
  const clients = Number(process.env.BENCH_CLIENTS ?? 500);
  const { profile, settings } = resolveVendor("omi");
  const invoices = register(clients);
  const t0 = performance.now();
  const book = buildRecovery(invoices, { profile, settings, asOf: iso("2026-06-30") });
  const t1 = performance.now();
  const run = planLetters(book, { level: "mise-en-demeure", profile, company: COMPANY });
  const t2 = performance.now();
  let bytes = 0;
  for (const letter of run.letters) bytes += (await letterDocx(letter)).length;
  const t3 = performance.now();
  const all = await lettersDocx(run.letters);
  const t4 = performance.now();
  const notes = planPenaltyNotes(book, { profile, company: COMPANY, series: [] });
  for (const n of notes.notes) await penaltyNoteDocx(n);
  const t5 = performance.now();
  const s = (a: number, b: number) => `${((b - a) / 1000).toFixed(2)} s`;
  process.stdout.write(
    [
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
      `${clients} clients, ${invoices.length} invoices, as of 30/06/2026 (OMI)`,
      `statements (buildRecovery):            ${s(t0, t1)}`,
      `formal notices' content (planLetters): ${s(t1, t2)}  (${run.letters.length} letters)`,
      `one .docx per client:                  ${s(t2, t3)}  (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
      `one .docx for all:                     ${s(t3, t4)}  (${(all.length / 2 ** 20).toFixed(1)} MiB)`,
      `penalty notes, one .docx each:         ${s(t4, t5)}  (${notes.notes.length} notes)`,
      `statements + letters, one per client:  ${s(t0, t3)}`,
      "",
    ].join("\n"),
  );
}

void main();
