import type { EndOfMonthMethod, HolidayCalendar, RateRow, VendorProfile } from "../engine";
import { contentHash } from "./json";

/**
 * What a workbook stores about its terms (the issue "Terms and settings stored in the workbook"):
 * the settings, the legal-rate rows the user added, and the vendor profiles the workbook uses, each
 * with its version and a content hash. Plain data; `document.ts` writes and reads it as XML.
 */

export const STORAGE_NAMESPACE = "urn:echeance:terms:v1";
/** The format of the stored document; a newer format is refused with a message, never guessed at. */
export const STORAGE_FORMAT = 1;

export interface StoredSettings {
  readonly holidays: HolidayCalendar;
  readonly endOfMonthMethod: EndOfMonthMethod;
  /** Interpretation options chosen instead of the default reading ("flat"…). */
  readonly readings: readonly string[];
}

export interface StoredProfile {
  readonly profile: VendorProfile;
  /** The profile's own `profileVersion`, repeated so the document can be read without parsing JSON. */
  readonly version: string;
  /** `contentHash(profile)`: "sha256:" + 64 hex digits. */
  readonly hash: string;
  /**
   * When the user chose to keep this stored profile over a different shipped one: the hash of that
   * shipped profile. The same shipped version is then not asked about again; a newer one is.
   */
  readonly keptOverShipped?: string;
}

export interface StoredState {
  readonly format: typeof STORAGE_FORMAT;
  /** Incremented at every save: when two parts exist (an interrupted replace), the higher one wins. */
  readonly revision: number;
  readonly settings: StoredSettings;
  readonly rateRows: readonly RateRow[];
  readonly profiles: readonly StoredProfile[];
  /** The registers Apply wrote in this workbook, so « Tout recalculer » / `--all` can apply them again. */
  readonly registers: readonly StoredRegister[];
}

/**
 * A register Apply wrote: where it is, what it was applied with, and whether its as-of date is today
 * (recomputed at each recalculation) or a fixed date. Its header texts tell when columns moved.
 */
export interface StoredRegister {
  readonly sheet: string;
  /** The register's block with its header row, without the sheet ("B3:G51"), when not a table. */
  readonly range?: string;
  /** The Excel table holding the register, when it is one. */
  readonly table?: string;
  /** The vendor choice ("omi", "xiahdeh+flat"), or "" when each row names its vendor. */
  readonly vendor: string;
  readonly mode: "invoices" | "subscriptions";
  readonly write: "values" | "formulas" | "portable";
  /** "today", or the fixed as-of date (YYYY-MM-DD). */
  readonly asOf: string;
  /** Defaults for rows without them: invoice kind, plan, client type. */
  readonly invoiceKind?: string;
  readonly plan?: string;
  readonly clientType?: "pro" | "consumer";
  /** The register's header texts when it was applied (input columns only), to tell when columns moved. */
  readonly headers: readonly string[];
  /**
   * The column of each field (0-based within the block) as Apply used it, when the user changed the
   * recognised mapping: a recalculation uses the user's choice, not a fresh recognition.
   */
  readonly mapping?: Readonly<Record<string, number>>;
  /** The day Apply last wrote it (YYYY-MM-DD). */
  readonly appliedOn: string;
}

/** Where a stored register is, as a key: a table by name, else its sheet and range. */
export function registerKey(r: Pick<StoredRegister, "sheet" | "range" | "table">): string {
  return r.table !== undefined ? `table:${r.table.toLowerCase()}` : `range:${r.sheet}!${r.range ?? ""}`;
}

/**
 * Whether a remembered register is at the same place as another: the same table (names compare
 * case-insensitively, as Excel's do), or the same sheet and first cell — the same register, however
 * many rows it has gained since.
 */
export function samePlace(register: StoredRegister): (other: StoredRegister) => boolean {
  const corner = (r: StoredRegister) => (r.range ?? "").split(":")[0]?.replace(/\$/g, "").toUpperCase();
  return (other) =>
    register.table !== undefined
      ? other.table !== undefined && other.table.toLowerCase() === register.table.toLowerCase()
      : other.table === undefined &&
        other.sheet.toLowerCase() === register.sheet.toLowerCase() &&
        corner(other) === corner(register);
}

/** Remembers a register Apply wrote, replacing the one at the same place (however many rows it gained). */
export function withRegister(state: StoredState, register: StoredRegister): StoredState {
  const here = samePlace(register);
  return { ...state, registers: [...state.registers.filter((r) => !here(r)), register] };
}

export const DEFAULT_STORED_SETTINGS: StoredSettings = {
  holidays: "metropole",
  endOfMonthMethod: "days-then-eom",
  readings: [],
};

export function storedProfile(profile: VendorProfile, keptOverShipped?: string): StoredProfile {
  return {
    profile,
    version: profile.profileVersion,
    hash: contentHash(profile),
    ...(keptOverShipped !== undefined ? { keptOverShipped } : {}),
  };
}

/** A state to save: settings, rate rows and profiles, with the hashes computed here. */
export function captureState(input: {
  readonly settings?: StoredSettings;
  readonly rateRows?: readonly RateRow[];
  readonly profiles?: readonly VendorProfile[];
  readonly registers?: readonly StoredRegister[];
  /** The state last read from the workbook, for the revision and the choices already made. */
  readonly previous?: StoredState;
}): StoredState {
  const kept = new Map((input.previous?.profiles ?? []).map((p) => [p.profile.id, p]));
  return {
    format: STORAGE_FORMAT,
    revision: (input.previous?.revision ?? 0) + 1,
    settings: input.settings ?? input.previous?.settings ?? DEFAULT_STORED_SETTINGS,
    rateRows: input.rateRows ?? input.previous?.rateRows ?? [],
    registers: input.registers ?? input.previous?.registers ?? [],
    profiles: (input.profiles ?? input.previous?.profiles.map((p) => p.profile) ?? []).map((p) => {
      const before = kept.get(p.id);
      return storedProfile(p, before && before.hash === contentHash(p) ? before.keptOverShipped : undefined);
    }),
  };
}

/** Adds or replaces one profile in a state (the editor's "save"). */
export function withProfile(state: StoredState, profile: VendorProfile): StoredState {
  const others = state.profiles.filter((p) => p.profile.id !== profile.id);
  return { ...state, profiles: [...others, storedProfile(profile)] };
}

export function withoutProfile(state: StoredState, id: string): StoredState {
  return { ...state, profiles: state.profiles.filter((p) => p.profile.id !== id) };
}
