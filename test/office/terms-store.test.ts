import { captureState, serializeState, STORAGE_NAMESPACE } from "../../src/storage";
import { chooseTermsStore, customXmlPartStore, documentSettingsStore } from "../../src/office";
import { loadWorkbookTerms, saveWorkbookTerms, SETTINGS_KEY } from "../../src/storage";
import { acme, prototypeKeys, shipped } from "../storage/fixtures";
import { FakeSettings, FakeWorkbook } from "./fake-parts";

const PROTO_BEFORE = prototypeKeys();
afterEach(() => expect(prototypeKeys()).toEqual(PROTO_BEFORE));

const state1 = () =>
  captureState({
    settings: { holidays: "alsace-moselle", endOfMonthMethod: "days-then-eom", readings: [] },
    profiles: [acme()],
  });

describe("custom XML part store (ExcelApi 1.5)", () => {
  test("a new workbook has no stored terms", async () => {
    const wb = new FakeWorkbook();
    const loaded = await loadWorkbookTerms(customXmlPartStore(wb.run));
    expect(loaded).toEqual({
      state: undefined,
      issues: [],
      hashMismatches: [],
      store: "custom-xml-part",
      documentsFound: 0,
    });
  });

  test("saved terms are one part in our namespace and load back, leaving other add-ins' parts alone", async () => {
    const wb = new FakeWorkbook();
    const other = wb.addPart('<data xmlns="urn:someone-else"/>');
    const store = customXmlPartStore(wb.run);
    await saveWorkbookTerms(store, state1());
    const second = captureState({ previous: state1(), profiles: [acme(), shipped("omi")] });
    await saveWorkbookTerms(store, second);
    const ours = [...wb.parts.values()].filter((p) => p.namespace === STORAGE_NAMESPACE);
    expect(ours).toHaveLength(1);
    expect(wb.parts.has(other)).toBe(true);
    const loaded = await loadWorkbookTerms(store);
    expect(loaded.state).toEqual(second);
    expect(loaded.state?.revision).toBe(2);
  });

  test("a replace that fails when adding the new part leaves the previous part intact", async () => {
    const wb = new FakeWorkbook();
    const store = customXmlPartStore(wb.run);
    await saveWorkbookTerms(store, state1());
    const before = [...wb.parts.values()];
    // The write does: sync 1 (load old), sync 2 (add), sync 3 (delete old). Fail the add.
    wb.failSyncNumber = wb.syncs + 2;
    await expect(
      saveWorkbookTerms(store, captureState({ previous: state1(), profiles: [] })),
    ).rejects.toThrow(/GeneralException/);
    expect([...wb.parts.values()]).toEqual(before);
    expect((await loadWorkbookTerms(store)).state).toEqual(state1());
  });

  test("a replace interrupted after the add leaves two parts, and the higher revision wins", async () => {
    const wb = new FakeWorkbook();
    const store = customXmlPartStore(wb.run);
    await saveWorkbookTerms(store, state1());
    const next = captureState({ previous: state1(), profiles: [acme(), shipped("sillage")] });
    wb.failSyncNumber = wb.syncs + 3; // the delete of the old part fails
    await expect(saveWorkbookTerms(store, next)).rejects.toThrow();
    const loaded = await loadWorkbookTerms(store);
    expect(loaded.documentsFound).toBe(2);
    expect(loaded.state).toEqual(next);
    // The next save cleans up: one part again.
    wb.failSyncNumber = undefined;
    await saveWorkbookTerms(store, captureState({ previous: next }));
    expect([...wb.parts.values()].filter((p) => p.namespace === STORAGE_NAMESPACE)).toHaveLength(1);
  });

  test("a hostile part in our namespace is reported, not loaded, and a good part beside it still loads", async () => {
    const wb = new FakeWorkbook();
    wb.addPart(
      `<?xml version="1.0"?><!DOCTYPE terms [<!ENTITY x SYSTEM "file:///etc/passwd">]><terms xmlns="${STORAGE_NAMESPACE}" format="1" revision="99">&x;</terms>`,
    );
    wb.addPart(serializeState(state1()));
    const loaded = await loadWorkbookTerms(customXmlPartStore(wb.run));
    expect(loaded.state).toEqual(state1());
    expect(loaded.issues.map((i) => i.text.en)).toEqual([
      "The stored terms contain a DOCTYPE or entity declaration, which is refused (no external entities).",
    ]);
  });
});

describe("document settings fallback", () => {
  test("where ExcelApi 1.5 is missing the terms go to the document settings under one key, and load back", async () => {
    const settings = new FakeSettings();
    const wb = new FakeWorkbook();
    const store = chooseTermsStore({ isSetSupported: () => false, excelRun: wb.run, settings })!;
    expect(store.kind).toBe("document-settings");
    await saveWorkbookTerms(store, state1());
    expect(typeof settings.saved.get(SETTINGS_KEY)).toBe("string");
    expect(wb.parts.size).toBe(0);
    expect((await loadWorkbookTerms(store)).state).toEqual(state1());
  });

  test("with ExcelApi 1.5 the custom XML part is chosen", () => {
    const store = chooseTermsStore({
      isSetSupported: (name, v) => name === "ExcelApi" && Number(v) <= 1.5,
      excelRun: new FakeWorkbook().run,
      settings: new FakeSettings(),
    });
    expect(store?.kind).toBe("custom-xml-part");
    expect(chooseTermsStore({ isSetSupported: () => true })).toBeUndefined();
  });

  test("a failed save is an error with the host's message", async () => {
    const settings = new FakeSettings();
    settings.failSave = true;
    await expect(saveWorkbookTerms(documentSettingsStore(settings), state1())).rejects.toThrow(
      "quota exceeded (fake)",
    );
  });

  test("a settings value of the wrong type is treated as no stored terms", async () => {
    const settings = new FakeSettings();
    settings.set(SETTINGS_KEY, { __proto__: { polluted: 1 } });
    const loaded = await loadWorkbookTerms(documentSettingsStore(settings));
    expect(loaded.state).toBeUndefined();
    expect(loaded.documentsFound).toBe(0);
  });
});
