import { unzipSync } from "fflate";
import { recognizeHeaders } from "../../src/apply";
import { iso } from "../../src/engine";
import { readTemplate } from "../../src/documents";
import { planLetters, planPenaltyNotes, proposedLevel } from "../../src/recovery";
import {
  lettersFile,
  notesFile,
  readRecovery,
  recordSent,
  writeStatementSheets,
  type RecoveryReading,
} from "../../src/taskpane/recovery-adapter";
import { docxText, docxWithBody } from "../documents/docx-support";
import { COMPANY } from "../recovery/fixtures";
import { HEADERS, readRegister, recoveryWorkbook, REGISTER_SHEET, ROWS } from "./recovery-fixtures";

/**
 * The pane's recovery actions on the in-memory workbook: the statement's sheets, the letters and
 * notes as the file handed over (read back with mammoth), and « Marquer comme envoyé » through Apply's
 * columns. Figures worked in recovery-fixtures.ts and test/recovery/fixtures.ts.
 */

const NNBSP = "\u202f";

function ok(r: RecoveryReading): Extract<RecoveryReading, { ok: true }> {
  if (!r.ok) throw new Error(r.problems.join(" · "));
  return r;
}

async function reading(asOf = "2026-06-30") {
  const { workbook, gateway } = recoveryWorkbook();
  const { source, input } = await readRegister(gateway);
  return { workbook, gateway, source, r: ok(readRecovery(input(asOf))), input };
}

/** The register's input cells as they are in the workbook (row by row, A to J). */
function inputCells(workbook: ReturnType<typeof recoveryWorkbook>["workbook"]) {
  return workbook.values(REGISTER_SHEET, { row: 0, column: 0, rowCount: ROWS.length + 1, columnCount: 10 });
}

describe("the register read for recovery as the pane reads it", () => {
  test("groups the clients, with the hand-worked totals, and lists the disputed invoice and the credit note", async () => {
    const { r } = await reading();
    const byName = new Map(r.book.clients.map((c) => [c.name, c]));
    expect([...byName.keys()]).toEqual(["Boulangerie Martin", "Garage du Port", "Mme Durand"]);
    // Martin: 4 050,00 principal + 179,03 interest + 120,00 fees = 4 349,03 (test/recovery/fixtures.ts).
    expect(byName.get("Boulangerie Martin")?.totals.claimed.toFixed(2)).toBe("4349.03");
    // Garage: 500 + 9,80 + 40 = 549,80 (recovery-fixtures.ts).
    expect(byName.get("Garage du Port")?.totals.claimed.toFixed(2)).toBe("549.80");
    // A consumer under OMI's terms (professionals only): Apply cannot price her row, recovery keeps it
    // (src/recovery/register.ts) — 300,00 € past due since 31/03/2026, no formal notice recorded, so
    // no interest yet (Code civil 1231-6: from the formal notice) and no 40 € fee (D441-5, between
    // professionals): 300,00 € claimed. Nothing else is left out of the reading.
    expect(byName.get("Mme Durand")?.clientType).toBe("consumer");
    expect(byName.get("Mme Durand")?.totals.claimed.toFixed(2)).toBe("300.00");
    expect(r.register.leftOut).toEqual([]);
    expect(r.book.excluded.map((e) => [e.invoice.reference, e.reason])).toEqual([
      ["OMI-2026-021", "disputed"],
      ["AV-2026-003", "credit-note"],
    ]);
  });

  test("without a client column, says how to map one and reads nothing", async () => {
    const { gateway } = recoveryWorkbook();
    const { input } = await readRegister(gateway);
    const base = input("2026-06-30");
    const { client: _client, ...mapping } = base.mapping;
    const r = readRecovery({ ...base, mapping });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.problems.join(" ")).toMatch(/Client/);
  });
});

