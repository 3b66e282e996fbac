import {
  EngineError,
  findInvoiceKind,
  isEngineError,
  LAW_VENDOR,
  parseVendorChoice,
  termStart,
  vendorResolver,
  type ClientType,
  type CountedFrom,
  type Day,
  type Decimal,
  type Language,
  type ResolvedVendor,
  type TermStart,
  type SentReminder,
  type Text,
  type VendorProfile,
  type VendorResolver,
} from "../engine";
import { clientTypeFromText } from "../input/client-type";
import { isCollectiveStatus, isDisputedStatus, isMarked, parseLastReminder } from "../input/recovery-cells";
import { isBlank, readAmount, readDate, requireDate } from "../input/cell-values";
import { fieldInfo } from "./headers";
import { ROW_PROBLEM } from "./status";
import type { ApplyOptions, CellValue, FieldId } from "./types";
import { invoiceKindId, planId } from "./values";

/**
 * A register row's cells read as the engine needs them — dates, amounts, the vendor, the client type,
 * the invoice kind and plan — with every failure named by its column (`RowProblem`). The computation
 * (compute.ts) reads rows only through here.
 */

/** The columns recovery reads beside Apply's (src/recovery's register adapter, « Prochaine action »). */
export const RECOVERY_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>([
  "address",
  "comment",
  "disputed",
  "collectiveProceedings",
  "lastReminder",
]);

/** A problem with one cell (or one row), before it is worded with the row number. */
export class RowProblem extends Error {
  constructor(
    readonly field: FieldId | undefined,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

/** The register column that gives the date a payment term counts from (docs/vendor-import.md). */
const START_FIELDS: Readonly<Record<TermStart, FieldId>> = {
  receipt: "receiptDate",
  delivery: "deliveryDate",
  order: "orderDate",
};

/** The date a row's payment term is counted from, and which date it is. */
export interface TermStartDate {
  readonly date: Day;
  /** What the term counts from (undefined: the invoice date). */
  readonly wanted: TermStart | undefined;
  /** The date given: the term's own start from its column, or the invoice date standing in. */
  readonly counted: CountedFrom | undefined;
  /** The term is the legal default (L441-10 I): the invoice date standing in for it goes unsaid, as before. */
  readonly legalDefault: boolean;
}

/** French quotation marks around the values quoted back in French statuses. */
function frenchMessage(fr: string): string {
  return fr.replace(/"([^"]*)"/g, "« $1 »");
}

export class RowReader {
  readonly asOf: Day;
  readonly lang: Language;
  readonly firstRowNumber: number;
  private readonly resolver: VendorResolver;
  private readonly used = new Map<string, ResolvedVendor>();
  private lastUsed: ResolvedVendor | undefined;
  private readonly fixedVendor: ResolvedVendor | EngineError | undefined;
  /** Each field's column name, worked out once (it is read for every cell, in case of an error). */
  private readonly columnNames = new Map<FieldId, string>();
  /** The columns that make a row an invoice or a subscription (every mapped one but recovery's). */
  private readonly computedColumns: readonly number[];
  /**
   * Cell texts already read as a vendor's invoice kind or plan id: a register repeats a few words over
   * thousands of rows (by profile, since the ids are the vendor's).
   */
  private readonly kindIds = new Map<VendorProfile, Map<string, string>>();
  private readonly planIds = new Map<VendorProfile, Map<string, string>>();

  constructor(readonly options: ApplyOptions) {
    this.lang = options.lang ?? "fr";
    this.computedColumns = (Object.entries(options.mapping) as [FieldId, number | undefined][])
      .filter(([field, index]) => index !== undefined && !RECOVERY_FIELDS.has(field))
      .map(([, index]) => index as number);
    this.firstRowNumber = options.firstRowNumber ?? 2;
    this.resolver = vendorResolver(options.registry, options.settings);
    const asOf = readDate(options.asOf, "asOf");
    if (asOf === undefined) throw new EngineError("invalid-input", ROW_PROBLEM.asOfRequired, "asOf");
    this.asOf = asOf;
    if (options.vendor !== undefined && options.vendor.trim() !== "") {
      try {
        this.fixedVendor = this.resolver.resolve(options.vendor);
      } catch (e) {
        if (!isEngineError(e)) throw e;
        // With a vendor column, a bad default only matters for rows whose vendor cell is blank.
        if (options.mapping.vendor === undefined) throw e;
        this.fixedVendor = e;
      }
    }
  }

  /** The register column name used in messages: the source header, else the field's label. */
  columnName(field: FieldId): string {
    let name = this.columnNames.get(field);
    if (name === undefined) this.columnNames.set(field, (name = this.columnNameOf(field)));
    return name;
  }

