import {
  DEFAULT_SETTINGS,
  formatIsoDay,
  halfYearLabel,
  halfYearStart,
  holidaysOf,
  HOLIDAY_CALENDARS,
  rateForHalfYear,
  SHIPPED_REGISTRY,
  type ClientType,
  type Day,
  type HalfYearKey,
  type HolidayCalendar,
  type Language,
  type LatePaymentRule,
  type RateTable,
  type Settings,
  type Text,
  type VendorProfile,
  type VendorRegistry,
} from "../engine";
import { dayToSerial } from "../adapter/cell-values";
import { columnLetters } from "../cells";

/**
 * The reference sheet the portable formulas read: the rates per calendar half-year (legal rate, ECB
 * rate, the 3 × legal rate floor and the rate each vendor applies to each kind of client after the
 * floor) and the French public holidays of a range of years, per calendar. Pure data: the caller
 * writes the cells (exceljs in the command line, Office.js in the pane).
 */

/** A cell of the reference sheet: a value, or a formula (English names, no "=") with its value now. */
export type ReferenceCell =
  string | number | null | { readonly formula: string; readonly result: number; readonly format: "percent" };

export type ReferenceFormat = "date" | "percent" | "text";

export interface ReferenceSheet {
  /** The sheet's name (French or English), quoted as needed in `ranges`. */
  readonly name: string;
  /** Cells row by row from A1; dates are Excel serials (see `columnFormats`). */
  readonly rows: readonly (readonly ReferenceCell[])[];
  /** Number format per 0-based column. */
  readonly columnFormats: readonly ReferenceFormat[];
  /** Suggested widths per 0-based column, in characters. */
  readonly columnWidths: readonly number[];
  /** Absolute references (with the sheet name) the formulas read. */
  readonly ranges: {
    readonly start: string;
    readonly end: string;
    readonly legal: string;
    readonly ecb: string;
    /** 3 × the legal rate (the statutory floor and the "flat" reading's minimum). */
    readonly floor: string;
    /** Applied rate per `appliedRateKey(vendorId, client)`. */
    readonly applied: Readonly<Record<string, string>>;
    readonly holidays: Readonly<Record<HolidayCalendar, string>>;
  };
  /** First and last day (Excel serials) the rate rows cover. */
  readonly firstDay: number;
  readonly lastDay: number;
}

export interface ReferenceOptions {
  readonly lang?: Language;
  /** Rates (default: the shipped table). */
  readonly settings?: Settings;
  /** Vendors whose applied rates get a column (default: the shipped ones). */
  readonly registry?: VendorRegistry;
  /** Years of public holidays listed, inclusive. */
  readonly holidayYears: { readonly from: number; readonly to: number };
  /** The day the sheet is generated (shown on the sheet). */
  readonly generatedOn: Day;
}

export const REFERENCE_SHEET_NAME: Text = {
  fr: "Échéance - taux et fériés",
  en: "Échéance - rates and holidays",
};

/** The key of a vendor's applied-rate column: "omi:pro". */
export function appliedRateKey(vendorId: string, client: ClientType): string {
  return `${vendorId}:${client}`;
}

