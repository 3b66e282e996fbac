import type { OutputColumn, OutputColumnId, OutputRow, OutputValue, RegisterMode } from "./types";

/**
 * The new columns the core writes, per mode, in order. The status is last of a mode's columns; an
 * invoice register that records its letters gets recovery's two after it (`runColumns`).
 */
export const OUTPUT_COLUMNS: readonly OutputColumn[] = [
  { id: "dueDate", header: { en: "Due date (terms)", fr: "Échéance (CGV)" }, format: "date" },
  { id: "daysLate", header: { en: "Days late", fr: "Jours de retard" }, format: "integer" },
  { id: "interest", header: { en: "Late interest", fr: "Intérêts de retard" }, format: "money" },
  { id: "recoveryFee", header: { en: "Recovery fee", fr: "Indemnité de recouvrement" }, format: "money" },
  { id: "totalPenalty", header: { en: "Total penalties", fr: "Total pénalités" }, format: "money" },
  { id: "renewalDate", header: { en: "Next renewal", fr: "Prochain renouvellement" }, format: "date" },
  { id: "noticeDeadline", header: { en: "Notice deadline", fr: "Date limite de préavis" }, format: "date" },
  {
    id: "daysToNotice",
    header: { en: "Days left to give notice", fr: "Jours restants avant préavis" },
    format: "integer",
  },
  { id: "endDate", header: { en: "End date if notice given", fr: "Fin si préavis donné" }, format: "date" },
  { id: "status", header: { en: "Status", fr: "Statut" }, format: "text" },
  { id: "lastReminder", header: { en: "Last reminder", fr: "Dernière relance" }, format: "text" },
  { id: "nextAction", header: { en: "Next action", fr: "Prochaine action" }, format: "text" },
];

const INVOICE_IDS: readonly OutputColumnId[] = [
  "dueDate",
  "daysLate",
  "interest",
  "recoveryFee",
  "totalPenalty",
  "status",
];
const SUBSCRIPTION_IDS: readonly OutputColumnId[] = [
  "renewalDate",
  "noticeDeadline",
  "daysToNotice",
  "endDate",
  "status",
];

/** The output columns of a mode, in the order their values come in a row. */
export function outputColumns(mode: RegisterMode): OutputColumn[] {
  const ids = mode === "invoices" ? INVOICE_IDS : SUBSCRIPTION_IDS;
  return ids.map((id) => OUTPUT_COLUMNS.find((c) => c.id === id) as OutputColumn);
}

/** How an invoice register takes part in recovery, for the columns Apply writes. */
export interface LetterTracking {
  /** The register has a « Dernière relance » column: « Prochaine action » is written beside it. */
  readonly tracked: boolean;
  /** This run records letters as sent: « Dernière relance » is written too (in place, or added). */
  readonly recording: boolean;
}

/**
 * A run's output columns, in the order their values come: the mode's, then — for an invoice register
 * that records its letters — « Dernière relance » when this run records some, and « Prochaine
 * action ». A register that does not record letters gets exactly the mode's columns, as before.
 */
export function runColumns(mode: RegisterMode, letters: LetterTracking): OutputColumn[] {
  const columns = outputColumns(mode);
  if (mode !== "invoices" || !(letters.tracked || letters.recording)) return columns;
  const extra: OutputColumnId[] = letters.recording ? ["lastReminder", "nextAction"] : ["nextAction"];
  return [...columns, ...extra.map((id) => OUTPUT_COLUMNS.find((c) => c.id === id) as OutputColumn)];
}

/** Excel number formats for the output formats (French-style money and dd/mm/yyyy dates). */
export const NUMBER_FORMATS = {
  date: "dd/mm/yyyy",
  money: '#,##0.00 "€"',
  integer: "0",
  text: "@",
} as const;

/** A row's values in the order of `columns` (blank where the row has none): what a positional table holds. */
export function inColumnOrder(
  columns: readonly { readonly id: OutputColumnId }[],
  row: OutputRow,
): OutputValue[] {
  return columns.map((c) => row[c.id] ?? "");
}
