import { invalidInput, type ClientType, type Day, type Decimal, type Payment } from "../engine";
import {
  readAmount,
  readDate,
  readDateTime,
  readPayments,
  readText,
  requireAmount,
  requireDate,
  requireDateTime,
  requireText,
} from "../input/cell-values";
import { clientTypeFromText } from "../input/client-type";

/**
 * What Excel hands a custom function, read into the values the engine takes. Two host facts shape it:
 * - Desktop Excel passes an empty cell given to an `any` parameter, or inside a range, as 0, not null
 *   (office-js issues 4702, 5262, 1951). Wherever 0 cannot be a real value — a date (0 is the phantom
 *   0 January 1900), a client type, an invoice kind, a plan, an event or clause id, a payments row of
 *   0 and 0 — it reads as blank. An amount of 0 is a real amount and stays 0.
 * - A 1904-date-system workbook numbers days from 1 January 1904: its serials are 1462 lower than the
 *   1900 system's for the same day. Serials are moved into the 1900 system on the way in (and back on
 *   the way out, in excel-result.ts).
 */

/** How an argument is read: the value the implementation receives. */
export type ArgKind =
  | "vendor" // a vendor text ("omi", "Sillage.ai+alsace-moselle"), resolved by the runtime
  | "day" // a date: Day
  | "dayTime" // a date with a time of day: DayTime
  | "amount" // euros: Decimal
  | "id" // an identifier (invoice kind, plan, event, clause, function name): string
  | "client" // pro or consumer, pro when blank: ClientType
  | "payments" // a two-column range of partial payments: Payment[]
  | "any"; // passed as Excel gave it (EXPLAIN's arguments)

export interface DayTime {
  readonly day: Day;
  readonly fraction: number;
}

/** The value each kind reads to, for a required argument. */
export interface RequiredValue {
  readonly vendor: never;
  readonly day: Day;
  readonly dayTime: DayTime;
  readonly amount: Decimal;
  readonly id: string;
  readonly client: ClientType;
  readonly payments: readonly Payment[];
  readonly any: unknown;
}

/** The value each kind reads to, for an optional argument left blank or given. */
export interface OptionalValue {
  readonly vendor: never;
  readonly day: Day | undefined;
  readonly dayTime: DayTime | undefined;
  readonly amount: Decimal | undefined;
  readonly id: string | undefined;
  readonly client: ClientType;
  readonly payments: readonly Payment[];
  readonly any: unknown;
}

export type DateSystem = 1900 | 1904;

/** 1 January 1904 is serial 1462 in the 1900 date system and serial 0 in the 1904 one. */
export const SERIAL_OFFSET_1904 = 1462;

export function serialOffset(system: DateSystem): number {
  return system === 1904 ? SERIAL_OFFSET_1904 : 0;
}

/** The parameter being read, as the message names it (its French name in French messages). */
export interface ArgumentRead {
  readonly kind: ArgKind;
  readonly optional: boolean;
  /** What a blank required argument should have been, for kinds whose message needs saying. */
  readonly expected: { readonly en: string; readonly fr: string } | undefined;
}

const NO_PAYMENTS: readonly Payment[] = [];

const ID_EXPECTED = { en: "an identifier", fr: "un identifiant" };

/** An empty cell as desktop Excel passes it (0), or a date serial of the workbook's date system. */
function dateCell(value: unknown, offset: number): unknown {
  if (value === 0) return null;
  return offset !== 0 && typeof value === "number" ? value + offset : value;
}

/** An identifier, a client type: 0 is an empty cell, never an id. */
function textCell(value: unknown): unknown {
  return value === 0 ? null : value;
}

function readClient(value: unknown, name: string): ClientType {
  const text = readText(textCell(value), name);
  if (text === undefined) return "pro";
  const client = clientTypeFromText(text);
  if (!client)
    throw invalidInput(
      name,
      `${name} "${text}" is not pro or consumer.`,
      `${name} « ${text} » n'est ni pro ni consumer (consommateur).`,
    );
  return client;
}

/**
 * Partial payments: rows of (date, amount). A row of two empty cells arrives as 0 and 0 on desktop
 * Excel: it is an empty row. A payment's amount of 0 is no payment either, so within the range a 0
 * amount reads as blank (a row with a date and no amount is then named as incomplete).
 */
function readPaymentRange(value: unknown, name: string, offset: number): readonly Payment[] {
  if (!Array.isArray(value)) {
    if (value === 0 || value === null || value === undefined || value === "") return NO_PAYMENTS;
    return readPayments(value, name);
  }
  const rows = value.map((row: unknown) => {
    if (!Array.isArray(row) || row.length < 2) return row;
    const copy = [...row];
    copy[0] = dateCell(row[0], offset);
    copy[1] = row[1] === 0 ? null : row[1];
    return copy;
  });
  return readPayments(rows, name);
}

/**
 * Reads one argument. `name` is the parameter as the message names it; `offset` moves serials of a
 * 1904 workbook into the 1900 system. Throws the EngineError (invalid-input) naming the argument.
 */
export function readArgument(read: ArgumentRead, value: unknown, name: string, offset: number): unknown {
  // An optional argument left out: no parsing at all (most formulas leave the last ones out).
  if ((value === undefined || value === null) && read.optional && read.kind !== "any")
    return read.kind === "client" ? "pro" : read.kind === "payments" ? NO_PAYMENTS : undefined;
  switch (read.kind) {
    case "day":
      // The common case first: a serial of the 1900 system, read without a detour.
      if (offset === 0 && typeof value === "number" && value !== 0)
        return read.optional ? readDate(value, name) : requireDate(value, name);
      return read.optional
        ? readDate(dateCell(value, offset), name)
        : requireDate(dateCell(value, offset), name);
    case "dayTime":
      return read.optional
        ? readDateTime(dateCell(value, offset), name)
        : requireDateTime(dateCell(value, offset), name);
    case "amount":
      return read.optional ? readAmount(value, name) : requireAmount(value, name);
    case "id":
      return read.optional
        ? readText(textCell(value), name)
        : requireText(textCell(value), name, read.expected ?? ID_EXPECTED);
    case "client":
      return readClient(value, name);
    case "payments":
      return readPaymentRange(value, name, offset);
    case "vendor":
    case "any":
      return value;
  }
}

/** The vendor argument as text: blank (or desktop Excel's 0 for an empty cell) is named as missing. */
export function vendorText(value: unknown, name: string): string {
  if (typeof value === "string" && value !== "") return value;
  return requireText(textCell(value), name, {
    en: "a vendor id or name",
    fr: "un identifiant ou un nom de fournisseur",
  });
}
