import { parseStoredDocument, serializeState } from "./document";
import { STORAGE_NAMESPACE, type StorageIssue, type StoredState } from "./state";
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

/** Where a store keeps its document: the terms' own place by default (the self-test uses another). */
export interface TermsPlace {
  /** The custom XML part's namespace. */
  readonly namespace: string;
  /** The document settings' key. */
  readonly key: string;
}

/** The document settings' key of the terms (the fallback store). */
export const SETTINGS_KEY = "echeance.terms.v1";

export const TERMS_PLACE: TermsPlace = { namespace: STORAGE_NAMESPACE, key: SETTINGS_KEY };

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
