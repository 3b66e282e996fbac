/**
 * Renders a human-readable snapshot of what the engine computes for one vendor: sample invoices,
 * late payments, subscriptions, clause deadlines and amounts. The files live in docs/vendors/<id>.md
 * and a test compares them with the engine's current output, so a change of behaviour shows in a diff
 * (docs/conventions.md#terms-as-data). Regenerate with UPDATE_VENDOR_SNAPSHOTS=1.
 */
import {
  clauseAmount,
  deadline,
  dueDate,
  endDate,
  formatCitation,
  formatIsoDay,
  halfYearStart,
  isEngineError,
  iso,
  latePayment,
  noticeDeadline,
  parseHalfYear,
  penaltyRate,
  renewalDate,
  resolveVendor,
  terminationFee,
  type Citation,
  type ClientType,
  type Day,
  type Decimal,
  type VendorProfile,
} from "../../src/engine";
import { dec, lateInput } from "./helpers";

const cites = (c: readonly Citation[]): string => c.map(formatCitation).join("; ");
const pct = (fraction: Decimal): string => `${fraction.times(100).toDecimalPlaces(4).toString()} %`;

/** Error messages met while rendering one section, listed under its table as numbered notes. */
let errors: string[] = [];

function errorCell(e: unknown): string {
  if (!isEngineError(e)) throw e;
  const message = `${e.kind}: ${e.text.en}`;
  if (!errors.includes(message)) errors.push(message);
  return `${e.kind} (note ${errors.indexOf(message) + 1})`;
}

/** A cell: the value, or the error kind with a note number. */
function cell(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    return errorCell(e);
  }
}

/** A section's table followed by the notes for the errors met while computing it. */
function section(render: () => string): string {
  errors = [];
  const body = render();
  const notes = errors.map((m, i) => `${i + 1}. ${m}`);
  return notes.length ? `${body}\n\nNotes:\n\n${notes.join("\n")}` : body;
}

