import { SELF_TEST_TERMS_PLACE } from "../../src/selftest";
import { STORAGE_NAMESPACE } from "../../src/storage";
import { chooseTermsStore } from "../../src/office";
import { SETTINGS_KEY } from "../../src/storage";
import { FakeSettings, FakeWorkbook } from "../office/fake-parts";

/**
 * The self-test's own place for stored terms (src/storage-office `TermsPlace`): a custom XML part
 * namespace and a settings key of its own, so that writing, replacing and removing its documents
 * never reaches the workbook's terms.
 */

/** Document settings with Office.Settings.remove. */
class RemovableSettings extends FakeSettings {
  remove(name: string): void {
    this.values.delete(name);
  }
}

describe("the self-test's place for stored terms", () => {
  test("its namespace and key are not the terms' own", () => {
    expect(SELF_TEST_TERMS_PLACE.namespace).not.toBe(STORAGE_NAMESPACE);
    expect(SELF_TEST_TERMS_PLACE.key).not.toBe(SETTINGS_KEY);
  });

  test("on custom XML parts, remove deletes the parts of its namespace only", async () => {
    const wb = new FakeWorkbook();
    const terms = wb.addPart(`<terms xmlns="${STORAGE_NAMESPACE}" revision="2"/>`);
    const store = chooseTermsStore({ isSetSupported: () => true, excelRun: wb.run }, SELF_TEST_TERMS_PLACE)!;
    await store.write(`<terms xmlns="${SELF_TEST_TERMS_PLACE.namespace}" revision="1"/>`);
    expect(wb.parts.size).toBe(2);
    expect(await store.readAll()).toEqual([
      `<terms xmlns="${SELF_TEST_TERMS_PLACE.namespace}" revision="1"/>`,
    ]);
    await store.remove();
    expect(await store.readAll()).toEqual([]);
    expect([...wb.parts.keys()]).toEqual([terms]);
  });

  test("on document settings, remove takes its key out and saves, leaving the terms' key alone", async () => {
    const settings = new RemovableSettings();
    settings.set(SETTINGS_KEY, "<terms/>");
    const store = chooseTermsStore({ isSetSupported: () => false, settings }, SELF_TEST_TERMS_PLACE)!;
    expect(store.kind).toBe("document-settings");
    await store.write("<selftest/>");
    expect(settings.saved.get(SELF_TEST_TERMS_PLACE.key)).toBe("<selftest/>");
    await store.remove();
    expect(settings.saved.has(SELF_TEST_TERMS_PLACE.key)).toBe(false);
    expect(settings.saved.get(SETTINGS_KEY)).toBe("<terms/>");
    expect(await store.readAll()).toEqual([]);
  });

  test("where the settings lack remove, the key is emptied, which reads as no document", async () => {
    const settings = new FakeSettings();
    const store = chooseTermsStore({ isSetSupported: () => false, settings }, SELF_TEST_TERMS_PLACE)!;
    await store.write("<selftest/>");
    await store.remove();
    expect(settings.saved.get(SELF_TEST_TERMS_PLACE.key)).toBe("");
    expect(await store.readAll()).toEqual([]);
  });

  test("a failed save on removal is an error the caller sees", async () => {
    const settings = new RemovableSettings();
    const store = chooseTermsStore({ isSetSupported: () => false, settings }, SELF_TEST_TERMS_PLACE)!;
    settings.failSave = true;
    await expect(store.remove()).rejects.toThrow("quota exceeded (fake)");
  });
});
