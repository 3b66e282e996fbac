import os from "node:os";
import { engineBench, formatEngineBench } from "./engine";
import { cliBench } from "./cli";
import { libreOfficeBench } from "./libreoffice";
import { paneBench } from "./pane";

/** `npm run bench`: every benchmark, one table each, with the machine it ran on. */
function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

async function main(): Promise<void> {
  console.log(`Échéance benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine()}\n`);
  console.log("Engine throughput (single thread):\n");
  console.log(formatEngineBench(engineBench()));
  console.log("\nTask pane Apply against the in-memory Excel host (invoices):\n");
  console.log(await paneBench());
  console.log(
    "\n`echeance apply` vs exceljs read + write only (child processes, best of BENCH_REPEAT runs):\n",
  );
  console.log(await cliBench());
  console.log(
    "\nThe same register outside Excel: the engine vs LibreOffice recalculating the portable formulas:\n",
  );
  console.log(await libreOfficeBench());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
