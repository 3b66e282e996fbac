import {
  findInvoiceKind,
  findPlan,
  formatCitation,
  formatIsoDay,
  type Citation,
  type Day,
  type Language,
  type Text,
} from "../engine";
import { isBlank, serialToDay } from "../input/cell-values";
import { formatDate, formatMoney, type Applier, type CellValue } from "../apply";
import type { CalendarEvent } from "./ics";

/**
 * The coming deadlines of a register as calendar events: each unpaid invoice's due date, each
 * subscription's notice deadline (or, once notice was given, its end date), on or after the as-of
 * date. The description names the vendor, the row's reference and the clause the date comes from.
 */

export type DeadlineKind = "due-date" | "notice-deadline" | "contract-end";

export interface RegisterEvent extends CalendarEvent {
  readonly kind: DeadlineKind;
  /** Sheet row number of the register row. */
  readonly row: number;
}

export interface RegisterEventOptions {
  /** Domain used in UIDs (default "echeance.invalid", a reserved name: never a real host). */
  readonly uidDomain?: string;
  /** Name of the workbook or register, shown in descriptions and used in UIDs. */
  readonly source?: string;
}

const KIND_TEXT: Record<DeadlineKind, { en: string; fr: string }> = {
  "due-date": { en: "Payment due", fr: "Échéance de paiement" },
  "notice-deadline": { en: "Notice deadline", fr: "Date limite de préavis" },
  "contract-end": { en: "Contract ends", fr: "Fin de contrat" },
};

/** Letters, digits and dashes only, accents dropped: a UID part. */
function slug(text: string): string {
  const s = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return s === "" ? "x" : s.slice(0, 60);
}

function cellText(v: CellValue | undefined): string | undefined {
  return isBlank(v) ? undefined : String(v).trim();
}

/** The events' words, in French and English. */
const EVENT_TEXT = {
  fields: {
    vendor: { en: "Vendor", fr: "Fournisseur" },
    reference: { en: "Reference", fr: "Référence" },
    client: { en: "Client", fr: "Client" },
    clause: { en: "Clause", fr: "Clause" },
    amount: { en: "Amount", fr: "Montant" },
    date: { en: "Date", fr: "Date" },
    status: { en: "Status", fr: "Statut" },
  },
  separator: { en: ": ", fr: " : " },
  typedDueDate: { en: "due date typed in the register", fr: "échéance saisie dans le registre" },
  row: (n: number): Text => ({ en: `row ${n}`, fr: `ligne ${n}` }),
  computed: (asOf: Day, source: string | undefined, n: number): Text => ({
    en: `Computed by Échéance as of ${formatDate(asOf, "en")}${source ? `, ${source}` : ""}, row ${n}.`,
    fr: `Calculé par Échéance, arrêté au ${formatDate(asOf, "fr")}${source ? `, ${source}` : ""}, ligne ${n}.`,
  }),
} as const;

function citations(c: readonly Citation[]): string {
  return c.map(formatCitation).join(", ");
}

/** The events of the rows' pending deadlines on or after the applier's as-of date, in row order. */
export function registerEvents(
  applier: Applier,
  rows: readonly (readonly CellValue[])[],
  options: RegisterEventOptions = {},
): RegisterEvent[] {
  const lang: Language = applier.lang;
  const field = (name: keyof typeof EVENT_TEXT.fields, value: string): string =>
    `${EVENT_TEXT.fields[name][lang]}${EVENT_TEXT.separator[lang]}${value}`;
  const domain = options.uidDomain ?? "echeance.invalid";
  const events: RegisterEvent[] = [];
  const uids = new Map<string, number>();
  rows.forEach((row, i) => {
    const r = applier.computeRow(row, i);
    if (r.nextDeadline === undefined || r.state === "error" || r.state === "blank") return;
    const date = serialToDay(r.nextDeadline);
    if (date < applier.asOf) return;
    const vendor = applier.vendorFor(row);
    const n = applier.rowNumber(i);
    const reference = cellText(applier.cell(row, "reference"));
    const client = cellText(applier.cell(row, "client"));
    let kind: DeadlineKind;
    let clause: string;
    let amountLine: string | undefined;
    if (applier.mode === "invoices") {
      kind = "due-date";
      if (!isBlank(applier.cell(row, "dueDate"))) clause = EVENT_TEXT.typedDueDate[lang];
      else {
        const invoiceKind = findInvoiceKind(vendor.profile, applier.kindFor(row, vendor));
        clause = `${citations(invoiceKind.clause)} (${invoiceKind.label[lang]})`;
      }
      const amount = applier.cell(row, "amount");
      if (typeof amount === "number") amountLine = field("amount", formatMoney(amount, lang));
    } else {
      const { plan } = findPlan(vendor.profile, applier.planFor(row, vendor));
      kind = r.state === "notice-given" ? "contract-end" : "notice-deadline";
      clause = `${citations(plan.clause)} (${plan.label[lang]})`;
    }
    const who = reference ?? EVENT_TEXT.row(n)[lang];
    const summary = `${KIND_TEXT[kind][lang]} — ${who} (${vendor.profile.name})`;
    const description = [
      field("vendor", `${vendor.profile.legalName} (${vendor.spec})`),
      field("reference", reference ?? "—"),
      ...(client !== undefined ? [field("client", client)] : []),
      field("clause", clause),
      ...(amountLine !== undefined ? [amountLine] : []),
      field("date", formatDate(date, lang)),
      field("status", r.status),
      EVENT_TEXT.computed(applier.asOf, options.source, n)[lang],
    ].join("\n");
    const base = [
      "echeance",
      slug(options.source ?? "register"),
      vendor.profile.id,
      kind,
      reference !== undefined ? slug(reference) : `row-${n}`,
    ].join("-");
    const seen = uids.get(base) ?? 0;
    uids.set(base, seen + 1);
    const uid = `${seen === 0 ? base : `${base}-${seen + 1}`}@${domain}`;
    events.push({ uid, date, summary, description, category: "Échéance", kind, row: n });
  });
  return events;
}

/** ISO date of an event, for messages. */
export function eventDateIso(e: { readonly date: Day }): string {
  return formatIsoDay(e.date);
}
