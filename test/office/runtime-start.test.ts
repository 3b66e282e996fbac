import { serial } from "../functions/custom-functions-shim";
import { SHIPPED_REGISTRY, SHIPPED_VENDORS, VendorRegistry, type VendorProfile } from "../../src/engine";
import { connectRuntime } from "../../src/functions/host";
import { FunctionRuntime } from "../../src/functions/runtime";
import { DEFAULT_PATIENCE, type CellEditPatience } from "../../src/office/cell-edit";
import { patientHost } from "../../src/office/excel-host";
import { answer } from "../../src/office/excel-result";
import { officeRuntimeHost } from "../../src/office/runtime-host";
import { customXmlPartStore } from "../../src/office/terms-store";
import { captureState, serializeState } from "../../src/storage";
import { FakeExcelHost } from "../taskpane/fake-excel";
import { sampleWorkbook } from "../taskpane/gateway-fixtures";

/**
 * The shared runtime's start on the fake Excel: the workbook's terms in a custom XML part (ExcelApi
 * 1.5), read through Excel.run before any function answers — also when Excel opens with a cell being
 * edited, which refuses the add-in's requests (Excel.RunOptions.delayForCellEdit).
 */

const omi = SHIPPED_VENDORS.find((v) => v.id === "omi")!;
/** The workbook's own vendor: OMI's terms at 45 days, under the name ACME. */
const ACME: VendorProfile = {
  ...omi,
  id: "acme",
  name: "Acme",
  legalName: "ACME SAS",
  invoiceKinds: omi.invoiceKinds.map((k, i) =>
    i === 0 ? { ...k, term: { kind: "days", days: 45 } as const } : k,
  ),
};
const STORED = serializeState(captureState({ profiles: [ACME] }));
/** 10/03/2025 + 45 days = 24/04/2025 (ACME); + 30 days = 09/04/2025 (shipped OMI). */
const INVOICE = serial("2025-03-10");

/** A clock that moves only when the patience sleeps; `onSleep` sees the time after each pause. */
function virtualPatience(onSleep: (now: number) => void = () => undefined): CellEditPatience {
  let t = 0;
  return {
    ...DEFAULT_PATIENCE,
    language: () => "fr",
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      onSleep(t);
    },
  };
}

/** The fake Excel holding the stored terms, and the runtime connected to it as Excel's shared runtime is. */
function start(excelApi: string, patience: CellEditPatience = DEFAULT_PATIENCE) {
  const excel = new FakeExcelHost(sampleWorkbook(3), excelApi);
  excel.addXmlPart(STORED);
  const host = patientHost(excel, patience);
  const store = customXmlPartStore((batch) => host.run((context) => batch(context)));
  const runtime = new FunctionRuntime();
  return { excel, runtime, connect: () => connectRuntime(runtime, officeRuntimeHost(host, store)) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("a workbook opened while a cell is edited (ExcelApi 1.11): the terms' read is held, the first answer waits for it and uses ACME", async () => {
  const { excel, runtime, connect } = start("1.11");
  excel.startCellEdit();
  connect();
  let due: unknown;
  const asked = answer(runtime, "DUEDATE", ["acme", INVOICE]).then((v) => (due = v));
  await settle();
  await settle();
  expect(due).toBeUndefined();
  expect(excel.heldForCellEdit).toBeGreaterThan(0);
  excel.endCellEdit();
  await asked;
  expect(due).toBe(serial("2025-04-24"));
  expect(excel.refusedForCellEdit).toBe(0);
  // Nothing answered with other terms: no recalculation at start.
  expect(excel.calculations).toEqual([]);
  expect(runtime.start.record()).toMatchObject({ terms: "loaded", answers: 1, answersWithoutTerms: 0 });
});

test("on ExcelApi 1.9 the refused read is made again and gets through once the edit ends", async () => {
  const edit = { end: () => undefined as void };
  const setup = start(
    "1.9",
    virtualPatience((now) => {
      if (now >= 1000) edit.end();
    }),
  );
  const excel = setup.excel;
  edit.end = () => excel.endCellEdit();
  excel.startCellEdit();
  setup.connect();
  await expect(answer(setup.runtime, "DUEDATE", ["acme", INVOICE])).resolves.toBe(serial("2025-04-24"));
  expect(excel.refusedForCellEdit).toBeGreaterThan(0);
});

test("an edit longer than the bounded wait: the answers go on with the shipped terms, and say why in Excel's language", async () => {
  const { excel, runtime, connect } = start("1.9", virtualPatience());
  excel.startCellEdit();
  connect();
  runtime.update({ lang: "fr" });
  const error = (await answer(runtime, "DUEDATE", ["acme", INVOICE]).catch((e: unknown) => e)) as {
    code: string;
    message: string;
  };
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toContain(
    "n'ont pas pu être lues. Excel est resté en saisie dans une cellule plus de 20 s : le complément n'a pas pu lire ni écrire le classeur. Terminez la saisie (Entrée ou Échap), puis recommencez. D'ici là, les fonctions CGV utilisent les conditions livrées",
  );
  // Shipped OMI still answers: 30 days.
  await expect(answer(runtime, "DUEDATE", ["omi", INVOICE])).resolves.toBe(serial("2025-04-09"));
  expect(runtime.start.record()).toMatchObject({ terms: "failed", answersWithoutTerms: 2 });
});

test("a vendor edited later in the pane recalculates this workbook's sheets, not every open workbook", async () => {
  const { excel, runtime, connect } = start("1.11");
  connect();
  await answer(runtime, "DUEDATE", ["acme", INVOICE]);
  const edited = new VendorRegistry(SHIPPED_REGISTRY.all());
  edited.set({ ...ACME, name: "Acme Industries" });
  runtime.update({ registry: edited });
  await settle();
  await settle();
  expect(excel.calculations).toEqual(["Factures (all dirty)", "Abonnements (all dirty)"]);
});
