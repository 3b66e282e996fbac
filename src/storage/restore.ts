import {
  buildRateTable,
  DEFAULT_SETTINGS,
  isEngineError,
  SHIPPED_REGISTRY,
  VendorRegistry,
  type Settings,
} from "../engine";
import type { StorageIssue } from "./state";
import { compareWithShipped, type ProfileDifference } from "./compare";
import { storedProfile, type StoredState } from "./state";

/**
 * Restoring a workbook's stored terms: custom vendors join the registry, stored copies of shipped
 * vendors are compared with the shipped ones, and the settings and rate rows become the `Settings`
 * the CGV.* functions and Apply run under (`FunctionRuntime.update({ registry, settings })`).
 */

export type ProfileChoice = "stored" | "shipped";

export interface Restored {
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  /** Every stored profile that differs from the shipped one of its id (including acknowledged ones). */
  readonly differences: readonly ProfileDifference[];
  /**
   * Differences the user has not decided yet: the pane must show the choice. Until then the stored
   * profile is used, because it is the one this workbook's figures were computed with.
   */
  readonly pending: readonly ProfileDifference[];
  readonly issues: readonly StorageIssue[];
}

/**
 * Builds the registry and settings a workbook's stored state describes. `choices` maps a vendor id
 * to the profile to keep where stored and shipped differ; an id with no choice keeps the stored
 * profile and is listed in `pending` (unless the same choice was made before for this shipped version).
 */
export function restoreState(
  state: StoredState,
  options: {
    readonly shipped?: VendorRegistry;
    readonly choices?: ReadonlyMap<string, ProfileChoice>;
  } = {},
): Restored {
  const shipped = options.shipped ?? SHIPPED_REGISTRY;
  const choices = options.choices ?? new Map<string, ProfileChoice>();
  const registry = new VendorRegistry(shipped.all());
  const differences = compareWithShipped(state.profiles, shipped);
  const differing = new Map(differences.map((d) => [d.id, d]));
  const pending: ProfileDifference[] = [];
  for (const s of state.profiles) {
    const diff = differing.get(s.profile.id);
    const choice = choices.get(s.profile.id);
    if (diff && choice === "shipped") continue;
    if (diff && choice === undefined && !diff.acknowledged) pending.push(diff);
    registry.set(s.profile);
  }
  const issues: StorageIssue[] = [];
  let rates = DEFAULT_SETTINGS.rates;
  try {
    rates = buildRateTable(state.rateRows);
  } catch (e) {
    issues.push({
      where: "rates",
      text: isEngineError(e) ? e.text : { en: String(e), fr: String(e) },
    });
  }
  const readings = new Set(state.settings.readings);
  return {
    registry,
    settings: {
      holidays: state.settings.holidays,
      endOfMonthMethod: state.settings.endOfMonthMethod,
      readings,
      rates,
    },
    differences,
    pending,
    issues,
  };
}

/**
 * Records the user's choices in the state to save: "shipped" replaces the stored copy by the shipped
 * profile; "stored" keeps it and remembers which shipped version it was kept over, so that version is
 * not asked about again (a later shipped version is).
 */
export function applyChoices(
  state: StoredState,
  choices: ReadonlyMap<string, ProfileChoice>,
  shipped: VendorRegistry = SHIPPED_REGISTRY,
): StoredState {
  const differing = new Map(compareWithShipped(state.profiles, shipped).map((d) => [d.id, d]));
  return {
    ...state,
    profiles: state.profiles.map((s) => {
      const diff = differing.get(s.profile.id);
      const choice = choices.get(s.profile.id);
      if (!diff || !choice) return s;
      return choice === "shipped"
        ? storedProfile(diff.shipped.profile)
        : storedProfile(s.profile, diff.shipped.hash);
    }),
  };
}
