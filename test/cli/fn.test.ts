import { runMain } from "./run-main";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { argumentValue, plainNumber } from "../../src/cli/fn";

/** `echeance fn`: the same catalog as Excel, from a shell. */

const run = runMain;

describe("arguments become the values Excel would pass", () => {
  test("an ISO date becomes its Excel serial, a number a number, an empty string a blank", () => {
    expect(argumentValue("2025-03-10", 1)).toBe(45726); // 10 March 2025 is Excel serial 45726
    expect(argumentValue("2500", 1)).toBe(2500);
    expect(argumentValue("-12.5", 1)).toBe(-12.5);
    expect(argumentValue("", 1)).toBeNull();
    expect(argumentValue("omi", 1)).toBe("omi");
    expect(argumentValue("31/03/2025", 1)).toBe("31/03/2025"); // French text dates go through the Excel text parser
  });

  test("a JSON array is a range; ISO dates inside it become serials; one flat row is one row", () => {
    expect(argumentValue('[["2025-03-16",600],["",null]]', 1)).toEqual([
      [45732, 600],
      ["", null],
    ]);
    expect(argumentValue('["2025-03-16",600]', 1)).toEqual([[45732, 600]]);
  });

  test("numbers print as plain decimals with a dot, never with an exponent", () => {
    expect(plainNumber(62.87)).toBe("62.87");
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(0)).toBe("0");
  });
});

