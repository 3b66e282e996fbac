import { SETTINGS_KEY, STORAGE_NAMESPACE, TERMS_PLACE, type TermsPlace, type TermsStore } from "../storage";
import { patientOfficeHost } from "./excel-host";

/**
 * The two stores of the workbook's terms in Office (src/storage/terms-store.ts says what a store is):
 * a custom XML part (ExcelApi 1.5) or, where that set is missing, the document settings.
 */

// ---------------------------------------------------------------------------------------------
// The parts of Office.js used, as structural types (Excel.RequestContext satisfies them).

export interface ClientResultLike<T> {
  readonly value: T;
}

export interface CustomXmlPartLike {
  readonly id: string;
  getXml(): ClientResultLike<string>;
  delete(): void;
}

export interface CustomXmlPartCollectionLike {
  load(propertyNames: string): unknown;
  readonly items: readonly CustomXmlPartLike[];
}

export interface XmlPartsContext {
  readonly workbook: {
    readonly customXmlParts: {
      getByNamespace(namespaceUri: string): CustomXmlPartCollectionLike;
      add(xml: string): CustomXmlPartLike;
    };
  };
  sync(): Promise<unknown>;
}

/** `Excel.run`, narrowed to what the store uses. */
export type ExcelRunLike = <T>(batch: (context: XmlPartsContext) => Promise<T>) => Promise<T>;

/** The custom-XML-part store. */
export function customXmlPartStore(run: ExcelRunLike, namespace: string = STORAGE_NAMESPACE): TermsStore {
  return {
    kind: "custom-xml-part",
    readAll: () =>
      run(async (context) => {
        const parts = context.workbook.customXmlParts.getByNamespace(namespace);
        parts.load("items/id");
        await context.sync();
        const results = parts.items.map((p) => p.getXml());
        await context.sync();
        return results.map((r) => r.value);
      }),
    write: (xml) =>
      run(async (context) => {
        const old = context.workbook.customXmlParts.getByNamespace(namespace);
        old.load("items");
        await context.sync();
        const previous = old.items;
        // Add first and commit: if that fails, the previous part is still there, untouched.
        context.workbook.customXmlParts.add(xml);
        await context.sync();
        // Then remove the previous parts. Should this fail, two parts remain and the next read
        // keeps the higher revision; the next write removes both old ones.
        for (const p of previous) p.delete();
        await context.sync();
      }),
    remove: () =>
      run(async (context) => {
        const parts = context.workbook.customXmlParts.getByNamespace(namespace);
        parts.load("items");
        await context.sync();
        for (const p of parts.items) p.delete();
        await context.sync();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Fallback: document settings.

export interface DocumentSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Office.Settings.remove; where a stand-in lacks it, the key is set to "" (read as no document). */
  remove?(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } | undefined }) => void): void;
}

export function documentSettingsStore(
  settings: DocumentSettingsLike,
  key: string = SETTINGS_KEY,
): TermsStore {
  const save = () =>
    new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === "succeeded") resolve();
        else reject(new Error(result.error?.message ?? "The document settings could not be saved."));
      });
    });
  return {
    kind: "document-settings",
    readAll: async () => {
      const v = settings.get(key);
      return typeof v === "string" && v !== "" ? [v] : [];
    },
    write: async (xml) => {
      settings.set(key, xml);
      await save();
    },
    remove: async () => {
      if (settings.remove) settings.remove(key);
      else settings.set(key, "");
      await save();
    },
  };
}

/** Picks the store: a custom XML part where ExcelApi 1.5 is there, else the document settings. */
export function chooseTermsStore(
  env: {
    readonly isSetSupported: (name: string, version: string) => boolean;
    readonly excelRun?: ExcelRunLike | undefined;
    readonly settings?: DocumentSettingsLike | undefined;
  },
  place: TermsPlace = TERMS_PLACE,
): TermsStore | undefined {
  if (env.excelRun && env.isSetSupported("ExcelApi", "1.5"))
    return customXmlPartStore(env.excelRun, place.namespace);
  if (env.settings) return documentSettingsStore(env.settings, place.key);
  return undefined;
}

/**
 * The store for the running Office host: a custom XML part (ExcelApi 1.5) or, where that set is
 * missing, the document settings. Undefined outside Office (preview mode: the pane keeps its state
 * in memory). Its requests wait out a cell being edited (cell-edit.ts): the terms are read at start
 * and when the pane opens, requests the user did not make.
 */
export function officeTermsStore(place: TermsPlace = TERMS_PLACE): TermsStore | undefined {
  if (typeof Office === "undefined" || !Office.context) return undefined;
  const excelRun: ExcelRunLike | undefined =
    typeof Excel === "undefined" ? undefined : (batch) => patientOfficeHost.run((context) => batch(context));
  return chooseTermsStore(
    {
      isSetSupported: (name, version) => Office.context.requirements?.isSetSupported(name, version) ?? false,
      excelRun,
      settings: Office.context.document?.settings,
    },
    place,
  );
}
