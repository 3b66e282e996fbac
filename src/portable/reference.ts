import {
  DEFAULT_SETTINGS,
  formatIsoDay,
  frenchDate,
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
import { dayToSerial } from "../input/cell-values";
import { columnLetters, LINE_HEIGHT, wrappedLines } from "../cells";

/**
 * The reference sheet the portable formulas read: the rates per calendar half-year (legal rate, ECB
 * rate, the 3 × legal rate floor and the rate each vendor applies to each kind of client after the
 * floor) and the French public holidays of a range of years, per calendar. Pure data: the caller
 * writes the cells (the xlsx copy of src/xlsx in the command line, Office.js in the pane).
 */

/** A cell of the reference sheet: a value, or a formula (English names, no "=") with its value now. */
export type ReferenceCell =
  | string
  | number
  | null
  | { readonly formula: string; readonly result: number; readonly format: "percent" | "integer" };

export type ReferenceFormat = "date" | "percent" | "integer" | "text";

export interface ReferenceSheet {
  /** The sheet's name (French or English), quoted as needed in `ranges`. */
  readonly name: string;
  /** Cells row by row from A1; dates are Excel serials (see `columnFormats`). */
  readonly rows: readonly (readonly ReferenceCell[])[];
  /** Number format per 0-based column. */
  readonly columnFormats: readonly ReferenceFormat[];
  /** Suggested widths per 0-based column, in characters. */
  readonly columnWidths: readonly number[];
  /** The 0-based row of the table headings, printed bold and wrapped in their columns. */
  readonly headerRow: number;
  /** That row's height in points: its longest heading's wrapped lines (neither host grows it). */
  readonly headerHeight: number;
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
    /** 1 on a half-year whose legal rate is not filled in yet, else 0 (such a half-year gives #N/A). */
    readonly legalMissing: string;
    /** 1 on a half-year whose ECB rate is not filled in yet, else 0. */
    readonly ecbMissing: string;
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

/** Widths in characters by format: a date or a rate with its heading's room, a holiday's name. */
const COLUMN_WIDTHS: Readonly<Record<ReferenceFormat, number>> = {
  date: 12,
  percent: 16,
  integer: 16,
  text: 22,
};

const HEADER_ROW = 4; // 1-based sheet row of the table headers; data from the next row

/**
 * The half-years the rate rows list: from the first one whose rates are both known to the end of
 * `toYear`. Half-years whose rates are not known yet are listed with blank rates, so a user can type a
 * newly published rate into its row and every formula reading the sheet follows.
 */
function rateRows(table: RateTable, toYear: number): HalfYearKey[] {
  const keys = [...table.byHalfYear.keys()].sort((a, b) => a - b);
  const first = keys.find((k) => {
    const r = table.byHalfYear.get(k);
    return r?.legalProfessional !== undefined && r.ecb !== undefined;
  });
  if (first === undefined) return [];
  const last = Math.max(toYear * 2 + 1, keys[keys.length - 1] ?? first);
  const out: HalfYearKey[] = [];
  for (let k = first; k <= last; k++) out.push(k);
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

/** The applied rate the formula gives now: the engine's, or what the formula reads from blank rates (0-based). */
function appliedNow(rule: LatePaymentRule, key: HalfYearKey, client: ClientType, table: RateTable): number {
  try {
    return rateForHalfYear(rule, key, client, table).applied.toNumber();
  } catch {
    const r = table.byHalfYear.get(key);
    const legal = r?.legalProfessional?.toNumber() ?? 0;
    const ecb = r?.ecb?.toNumber() ?? 0;
    const contractual =
      rule.rate.kind === "legal-multiple"
        ? rule.rate.factor * legal
        : rule.rate.kind === "ecb-plus"
          ? ecb + Number(rule.rate.points) / 100
          : Number(rule.rate.annualPercent) / 100;
    return floorApplies(rule, client) ? Math.max(contractual, 3 * legal) : contractual;
  }
}

/** Whether a rule's applied rate needs the legal rate, the ECB rate (its contractual rate or its floor). */
export function ratesNeeded(rule: LatePaymentRule, client: ClientType): { legal: boolean; ecb: boolean } {
  return {
    legal: rule.rate.kind === "legal-multiple" || floorApplies(rule, client),
    ecb: rule.rate.kind === "ecb-plus",
  };
}

function floorApplies(rule: LatePaymentRule, client: ClientType): boolean {
  // As the engine (late-payment.ts): a statutory floor for professional clients, a contractual one always.
  return rule.floor === "contractual" || (rule.floor === "statutory" && client === "pro");
}

/** The reference sheet's column headers, in French and English. */
const REFERENCE_HEADERS = {
  rates: [
    { en: "Half-year", fr: "Semestre" },
    { en: "Start", fr: "Début" },
    { en: "End", fr: "Fin" },
    { en: "Legal interest rate (professionals)", fr: "Taux d'intérêt légal (professionnels)" },
    { en: "ECB refinancing rate on the first day", fr: "Taux BCE (refinancement) au 1er jour" },
    { en: "3 × legal rate (floor)", fr: "3 × taux légal (plancher)" },
    { en: "Legal rate missing", fr: "Taux légal manquant" },
    { en: "ECB rate missing", fr: "Taux BCE manquant" },
  ],
  applied: (vendor: string, client: ClientType): Text => ({
    en: `Rate applied by ${vendor} (${client === "pro" ? "professional client" : "consumer client"})`,
    fr: `Taux appliqué ${vendor} (${client === "pro" ? "client professionnel" : "client particulier"})`,
  }),
  holiday: { en: "Holiday", fr: "Férié" },
  holidays: {
    metropole: { en: "Public holidays (metropolitan France)", fr: "Jours fériés (métropole)" },
    "alsace-moselle": { en: "Public holidays (Alsace-Moselle)", fr: "Jours fériés (Alsace-Moselle)" },
  } satisfies Record<HolidayCalendar, Text>,
  title: {
    en: "Échéance — reference data of the portable formulas (rates per calendar half-year, public holidays)",
    fr: "Échéance — données de référence des formules portables (taux par semestre civil, jours fériés)",
  },
  note: (generatedOn: Day): Text => ({
    en: `Generated on ${formatIsoDay(generatedOn)}. The register's formulas read these ranges (Code de commerce L441-10 II; rates in force on 1 January / 1 July). To add a half-year published since, type its rates in its row (columns D and E, in %): every formula follows; while a rate is missing, interest for days in that half-year gives #N/A. Do not insert or delete rows.`,
    fr: `Générée le ${frenchDate(generatedOn)}. Les formules du registre lisent ces plages (Code de commerce L441-10 II ; taux en vigueur au 1er janvier / 1er juillet). Pour ajouter un semestre publié depuis, tapez ses taux dans sa ligne (colonnes D et E, en %) : toutes les formules suivent ; tant qu'un taux manque, les intérêts des jours de ce semestre donnent #N/A. N'insérez ni ne supprimez de lignes.`,
  }),
} as const;

/** The reference sheet's content for the given rates, vendors and holiday years. */
export function referenceSheet(options: ReferenceOptions): ReferenceSheet {
  const lang = options.lang ?? "fr";
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const registry = options.registry ?? SHIPPED_REGISTRY;
  const name = REFERENCE_SHEET_NAME[lang];
  const keys = rateRows(settings.rates, options.holidayYears.to);
  const vendors: { profile: VendorProfile; client: ClientType }[] = [];
  for (const profile of registry.all())
    for (const client of profile.clients) vendors.push({ profile, client });

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(1, keys.length);
  const col = (i: number): string => columnLetters(i);
  const range = (i: number): string => sheetRef(name, `$${col(i)}$${first}:$${col(i)}$${last}`);

  const header: ReferenceCell[] = [
    ...REFERENCE_HEADERS.rates.map((h) => h[lang]),
    ...vendors.map(({ profile, client }) => REFERENCE_HEADERS.applied(profile.name, client)[lang]),
  ];
  const rateWidth = header.length;
  const holidayCol = rateWidth + 1;
  const applied: Record<string, string> = {};
  vendors.forEach(({ profile, client }, j) => (applied[appliedRateKey(profile.id, client)] = range(8 + j)));

  const table: ReferenceCell[][] = keys.map((key, i) => {
    const r = HEADER_ROW + 1 + i;
    const rates = settings.rates.byHalfYear.get(key);
    const legal = rates?.legalProfessional?.toNumber();
    const ecb = rates?.ecb?.toNumber();
    const legalRef = `D${r}`;
    const ecbRef = `E${r}`;
    const floorRef = `F${r}`;
    // A blank rate reads 0 in the rate columns; the "missing" flags make the formulas give #N/A for
    // a late day in that half-year, never a silent 0.
    return [
      halfYearLabel(key),
      dayToSerial(halfYearStart(key)),
      dayToSerial(halfYearStart(key + 1)) - 1,
      legal ?? null,
      ecb ?? null,
      { formula: `3*${legalRef}`, result: (legal ?? 0) * 3, format: "percent" },
      { formula: `IF(${legalRef}="",1,0)`, result: legal === undefined ? 1 : 0, format: "integer" },
      { formula: `IF(${ecbRef}="",1,0)`, result: ecb === undefined ? 1 : 0, format: "integer" },
      ...vendors.map(({ profile, client }): ReferenceCell => {
        const rule = profile.latePayment;
        const contractual = contractualFormula(rule, legalRef, ecbRef);
        const formula = floorApplies(rule, client) ? `MAX(${contractual},${floorRef})` : contractual;
        return { formula, result: appliedNow(rule, key, client, settings.rates), format: "percent" };
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
  const calendarName = (cal: HolidayCalendar): string => REFERENCE_HEADERS.holidays[cal][lang];

  const width = holidayCol + 2 * HOLIDAY_CALENDARS.length;
  const blankRow = (): ReferenceCell[] => new Array<ReferenceCell>(width).fill(null);
  const rows: ReferenceCell[][] = [];
  const title = blankRow();
  title[0] = REFERENCE_HEADERS.title[lang];
  rows.push(title);
  const note = blankRow();
  note[0] = REFERENCE_HEADERS.note(options.generatedOn)[lang];
  rows.push(note);
  rows.push(blankRow());
  const head = blankRow();
  header.forEach((h, i) => (head[i] = h));
  HOLIDAY_CALENDARS.forEach((cal, c) => {
    head[holidayCol + 2 * c] = calendarName(cal);
    head[holidayCol + 2 * c + 1] = REFERENCE_HEADERS.holiday[lang];
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
  columnFormats[6] = "integer";
  columnFormats[7] = "integer";
  HOLIDAY_CALENDARS.forEach((_, c) => (columnFormats[holidayCol + 2 * c] = "date"));
  // A heading wraps between words, never inside one: each column is at least as wide as its
  // heading's longest word in bold (« (Alsace-Moselle) »), a tenth wider, with 2 for the padding.
  const longestWord = (h: ReferenceCell | undefined): number =>
    typeof h === "string" ? Math.max(0, ...h.split(/\s+/).map((w) => w.length)) : 0;
  const columnWidths: number[] = columnFormats.map((f, j) =>
    Math.max(COLUMN_WIDTHS[f], Math.ceil(longestWord(head[j]) * 1.1) + 2),
  );
  columnWidths[0] = 12; // the half-year, « 2026-S1 »
  columnWidths[rateWidth] = 3; // the gap between the rates and the holidays
  // Headings such as « Taux appliqué Conditions légales (client professionnel) » wrap in their
  // columns, bold; the row is as tall as the longest needs.
  const headerHeight =
    LINE_HEIGHT *
    Math.max(
      1,
      ...head.map((h, j) => (typeof h === "string" ? wrappedLines(h, columnWidths[j] ?? 0, true) : 1)),
    );

  const firstKey = keys[0];
  const lastKey = keys[keys.length - 1];
  return {
    name,
    rows,
    columnFormats,
    columnWidths,
    headerRow: HEADER_ROW - 1,
    headerHeight,
    ranges: {
      start: range(1),
      end: range(2),
      legal: range(3),
      ecb: range(4),
      floor: range(5),
      legalMissing: range(6),
      ecbMissing: range(7),
      applied,
      holidays,
    },
    firstDay: firstKey === undefined ? 0 : dayToSerial(halfYearStart(firstKey)),
    lastDay: lastKey === undefined ? 0 : dayToSerial(halfYearStart(lastKey + 1)) - 1,
  };
}
