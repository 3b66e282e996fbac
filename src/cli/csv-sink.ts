import { createWriteStream, promises as fs, type WriteStream } from "node:fs";
import { once } from "node:events";
import { fieldInfo, formatDate, type CellValue, type ColumnMapping, type OutputFormat } from "../apply";
import { cellValue, type ApplySink, type OutputCell, type PlannedColumn, type SinkPlan } from "../write";
import { serialToDay } from "../input/cell-values";
import { csvNumber, type Language } from "../engine";
import { csvField } from "./register-io";

/**
 * Apply's sink for a CSV output: the register's columns, with the planned columns written in place or
 * appended, row after row (a streamed write: memory stays flat). Dates are written as dd/mm/yyyy —
 * the new columns' and the register's own date columns' — never Excel serials; amounts with a decimal
 * comma in French. UTF-8 with a BOM, which Excel reads. Notes, highlighting and a reference sheet do
 * not exist in CSV: the sink says it could not add them.
 */
export class CsvSink implements ApplySink {
  private out: WriteStream | undefined;
  private plan: SinkPlan | undefined;
  private byColumn = new Map<number, PlannedColumn>();
  private dateInputs = new Set<number>();
  private width = 0;
  private failure: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly register: {
      readonly headers: readonly CellValue[];
      /** The data rows, in order, as read (the CSV repeats them beside the results). */
      readonly rows: readonly (readonly CellValue[])[];
      readonly mapping: ColumnMapping;
      readonly separator: string;
    },
    private readonly lang: Language,
  ) {}

  async begin(plan: SinkPlan): Promise<void> {
    if (plan.write !== "values") throw new Error("a CSV output holds values only");
    this.plan = plan;
    const first = plan.place.firstColumn;
    for (const c of plan.columns) this.byColumn.set(c.column - first, c);
    for (const [field, index] of Object.entries(this.register.mapping))
      if (index !== undefined && fieldInfo(field as keyof ColumnMapping).kind === "date")
        this.dateInputs.add(index);
    this.width = Math.max(this.register.headers.length, ...plan.columns.map((c) => c.column - first + 1));
    this.out = createWriteStream(this.file, { encoding: "utf8" });
    this.out.on("error", (e) => (this.failure = e));
    const header = Array.from(
      { length: this.width },
      (_, i) => this.byColumn.get(i)?.header ?? text(this.register.headers[i]),
    );
    await this.line(`\ufeff${this.join(header)}`);
  }

  async addReferenceSheet(): Promise<void> {
    throw new Error("a CSV output has no reference sheet");
  }

  async writeRows(start: number, rows: readonly (readonly OutputCell[])[]): Promise<void> {
    const plan = this.plan as SinkPlan;
    const parts: string[] = [];
    rows.forEach((cells, k) => {
      const input = this.register.rows[start + k] ?? [];
      const line: string[] = new Array<string>(this.width);
      for (let i = 0; i < this.width; i++) {
        const planned = this.byColumn.get(i);
        if (planned) {
          const j = plan.columns.indexOf(planned);
          line[i] = outputText(cellValue(cells[j] ?? ""), planned.format, this.lang);
        } else {
          const v = input[i];
          line[i] =
            typeof v === "number" && this.dateInputs.has(i) ? formatDate(serialToDay(v), this.lang) : text(v);
        }
      }
      parts.push(this.join(line));
    });
    if (parts.length > 0) await this.line(parts.join("\r\n"));
  }

  interruption(): undefined {
    return undefined;
  }

  async addNote(): Promise<boolean> {
    return false;
  }

  async highlight(): Promise<boolean> {
    return false;
  }

  async finish(completed: boolean): Promise<void> {
    const out = this.out;
    if (out) {
      out.end();
      await once(out, "close");
    }
    if (this.failure) throw this.failure;
    if (!completed) await fs.rm(this.file, { force: true });
  }

  private join(cells: readonly string[]): string {
    return cells.map((c) => csvField(c, this.register.separator)).join(this.register.separator);
  }

  private async line(textLine: string): Promise<void> {
    if (this.failure) throw this.failure;
    const out = this.out as WriteStream;
    if (!out.write(`${textLine}\r\n`)) await once(out, "drain");
  }
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * An output value as CSV text: dates dd/mm/yyyy (what a French spreadsheet reads back as a date, in
 * either language), money with a decimal comma in French and no thousands separator.
 */
export function outputText(value: string | number, format: OutputFormat, lang: Language): string {
  if (value === "" || typeof value === "string") return value;
  if (format === "date") return formatDate(serialToDay(value), "fr");
  if (format === "money") return csvNumber(value, lang, 2);
  return String(value);
}