/** 'Sheet name'!$B$5:$B$27 */
export function sheetRef(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

const HEADER_ROW = 4; // 1-based sheet row of the table headers; data from the next row

function rateRows(table: RateTable): HalfYearKey[] {
  // The contiguous run of half-years, ending at the last one with both rates known, whose legal and
  // ECB rates are both known.
  const keys = [...table.byHalfYear.keys()].sort((a, b) => a - b);
  const known = (k: HalfYearKey): boolean => {
    const r = table.byHalfYear.get(k);
    return r?.legalProfessional !== undefined && r.ecb !== undefined;
  };
  const last = keys.filter(known).pop();
  if (last === undefined) return [];
  const out: HalfYearKey[] = [];
  for (let k = last; known(k); k--) out.unshift(k);
  return out;
}

function contractualFormula(rule: LatePaymentRule, legal: string, ecb: string): string {
  switch (rule.rate.kind) {
    case "legal-multiple":
      return `${rule.rate.factor}*${legal}`;
    case "ecb-plus":
      return `${ecb}+${Number(rule.rate.points) / 100}`;
    case "fixed":
      return `${Number(rule.rate.annualPercent) / 100}`;
  }
}

function floorApplies(rule: LatePaymentRule, client: ClientType): boolean {
  // As the engine (late-payment.ts): a statutory floor for professional clients, a contractual one always.
  return rule.floor === "contractual" || (rule.floor === "statutory" && client === "pro");
}

/** The reference sheet's content for the given rates, vendors and holiday years. */
export function referenceSheet(options: ReferenceOptions): ReferenceSheet {
  const lang = options.lang ?? "fr";
  const fr = lang === "fr";
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const registry = options.registry ?? SHIPPED_REGISTRY;
  const name = REFERENCE_SHEET_NAME[lang];
  const keys = rateRows(settings.rates);
  const vendors: { profile: VendorProfile; client: ClientType }[] = [];
  for (const profile of registry.all())
    for (const client of profile.clients) vendors.push({ profile, client });

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(1, keys.length);
  const col = (i: number): string => columnLetters(i);
  const range = (i: number): string => sheetRef(name, `$${col(i)}$${first}:$${col(i)}$${last}`);

  const header: ReferenceCell[] = [
    fr ? "Semestre" : "Half-year",
    fr ? "Début" : "Start",
    fr ? "Fin" : "End",
    fr ? "Taux d'intérêt légal (professionnels)" : "Legal interest rate (professionals)",
    fr ? "Taux BCE (refinancement) au 1er jour" : "ECB refinancing rate on the first day",
    fr ? "3 × taux légal (plancher)" : "3 × legal rate (floor)",
    ...vendors.map(({ profile, client }) =>
      fr
        ? `Taux appliqué ${profile.name} (${client === "pro" ? "client professionnel" : "client particulier"})`
        : `Rate applied by ${profile.name} (${client === "pro" ? "professional client" : "consumer client"})`,
    ),
  ];
  const rateWidth = header.length;
  const holidayCol = rateWidth + 1;
  const applied: Record<string, string> = {};
  vendors.forEach(({ profile, client }, j) => (applied[appliedRateKey(profile.id, client)] = range(6 + j)));

  const table: ReferenceCell[][] = keys.map((key, i) => {
    const r = HEADER_ROW + 1 + i;
    const rates = settings.rates.byHalfYear.get(key);
    const legal = rates?.legalProfessional?.toNumber() ?? 0;
    const ecb = rates?.ecb?.toNumber() ?? 0;
    const legalRef = `D${r}`;
    const ecbRef = `E${r}`;
    const floorRef = `F${r}`;
    return [
      halfYearLabel(key),
      dayToSerial(halfYearStart(key)),
      dayToSerial(halfYearStart(key + 1)) - 1,
      legal,
      ecb,
      { formula: `3*${legalRef}`, result: legal * 3, format: "percent" },
      ...vendors.map(({ profile, client }): ReferenceCell => {
        const rule = profile.latePayment;
        const contractual = contractualFormula(rule, legalRef, ecbRef);
        const formula = floorApplies(rule, client) ? `MAX(${contractual},${floorRef})` : contractual;
        const result = rateForHalfYear(rule, key, client, settings.rates).applied.toNumber();
        return { formula, result, format: "percent" };
      }),
    ];
  });

  // Holidays: one date column and one name column per calendar.
  const years: number[] = [];
  for (let y = options.holidayYears.from; y <= options.holidayYears.to; y++) years.push(y);
  const lists = HOLIDAY_CALENDARS.map((cal) => years.flatMap((y) => holidaysOf(y, cal)));
  const holidayRows = Math.max(...lists.map((l) => l.length));
  const holidays = {} as Record<HolidayCalendar, string>;
  HOLIDAY_CALENDARS.forEach((cal, c) => {
    const dc = holidayCol + 2 * c;
    holidays[cal] = sheetRef(
      name,
      `$${col(dc)}$${first}:$${col(dc)}$${HEADER_ROW + Math.max(1, lists[c]?.length ?? 1)}`,
    );
  });
  const calendarName = (cal: HolidayCalendar): string =>
    cal === "metropole"
      ? fr
        ? "Jours fériés (métropole)"
        : "Public holidays (metropolitan France)"
      : fr
        ? "Jours fériés (Alsace-Moselle)"
        : "Public holidays (Alsace-Moselle)";

  const width = holidayCol + 2 * HOLIDAY_CALENDARS.length;
  const blankRow = (): ReferenceCell[] => new Array<ReferenceCell>(width).fill(null);
  const rows: ReferenceCell[][] = [];
  const title = blankRow();
  title[0] = fr
    ? "Échéance — données de référence des formules portables (taux par semestre civil, jours fériés)"
    : "Échéance — reference data of the portable formulas (rates per calendar half-year, public holidays)";
  rows.push(title);
  const note = blankRow();
  const day = formatIsoDay(options.generatedOn);
  note[0] = fr
    ? `Générée le ${day}. Les formules du registre lisent ces plages : modifiez les taux ici (Code de commerce L441-10 II ; taux au 1er janvier / 1er juillet), n'insérez ni ne supprimez de lignes.`
    : `Generated on ${day}. The register's formulas read these ranges: edit rates here (Code de commerce L441-10 II; rate on 1 January / 1 July), do not insert or delete rows.`;
  rows.push(note);
  rows.push(blankRow());
  const head = blankRow();
  header.forEach((h, i) => (head[i] = h));
  HOLIDAY_CALENDARS.forEach((cal, c) => {
    head[holidayCol + 2 * c] = calendarName(cal);
    head[holidayCol + 2 * c + 1] = fr ? "Férié" : "Holiday";
  });
  rows.push(head);
  const dataRows = Math.max(table.length, holidayRows);
  for (let i = 0; i < dataRows; i++) {
    const row = blankRow();
    table[i]?.forEach((v, j) => (row[j] = v));
    lists.forEach((list, c) => {
      const h = list[i];
      if (h === undefined) return;
      row[holidayCol + 2 * c] = dayToSerial(h.day);
      row[holidayCol + 2 * c + 1] = h.name[lang];
    });
    rows.push(row);
  }

  const columnFormats: ReferenceFormat[] = new Array<ReferenceFormat>(width).fill("text");
  columnFormats[1] = "date";
  columnFormats[2] = "date";
  for (let j = 3; j < rateWidth; j++) columnFormats[j] = "percent";
  HOLIDAY_CALENDARS.forEach((_, c) => (columnFormats[holidayCol + 2 * c] = "date"));
  const columnWidths: number[] = columnFormats.map((f, j) =>
    j === 0 ? 12 : f === "text" ? 22 : f === "date" ? 12 : 16,
  );
  columnWidths[rateWidth] = 3;

  const firstKey = keys[0];
  const lastKey = keys[keys.length - 1];
  return {
    name,
    rows,
    columnFormats,
    columnWidths,
    ranges: {
      start: range(1),
      end: range(2),
      legal: range(3),
      ecb: range(4),
      floor: range(5),
      applied,
      holidays,
    },
    firstDay: firstKey === undefined ? 0 : dayToSerial(halfYearStart(firstKey)),
    lastDay: lastKey === undefined ? 0 : dayToSerial(halfYearStart(lastKey + 1)) - 1,
  };
}