  private columnNameOf(field: FieldId): string {
    const index = this.options.mapping[field];
    const header = index === undefined ? undefined : this.options.headers?.[index];
    if (header !== undefined && header !== null && String(header).trim() !== "") return String(header).trim();
    return fieldInfo(field).label[this.lang];
  }

  /** Sheet row number of data row `index` (0-based). */
  rowNumber(index: number): number {
    return this.firstRowNumber + index;
  }

  cell(row: readonly CellValue[], field: FieldId): CellValue | undefined {
    const index = this.options.mapping[field];
    return index === undefined ? undefined : row[index];
  }

  /** Whether the cell of a mapped field holds something. */
  filled(row: readonly CellValue[], field: FieldId): boolean {
    return !isBlank(this.cell(row, field));
  }

  /**
   * Whether a row holds nothing Apply computes from: recovery's own columns (an address, a comment, a
   * « Dernière relance ») do not make a row an invoice, so a register reads as it did without them.
   */
  isBlankRow(row: readonly CellValue[]): boolean {
    for (const index of this.computedColumns) if (!isBlank(row[index])) return false;
    return true;
  }

  private guard<T>(field: FieldId, read: (arg: string) => T): T {
    const name = this.columnName(field);
    try {
      return read(name);
    } catch (e) {
      if (!isEngineError(e)) throw e;
      const strip = (s: string, sep: string): string =>
        s.startsWith(`${name}${sep}`) ? s.slice(name.length + sep.length) : s;
      throw new RowProblem(field, { en: strip(e.text.en, ": "), fr: frenchMessage(strip(e.text.fr, " : ")) });
    }
  }

  date(row: readonly CellValue[], field: FieldId): Day | undefined {
    return this.guard(field, (arg) => readDate(this.cell(row, field), arg));
  }

  requiredDate(row: readonly CellValue[], field: FieldId): Day {
    return this.guard(field, (arg) => requireDate(this.cell(row, field), arg));
  }

  /** An amount; a negative one is refused unless `negative` is "allowed" (a credit note's amount). */
  amount(
    row: readonly CellValue[],
    field: FieldId,
    required: boolean,
    negative: "refused" | "allowed" = "refused",
  ): Decimal | undefined {
    const value = this.cell(row, field);
    if (required && isBlank(value)) throw new RowProblem(field, ROW_PROBLEM.amountMissing);
    const d = this.guard(field, (arg) => readAmount(value, arg));
    if (d !== undefined && d.isNeg() && negative === "refused") {
      const shown = typeof value === "string" ? value.trim() : String(value);
      throw new RowProblem(field, ROW_PROBLEM.negative(shown));
    }
    return d;
  }

  text(row: readonly CellValue[], field: FieldId): string | undefined {
    const v = this.cell(row, field);
    if (isBlank(v)) return undefined;
    return String(v).trim();
  }

  /** The vendors rows were computed with so far, each once, in the order met (for the provenance note). */
  vendorsUsed(): ResolvedVendor[] {
    return [...this.used.values()];
  }

  private use(v: ResolvedVendor): ResolvedVendor {
    if (v !== this.lastUsed) {
      this.lastUsed = v;
      if (!this.used.has(v.spec)) this.used.set(v.spec, v);
    }
    return v;
  }

  /**
   * The default vendor is the law (`loi`): it covers the rows whose vendor cell names no known vendor
   * too, since the law applies to a supplier whose terms are not entered. Any other default covers
   * only blank cells: an unknown name computed with another vendor's terms would be wrong silently.
   */
  private lawCovers(): ResolvedVendor | undefined {
    const v = this.fixedVendor;
    return v !== undefined && !(v instanceof EngineError) && v.profile.id === LAW_VENDOR.id ? v : undefined;
  }

  /** The name a row's vendor cell writes when no vendor of the registry answers to it (options left out). */
  unknownVendorIn(row: readonly CellValue[]): string | undefined {
    const spec = this.text(row, "vendor");
    if (spec === undefined) return undefined;
    const name = parseVendorChoice(spec).vendor;
    return name !== "" && this.resolver.lookupName(name).kind === "unknown" ? name : undefined;
  }

  vendorFor(row: readonly CellValue[]): ResolvedVendor {
    const spec = this.text(row, "vendor");
    if (spec !== undefined) {
      try {
        return this.use(this.resolver.resolve(spec));
      } catch (e) {
        if (!isEngineError(e)) throw e;
        const law = this.lawCovers();
        if (law && this.unknownVendorIn(row) !== undefined) return this.use(law);
        throw new RowProblem("vendor", e.text);
      }
    }
    if (this.fixedVendor instanceof EngineError) throw new RowProblem("vendor", this.fixedVendor.text);
    if (this.fixedVendor) return this.use(this.fixedVendor);
    throw new RowProblem(
      this.options.mapping.vendor === undefined ? undefined : "vendor",
      ROW_PROBLEM.noVendor,
    );
  }

