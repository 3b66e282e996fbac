import type { HolidayCalendar } from "./holidays";
import { DEFAULT_RATE_TABLE, type RateTable } from "./rates";

/**
 * "N jours fin de mois": both methods are lawful (DGCCRF, CEPC). days-then-eom — invoice date + N
 * days, then the end of that month — is the default, the practice the CEPC describes first;
 * eom-then-days — end of the invoice month, then + N days — is the option (docs/terms.md#fin-de-mois-payment-terms).
 */
export type EndOfMonthMethod = "days-then-eom" | "eom-then-days";

/** The named policies a computation runs under. Each shows in the explanation where it matters. */
export interface Settings {
  readonly holidays: HolidayCalendar;
  readonly endOfMonthMethod: EndOfMonthMethod;
  /** Interpretation options chosen instead of the default, client-favourable reading (e.g. "flat"). */
  readonly readings: ReadonlySet<string>;
  readonly rates: RateTable;
}

export const DEFAULT_SETTINGS: Settings = {
  holidays: "metropole",
  endOfMonthMethod: "days-then-eom",
  readings: new Set<string>(),
  rates: DEFAULT_RATE_TABLE,
};

/**
 * Simple interest per day on an actual/365 basis, 365 even in leap years: the convention of the
 * French administration's worked examples (service-public.fr), kept in this one place.
 */
export const DAY_COUNT_BASIS = 365;