describe("Rapports > Relevé par client", () => {
  test("a sheet per client, named in French, each ending on the client's total claimed; the register untouched", async () => {
    const { workbook, gateway, r } = await reading();
    const before = inputCells(workbook);
    const written = await writeStatementSheets(gateway, r.book, "OMI", "per-client", "fr");
    expect(written.sheets).toEqual([
      "Relevé Boulangerie Martin",
      "Relevé Garage du Port",
      "Relevé Mme Durand",
    ]);
    const martin = workbook.values(
      "Relevé Boulangerie Martin",
      workbook.usedBlock("Relevé Boulangerie Martin"),
    );
    expect(martin[0]?.[0]).toBe("Relevé de pénalités de retard — Boulangerie Martin");
    const claimed = martin.find((row) => row.includes("Total réclamé"));
    expect(claimed?.[13]).toBe(4349.03);
    // Each invoice's total is LATEFEE's: 103,38 / 135,52 / 60,13 (test/recovery/fixtures.ts).
    const totals = martin.filter((row) => row[4] === "Total facture").map((row) => row[13]);
    expect(totals).toEqual([103.38, 135.52, 60.13]);
    expect(inputCells(workbook)).toEqual(before);
  });

  test("one sheet for all: « Relevés 30-06-2026 », every client on it; one client only when chosen", async () => {
    const { workbook, gateway, r, input } = await reading();
    const all = await writeStatementSheets(gateway, r.book, "OMI", "one-sheet", "fr");
    expect(all.sheets).toEqual(["Relevés 30-06-2026"]);
    const titles = workbook
      .values("Relevés 30-06-2026", workbook.usedBlock("Relevés 30-06-2026"))
      .map((row) => row[0])
      .filter((v) => typeof v === "string" && v.startsWith("Relevé de pénalités"));
    expect(titles).toHaveLength(3);
    const one = ok(readRecovery(input("2026-06-30", { client: "garage du port" })));
    expect(one.book.clients.map((c) => c.name)).toEqual(["Garage du Port"]);
  });
});

describe("Lettres", () => {
  test("one document with a page per client: every client, French amounts, the total, the deadline and the articles", async () => {
    const { r } = await reading();
    const run = planLetters(r.book, { level: "mise-en-demeure", profile: r.profile, company: COMPANY });
    const file = await lettersFile(run.letters, "one-document", {
      stem: "Lettres",
      asOf: iso("2026-06-30"),
      lang: "fr",
    });
    expect(file?.fileName).toBe("Lettres 30-06-2026.docx");
    const text = await docxText(file!.bytes);
    for (const name of ["Boulangerie Martin", "Garage du Port"]) expect(text).toContain(name);
    expect(text).toContain(`4${NNBSP}349,03 €`);
    expect(text).toContain("549,80 €");
    // 30/06/2026 + 8 days = 08/07/2026.
    expect(text).toContain("08/07/2026");
    for (const article of ["article 1344 du Code civil", "L441-10 II", "D441-5", "OMI CGA art. 6.3"])
      expect(text).toContain(article);
    // The Garage has no address in the register; its disputed invoice is not claimed.
    expect(text).toContain("adresse à compléter");
    expect(text).not.toContain("OMI-2026-021");
  });

  test("a file per client: a .zip of one .docx per client", async () => {
    const { r } = await reading();
    const run = planLetters(r.book, { level: "rappel", profile: r.profile, company: COMPANY });
    const file = await lettersFile(run.letters, "file-per-client", {
      stem: "Lettres",
      asOf: iso("2026-06-30"),
      lang: "fr",
    });
    expect(file?.fileName).toBe("Lettres 30-06-2026.zip");
    const entries = unzipSync(file!.bytes);
    expect(Object.keys(entries)).toEqual([
      "2026-06-30 Rappel - Boulangerie Martin.docx",
      "2026-06-30 Rappel - Garage du Port.docx",
      "2026-06-30 Rappel - Mme Durand.docx",
    ]);
    const garage = await docxText(entries["2026-06-30 Rappel - Garage du Port.docx"]!);
    expect(garage).toContain("OMI-2026-020");
    expect(garage).not.toContain("OMI-2026-021");
  });

  test("a user's template fills one letter per client; one that is not a .docx or lacks a placeholder is refused with a sentence", async () => {
    const { r } = await reading();
    const run = planLetters(r.book, { level: "relance", profile: r.profile, company: COMPANY });
    const body = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const good = readTemplate(
      docxWithBody(
        body("Madame, Monsieur {{client}},") +
          body("{{factures}}") +
          body("Total : {{total}} avant le {{date_limite}}"),
      ),
      "Ma lettre.docx",
    );
    if (!good.ok) throw new Error(good.error.fr);
    const file = await lettersFile(
      run.letters,
      "file-per-client",
      { stem: "Lettres", asOf: iso("2026-06-30"), lang: "fr" },
      good.template,
    );
    const entries = unzipSync(file!.bytes);
    const martin = await docxText(entries["2026-06-30 Relance - Boulangerie Martin.docx"]!);
    expect(martin).toContain("Madame, Monsieur Boulangerie Martin,");
    expect(martin).toContain(`Total : 4${NNBSP}349,03 € avant le 08/07/2026`);

    const pdf = readTemplate(new TextEncoder().encode("%PDF-1.7 …"), "Lettre.pdf");
    expect(pdf.ok ? "" : pdf.error.fr).toContain("Lettre.pdf : fichier PDF");
    const noTotal = readTemplate(docxWithBody(body("{{client}}") + body("{{factures}}")), "Sans total.docx");
    expect(noTotal.ok ? "" : noTotal.error.fr).toContain("ne contient pas {{total}}");
  });

  test("penalty notes: numbered after the stored series, outside the scope of VAT, one page per note", async () => {
    const { r } = await reading();
    const series = [{ number: "ND-2026-004", date: "2026-05-31", client: "Autre", total: "40", lines: [] }];
    const run = planPenaltyNotes(r.book, { profile: r.profile, company: COMPANY, series });
    expect(run.notes.map((n) => [n.number, n.client.name])).toEqual([
      ["ND-2026-005", "Boulangerie Martin"],
      ["ND-2026-006", "Garage du Port"],
    ]);
    const file = await notesFile(run.notes, "one-document", {
      stem: "Notes de débit",
      asOf: iso("2026-06-30"),
      lang: "fr",
    });
    const text = await docxText(file!.bytes);
    expect(text).toContain("ND-2026-005");
    expect(text).toContain("ND-2026-006");
    expect(text).toContain("Hors champ d'application de la TVA");
    // Martin's penalties 299,03 €; the Garage's 49,80 €.
    expect(text).toContain("299,03 €");
    expect(text).toContain("49,80 €");
  });
});

