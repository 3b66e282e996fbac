import { SHIPPED_REGISTRY, type Text } from "../../engine";
import {
  captureState,
  loadWorkbookTerms,
  parseStoredDocument,
  serializeState,
  STORAGE_NAMESPACE,
  type StoredState,
  type TermsPlace,
  type TermsStore,
} from "../../storage";
import { check, StepSkipped } from "../check";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";

const T = SELF_TEST_TEXT.terms;

/** Two states to store: the shipped OMI terms under Alsace-Moselle holidays, then a revision of it. */
function termsStates(): { first: StoredState; second: StoredState } {
  const omi = SHIPPED_REGISTRY.get("omi");
  const first = captureState({
    settings: { holidays: "alsace-moselle", endOfMonthMethod: "days-then-eom", readings: [] },
    profiles: omi ? [omi] : [],
  });
  const second = captureState({
    previous: first,
    settings: { holidays: "metropole", endOfMonthMethod: "eom-then-days", readings: [] },
  });
  return { first, second };
}

/**
 * Where the self-test keeps its documents: a namespace and a key of its own. Excel files a custom XML
 * part under its root element's namespace (`getByNamespace` finds it there), so the documents written
 * here carry this namespace on their root — never the terms' own, or they would be read as the
 * workbook's terms.
 */
export const SELF_TEST_TERMS_PLACE: TermsPlace = {
  namespace: "urn:echeance:selftest:v1",
  key: "echeance.selftest.v1",
};

const TERMS_ROOT = `xmlns="${STORAGE_NAMESPACE}"`;
const SELF_TEST_ROOT = `xmlns="${SELF_TEST_TERMS_PLACE.namespace}"`;

/** The terms documents as the store under test sees them: written under the self-test's namespace, read back under the terms' own. */
function underSelfTestNamespace(store: TermsStore): TermsStore {
  return {
    kind: store.kind,
    readAll: async () => (await store.readAll()).map((xml) => xml.replace(SELF_TEST_ROOT, TERMS_ROOT)),
    write: async (xml) => {
      const moved = xml.replace(TERMS_ROOT, SELF_TEST_ROOT);
      if (moved === xml) throw new Error("self-test: a terms document without its namespace");
      await store.write(moved);
    },
    remove: () => store.remove(),
  };
}

/** The workbook's kind of store, under the self-test's own place: written, read, replaced, removed; the workbook's terms untouched. */
export const termsStep: SelfTestStep = {
  id: "terms",
  title: T.title,
  readsRegister: false,
  async run(ctx) {
    const place = ctx.terms.scratch;
    if (!place) throw new StepSkipped(T.noStore);
    const store = underSelfTestNamespace(place);
    const workbookBefore = ctx.terms.workbook ? await ctx.terms.workbook.readAll() : undefined;
    // What an earlier self-test left, should it have been stopped before removing it.
    await store.remove();
    const empty = await store.readAll();
    check(empty.length === 0, T.notRemoved(empty.length));
    const { first, second } = termsStates();
    const checkStored = async (state: StoredState, what: Text) => {
      const documents = await store.readAll();
      check(documents.length === 1, T.documentCount(what, documents.length));
      const loaded = await loadWorkbookTerms(store);
      // What was written, as the reader takes it (profiles come back in the schema's key order):
      // the state read back from the store must serialize as that does.
      const written = parseStoredDocument(serializeState(state));
      const issues: Text | undefined =
        loaded.issues.length > 0
          ? {
              en: loaded.issues.map((i) => i.text.en).join("; "),
              fr: loaded.issues.map((i) => i.text.fr).join(" ; "),
            }
          : undefined;
      check(
        written.ok &&
          loaded.state !== undefined &&
          serializeState(loaded.state) === serializeState(written.state) &&
          loaded.issues.length === 0,
        T.differ(what, issues),
      );
      return documents[0] === serializeState(state);
    };
    await store.write(serializeState(first));
    const sameText = await checkStored(first, T.written);
    await store.write(serializeState(second));
    await checkStored(second, T.replaced);
    await store.remove();
    const left = await store.readAll();
    check(left.length === 0, T.left(left.length));
    if (ctx.terms.workbook && workbookBefore) {
      const after = await ctx.terms.workbook.readAll();
      check(JSON.stringify(after) === JSON.stringify(workbookBefore), T.workbookChanged);
    }
    const kind = store.kind === "custom-xml-part" ? T.customXmlPart : T.documentSettings;
    return { detail: sameText ? kind : T.reformatted(kind) };
  },
};
