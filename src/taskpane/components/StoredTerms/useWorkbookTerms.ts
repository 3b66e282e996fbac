import * as React from "react";
import { SHIPPED_REGISTRY, type RateRow, type VendorProfile, type VendorRegistry } from "../../../engine";
import {
  applyChoices,
  captureState,
  registerKey,
  restoreState,
  withRegister,
  withoutProfile,
  withProfile,
  type ProfileChoice,
  type Restored,
  type StorageIssue,
  type StoredRegister,
  type StoredSettings,
  type StoredState,
} from "../../../storage";
import { loadWorkbookTerms, saveWorkbookTerms, type TermsStore } from "../../../storage";
import { useRuntime } from "../../gateway-context";
import { useLanguage } from "../../i18n/LanguageContext";

export interface WorkbookTerms {
  readonly status: "loading" | "ready" | "error";
  /** Where the terms live: "custom-xml-part", "document-settings", or "memory" (preview, no Office). */
  readonly storeKind: TermsStore["kind"] | "memory";
  readonly state: StoredState;
  readonly restored: Restored;
  readonly issues: readonly StorageIssue[];
  readonly hashMismatches: readonly string[];
  readonly error: string | undefined;
  /** Records the user's choices (stored vs shipped) and saves them. */
  resolve(choices: ReadonlyMap<string, ProfileChoice>): Promise<void>;
  saveProfile(profile: VendorProfile): Promise<void>;
  removeProfile(id: string): Promise<void>;
  saveSettings(settings: StoredSettings, rateRows: readonly RateRow[]): Promise<void>;
  /** Replaces the rate rows the user entered (the « Taux » view, Apply's offer for a missing half-year). */
  saveRateRows(rateRows: readonly RateRow[]): Promise<void>;
  /**
   * Remembers registers Apply wrote (« Tout recalculer » applies them again), each replacing the
   * one remembered at the same place (its sheet and first cell, or its table) and any `replaces`
   * names — the place it was remembered at before a recalculation grew it.
   */
  rememberRegisters(
    registers: readonly { readonly register: StoredRegister; readonly replaces?: StoredRegister }[],
  ): Promise<void>;
  /** Keeps a copy of a shipped vendor's profile the workbook uses (after Apply), if not stored yet. */
  rememberVendor(id: string): Promise<void>;
}

/**
 * Loads the workbook's stored terms once, restores them, and saves every change. The store is an
 * injected effect (docs/conventions.md#effects-are-injected): `officeTermsStore()` in Excel, undefined in preview mode (memory only).
 * `onRestored` receives the registry and settings to hand to the function runtime and Apply.
 */
export function useWorkbookTerms(options: {
  readonly store: TermsStore | undefined;
  readonly shipped?: VendorRegistry;
  readonly onRestored: (restored: Restored) => void;
}): WorkbookTerms {
  const shipped = options.shipped ?? SHIPPED_REGISTRY;
  const { store, onRestored } = options;
  const [state, setState] = React.useState<StoredState>(() => captureState({}));
  const [status, setStatus] = React.useState<WorkbookTerms["status"]>(store ? "loading" : "ready");
  const [issues, setIssues] = React.useState<readonly StorageIssue[]>([]);
  const [hashMismatches, setHashMismatches] = React.useState<readonly string[]>([]);
  const [error, setError] = React.useState<string>();
  // What the functions' runtime says of its host (terms unread at start, a recalculation refused).
  const runtime = useRuntime();
  const { lang } = useLanguage();
  const [notices, setNotices] = React.useState(() => runtime.noticeTexts);
  React.useEffect(
    () =>
      runtime.onChange((changed) => {
        if (changed.includes("notices")) setNotices(runtime.noticeTexts);
      }),
    [runtime],
  );
  const restored = React.useMemo(() => restoreState(state, { shipped }), [state, shipped]);
  // The state as last committed: two saves in a row (the vendor and the register after an Apply)
  // each start from the one before, never from a render's stale copy.
  const latest = React.useRef(state);

  // Only terms the pane has read: before (or when its read failed) the runtime keeps those it read at
  // start, never the shipped ones of the empty state the pane begins with (issue 21).
  React.useEffect(() => {
    if (status === "ready") onRestored(restored);
  }, [restored, onRestored, status]);

  React.useEffect(() => {
    if (!store) return;
    let live = true;
    loadWorkbookTerms(store).then(
      (loaded) => {
        if (!live) return;
        if (loaded.state) {
          latest.current = loaded.state;
          setState(loaded.state);
        }
        setIssues(loaded.issues);
        setHashMismatches(loaded.hashMismatches);
        setStatus("ready");
        // Read now: the runtime gets them through onRestored.
        runtime.setNotice("terms-not-loaded", undefined);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setStatus("error");
      },
    );
    return () => {
      live = false;
    };
  }, [store, runtime]);

  const commit = React.useCallback(
    async (change: (current: StoredState) => StoredState) => {
      const saved = captureState({ previous: change(latest.current) });
      latest.current = saved;
      setState(saved);
      if (!store) return;
      try {
        await saveWorkbookTerms(store, saved);
        setError(undefined);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
    [store],
  );

  return {
    status,
    storeKind: store?.kind ?? "memory",
    state,
    restored,
    issues,
    hashMismatches,
    error: [error, ...notices.map((n) => n[lang])].filter((e) => e !== undefined).join(" · ") || undefined,
    resolve: (choices) => commit((current) => applyChoices(current, choices, shipped)),
    saveProfile: (profile) => commit((current) => withProfile(current, profile)),
    removeProfile: (id) => commit((current) => withoutProfile(current, id)),
    saveSettings: (settings, rateRows) => commit((current) => ({ ...current, settings, rateRows })),
    saveRateRows: (rateRows) => commit((current) => ({ ...current, rateRows })),
    rememberRegisters: (registers) =>
      commit((current) =>
        registers.reduce((state, { register, replaces }) => {
          // withRegister replaces the register at the same place; `replaces` is where it was before.
          const gone = replaces ? registerKey(replaces) : undefined;
          return withRegister(
            { ...state, registers: state.registers.filter((r) => registerKey(r) !== gone) },
            register,
          );
        }, current),
      ),
    rememberVendor: async (id) => {
      const p = shipped.get(id);
      if (!p || latest.current.profiles.some((s) => s.profile.id === p.id)) return;
      await commit((current) => withProfile(current, p));
    },
  };
}