describe("Marquer comme envoyé", () => {
  test("writes « Dernière relance » and « Prochaine action » beside Apply's columns, and the next run proposes the next level", async () => {
    const { workbook, gateway, source, r } = await reading();
    const before = inputCells(workbook);
    const run = planLetters(r.book, { level: "rappel", profile: r.profile, company: COMPANY });
    const outcome = await recordSent({
      gateway,
      source,
      recognition: recognizeHeaders(source.headers),
      options: r.options,
      letters: run.letters,
      date: iso("2026-06-30"),
      firstRowNumber: r.register.firstRowNumber,
      today: iso("2026-12-07"),
    });
    if (outcome.kind !== "written") throw new Error("refused");
    expect(outcome.invoices).toBe(5);
    expect(outcome.clients).toBe(3);
    expect(outcome.lastReminder.added).toBe(true);
    const used = workbook.values(REGISTER_SHEET, workbook.usedBlock(REGISTER_SHEET));
    const header = used[0] as unknown[];
    const last = header.indexOf("Dernière relance");
    const next = header.indexOf("Prochaine action");
    expect(last).toBeGreaterThanOrEqual(HEADERS.length);
    expect(String.fromCharCode(65 + last)).toBe(outcome.lastReminder.column);
    // The letters' rows: Martin's three, the Garage's OMI-2026-020 and Mme Durand's; not the disputed
    // invoice or the credit note.
    const sent = used.slice(1).map((row) => row[last]);
    expect(sent).toEqual([
      "Rappel — 30/06/2026",
      "Rappel — 30/06/2026",
      "Rappel — 30/06/2026",
      "Rappel — 30/06/2026",
      "",
      "",
      "Rappel — 30/06/2026",
    ]);
    // The next level 15 days after the last recorded (engine/reminders.ts): 30/06 + 15 = 15/07/2026.
    expect(used[1]?.[next]).toBe("Relance à partir du 15/07/2026");
    expect(inputCells(workbook)).toEqual(before);

    const again = await readRegister(gateway);
    const after = ok(readRecovery(again.input("2026-07-20")));
    // Each client's « Dernière relance » is a reminder: the next level is the second reminder, for
    // the consumer too (her row's Apply columns stay in error, her recorded letter is read all the same).
    expect(after.book.clients.map((c) => proposedLevel(c))).toEqual(["relance", "relance", "relance"]);
  });

  test("where the columns would cover someone's cells, nothing is written and the count is said", async () => {
    const { workbook, gateway, source, r } = await reading();
    // A note two columns right of the register: outside its region, inside Apply's columns.
    workbook.edit(REGISTER_SHEET, 3, HEADERS.length + 1, "à rappeler lundi");
    const run = planLetters(r.book, { level: "rappel", profile: r.profile, company: COMPANY });
    const outcome = await recordSent({
      gateway,
      source,
      recognition: recognizeHeaders(source.headers),
      options: r.options,
      letters: run.letters,
      date: iso("2026-06-30"),
      firstRowNumber: r.register.firstRowNumber,
      today: iso("2026-12-07"),
    });
    expect(outcome).toEqual({ kind: "refused", count: 1, address: expect.any(String) });
    const used = workbook.values(REGISTER_SHEET, workbook.usedBlock(REGISTER_SHEET));
    expect(used[0]).not.toContain("Dernière relance");
  });
});
