import * as React from "react";
import {
  checkProfileLegal,
  type Day,
  type EndOfMonthMethod,
  type LegalFlag,
  type RateTable,
  type Text,
  type VendorProfile,
} from "../../../engine";
import { exportProfileJson, importProfileJson } from "../../../storage";
import {
  draftFromProfile,
  emptyDeadline,
  emptyDraftNamed,
  emptyKind,
  emptyPlan,
  profileFromDraft,
  type DeadlineDraft,
  type DraftResult,
  type KindDraft,
  type PlanDraft,
  type VendorDraft,
} from "./draft";
import { schemaMessage, type DraftIssue } from "./issues";

export interface VendorEditorState {
  readonly draft: VendorDraft;
  readonly result: DraftResult;
  readonly flags: readonly LegalFlag[];
  /** A message about the last import (an error with the file's problems, or "imported"). */
  readonly importMessage:
    { readonly ok: boolean; readonly text: Text; readonly issues: readonly DraftIssue[] } | undefined;
  set<K extends keyof VendorDraft>(key: K, value: VendorDraft[K]): void;
  setKind(i: number, patch: Partial<KindDraft>): void;
  addKind(): void;
  removeKind(i: number): void;
  setPlan(i: number, patch: Partial<PlanDraft>): void;
  addPlan(): void;
  removePlan(i: number): void;
  setDeadline(i: number, patch: Partial<DeadlineDraft>): void;
  addDeadline(): void;
  removeDeadline(i: number): void;
  /** Reads an untrusted JSON text (a file's content) into the form. */
  importText(text: string): void;
  /** The profile as a JSON file, when the draft is valid. */
  exportFile(): { fileName: string; text: string } | undefined;
}

const replaceAt = <T>(list: readonly T[], i: number, patch: Partial<T>): T[] =>
  list.map((x, j) => (j === i ? { ...x, ...patch } : x));

/**
 * The form's state: the draft, the profile it validates to (or its issues, in both languages), and
 * the legal flags of L441-10, computed against the rate table for the as-of date.
 */
export function useVendorEditor(options: {
  readonly initial?: VendorProfile | undefined;
  /** A new vendor's name, known beforehand (a register's unknown vendor): the form starts with it. */
  readonly initialName?: string | undefined;
  readonly rates: RateTable;
  readonly asOf: Day;
  readonly endOfMonthMethod: EndOfMonthMethod;
}): VendorEditorState {
  const [base, setBase] = React.useState<VendorProfile | undefined>(options.initial);
  const [draft, setDraft] = React.useState<VendorDraft>(() =>
    options.initial ? draftFromProfile(options.initial) : emptyDraftNamed(options.initialName),
  );
  const [importMessage, setImportMessage] = React.useState<VendorEditorState["importMessage"]>();
  const result = React.useMemo(() => profileFromDraft(draft, base), [draft, base]);
  const flags = React.useMemo(
    () =>
      result.profile
        ? checkProfileLegal(result.profile, options.rates, options.asOf, options.endOfMonthMethod)
        : [],
    [result.profile, options.rates, options.asOf, options.endOfMonthMethod],
  );
  const update = React.useCallback((f: (d: VendorDraft) => VendorDraft) => setDraft((d) => f(d)), []);
  return {
    draft,
    result,
    flags,
    importMessage,
    set: (key, value) => update((d) => ({ ...d, [key]: value })),
    setKind: (i, patch) =>
      update((d) => ({
        ...d,
        // A new text is a new question: the previous choice of reading no longer applies.
        kinds: replaceAt(
          d.kinds,
          i,
          "termText" in patch && !("reading" in patch) ? { ...patch, reading: undefined } : patch,
        ),
      })),
    addKind: () => update((d) => ({ ...d, kinds: [...d.kinds, emptyKind(`type-${d.kinds.length + 1}`)] })),
    removeKind: (i) => update((d) => ({ ...d, kinds: d.kinds.filter((_, j) => j !== i) })),
    setPlan: (i, patch) => update((d) => ({ ...d, plans: replaceAt(d.plans, i, patch) })),
    addPlan: () =>
      update((d) => {
        const plan = emptyPlan(d.plans.length === 0 ? "abonnement" : `formule-${d.plans.length + 1}`);
        return { ...d, plans: [...d.plans, plan], defaultPlan: d.defaultPlan || plan.id };
      }),
    removePlan: (i) => update((d) => ({ ...d, plans: d.plans.filter((_, j) => j !== i) })),
    setDeadline: (i, patch) => update((d) => ({ ...d, deadlines: replaceAt(d.deadlines, i, patch) })),
    addDeadline: () =>
      update((d) => ({
        ...d,
        deadlines: [...d.deadlines, emptyDeadline(`delai-${d.deadlines.length + 1}`)],
      })),
    removeDeadline: (i) => update((d) => ({ ...d, deadlines: d.deadlines.filter((_, j) => j !== i) })),
    importText: (text) => {
      const r = importProfileJson(text);
      if (r.ok) {
        setBase(r.profile);
        setDraft(draftFromProfile(r.profile));
        setImportMessage({ ok: true, text: { en: "", fr: "" }, issues: [] });
      } else {
        setImportMessage({
          ok: false,
          text: r.message,
          issues: r.issues.slice(0, 20).map((i) => ({ path: i.path, message: schemaMessage(i.message) })),
        });
      }
    },
    exportFile: () => (result.profile ? exportProfileJson(result.profile) : undefined),
  };
}

/** What each section of the form gets: the form's state. */
export interface SectionProps {
  readonly ed: VendorEditorState;
}
