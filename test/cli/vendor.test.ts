import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importProfileJson } from "../../src/storage";
import { runMain, runMainWithInput } from "./run-main";

/**
 * `echeance vendor import` and `--vendor-file`, end to end (issue 23), on terms of sale that are not
 * the seeds (test/fixtures/terms): the text imported into a draft file, the file read back by the
 * profile reader, then `echeance fn` computing with it. Every figure is worked by hand from the
 * text's clause and the law, in a comment.
 */

const TERMS = path.resolve(__dirname, "../fixtures/terms");
const terms = (name: string) => path.join(TERMS, `${name}.txt`);
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), "echeance-vendor-"));
}

async function imported(name: string, id: string, dir = tmp()): Promise<string> {
  const out = path.join(dir, `${id}.echeance-vendor.json`);
  const r = await runMain("vendor", "import", terms(name), "--id", id, "-o", out);
  expect([r.code, r.err]).toEqual([0, ""]);
  return out;
}

describe("echeance vendor import writes a draft and prints its report", () => {
  test("Transports Durand: the report quotes article 7.2, the draft reads back, the input is untouched", async () => {
    const before = sha(terms("transports-durand"));
    const dir = tmp();
    const out = path.join(dir, "durand.json");
    const r = await runMain("vendor", "import", terms("transports-durand"), "--id", "durand", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Fournisseur proposé : durand — TRANSPORTS DURAND (TRANSPORTS DURAND SAS)");
    expect(r.out).toContain("  • Délai de paiement — facture : 45 jours fin de mois");
    // The sentence is quoted as written, the ligature of « ﬁn » read as « fin ».
    expect(r.out).toContain(
      "      art. 7.2 : « Nos factures sont payables à quarante-cinq (45) jours fin de mois à compter de la date d’émission de la facture, par virement. »",
    );
    expect(r.out).toContain(
      "  • Taux des pénalités de retard : le taux BCE majoré de 10 points (taux supplétif légal, sans plancher)",
    );
    expect(r.out).toContain("Comment le contrat calcule-t-il « N jours fin de mois » ?");
    expect(r.out).toContain(`Brouillon écrit : ${out} (rien d'autre n'est enregistré).`);
    expect(sha(terms("transports-durand"))).toBe(before);
    const back = importProfileJson(readFileSync(out, "utf8"));
    expect(back.ok && back.profile.invoiceKinds.map((k) => [k.id, k.term])).toEqual([
      ["invoice", { kind: "days-end-of-month", days: 45 }],
    ]);
  });

  test("--lang en prints the same report in English", async () => {
    const out = path.join(tmp(), "d.json");
    const r = await runMain("vendor", "import", terms("transports-durand"), "-o", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("  • Payment term — invoice: 45 days end of month");
    expect(r.out).toContain('      art. 7.2: "Nos factures sont payables');
  });

  test("a draft already there is not replaced without --force", async () => {
    const dir = tmp();
    const out = await imported("formation-cap-avenir", "cap", dir);
    writeFileSync(out, "my edits");
    const again = await runMain("vendor", "import", terms("formation-cap-avenir"), "--id", "cap", "-o", out);
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      `echeance vendor import : ${out} existe déjà : choisissez un autre nom avec -o, ou remplacez-le avec --force.\n`,
    );
    expect(readFileSync(out, "utf8")).toBe("my edits");
    const forced = await runMain(
      "vendor",
      "import",
      terms("formation-cap-avenir"),
      "--id",
      "cap",
      "-o",
      out,
      "--force",
    );
    expect(forced.code).toBe(0);
    expect(importProfileJson(readFileSync(out, "utf8")).ok).toBe(true);
  });

  test("terms pasted on standard input (« - »)", async () => {
    const out = path.join(tmp(), "negoce.json");
    const r = await runMainWithInput(
      readFileSync(terms("negoce-materiaux-sud"), "utf8"),
      "vendor",
      "import",
      "-",
      "-o",
      out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("Fournisseur proposé : negoce-materiaux-du-sud — NÉGOCE MATÉRIAUX DU SUD");
  });

  test.each([
    ["an empty file", "", /Le texte est vide/],
    ["a binary file", "\u0000\u0001\u0002PNG", /Ce n'est pas du texte/],
    [
      "text with no payment clause",
      "Recette de la tarte aux pommes.\nÉplucher les pommes.",
      /Aucune clause de paiement/,
    ],
  ])("%s: a sentence on stderr, exit 1, no file written", async (_what, content, message) => {
    const dir = tmp();
    const input = path.join(dir, "cgv.txt");
    writeFileSync(input, content);
    const out = path.join(dir, "x.json");
    const r = await runMain("vendor", "import", input, "-o", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(() => readFileSync(out)).toThrow();
  });

  test("a bad --id is a usage error naming what an id is", async () => {
    const r = await runMain("vendor", "import", terms("transports-durand"), "--id", "Durand SA");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--id « Durand SA » n'est pas un identifiant");
  });
});

describe("--vendor-file: the imported vendor works like a shipped one (figures worked by hand)", () => {
  test("Transports Durand, 45 days end of month (7.2), ECB + 10 points (7.3)", async () => {
    const file = await imported("transports-durand", "durand");
    // 31 Jan 2025 + 45 days = 17 Mar 2025, end of March: 31 Mar 2025.
    expect((await runMain("fn", "DUEDATE", "durand", "2025-01-31", "--vendor-file", file)).out).toBe(
      "2025-03-31\n",
    );
    // The other method: end of January, + 45 days = 17 Mar 2025.
    expect(
      (await runMain("fn", "DUEDATE", "durand+eom-then-days", "2025-01-31", "--vendor-file", file)).out,
    ).toBe("2025-03-17\n");
    // By the name its invoices carry.
    expect(
      (await runMain("fn", "DUEDATE", "Transports Durand", "2025-01-31", "--vendor-file", file)).out,
    ).toBe("2025-03-31\n");
    // 1 000 € due 31 Mar 2025, paid 15 May 2025: 45 days in 2025-H1 at 3.15 % + 10 = 13.15 %:
    // 1000 × 13.15 % × 45 / 365 = 16.212… → 16.21 €, + 40 € = 56.21 €.
    expect(
      (await runMain("fn", "LATEFEE", "durand", "1000", "2025-03-31", "2025-05-15", "--vendor-file", file))
        .out,
    ).toBe("56.21\n");
  });

  test("Rosace: 24 months then yearly, 3 months' notice (3.1–3.3), paid on the 10th (4.2), 1,5 % a month (5)", async () => {
    const file = await imported("rosace-logiciel", "rosace");
    const fn = async (...args: string[]) => (await runMain("fn", ...args, "--vendor-file", file)).out;
    // 15 Jan 2025 → the 10th of the next month.
    expect(await fn("DUEDATE", "rosace", "2025-01-15")).toBe("2025-02-10\n");
    // Training (4.3): 30 days after 15 Jan 2025 = 14 Feb 2025.
    expect(await fn("DUEDATE", "rosace", "2025-01-15", "training")).toBe("2025-02-14\n");
    // Started 1 Mar 2024: the initial 24 months end on 1 Mar 2026.
    expect(await fn("RENEWALDATE", "rosace", "2024-03-01", "2026-01-10")).toBe("2026-03-01\n");
    // 3 months before 1 Mar 2026 is 1 Dec 2025, past on 10 Jan 2026: the next renewal, 1 Mar 2027, by 1 Dec 2026.
    expect(await fn("NOTICEDEADLINE", "rosace", "2024-03-01", "2026-01-10")).toBe("2026-12-01\n");
    // 1 000 € due 31 Jan 2025, paid 2 Mar 2025: 30 days at 18 % a year (above the 11.13 % floor):
    // 1000 × 18 % × 30 / 365 = 14.794… → 14.79 €, + 40 € = 54.79 €.
    expect(await fn("LATEFEE", "rosace", "1000", "2025-01-31", "2025-03-02")).toBe("54.79\n");
  });

  test("Négoce Matériaux du Sud: the 15th of the next month (Art. 4), ECB + 10 never below 3 × the legal rate (Art. 5)", async () => {
    const file = await imported("negoce-materiaux-sud", "negoce");
    const fn = async (...args: string[]) => (await runMain("fn", ...args, "--vendor-file", file)).out;
    expect(await fn("DUEDATE", "NÉGOCE MATÉRIAUX DU SUD", "2025-01-20")).toBe("2025-02-15\n");
    // 2024-H1: ECB 4.50 + 10 = 14.50 % < 3 × 5.07 = 15.21 %: the contract's floor binds.
    // 1 000 € due 1 Feb 2024, paid 2 Mar 2024: 30 days × 15.21 % / 365 × 1000 = 12.501… → 12.50 €, + 40 € = 52.50 €
    // (printed as a plain number, 52.5).
    expect(await fn("LATEFEE", "negoce", "1000", "2024-02-01", "2024-03-02")).toBe("52.5\n");
  });

  test("Imprimerie Lumière: 30 days from receipt (3), counted from the date given, and the explanation says so", async () => {
    const file = await imported("imprimerie-lumiere", "lumiere");
    // Invoice received 5 Mar 2025: + 30 days = 4 Apr 2025.
    expect((await runMain("fn", "DUEDATE", "lumiere", "2025-03-05", "--vendor-file", file)).out).toBe(
      "2025-04-04\n",
    );
    const explained = await runMain(
      "fn",
      "EXPLAIN",
      "DUEDATE",
      "lumiere",
      "2025-03-05",
      "--vendor-file",
      file,
    );
    expect(explained.out).toContain(
      "Ce délai court à compter de la date de réception : il est compté de la date donnée, le 05/03/2025",
    );
  });

  test("two vendor files, each usable; a bad one stops the run with a sentence naming the file", async () => {
    const dir = tmp();
    const a = await imported("transports-durand", "durand", dir);
    const b = await imported("formation-cap-avenir", "cap", dir);
    // Cap Avenir (Article 5): 30 days net after 10 Jan 2025 = 9 Feb 2025.
    expect(
      (await runMain("fn", "DUEDATE", "cap", "2025-01-10", "--vendor-file", a, "--vendor-file", b)).out,
    ).toBe("2025-02-09\n");
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, '{"id": "x"');
    const r = await runMain("fn", "DUEDATE", "cap", "2025-01-10", "--vendor-file", b, "--vendor-file", bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(`^echeance fn : ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} : Le fichier de profil est `),
    );
    const twice = await runMain("fn", "DUEDATE", "cap", "2025-01-10", "--vendor-file", b, "--vendor-file", b);
    expect(twice.err).toContain("définissent tous deux le fournisseur « cap » : n'en donnez qu'un.");
  });

  test("echeance report with --vendor-file: the register's « Fournisseur » names the imported vendor", async () => {
    const dir = tmp();
    const file = await imported("transports-durand", "durand", dir);
    const register = path.join(dir, "factures.csv");
    // Invoice of 31 Jan 2025, due 31 Mar 2025 (45 days end of month), unpaid at 30 Jun 2025: 91 days past due.
    writeFileSync(
      register,
      "N° facture;Fournisseur;Date facture;Montant TTC;Payé le\nT-1;TRANSPORTS DURAND;31/01/2025;1200,00;\n",
    );
    const out = path.join(dir, "d441.csv");
    const r = await runMain(
      "report",
      register,
      "--closing",
      "2025-06-30",
      "--kind",
      "received",
      "--vendor-file",
      file,
      "-o",
      out,
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Fournisseurs donnés : durand (${file})`);
    expect(r.out).toMatch(/91 jours et plus\s+1\s+1\s200,00\s€/);
  });
});

describe("echeance vendor check, show and vendors", () => {
  test("check prints the form's legal flags: « taux légal » is below 3 × the legal rate (L441-10 II)", async () => {
    const file = await imported("paysages-du-val", "paysages");
    const r = await runMain("vendor", "check", file, "--as-of", "2025-03-01");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "Fournisseur paysages (PAYSAGES DU VAL)",
        "Contrôles légaux (au 01/03/2025) :",
        "  • Un taux de pénalités de 1 fois le taux d'intérêt légal est inférieur au minimum légal de 3 fois le taux d'intérêt légal (Code de commerce L441-10 II). Le moteur applique le plancher légal entre professionnels. Enregistré tel que le contrat le stipule.",
        "",
      ].join("\n"),
    );
  });

  test("check of a file within the limits says so", async () => {
    const file = await imported("transports-durand", "durand");
    const r = await runMain("vendor", "check", file, "--as-of", "2025-03-01");
    expect(r.out).toContain(
      "Dans les limites légales entre professionnels (Code de commerce L441-10 I et II, D441-5).",
    );
  });

  test("show prints the pane's summary, of a file or of a shipped vendor by one of its names", async () => {
    const file = await imported("rosace-logiciel", "rosace");
    const fromFile = await runMain("vendor", "show", file);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain(
      "  • Abonnement [subscription, par défaut] : le 10 du mois suivant la facture — ROSACE SOFTWARE CGA art. 4.2",
    );
    const shipped = await runMain("vendor", "show", "Plateforme OMI");
    expect(shipped.out.split("\n")[0]).toBe("OMI (omi) — Abonnement SaaS, périodes annuelles");
    const law = await runMain("vendor", "show", "loi");
    expect(law.out).toContain(
      "aucun délai stipulé : délai légal de 30 jours — Code de commerce art. L441-10 I",
    );
  });

  test("vendors lists the shipped vendors, the law, and those given as files", async () => {
    const file = await imported("transports-durand", "durand");
    const r = await runMain("vendors", "--vendor-file", file);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines.map((l) => l.split("\t").slice(0, 3).join(" | "))).toEqual([
      "identifiant | nom | origine",
      "omi | OMI | livré",
      "sillage | Sillage | livré",
      "xiahdeh | Xiahdeh | livré",
      "injenius | Injenius | livré",
      "digitalli | Digitalli | livré",
      "loi | Conditions légales | livré",
      `durand | TRANSPORTS DURAND | fichier ${file}`,
    ]);
  });
});