function table(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

function dateTime(value: number): string {
  const day = Math.floor(value) as Day;
  const minutes = Math.round((value - day) * 24 * 60);
  if (minutes === 0) return formatIsoDay(day);
  return `${formatIsoDay(day)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const INVOICE_DATES = ["2024-01-30", "2024-01-31", "2025-01-31", "2025-02-15", "2025-06-20", "2025-12-25"];

function dueDates(profile: VendorProfile): string {
  const methods = profile.invoiceKinds.some((k) => k.term.kind === "days-end-of-month")
    ? ["", "+eom-then-days"]
    : [""];
  const rows: string[][] = [];
  for (const kind of profile.invoiceKinds) {
    for (const option of methods) {
      const { settings } = resolveVendor(profile.id + option);
      const label = option && kind.term.kind === "days-end-of-month" ? `${kind.id} (eom-then-days)` : kind.id;
      if (option && kind.term.kind !== "days-end-of-month") continue;
      rows.push([
        label,
        ...INVOICE_DATES.map((d) => cell(() => formatIsoDay(dueDate(profile, iso(d), kind.id, settings)))),
        cites(kind.clause),
      ]);
    }
  }
  return table(["invoice kind", ...INVOICE_DATES.map((d) => `invoiced ${d}`), "clause"], rows);
}

function rates(profile: VendorProfile): string {
  const { settings } = resolveVendor(profile.id);
  const halfYears = ["2023-H1", "2023-H2", "2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2"];
  const rows: string[][] = [];
  for (const client of profile.clients) {
    for (const hy of halfYears) {
      const day = halfYearStart(parseHalfYear(hy) as number);
      rows.push([
        client,
        hy,
        ...(() => {
          try {
            const r = penaltyRate(profile, day, client, settings);
            return [
              pct(r.contractual),
              r.floor ? pct(r.floor) : "none",
              pct(r.applied),
              r.floorBound ? "yes" : "no",
            ];
          } catch (e) {
            return [errorCell(e), "", "", ""];
          }
        })(),
      ]);
    }
  }
  return table(
    ["client", "half-year", "contractual rate", "floor (3 × legal rate)", "applied", "floor binds"],
    rows,
  );
}

const LATE_CASES: {
  amount: string;
  due: string;
  paid: string;
  note: string;
  payments?: [string, string][];
  costs?: string;
}[] = [
  { amount: "1000", due: "2025-03-31", paid: "2025-03-31", note: "paid on the due date" },
  { amount: "1000", due: "2025-03-31", paid: "2025-04-01", note: "one day late" },
  { amount: "2500", due: "2025-01-31", paid: "2025-03-02", note: "30 days late, 2025-H1" },
  { amount: "8000", due: "2024-06-15", paid: "2024-07-15", note: "across 1 July 2024" },
  { amount: "10000", due: "2025-05-31", paid: "2025-08-14", note: "across 1 July 2025" },
  {
    amount: "2000",
    due: "2025-03-01",
    paid: "2025-03-31",
    note: "1000 paid on 2025-03-11",
    payments: [["2025-03-11", "1000"]],
  },
  { amount: "2500", due: "2025-01-31", paid: "2025-03-02", note: "justified costs 55 €", costs: "55" },
  { amount: "1000", due: "2026-06-30", paid: "2026-07-10", note: "into 2026-H2 (no legal rate shipped)" },
];

function latePayments(profile: VendorProfile): string {
  const specs = [
    profile.id,
    ...(profile.latePayment.flatAlternative
      ? [`${profile.id}+${profile.latePayment.flatAlternative.option}`]
      : []),
  ];
  const rows: string[][] = [];
  for (const spec of specs) {
    const { settings } = resolveVendor(spec);
    for (const client of profile.clients as readonly ClientType[]) {
      for (const c of LATE_CASES) {
        const input = lateInput(c.amount, c.due, c.paid, {
          client,
          ...(c.payments
            ? { payments: c.payments.map(([date, amount]) => ({ date: iso(date), amount: dec(amount) })) }
            : {}),
          ...(c.costs ? { recoveryCosts: c.costs } : {}),
        });
        let result: string[];
        try {
          const r = latePayment(profile, input, settings);
          result = [String(r.daysLate), r.interest.toFixed(2), r.recoveryFee.toFixed(2), r.total.toFixed(2)];
        } catch (e) {
          result = [errorCell(e), "", "", ""];
        }
        rows.push([spec, client, c.amount, c.due, c.paid, c.note, ...result]);
      }
    }
  }
  return table(
    ["vendor", "client", "amount", "due", "paid / as of", "case", "days late", "interest", "fee", "total"],
    rows,
  );
}

const SUBSCRIPTIONS: { start: string; asOf: string; addition?: string }[] = [
  { start: "2023-09-01", asOf: "2025-05-20" },
  { start: "2023-09-01", asOf: "2025-07-02" },
  { start: "2023-09-01", asOf: "2025-06-20", addition: "2025-06-15" },
  { start: "2023-09-01", asOf: "2025-06-20", addition: "2025-05-31" },
  { start: "2024-02-29", asOf: "2024-06-01" },
  { start: "2024-10-15", asOf: "2025-04-12" },
  { start: "2025-02-10", asOf: "2025-09-01" },
  { start: "2025-05-31", asOf: "2026-05-20" },
];

function subscriptions(profile: VendorProfile): string {
  const s = profile.subscription;
  if (s.kind === "none")
    return `Not applicable: ${s.reason.en}${s.clause.length > 0 ? ` (${cites(s.clause)})` : ""}`;
  const rows: string[][] = [];
  for (const plan of s.plans) {
    for (const c of SUBSCRIPTIONS) {
      if (c.addition && !s.additionRule) continue;
      const q = {
        start: iso(c.start),
        planId: plan.id,
        lastAddition: c.addition ? iso(c.addition) : undefined,
      };
      const asOf = iso(c.asOf);
      rows.push([
        plan.id,
        c.start,
        c.addition ?? "",
        c.asOf,
        cell(() => formatIsoDay(renewalDate(profile, q, asOf))),
        cell(() => formatIsoDay(noticeDeadline(profile, q, asOf).deadline)),
        cell(() => formatIsoDay(endDate(profile, q, asOf).end)),
        // TERMINATIONFEE takes no addition date: shown only for the plain rows.
        c.addition
          ? ""
          : cell(() =>
              terminationFee(profile, { start: q.start, planId: plan.id }, asOf, dec(100)).fee.toFixed(2),
            ),
      ]);
    }
  }
  return table(
    [
      "plan",
      "start",
      "product added",
      "as of / notice / termination",
      "renewal date",
      "notice deadline",
      "end date for a notice that day",
      "termination fee at 100 €/month",
    ],
    rows,
  );
}

function deadlines(profile: VendorProfile): string {
  if (profile.deadlines.length === 0) return "No clause deadline.";
  const froms = ["2025-04-28", "2025-12-19"];
  const rows: string[][] = [];
  for (const rule of profile.deadlines) {
    const unit = `${rule.period.amount} ${rule.period.unit} ${rule.direction}${rule.extendToNextWorkingDay ? ", extended to a working day" : ""}`;
    const values = froms.flatMap((f) =>
      ["", "+alsace-moselle"].map((option) =>
        cell(() => {
          const { settings } = resolveVendor(profile.id + option);
          const from = rule.period.unit === "hours" ? iso(f) + 9 / 24 : iso(f);
          return dateTime(deadline(profile, rule.id, from, settings));
        }),
      ),
    );
    rows.push([rule.id, unit, ...values, cites(rule.clause)]);
  }
  const head = froms.flatMap((f) => [`from ${f}`, `from ${f} (Alsace-Moselle)`]);
  return `Hour periods start at 09:00 on the given day.\n\n${table(["event", "period", ...head, "clause"], rows)}`;
}

function amounts(profile: VendorProfile): string {
  if (profile.amounts.length === 0) return "No amount clause besides late payment.";
  const rows = profile.amounts.flatMap((a) => {
    if (a.kind === "percent")
      return [
        [
          a.id,
          `${a.percent} % of ${a.of.en}`,
          "1000",
          "",
          cell(() => clauseAmount(profile, a.id, dec(1000), {}).toFixed(2)),
          cites(a.clause),
        ],
      ];
    return ["2025-04-15", "2025-04-16", "2025-05-15", "2025-07-15"].map((to) => [
      a.id,
      `${a.percent} % per completed ${a.periodMonths}-month period of ${a.of.en}`,
      "1000",
      `2025-01-15 → ${to}`,
      cell(() => clauseAmount(profile, a.id, dec(1000), { from: iso("2025-01-15"), to: iso(to) }).toFixed(2)),
      cites(a.clause),
    ]);
  });
  return table(["clause", "rule", "base", "dates", "amount", "citation"], rows);
}

function notes(profile: VendorProfile): string {
  const lines = [
    ...profile.interpretations.map(
      (i) =>
        `- Interpretation \`${i.id}\` (${cites(i.clause)}): ${i.text.en}${i.alternative ? ` Other reading: ${i.alternative.en}` : ""}`,
    ),
    ...profile.contradictions.map((c) => `- Contradiction \`${c.id}\` (${cites(c.clause)}): ${c.text.en}`),
  ];
  return lines.length ? lines.join("\n") : "None.";
}

