import {
  parseStoredDocument,
  serializeState,
  STORAGE_NAMESPACE,
  type StorageIssue,
  type StoredState,
} from "../storage";

/**
 * Where a workbook keeps Échéance's terms, behind one small interface so the pane can run on Excel,
 * on a fake in tests, or in preview mode:
 * - `custom-xml-part` (preferred, ExcelApi 1.5): a custom XML part in namespace urn:echeance:terms:v1.
 *   It travels inside the .xlsx, any add-in or tool can read it, it has no small size cap, and it is
 *   replaced as a whole;
 * - `document-settings` (fallback where customXmlParts is missing): `Office.context.document.settings`,
 *   a per-add-in property bag also saved in the file, holding the same XML text under one key.
 */
export interface TermsStore {
  readonly kind: "custom-xml-part" | "document-settings";
  /** Every stored document found (normally one; two after an interrupted replace). */
  readAll(): Promise<string[]>;
  /** Replaces the stored document. */
  write(xml: string): Promise<void>;
  /** Removes every stored document of this store (its namespace or key), leaving the others alone. */
  remove(): Promise<void>;
}

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

/**
 * A store kept in memory, holding the documents it is given: the preview outside Excel, where a test
 * (or a demo) hands it the XML a workbook would hold, and reads back what the pane saved.
 */
export function memoryTermsStore(documents: string[]): TermsStore {
  return {
    kind: "custom-xml-part",
    readAll: async () => [...documents],
    write: async (xml) => {
      documents.splice(0, documents.length, xml);
    },
    remove: async () => {
      documents.splice(0, documents.length);
    },
  };
}

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

export const SETTINGS_KEY = "echeance.terms.v1";

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

/** Where a store keeps its document: the terms' own place by default (the self-test uses another). */
export interface TermsPlace {
  /** The custom XML part's namespace. */
  readonly namespace: string;
  /** The document settings' key. */
  readonly key: string;
}

export const TERMS_PLACE: TermsPlace = { namespace: STORAGE_NAMESPACE, key: SETTINGS_KEY };

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

// ---------------------------------------------------------------------------------------------
// Loading and saving the state.

export interface LoadedTerms {
  /** Undefined when the workbook stores no terms (a new workbook) or none could be read. */
  readonly state: StoredState | undefined;
  readonly issues: readonly StorageIssue[];
  readonly hashMismatches: readonly string[];
  readonly store: TermsStore["kind"];
  /** How many stored documents were found (more than one: an interrupted replace, resolved by revision). */
  readonly documentsFound: number;
}

/** Reads the workbook's stored terms. Office errors propagate; unreadable documents become issues. */
export async function loadWorkbookTerms(store: TermsStore): Promise<LoadedTerms> {
  const docs = await store.readAll();
  const issues: StorageIssue[] = [];
  let best: { state: StoredState; hashMismatches: readonly string[] } | undefined;
  for (const xml of docs) {
    const r = parseStoredDocument(xml);
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    if (!best || r.state.revision > best.state.revision) {
      best = { state: r.state, hashMismatches: r.hashMismatches };
      // Issues of the document kept only; issues of a refused document stay reported.
      issues.push(...r.issues);
    }
  }
  return {
    state: best?.state,
    issues,
    hashMismatches: best?.hashMismatches ?? [],
    store: store.kind,
    documentsFound: docs.length,
  };
}

export async function saveWorkbookTerms(store: TermsStore, state: StoredState): Promise<void> {
  await store.write(serializeState(state));
}