describe("echeance fn", () => {
  test("prints a date as YYYY-MM-DD and exits 0", async () => {
    expect(await run("fn", "DUEDATE", "omi", "2025-03-10")).toEqual({
      code: 0,
      out: "2025-04-09\n",
      err: "",
    });
  });

  test("French function names work the same", async () => {
    expect((await run("fn", "DATEECHEANCE", "omi", "2025-03-10")).out).toBe("2025-04-09\n");
    expect((await run("fn", "PENALITESRETARD", "omi", "2500", "2025-01-31", "2025-03-02")).out).toBe(
      "62.87\n",
    );
  });

  test("partial payments as a JSON range", async () => {
    // 1000 € late 10 days + 1000 € late 30 days at 11.13 % → 12.20.
    const r = await run(
      "fn",
      "LATEINTEREST",
      "sillage",
      "2000",
      "2025-03-01",
      "2025-03-31",
      '[["2025-03-11",1000]]',
    );
    expect(r).toEqual({ code: 0, out: "12.2\n", err: "" });
  });

  test("an empty string skips an optional argument", async () => {
    expect((await run("fn", "RENEWALDATE", "omi", "2023-09-01", "2025-06-20", "", "2025-06-15")).out).toBe(
      "2026-06-15\n",
    );
  });

  test("an error prints one line: the Excel code, a space, the message; exit 1", async () => {
    const r = await run("fn", "RENEWALDATE", "xiahdeh", "2025-01-01", "2025-06-01", "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^#N\/A Xiahdeh's terms contain no renewal.*\(art\. 13\.3\)\.?\n$/);
    expect(r.out.split("\n")).toHaveLength(2);
  });

  test("a rate the table does not know is #NUM! naming the half-year and where to add it", async () => {
    // Today, 3 December 2026: the shipped legal rate ends with the first half of 2026.
    const r = await run("fn", "LATEFEE", "omi", "1000", "2026-09-30", "2026-12-03", "--lang", "en");
    expect(r).toEqual({
      code: 1,
      out: "#NUM! the French legal interest rate for the 2nd half of 2026 is not in the rate table — add it under Settings > Rates in the Échéance pane (or --rates on the command line)\n",
      err: "",
    });
    const fr = await run(
      "fn",
      "EXPLAIN",
      "LATEFEE",
      "omi",
      "1000",
      "2026-09-30",
      "2026-12-03",
      "--lang",
      "fr",
    );
    expect(fr.out).toBe(
      "PENALITESRETARD : #NUM! taux de l'intérêt légal du 2e semestre 2026 non renseigné — ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)\n",
    );
    // The due date and the recovery fee need no rate: 3 Nov 2026 + 30 days = today; 40 € (D441-5).
    expect((await run("fn", "DUEDATE", "omi", "2026-11-03")).out).toBe("2026-12-03\n");
    expect((await run("fn", "RECOVERYFEE", "omi", "2026-09-30", "2026-12-03")).out).toBe("40\n");
  });

  test("a date result past Excel's last date is #NUM! with its reason, never 10000-01-30", async () => {
    // 31 December 9999 + 30 days = 30 January 10000, which Excel cannot show.
    expect(await run("fn", "DUEDATE", "omi", "9999-12-31", "--lang", "en")).toEqual({
      code: 1,
      out: "#NUM! The result, 10000-01-30, is after 9999-12-31, Excel's last date.\n",
      err: "",
    });
    const body = JSON.parse((await run("fn", "DUEDATE", "omi", "9999-12-31", "--json", "--lang", "en")).out);
    expect(body).toEqual({
      ok: false,
      error: "#NUM!",
      message: "The result, 10000-01-30, is after 9999-12-31, Excel's last date.",
    });
  });

  test("EXPLAIN with --lang fr is written as a French accountant writes", async () => {
    const r = await run(
      "fn",
      "EXPLAIN",
      "LATEFEE",
      "omi",
      "2500",
      "2025-01-31",
      "2025-03-02",
      "--lang",
      "fr",
    );
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("PENALITESRETARD = 62,87");
    expect(r.out).toContain("Taux des pénalités de retard d'OMI");
    expect(r.out).toContain("Jours de retard : du lendemain de l'échéance du 31/01/2025 au 02/03/2025 : 30.");
    expect(r.out).toContain("1er semestre 2025 : taux contractuel 11,13 %");
    expect(r.out).toContain("Total : 22,87 + 40,00 = 62,87 €.");
    expect(r.out).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test("--json --lang fr gives the French steps", async () => {
    const body = JSON.parse((await run("fn", "DUEDATE", "omi", "2025-03-10", "--json", "--lang", "fr")).out);
    expect(body.value).toBe("2025-04-09");
    expect(body.explanation.steps[0].text).toBe("Facture de type « Facture » d'OMI, datée du 10/03/2025.");
  });

  test("FUNCTION --help describes the function from the table", async () => {
    const r = await run("fn", "DUEDATE", "--help", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 3)).toEqual([
      "DUEDATE — Payment due date of an invoice under the vendor's terms.",
      "Usage: echeance fn DUEDATE vendor invoiceDate [invoiceKind]",
      expect.stringMatching(/^ {2}vendor {7}Vendor id or name: omi, sillage/),
    ]);
  });

  test("--json prints the value, its type and the explanation with citations and rate segments", async () => {
    const r = await run("fn", "LATEINTEREST", "digitalli", "8000", "2024-06-15", "2024-07-15", "--json");
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body).toMatchObject({ ok: true, value: 98.53, type: "number" });
    expect(
      body.explanation.segments.map((s: { halfYear: string; days: number }) => [s.halfYear, s.days]),
    ).toEqual([
      ["2024-H1", 15],
      ["2024-H2", 15],
    ]);
    expect(body.explanation.segments.every((s: { floorBound: boolean }) => s.floorBound)).toBe(true);
    expect(
      body.explanation.steps.some((s: { cite: string[] }) =>
        s.cite.some((c) => c.startsWith("Digitalli CGV")),
      ),
    ).toBe(true);
  });

  test("--json of a date gives the ISO text and the serial", async () => {
    const body = JSON.parse((await run("fn", "DUEDATE", "omi", "2025-03-10", "--json")).out);
    expect(body).toMatchObject({ ok: true, value: "2025-04-09", type: "date", serial: 45756 });
  });

  test("--lang fr gives French messages", async () => {
    const r = await run("fn", "DUEDATE", "omi", "31/02/2025", "--lang", "fr");
    expect(r.out).toMatch(/^#VALUE! .*n'est pas une date/);
  });

  test("VENDORS prints a tab-separated table: a header, the five vendors and the law (loi)", async () => {
    const lines = (await run("fn", "VENDORS")).out.trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[1]?.split("\t")[0]).toBe("omi");
  });

  test("messages are in French by default, as everywhere on the command line", async () => {
    expect(await run("fn", "LATEFEE", "omi", "1000", "2026-09-30", "2026-12-03")).toEqual({
      code: 1,
      out: "#NUM! taux de l'intérêt légal du 2e semestre 2026 non renseigné — ajoutez-le dans Paramètres > Taux du volet Échéance (ou --rates en ligne de commande)\n",
      err: "",
    });
    expect((await run("fn", "SUM")).err).toMatch(/^echeance fn : Il n'y a pas de fonction CGV\.SUM/);
  });

  test("--rates adds the missing half-year: LATEFEE as of today gets its interest", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "echeance-fn-rates-"));
    try {
      const file = path.join(dir, "taux.csv");
      await fs.writeFile(file, "half-year,legal-professional,legal-consumer,ecb\n2026-H2,2.50,,\n");
      // OMI: 3 × 2.50 % = 7.50 %. Due 30/09/2026, unpaid on 03/12/2026: 64 days (1 Oct–3 Dec), all in
      // 2026-H2: 1 000 × 7.50 % × 64 / 365 = 13.15; + the 40 € recovery fee = 53.15.
      expect(await run("fn", "LATEFEE", "omi", "1000", "2026-09-30", "2026-12-03", "--rates", file)).toEqual({
        code: 0,
        out: "53.15\n",
        err: "",
      });
      await fs.writeFile(file, "half-year,legal-professional,legal-consumer,ecb\n2026-H2,45,,\n");
      const bad = await run("fn", "LATEFEE", "omi", "1000", "2026-09-30", "2026-12-03", "--rates", file);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain(
        "taux.csv, ligne 2, taux légal (professionnels) : 45 % est hors de 0 % à 30 %",
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test("a negative amount is an argument, not an option: the credit note's own message, not a parse error", async () => {
    expect(await run("fn", "LATEFEE", "omi", "-250", "2025-01-31", "2025-03-02")).toEqual({
      code: 1,
      out: "#VALUE! le montant (amount) ne doit pas être négatif (reçu -250) : un avoir ne porte pas d'intérêts de retard.\n",
      err: "",
    });
  });

  test("an unknown function or no function is a usage error with exit 2", async () => {
    const r = await run("fn", "SUM", "1", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no function CGV\.SUM/);
    expect((await run("fn")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
  });
});

describe("the built command, end to end", () => {
  const bin = path.resolve(__dirname, "../../bin/echeance.js");
  const exec = promisify(execFile);

  test("npx-style invocation of bin/echeance.js runs the bundled command line", async () => {
    expect(existsSync(path.resolve(__dirname, "../../dist/cli/echeance.js"))).toBe(true);
    const ok = await exec(process.execPath, [
      bin,
      "fn",
      "LATEFEE",
      "omi",
      "2500",
      "2025-01-31",
      "2025-03-02",
    ]);
    expect(ok.stdout).toBe("62.87\n");
    const err = await exec(process.execPath, [bin, "fn", "DUEDATE", "acme", "2025-03-10"]).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(err).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^#VALUE! le fournisseur « acme » est inconnu/),
    });
  });
});
