import type { EndOfMonthMethod, HolidayCalendar, RateRow, Text, VendorProfile } from "../engine";
import type { StoredCompany } from "./company";
import { contentHash } from "./json";

/**
 * What a workbook stores about its terms (the issue "Terms and settings stored in the workbook"):
 * the settings, the legal-rate rows the user added, and the vendor profiles the workbook uses, each
 * with its version and a content hash. Plain data; `document.ts` writes and reads it as XML.
 */

/** A part of the stored document skipped or doubtful, and why. */
export interface StorageIssue {
  /** Where: "document", "settings", "rate[2]", "profile[acme]$.latePayment.rate". */
  readonly where: string;
  readonly text: Text;
}

export const STORAGE_NAMESPACE = "urn:echeance:terms:v1";
/**
 * The newest format of the stored document this version reads; a newer one is refused with a
 * message, never guessed at. Format 2 adds the recovery parts (« Mon entreprise », the penalty-note
 * series); a document without them is still written as format 1, so an older Échéance keeps reading
 * it, while one that holds them refuses it rather than dropping them at its next save (a series that
 * lost its notes would reuse their numbers).
 */
export const STORAGE_FORMAT = 2;
/** The format written when the state holds no recovery part. */
export const BASE_STORAGE_FORMAT = 1;

export type StorageFormat = typeof BASE_STORAGE_FORMAT | typeof STORAGE_FORMAT;

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
  readonly format: StorageFormat;
  /** Incremented at every save: when two parts exist (an interrupted replace), the higher one wins. */
  readonly revision: number;
  readonly settings: StoredSettings;
  readonly rateRows: readonly RateRow[];
  readonly profiles: readonly StoredProfile[];
  /** The registers Apply wrote in this workbook, so « Tout recalculer » / `--all` can apply them again. */
  readonly registers: readonly StoredRegister[];
  /** « Mon entreprise »: the sender of the letters and penalty notes. */
  readonly company?: StoredCompany;
  /** Every penalty note issued from this workbook, cancelled ones included: the series is never reused. */
  readonly penaltyNotes: readonly StoredPenaltyNote[];
}

/**
 * A penalty note (note de débit) as issued: its number in the series, its date, the client, and what
 * it claimed per invoice — so that a later note claims only what is new (interest accrued since),
 * never the same 40 € twice.
 */
export interface StoredPenaltyNote {
  /** « ND-2026-001 ». */
  readonly number: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly client: string;
  /** Decimal text with a dot, e.g. "175.52". */
  readonly total: string;
  readonly lines: readonly StoredPenaltyNoteLine[];
  /** A cancelled note keeps its number: the series has no gap and no reuse. */
  readonly cancelled?: boolean;
  /** Read from a damaged stored entry: only its number is known, kept so it is never handed out again. */
  readonly damaged?: boolean;
}

export interface StoredPenaltyNoteLine {
  readonly invoice: string;
  readonly interest: string;
  readonly fee: string;
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
  readonly company?: StoredCompany;
  readonly penaltyNotes?: readonly StoredPenaltyNote[];
  /** The state last read from the workbook, for the revision and the choices already made. */
  readonly previous?: StoredState;
}): StoredState {
  const kept = new Map((input.previous?.profiles ?? []).map((p) => [p.profile.id, p]));
  return {
    format: BASE_STORAGE_FORMAT,
    revision: (input.previous?.revision ?? 0) + 1,
    settings: input.settings ?? input.previous?.settings ?? DEFAULT_STORED_SETTINGS,
    rateRows: input.rateRows ?? input.previous?.rateRows ?? [],
    registers: input.registers ?? input.previous?.registers ?? [],
    // The recovery parts are kept as they were: saving terms must never drop the note series.
    ...((input.company ?? input.previous?.company)
      ? { company: (input.company ?? input.previous?.company) as StoredCompany }
      : {}),
    penaltyNotes: input.penaltyNotes ?? input.previous?.penaltyNotes ?? [],
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

/** Sets or replaces « Mon entreprise ». */
export function withCompany(state: StoredState, company: StoredCompany): StoredState {
  return { ...state, company };
}

/**
 * Adds issued notes to the series. A number already in the series is refused (a programming error
 * upstream: numbers come from the series itself), so a note can never overwrite another.
 */
export function withPenaltyNotes(state: StoredState, notes: readonly StoredPenaltyNote[]): StoredState {
  const taken = new Set(state.penaltyNotes.map((n) => n.number));
  for (const n of notes) {
    if (taken.has(n.number)) throw new Error(`Penalty note ${n.number} is already in the series.`);
    taken.add(n.number);
  }
  return { ...state, penaltyNotes: [...state.penaltyNotes, ...notes] };
}
