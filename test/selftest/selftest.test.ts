import { iso } from "../../src/engine";
import { ExcelGateway } from "../../src/office/excel-gateway";
import { NAME_SETTLE } from "../../src/workbook/function-names";
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { MemoryGateway } from "../../src/workbook/memory-gateway";
import type { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import {
  hostEnvironment,
  memoryEnvironment,
  MemoryScratch,
  reportText,
  runSelfTest,
  SELF_TEST_STEPS,
  SELF_TEST_TERMS_PLACE,
  type ScratchWorkbook,
  type SelfTestEnvironment,
  type SelfTestHostChecks,
  type SelfTestReport,
  type SelfTestTerms,
  type StepId,
} from "../../src/selftest";
import { OfficeScratch } from "../../src/office";
import { customXmlPartStore } from "../../src/office";
import { memoryTermsStore } from "../../src/storage";
import { FakeExcelHost, type FakeHostOptions } from "../taskpane/fake-excel";
import { sampleWorkbook } from "../taskpane/gateway-fixtures";
import { FakeWorkbook as FakeParts } from "../office/fake-parts";

/**
 * The self-test as CI runs it: the same steps that will first run inside a user's Excel, here on the
 * in-memory workbook (MemoryGateway) and on the fake Excel object model (ExcelGateway over
 * FakeExcelHost). The user's workbook is the gateway tests' fixture (a register on « Factures » and a
 * table on « Abonnements »): no cell of it is ever written, and every scratch sheet is removed —
 * also when a step fails on a deliberately broken host.
 */

const TODAY = iso("2026-12-03");
const USER_SHEETS = ["Factures", "Abonnements"];

/** A clock that moves only when waited on, and yields to the event loop (Excel's events are tasks). */
function virtualClock() {
  let t = 0;
  return {
    now: () => t,
    wait: (ms: number) => {
      t += ms;
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
  };
}

interface Setup {
  readonly wb: MemoryWorkbook;
  readonly gateway: WorkbookGateway;
  readonly scratch: ScratchWorkbook;
  readonly environment: SelfTestEnvironment;
  readonly fake?: FakeExcelHost;
  /** What the add-in's start recorded (Excel only; the preview has none). */
  readonly host?: SelfTestHostChecks;
}

/**
 * What a healthy start in Excel records: the terms read before the first of 4 answers, the pane's
 * visibility handler registered and the pane shown once.
 */
function excelStart(
  functions: Partial<ReturnType<SelfTestHostChecks["functionsStart"]>> = {},
  pane: Partial<ReturnType<SelfTestHostChecks["paneVisibility"]>> = {},
): SelfTestHostChecks {
  return {
    functionsStart: () => ({
      terms: "loaded",
      held: true,
      opened: "settled",
      answers: 4,
      answersWithoutTerms: 0,
      ...functions,
    }),
    paneVisibility: () => ({ supported: true, registered: true, shown: 1, hidden: 0, ...pane }),
  };
}

function onMemory(wb: MemoryWorkbook = sampleWorkbook(5), language = "fr-FR"): Setup {
  return {
    wb,
    gateway: new MemoryGateway(wb),
    scratch: new MemoryScratch(wb),
    environment: memoryEnvironment({ addinVersion: "test", language, host: "jest" }),
  };
}

function onFakeExcel(excelApi = "1.18", options: FakeHostOptions = {}, language = "fr-FR"): Setup {
  const wb = sampleWorkbook(5);
  const host = new FakeExcelHost(wb, excelApi, options);
  return {
    wb,
    fake: host,
    host: excelStart(),
    // A live formula's probe is read again for 30 ms at most while #NAME? (3 s in Excel).
    gateway: new ExcelGateway(host, { nameSettle: { ...NAME_SETTLE, maxMs: 30, everyMs: 5 } }),
    scratch: new OfficeScratch(host),
    environment: hostEnvironment({
      host: "Excel",
      platform: "fake",
      version: "16.0.fake",
      language,
      addinVersion: "test",
      isSetSupported: (name, version) => host.isSetSupported(name, version),
    }),
  };
}

/** The workbook's own stored terms (one document) and the self-test's store, both in memory. */
function memoryTerms(): { terms: SelfTestTerms; workbookDocs: string[]; scratchDocs: string[] } {
  const workbookDocs = ['<terms xmlns="urn:echeance:terms:v1" revision="7"/>'];
  const scratchDocs: string[] = [];
  return {
    terms: { workbook: memoryTermsStore(workbookDocs), scratch: memoryTermsStore(scratchDocs) },
    workbookDocs,
    scratchDocs,
  };
}

async function run(setup: Setup, terms: SelfTestTerms = memoryTerms().terms): Promise<SelfTestReport> {
  return runSelfTest({ ...setup, terms, today: TODAY, ...virtualClock() });
}

const statuses = (report: SelfTestReport): Record<string, string> =>
  Object.fromEntries(report.steps.map((s) => [s.id, s.status]));

const stepOf = (report: SelfTestReport, id: StepId) => {
  const step = report.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
};

/** What the user's sheets hold, cell by cell, with their notes, formats and the selection. */
function userState(wb: MemoryWorkbook) {
  return JSON.stringify({
    cells: USER_SHEETS.map((s) => wb.values(s, { row: 0, column: 0, rowCount: 40, columnCount: 12 })),
    notes: [...wb.notes],
    comments: [...wb.comments],
    formats: wb.conditionalFormats.filter((r) => USER_SHEETS.includes(r.sheet)),
    tables: wb.tables,
  });
}

/** Every write the hosts made, outside the scratch sheets (none expected). */
function writesOutsideScratch(wb: MemoryWorkbook, report: SelfTestReport): string[] {
  const scratch = new Set(report.cleanup.sheetsRemoved);
  return wb.writeLog.filter((address) => {
    const sheet = address
      .slice(0, address.lastIndexOf("!"))
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    return !scratch.has(sheet);
  });
}

const ALL_STEPS: StepId[] = [
  "sheet",
  "date-system",
  "read",
  "used-range",
  "values",
  "note",
  "highlight",
  "formulas",
  "formulas-fr",
  "portable",
  "edit",
  "sizes",
  "terms",
  "functions-start",
  "pane-visibility",
];

describe.each([
  ["the in-memory workbook", () => ({ ...onMemory(), host: excelStart() })],
  ["the fake Excel claiming ExcelApi 1.18, in French", () => onFakeExcel("1.18", { language: "fr" })],
])("the self-test on %s", (_name, make) => {
  let setup: Setup;
  let report: SelfTestReport;
  let before: string;
  let termsBefore: string[];
  let scratchDocs: string[];

  beforeAll(async () => {
    setup = make();
    setup.wb.notes.set("Factures!E1", "la note de l'utilisateur");
    setup.wb.select("Factures", { row: 2, column: 1, rowCount: 3, columnCount: 2 });
    before = userState(setup.wb);
    const terms = memoryTerms();
    termsBefore = [...terms.workbookDocs];
    scratchDocs = terms.scratchDocs;
    report = await run(setup, terms.terms);
  }, 120_000);

  test("every step passes, in order", () => {
    expect(report.steps.map((s) => s.id)).toEqual(ALL_STEPS);
    expect(
      report.steps.filter((s) => s.status !== "pass").map((s) => [s.id, s.error?.en ?? s.detail?.en]),
    ).toEqual([]);
  });

  test("no cell, note, format or table of the user's sheets is touched, and the selection is put back", () => {
    expect(userState(setup.wb)).toBe(before);
    expect(writesOutsideScratch(setup.wb, report)).toEqual([]);
    expect(setup.wb.activeSheet).toBe("Factures");
    expect(setup.wb.selection).toEqual({ row: 2, column: 1, rowCount: 3, columnCount: 2 });
    expect(report.cleanup.selectionRestored).toBe(true);
  });

  test("every scratch sheet is removed, the portable formulas' reference sheet too", () => {
    expect(setup.wb.sheetNames()).toEqual(USER_SHEETS);
    expect(report.cleanup.sheetsLeft).toEqual([]);
    // One for each step but the terms and the two start steps (11), two for the sheet step, and the
    // reference sheet: 14.
    expect(report.cleanup.sheetsRemoved).toHaveLength(14);
    expect(report.cleanup.sheetsRemoved).toContain("Échéance - taux et fériés");
    expect(report.cleanup.sheetsRemoved).toContain("Échéance - autotest (2)");
    expect(setup.wb.conditionalFormats).toEqual([]);
  });

  test("the workbook's stored terms are exactly as they were, and the self-test's own are gone", () => {
    expect(report.cleanup.workbookTerms).toBe("unchanged");
    expect(termsBefore).toEqual(['<terms xmlns="urn:echeance:terms:v1" revision="7"/>']);
    expect(scratchDocs).toEqual([]);
  });

  test("the read step sees the hidden row 4, the filtered-out row 7, the filter and the merge D3:D4", () => {
    expect(stepOf(report, "read").detail?.en).toBe("hidden: 4, 7; filter: yes; merges: D3:D4");
  });

  test("the edit made after the first chunk stops Apply there, naming B22", () => {
    expect(stepOf(report, "edit").detail?.en).toMatch(/^stopped after 10 rows, naming B22 /);
  });

  test("the large block is over 5 MB and comes back whole", () => {
    expect(stepOf(report, "sizes").detail?.en).toMatch(/^10,000 rows, 5\.\d MB written and read back$/);
  });
});

describe("what the hosts answer, as each step reports it", () => {
  test("a French fake Excel takes the live formulas with their French names", async () => {
    const report = await run(onFakeExcel("1.18", { language: "fr" }));
    expect(stepOf(report, "formulas-fr").detail?.fr).toBe(
      "noms français par formulasLocal ; formules relues telles qu'écrites",
    );
  });

  test("an English Excel does not run the French step, and says why", async () => {
    const setup = onFakeExcel("1.18", {}, "en-US");
    const report = await runSelfTest({
      ...setup,
      terms: memoryTerms().terms,
      today: TODAY,
      ...virtualClock(),
    });
    expect(stepOf(report, "formulas-fr")).toMatchObject({
      status: "skip",
      detail: { en: "Excel's language is en-US: the English names are Excel's own." },
    });
    expect(stepOf(report, "formulas").status).toBe("pass");
  });

  test("on ExcelApi 1.9 the gateway says nothing of merges and adds no note, and the steps expect just that", async () => {
    const report = await run(onFakeExcel("1.9"));
    expect(statuses(report)).toEqual(Object.fromEntries(ALL_STEPS.map((id) => [id, "pass"])));
    expect(stepOf(report, "read").detail?.en).toBe("hidden: 4, 7; filter: yes; merges: none");
    expect(stepOf(report, "note").detail?.en).toBe(
      "This Excel has neither notes nor comments: the values stand without a note.",
    );
  });

  test("on ExcelApi 1.12 the note is a comment, read back and replaced", async () => {
    const setup = onFakeExcel("1.12");
    const report = await run(setup);
    expect(stepOf(report, "note")).toMatchObject({
      status: "pass",
      detail: { en: "Comment (no notes in this Excel)" },
    });
    expect(setup.wb.comments.size).toBe(0);
  });

  test("a 1904 workbook: the probe says so, the pane's refusal is checked, and the register steps are not run", async () => {
    const wb = sampleWorkbook(5);
    wb.date1904 = true;
    const report = await run(onMemory(wb));
    expect(stepOf(report, "date-system")).toMatchObject({
      status: "pass",
      detail: { en: expect.stringMatching(/^1904 date system: the pane refuses registers here/) },
    });
    expect(statuses(report)).toEqual({
      sheet: "pass",
      "date-system": "pass",
      read: "skip",
      "used-range": "skip",
      values: "skip",
      note: "skip",
      highlight: "skip",
      formulas: "skip",
      "formulas-fr": "skip",
      portable: "skip",
      edit: "skip",
      sizes: "skip",
      terms: "pass",
      // The preview has no shared runtime: the start steps are not run.
      "functions-start": "skip",
      "pane-visibility": "skip",
    });
    expect(wb.sheetNames()).toEqual(USER_SHEETS);
  });

  test("a 1904 workbook on the fake Excel: its DATE(1904,1,1) is 0 there too", async () => {
    const setup = onFakeExcel("1.18");
    setup.wb.date1904 = true;
    const report = await run(setup);
    expect(stepOf(report, "date-system").status).toBe("pass");
    expect(stepOf(report, "values").status).toBe("skip");
  });

  test("a workbook holding the French reference sheet gets the English one, and its own is left alone", async () => {
    const wb = sampleWorkbook(5);
    wb.addSheet("Échéance - taux et fériés", [["les taux de l'utilisateur"]]);
    const report = await run(onMemory(wb));
    expect(stepOf(report, "portable").status).toBe("pass");
    expect(report.cleanup.sheetsRemoved).toContain("Échéance - rates and holidays");
    expect(wb.sheetNames()).toEqual([...USER_SHEETS, "Échéance - taux et fériés"]);
    expect(wb.value("Échéance - taux et fériés", 0, 0)).toBe("les taux de l'utilisateur");
  });

  test("with both reference sheets in the workbook, the portable step is not run", async () => {
    const wb = sampleWorkbook(5);
    wb.addSheet("Échéance - taux et fériés", [["a"]]);
    wb.addSheet("Échéance - rates and holidays", [["b"]]);
    const report = await run(onMemory(wb));
    expect(stepOf(report, "portable").status).toBe("skip");
    expect(wb.sheetNames()).toHaveLength(4);
  });

  test("the stored-terms step runs on custom XML parts in a namespace of its own, leaving the workbook's part alone", async () => {
    const parts = new FakeParts();
    const theirs = parts.addPart('<terms xmlns="urn:echeance:terms:v1" revision="3"/>');
    const other = parts.addPart('<data xmlns="urn:someone-else"/>');
    const report = await run(onMemory(), {
      workbook: customXmlPartStore(parts.run),
      scratch: customXmlPartStore(parts.run, SELF_TEST_TERMS_PLACE.namespace),
    });
    expect(stepOf(report, "terms").error).toBeUndefined();
    expect(stepOf(report, "terms")).toMatchObject({ status: "pass", detail: { en: "custom XML part" } });
    expect([...parts.parts.keys()]).toEqual([theirs, other]);
    expect(report.cleanup.workbookTerms).toBe("unchanged");
  });

  test("without a store the terms step is not run, and the cleanup says the terms were not checked", async () => {
    const report = await run(onMemory(), {});
    expect(stepOf(report, "terms").status).toBe("skip");
    expect(report.cleanup.workbookTerms).toBe("unknown");
  });
});

describe("a deliberately broken host: the right step fails with its message, the others still run, nothing is left", () => {
  test("an Excel claiming ExcelApi 1.18 whose office.js lacks workbook.notes fails the note step only", async () => {
    const setup = onFakeExcel("1.18", { absent: ["notes"] });
    const report = await run(setup);
    expect(report.steps.filter((s) => s.status !== "pass").map((s) => s.id)).toEqual(["note"]);
    expect(stepOf(report, "note").error).toEqual({
      en: "This Excel claims ExcelApi 1.18, yet the note went into a comment: its office.js lacks workbook.notes.",
      fr: "Cet Excel annonce ExcelApi 1.18, et pourtant la note a été ajoutée en commentaire : son office.js n'a pas workbook.notes.",
    });
    expect(setup.wb.sheetNames()).toEqual(USER_SHEETS);
    expect(setup.wb.comments.size).toBe(0);
    expect(report.cleanup.sheetsLeft).toEqual([]);
  });

  test("a host refusing requests over 5 MB with a code the gateway does not know fails the sizes step only", async () => {
    const setup = onFakeExcel("1.18", { oversizedErrorCode: "GeneralException" });
    const report = await run(setup);
    expect(report.steps.filter((s) => s.status !== "pass").map((s) => s.id)).toEqual(["sizes"]);
    expect(stepOf(report, "sizes").error?.en).toBe(
      "GeneralException: The response payload size has exceeded the limit.",
    );
    expect(setup.fake?.refused.length).toBeGreaterThan(0);
    expect(setup.wb.sheetNames()).toEqual(USER_SHEETS);
    // The report the user copies names the step and the host's refusal, and says nothing was left.
    const text = reportText(report, "fr", "03/12/2026 10:00");
    expect(text).toMatch(
      /\n✗ Requêtes dimensionnées en octets : un bloc de plus de 5 Mo écrit puis relu \(\d+ ms\)\n {4}GeneralException: The response payload size has exceeded the limit\.\n/,
    );
    expect(text).toContain("Résultat : 14 réussie(s), 1 échouée(s), 0 non exécutée(s)");
    expect(text).toContain("; aucune feuille de test restante ;");
  });

  test("a host whose worksheet events never come fails the edit step after waiting 5 s, naming the cell", async () => {
    const wb = sampleWorkbook(5);
    const setup = {
      ...onMemory(wb),
      host: excelStart(),
      gateway: new MemoryGateway(wb, { missing: ["watchEdits"] }),
    };
    const report = await run(setup);
    expect(report.steps.filter((s) => s.status !== "pass").map((s) => s.id)).toEqual(["edit"]);
    expect(stepOf(report, "edit").error?.fr).toBe(
      "La modification de B22 n'a pas été vue en 5 s : Appliquer a écrit 30 ligne(s) sur 30.",
    );
    expect(wb.sheetNames()).toEqual(USER_SHEETS);
  });

  test("a sheet that cannot be deleted is tried again, then named in the report for the user to delete", async () => {
    const wb = sampleWorkbook(5);
    const base = new MemoryScratch(wb);
    const stubborn: ScratchWorkbook = Object.assign(Object.create(base) as MemoryScratch, {
      deleteSheet: async (name: string) => {
        if (name === "Échéance - autotest (2)")
          throw new Error("InvalidOperation: the workbook is protected");
        await base.deleteSheet(name);
      },
    });
    const report = await run({ ...onMemory(wb), scratch: stubborn });
    expect(report.cleanup.sheetsLeft).toEqual(["Échéance - autotest (2)"]);
    expect(reportText(report, "fr", "03/12/2026 10:00")).toContain(
      "feuille(s) à supprimer à la main : Échéance - autotest (2)",
    );
  });

  test("a step that throws midway still has its sheet removed and the next steps run", async () => {
    const wb = sampleWorkbook(5);
    const setup = onMemory(wb);
    const report = await runSelfTest(
      { ...setup, terms: memoryTerms().terms, today: TODAY, ...virtualClock() },
      {
        steps: [
          {
            id: "values",
            title: { en: "A step that fails", fr: "Une étape qui échoue" },
            readsRegister: true,
            run: async (ctx) => {
              const sheet = await ctx.newSheet();
              await ctx.gateway.writeMatrix(sheet, [[{ value: "x" }]]);
              throw Object.assign(new Error("The request failed."), {
                code: "GeneralException",
                debugInfo: { errorLocation: "Range.values" },
              });
            },
          },
        ],
      },
    );
    expect(report.steps).toEqual([
      expect.objectContaining({
        status: "fail",
        error: {
          en: "GeneralException: The request failed. [Range.values]",
          fr: "GeneralException: The request failed. [Range.values]",
        },
      }),
    ]);
    expect(wb.sheetNames()).toEqual(USER_SHEETS);
  });
});

describe("the steps that check the add-in's start in Excel (issue 21)", () => {
  /** Runs only the start steps, on a host that recorded `host`. */
  async function startSteps(host: SelfTestHostChecks | undefined) {
    const ids = new Set<StepId>(["functions-start", "pane-visibility"]);
    const report = await runSelfTest(
      { ...onMemory(), host, terms: memoryTerms().terms, today: TODAY, ...virtualClock() },
      { steps: SELF_TEST_STEPS.filter((s) => ids.has(s.id)) },
    );
    return { functions: stepOf(report, "functions-start"), pane: stepOf(report, "pane-visibility") };
  }

  test("terms read before the first answer, and the pane's handler registered: both pass, saying what they saw", async () => {
    const { functions, pane } = await startSteps(excelStart());
    expect(functions).toMatchObject({
      status: "pass",
      detail: { en: "terms read before any answer; 4 answer(s) since, all with them" },
    });
    expect(pane).toMatchObject({
      status: "pass",
      detail: { fr: "enregistré ; depuis le chargement de la page, affiché 1 fois, masqué 0 fois" },
    });
  });

  test("answers given before the terms were read (the wait ran out) fail the step, counting them", async () => {
    const { functions } = await startSteps(
      excelStart({ terms: "loaded", opened: "timed-out", answers: 12, answersWithoutTerms: 3 }),
    );
    expect(functions.status).toBe("fail");
    expect(functions.error?.en).toBe(
      "3 of 12 answer(s) were given before the workbook's terms were read (the 30-second wait ran out): those cells were recalculated once the terms came.",
    );
  });

  test("terms that could not be read fail the step with the reason the runtime kept", async () => {
    const { functions } = await startSteps(
      excelStart({
        terms: "failed",
        answersWithoutTerms: 1,
        failure: { en: "Excel stayed in cell-editing mode.", fr: "Excel est resté en saisie." },
      }),
    );
    expect(functions.error?.fr).toBe(
      "Les conditions enregistrées du classeur n'ont pas pu être lues au démarrage : Excel est resté en saisie.",
    );
  });

  test("a runtime that never waited fails: its first answers may have used the shipped terms", async () => {
    const { functions } = await startSteps(excelStart({ held: false }));
    expect(functions.error?.en).toMatch(/^The functions' runtime did not wait for the workbook at start/);
  });

  test("an Excel without the visibility event does not run the pane step; one refusing the handler fails it", async () => {
    expect((await startSteps(excelStart({}, { supported: false, registered: false }))).pane.status).toBe(
      "skip",
    );
    const refused = (await startSteps(excelStart({}, { registered: false, error: "GeneralException" }))).pane;
    expect(refused).toMatchObject({
      status: "fail",
      error: { en: "Office refused the pane's visibility handler: GeneralException" },
    });
  });

  test("in the preview (no shared runtime, no Office) neither is run, and each says why", async () => {
    const { functions, pane } = await startSteps(undefined);
    expect(functions).toMatchObject({
      status: "skip",
      detail: { en: expect.stringMatching(/^Outside Excel/) },
    });
    expect(pane).toMatchObject({
      status: "skip",
      detail: { fr: "Hors d'Excel, Office ne masque jamais le volet." },
    });
  });
});

describe("the used-range step", () => {
  test("on the fake Excel a whole-column selection of a sheet formatted to row 1,048,576 reads 5 rows", async () => {
    const report = await run(onFakeExcel("1.18"));
    expect(stepOf(report, "used-range")).toMatchObject({
      status: "pass",
      detail: {
        en: "'Échéance - autotest'!A1:C6: 5 rows, though the sheet is formatted down to row 1,048,576",
      },
    });
  });

  test("without ExcelApi 1.2 it is not run, and says what the pane reads there", async () => {
    const report = await run(onFakeExcel("1.1"));
    expect(stepOf(report, "used-range")).toMatchObject({
      status: "skip",
      detail: { en: expect.stringMatching(/^ExcelApi 1\.2 missing/) },
    });
  });
});

describe("the report", () => {
  test("tells the host, the requirement sets as ranges, each step and the cleanup, in French", async () => {
    const report = await run(onFakeExcel("1.12", {}, "fr-FR"));
    const text = reportText(report, "fr", "03/12/2026 10:00");
    const lines = text.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "Échéance — autotest",
      "Date : 03/12/2026 10:00",
      "Version du complément : test",
      "Hôte : Excel · fake · 16.0.fake",
      "Langue d'Excel : fr-FR",
      // The fake answers for ExcelApi only, up to the version it claims.
      "Ensembles de conditions requises : ExcelApi 1.1–1.12 oui ; ExcelApi 1.13–1.20 non ; SharedRuntime 1.1 non ; CustomFunctionsRuntime 1.1–1.5 non",
      expect.stringMatching(/^Résultat : 15 réussie\(s\), 0 échouée\(s\), 0 non exécutée\(s\) — \d/),
    ]);
    expect(text).toContain("✓ Note de provenance (ajout, puis remplacement) (");
    expect(text).toContain("    Commentaire (pas de notes dans cet Excel)");
    expect(lines[lines.length - 1]).toBe(
      "Nettoyage : 14 feuille(s) supprimée(s) ; aucune feuille de test restante ; termes enregistrés du classeur inchangés ; sélection rétablie.",
    );
  });

  test("in English, a failed step shows its error under it", async () => {
    const report = await run(onFakeExcel("1.18", { absent: ["notes"] }, "en-US"));
    const text = reportText(report, "en", "2026-12-03 10:00");
    expect(text).toContain("Result: 13 passed, 1 failed, 1 not run");
    expect(text).toMatch(
      /✗ Provenance note \(added, then replaced\) \(\d+ ms\)\n {4}This Excel claims ExcelApi 1\.18, yet the note went into a comment/,
    );
  });
});
