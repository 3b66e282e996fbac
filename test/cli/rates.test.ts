import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMain } from "./run-main";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-rates-"));
  process.env.ECHEANCE_TODAY = "2026-12-03";
});
afterEach(async () => {
  delete process.env.ECHEANCE_TODAY;
  await fs.rm(dir, { recursive: true, force: true });
});

test("echeance rates shows the last two years, the missing 2e semestre 2026, and where to find the figures", async () => {
  const r = await runMain("rates");
  expect(r.code).toBe(0);
  const lines = r.out.split("\n");
  // Today is in 2026-H2: from 2024-H2 (four half-years before) to 2026-H2.
  expect(lines[2]).toMatch(/^2024-H2 +4,92 +8,16 +4,25 +livré — arrêté du 26 juin 2024$/);
  expect(lines[5]).toMatch(/^2026-H1 +2,62 +6,67 +2,15 +livré — arrêté du 15 décembre 2025$/);
  // The ECB rate of 1 July 2026 is shipped (2.40 %); the legal rate's arrêté for 2026-H2 is not.
  expect(lines[6]).toMatch(/^2026-H2 +— +— +2,40 +livré \(manque : taux légal\)$/);
  expect(r.out).toContain(
    "taux légal connu jusqu'au 1er semestre 2026 ; taux BCE connu jusqu'au 2e semestre 2026",
  );
  expect(r.out).toContain("https://www.legifrance.gouv.fr/");
  expect(r.out).toContain(
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html",
  );
});

test("a rate file's rows are shown as added, and one changing a shipped figure says so", async () => {
  const file = path.join(dir, "taux.csv");
  await fs.writeFile(
    file,
    "half-year;legal-professional;legal-consumer;ecb;source\n2026-H2;2,50;6,20;2,40;arrêté du 24 juin 2026\n2026-H1;2,70;;;correction\n",
  );
  const r = await runMain("rates", "--rates", file, "--from", "2026-H1");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/2026-H1 +2,70 +6,67 +2,15 +ajouté, MODIFIE un taux livré — correction/m);
  expect(r.out).toMatch(/2026-H2 +2,50 +6,20 +2,40 +ajouté — arrêté du 24 juin 2026/);
});

test("a bad rate file uses nothing and names each row and field", async () => {
  const file = path.join(dir, "taux.csv");
  await fs.writeFile(file, "half-year,legal-professional,legal-consumer,ecb\n2026-H2,35,,\n2026-S3,2,,\n");
  const r = await runMain("rates", "--rates", file);
  expect(r.code).toBe(1);
  expect(r.err.split("\n").filter(Boolean)).toEqual([
    "echeance rates : taux.csv, ligne 2, taux légal (professionnels) : 35 % est hors de 0 % à 30 % (un pourcentage annuel, par ex. 2,62).",
    "echeance rates : taux.csv, ligne 3 : le semestre « 2026-S3 » n'est pas de la forme 2026-H2.",
  ]);
});