export function renderVendorSnapshot(profile: VendorProfile): string {
  return [
    `# ${profile.name}: what the engine computes`,
    "",
    `<!-- Generated by test/engine/vendor-snapshot.ts; do not edit. Regenerate with UPDATE_VENDOR_SNAPSHOTS=1 ECHEANCE_SKIP_BUILD=1 npx jest test/engine/vendor-snapshots -->`,
    "",
    `${profile.legalName}. ${profile.business.en}. Terms: ${profile.document.title} (${profile.document.short}${profile.document.seed ? `, seed ${profile.document.seed}` : ""}, version ${profile.document.version}); profile ${profile.profileVersion}. Clients: ${profile.clients.join(", ")}.${profile.invoiceNames?.length ? ` Invoice names: ${profile.invoiceNames.join(", ")}.` : ""}`,
    "",
    "## Payment due dates",
    "",
    section(() => dueDates(profile)),
    "",
    "## Late-payment rate per half-year",
    "",
    `Rule: ${cites(profile.latePayment.clause)}; floor ${profile.latePayment.floor}; base ${profile.latePayment.base}; recovery fee ${profile.latePayment.recoveryFee.amount} €.`,
    "",
    section(() => rates(profile)),
    "",
    "## Late payments",
    "",
    section(() => latePayments(profile)),
    "",
    "## Subscriptions",
    "",
    section(() => subscriptions(profile)),
    "",
    "## Clause deadlines",
    "",
    section(() => deadlines(profile)),
    "",
    "## Amount clauses",
    "",
    section(() => amounts(profile)),
    "",
    "## Interpretations and contradictions",
    "",
    notes(profile),
    "",
  ].join("\n");
}