  /** The row's client type: its cell, else the default, else a professional. */
  client(row: readonly CellValue[]): ClientType {
    const text = this.text(row, "clientType");
    if (text === undefined) return this.options.defaults?.clientType ?? "pro";
    const client = clientTypeFromText(text);
    if (!client) throw new RowProblem("clientType", ROW_PROBLEM.clientType(text));
    return client;
  }

  /** The row's « Dernière relance »: the letter recorded, nothing, or a problem naming what was expected. */
  lastReminder(row: readonly CellValue[]): SentReminder | undefined | { problem: Text } {
    const text = this.text(row, "lastReminder");
    return text === undefined ? undefined : parseLastReminder(text);
  }

  /** Whether the row's invoice is disputed: its « Litige » mark, or its comment's words. */
  disputed(row: readonly CellValue[]): boolean {
    return isMarked(this.cell(row, "disputed")) || isDisputedStatus(this.text(row, "comment"));
  }

  /** Whether the row's client is in collective proceedings: its mark, or its comment's words. */
  inCollectiveProceedings(row: readonly CellValue[]): boolean {
    return isMarked(this.cell(row, "collectiveProceedings")) || isCollectiveStatus(this.text(row, "comment"));
  }

  kindFor(row: readonly CellValue[], v: ResolvedVendor): string | undefined {
    const text = this.text(row, "invoiceKind") ?? this.options.defaults?.invoiceKind;
    return text === undefined ? undefined : remembered(this.kindIds, v.profile, text, invoiceKindId);
  }

  /**
   * The register column a row's payment term counts from, when the term counts from receipt,
   * delivery or the order (the legal default: delivery or performance) and the register maps that
   * column; undefined otherwise (a kind the vendor lacks included: the computation says so).
   */
  termStartField(row: readonly CellValue[], v: ResolvedVendor): FieldId | undefined {
    let start: TermStart | undefined;
    try {
      start = termStart(findInvoiceKind(v.profile, this.kindFor(row, v)).term);
    } catch (e) {
      if (isEngineError(e)) return undefined;
      throw e;
    }
    const field = start === undefined ? undefined : START_FIELDS[start];
    return field !== undefined && this.options.mapping[field] !== undefined ? field : undefined;
  }

  /**
   * The date a row's payment term counts from: the register's « Date de réception », « Date de
   * livraison » or « Date de commande » when the term counts from it and the cell is filled, else
   * the invoice date (required then), standing in for it.
   */
  termStartDate(row: readonly CellValue[], v: ResolvedVendor, kind: string | undefined): TermStartDate {
    const term = findInvoiceKind(v.profile, kind).term;
    const wanted = termStart(term);
    const legalDefault = term.kind === "legal-default";
    const field = wanted === undefined ? undefined : START_FIELDS[wanted];
    if (wanted !== undefined && field !== undefined && this.options.mapping[field] !== undefined) {
      const date = this.date(row, field);
      if (date !== undefined) return { date, wanted, counted: wanted, legalDefault };
    }
    return {
      date: this.requiredDate(row, "invoiceDate"),
      wanted,
      counted: wanted === undefined ? undefined : "invoice",
      legalDefault,
    };
  }

  planFor(row: readonly CellValue[], v: ResolvedVendor): string | undefined {
    const text = this.text(row, "plan") ?? this.options.defaults?.plan;
    return text === undefined ? undefined : remembered(this.planIds, v.profile, text, planId);
  }

  /** The row's error message: « Ligne 14, colonne « Date facture » : … ». */
  errorMessage(p: RowProblem, index: number): string {
    const n = this.rowNumber(index);
    if (p.field !== undefined && this.options.mapping[p.field] !== undefined)
      return ROW_PROBLEM.inColumn(n, this.columnName(p.field), p.text)[this.lang];
    return ROW_PROBLEM.inRow(n, p.text)[this.lang];
  }
}

/** `read(profile, text)`, remembered per profile and text (a pure reading of immutable terms). */
function remembered(
  memo: Map<VendorProfile, Map<string, string>>,
  profile: VendorProfile,
  text: string,
  read: (profile: VendorProfile, text: string) => string,
): string {
  let byText = memo.get(profile);
  if (!byText) memo.set(profile, (byText = new Map()));
  let id = byText.get(text);
  if (id === undefined) {
    id = read(profile, text);
    // A register of many distinct words (free text in the column) is not held whole.
    if (byText.size >= 1000) byText.clear();
    byText.set(text, id);
  }
  return id;
}
