import { EngineError } from "./errors";
import type {
  AmountClause,
  ClientType,
  DeadlineRule,
  InvoiceKind,
  LatePaymentRule,
  PaymentTerm,
  PenaltyRate,
  Plan,
  SubscriptionTerms,
  VendorProfile,
} from "./profile";
import { PERIOD_UNITS, TERM_STARTS, type TermStart } from "./profile";
import type { Citation, Text } from "./text";

/**
 * Validation of vendor profiles that come from outside the code (workbooks, JSON files): every
 * field is checked and copied into a fresh object, so nothing unexpected (extra keys, `__proto__`,
 * getters) survives. Errors name the JSON path and what was expected.
 */

export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

class Checker {
  readonly issues: SchemaIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  object(v: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return this.fail(path, "expected an object");
    return v as Record<string, unknown>;
  }

  array(v: unknown, path: string, max = 500): unknown[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, "expected an array");
    if (v.length > max) return this.fail(path, `expected at most ${max} entries, got ${v.length}`);
    return v;
  }

  string(v: unknown, path: string, max = 2000): string | undefined {
    if (typeof v !== "string") return this.fail(path, "expected a string");
    if (v.length > max) return this.fail(path, `expected at most ${max} characters`);
    return v;
  }

  id(v: unknown, path: string): string | undefined {
    const s = this.string(v, path, 40);
    if (s === undefined) return undefined;
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(s))
      return this.fail(
        path,
        `"${s}" is not an id: lowercase letters, digits and dashes, starting with a letter`,
      );
    return s;
  }

  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== "number" || !Number.isInteger(v)) return this.fail(path, "expected a whole number");
    if (v < min || v > max) return this.fail(path, `expected a number from ${min} to ${max}, got ${v}`);
    return v;
  }

  decimalText(v: unknown, path: string): string | undefined {
    const s = typeof v === "number" && Number.isFinite(v) ? String(v) : v;
    if (typeof s !== "string" || !/^\d{1,7}(\.\d{1,6})?$/.test(s))
      return this.fail(path, 'expected a non-negative decimal number such as "40" or "10.5"');
    return s;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T | undefined {
    if (typeof v !== "string" || !(values as readonly string[]).includes(v))
      return this.fail(path, `expected one of ${values.map((x) => `"${x}"`).join(", ")}`);
    return v as T;
  }

  text(v: unknown, path: string): Text | undefined {
    if (typeof v === "string") return this.string(v, path) === undefined ? undefined : { en: v, fr: v };
    const o = this.object(v, path);
    if (!o) return undefined;
    const en = this.string(o.en, `${path}.en`);
    const fr = this.string(o.fr, `${path}.fr`);
    return en !== undefined && fr !== undefined ? { en, fr } : undefined;
  }

  optionalText(v: unknown, path: string): { note?: Text } {
    if (v === undefined) return {};
    const t = this.text(v, path);
    return t ? { note: t } : {};
  }

  citations(v: unknown, path: string): Citation[] | undefined {
    const list = this.array(v, path, 20);
    if (!list) return undefined;
    const out: Citation[] = [];
    list.forEach((item, i) => {
      const o = this.object(item, `${path}[${i}]`);
      if (!o) return;
      const document = this.string(o.document, `${path}[${i}].document`, 200);
      const article = this.string(o.article, `${path}[${i}].article`, 100);
      if (document !== undefined && article !== undefined) out.push({ document, article });
    });
    return out;
  }

  uniqueIds(items: readonly { id: string }[], path: string): void {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) this.fail(path, `id "${item.id}" appears twice`);
      seen.add(item.id);
    }
  }
}

/** `from`: what the term counts from, absent for the invoice date. */
function termStart(c: Checker, v: unknown, path: string): { from?: TermStart } | undefined {
  if (v === undefined) return {};
  const from = c.oneOf(v, path, TERM_STARTS);
  return from === undefined ? undefined : { from };
}

function paymentTerm(c: Checker, v: unknown, path: string): PaymentTerm | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const kind = c.oneOf(o.kind, `${path}.kind`, [
    "on-invoice",
    "days",
    "days-end-of-month",
    "day-of-month",
    "legal-default",
  ] as const);
  if (kind === "legal-default") return { kind };
  const from = kind === undefined ? undefined : termStart(c, o.from, `${path}.from`);
  if (from === undefined) return undefined;
  switch (kind) {
    case "on-invoice":
      return { kind, ...from };
    case "days": {
      const days = c.integer(o.days, `${path}.days`, 0, 366);
      return days === undefined ? undefined : { kind, days, ...from };
    }
    case "day-of-month": {
      const day = c.integer(o.day, `${path}.day`, 1, 31);
      const monthsAfter = c.integer(o.monthsAfter, `${path}.monthsAfter`, 0, 12);
      return day === undefined || monthsAfter === undefined ? undefined : { kind, day, monthsAfter, ...from };
    }
    case "days-end-of-month": {
      const days = c.integer(o.days, `${path}.days`, 0, 366);
      const dayOfMonth =
        o.dayOfMonth === undefined ? undefined : c.integer(o.dayOfMonth, `${path}.dayOfMonth`, 1, 31);
      const cap =
        o.capDaysEndOfMonth === undefined
          ? undefined
          : c.integer(o.capDaysEndOfMonth, `${path}.capDaysEndOfMonth`, 0, 366);
      if (days === undefined) return undefined;
      return {
        kind,
        days,
        ...(dayOfMonth !== undefined ? { dayOfMonth } : {}),
        ...(cap !== undefined ? { capDaysEndOfMonth: cap } : {}),
        ...from,
      };
    }
    default:
      return undefined;
  }
}

function invoiceKind(c: Checker, v: unknown, path: string): InvoiceKind | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const label = c.text(o.label, `${path}.label`);
  const term = paymentTerm(c, o.term, `${path}.term`);
  const clause = c.citations(o.clause ?? [], `${path}.clause`);
  if (id === undefined || !label || !term || !clause) return undefined;
  return { id, label, term, clause, ...c.optionalText(o.note, `${path}.note`) };
}

function penaltyRate(c: Checker, v: unknown, path: string): PenaltyRate | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const kind = c.oneOf(o.kind, `${path}.kind`, ["legal-multiple", "ecb-plus", "fixed"] as const);
  if (kind === "legal-multiple") {
    const factor = c.integer(o.factor, `${path}.factor`, 1, 20);
    return factor === undefined ? undefined : { kind, factor };
  }
  if (kind === "ecb-plus") {
    const points = c.decimalText(o.points, `${path}.points`);
    return points === undefined ? undefined : { kind, points };
  }
  if (kind === "fixed") {
    const annualPercent = c.decimalText(o.annualPercent, `${path}.annualPercent`);
    return annualPercent === undefined ? undefined : { kind, annualPercent };
  }
  return undefined;
}

function latePayment(c: Checker, v: unknown, path: string): LatePaymentRule | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const rate = penaltyRate(c, o.rate, `${path}.rate`);
  const floor = c.oneOf(o.floor, `${path}.floor`, ["statutory", "contractual", "none"] as const);
  const base = c.oneOf(o.base ?? "invoice-amount", `${path}.base`, [
    "invoice-amount",
    "amount-incl-vat",
    "sum-due",
  ] as const);
  const fee = c.object(o.recoveryFee, `${path}.recoveryFee`);
  const feeAmount = fee ? c.decimalText(fee.amount, `${path}.recoveryFee.amount`) : undefined;
  const justified =
    fee && typeof fee.justifiedCostsAbove === "boolean"
      ? fee.justifiedCostsAbove
      : fee
        ? c.fail(`${path}.recoveryFee.justifiedCostsAbove`, "expected true or false")
        : undefined;
  const feeClause = fee ? c.citations(fee.clause ?? [], `${path}.recoveryFee.clause`) : undefined;
  const clause = c.citations(o.clause ?? [], `${path}.clause`);
  let flat: LatePaymentRule["flatAlternative"];
  if (o.flatAlternative !== undefined) {
    const f = c.object(o.flatAlternative, `${path}.flatAlternative`);
    const option = f ? c.id(f.option, `${path}.flatAlternative.option`) : undefined;
    const percent = f ? c.decimalText(f.percent, `${path}.flatAlternative.percent`) : undefined;
    const fc = f ? c.citations(f.clause ?? [], `${path}.flatAlternative.clause`) : undefined;
    if (option !== undefined && percent !== undefined && fc) flat = { option, percent, clause: fc };
  }
  if (!rate || !floor || !base || feeAmount === undefined || justified === undefined || !feeClause || !clause)
    return undefined;
  return {
    rate,
    floor,
    base,
    recoveryFee: { amount: feeAmount, justifiedCostsAbove: justified, clause: feeClause },
    clause,
    ...(flat ? { flatAlternative: flat } : {}),
    ...c.optionalText(o.note, `${path}.note`),
  };
}

function plan(c: Checker, v: unknown, path: string): Plan | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const label = c.text(o.label, `${path}.label`);
  const s = c.object(o.schedule, `${path}.schedule`);
  const anchor = s
    ? c.oneOf(s.anchor, `${path}.schedule.anchor`, ["start-date", "calendar-month"] as const)
    : undefined;
  const initialMonths = s ? c.integer(s.initialMonths, `${path}.schedule.initialMonths`, 1, 120) : undefined;
  const renewalMonths = s ? c.integer(s.renewalMonths, `${path}.schedule.renewalMonths`, 1, 120) : undefined;
  const n = c.object(o.notice, `${path}.notice`);
  const noticeAmount = n ? c.integer(n.amount, `${path}.notice.amount`, 0, 366) : undefined;
  const noticeUnit = n ? c.oneOf(n.unit, `${path}.notice.unit`, ["months", "days"] as const) : undefined;
  const end = c.oneOf(o.end, `${path}.end`, ["day-before-renewal", "end-of-calendar-month"] as const);
  const et = c.object(o.earlyTermination, `${path}.earlyTermination`);
  let earlyTermination: Plan["earlyTermination"] | undefined;
  if (et) {
    const kind = c.oneOf(et.kind, `${path}.earlyTermination.kind`, [
      "remaining-monthly-fees",
      "none",
      "not-priced",
    ] as const);
    const clause = c.citations(et.clause ?? [], `${path}.earlyTermination.clause`);
    if (kind === "remaining-monthly-fees") {
      const until = c.oneOf(et.until, `${path}.earlyTermination.until`, [
        "current-period-end",
        "initial-term-end",
      ] as const);
      if (until && clause) earlyTermination = { kind, until, clause };
    } else if (kind) {
      const reason = c.text(et.reason, `${path}.earlyTermination.reason`);
      if (reason && clause) earlyTermination = { kind, reason, clause };
    }
  }
  const clause = c.citations(o.clause ?? [], `${path}.clause`);
  const fee =
    o.monthlyFeeExclVat === undefined
      ? undefined
      : c.decimalText(o.monthlyFeeExclVat, `${path}.monthlyFeeExclVat`);
  if (id === undefined || !label || !anchor || initialMonths === undefined || renewalMonths === undefined)
    return undefined;
  if (noticeAmount === undefined || !noticeUnit || !end || !earlyTermination || !clause) return undefined;
  return {
    id,
    label,
    schedule: { anchor, initialMonths, renewalMonths },
    notice: { amount: noticeAmount, unit: noticeUnit },
    end,
    earlyTermination,
    clause,
    ...(fee !== undefined ? { monthlyFeeExclVat: fee } : {}),
    ...c.optionalText(o.note, `${path}.note`),
  };
}

function subscription(c: Checker, v: unknown, path: string): SubscriptionTerms | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const kind = c.oneOf(o.kind, `${path}.kind`, ["plans", "none"] as const);
  if (kind === "none") {
    const reason = c.text(o.reason, `${path}.reason`);
    const clause = c.citations(o.clause ?? [], `${path}.clause`);
    return reason && clause ? { kind, reason, clause } : undefined;
  }
  if (kind !== "plans") return undefined;
  const plans = (c.array(o.plans, `${path}.plans`, 50) ?? []).map((p, i) =>
    plan(c, p, `${path}.plans[${i}]`),
  );
  const valid = plans.filter((p): p is Plan => p !== undefined);
  c.uniqueIds(valid, `${path}.plans`);
  if (valid.length === 0) c.fail(`${path}.plans`, "expected at least one plan");
  const defaultPlan = c.id(o.defaultPlan, `${path}.defaultPlan`);
  if (defaultPlan !== undefined && valid.length > 0 && !valid.some((p) => p.id === defaultPlan))
    c.fail(`${path}.defaultPlan`, `"${defaultPlan}" is not one of the plans`);
  let additionRule: Extract<SubscriptionTerms, { kind: "plans" }>["additionRule"];
  if (o.additionRule !== undefined) {
    const a = c.object(o.additionRule, `${path}.additionRule`);
    const windowMonths = a
      ? c.integer(a.windowMonths, `${path}.additionRule.windowMonths`, 1, 24)
      : undefined;
    const renewalMonths = a
      ? c.integer(a.renewalMonths, `${path}.additionRule.renewalMonths`, 1, 120)
      : undefined;
    const clause = a ? c.citations(a.clause ?? [], `${path}.additionRule.clause`) : undefined;
    if (windowMonths !== undefined && renewalMonths !== undefined && clause)
      additionRule = { windowMonths, renewalMonths, clause };
  }
  if (defaultPlan === undefined || plans.some((p) => p === undefined)) return undefined;
  return { kind, defaultPlan, plans: valid, ...(additionRule ? { additionRule } : {}) };
}

function deadlineRule(c: Checker, v: unknown, path: string): DeadlineRule | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const label = c.text(o.label, `${path}.label`);
  const from = c.text(o.from, `${path}.from`);
  const p = c.object(o.period, `${path}.period`);
  const amount = p ? c.integer(p.amount, `${path}.period.amount`, 0, 10000) : undefined;
  const unit = p ? c.oneOf(p.unit, `${path}.period.unit`, PERIOD_UNITS) : undefined;
  const direction = c.oneOf(o.direction, `${path}.direction`, ["after", "before"] as const);
  const clause = c.citations(o.clause ?? [], `${path}.clause`);
  const extend =
    o.extendToNextWorkingDay === undefined
      ? false
      : o.extendToNextWorkingDay === true
        ? true
        : o.extendToNextWorkingDay === false
          ? false
          : c.fail(`${path}.extendToNextWorkingDay`, "expected true or false");
  if (
    id === undefined ||
    !label ||
    !from ||
    amount === undefined ||
    !unit ||
    !direction ||
    !clause ||
    extend === undefined
  )
    return undefined;
  return {
    id,
    label,
    from,
    period: { amount, unit },
    direction,
    clause,
    ...(extend ? { extendToNextWorkingDay: true } : {}),
    ...c.optionalText(o.note, `${path}.note`),
  };
}

function amountClause(c: Checker, v: unknown, path: string): AmountClause | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const id = c.id(o.id, `${path}.id`);
  const kind = c.oneOf(o.kind, `${path}.kind`, ["percent", "percent-per-completed-period"] as const);
  const label = c.text(o.label, `${path}.label`);
  const percent = c.decimalText(o.percent, `${path}.percent`);
  const of = c.text(o.of, `${path}.of`);
  const clause = c.citations(o.clause ?? [], `${path}.clause`);
  const note = c.optionalText(o.note, `${path}.note`);
  if (id === undefined || !kind || !label || percent === undefined || !of || !clause) return undefined;
  if (kind === "percent") return { id, kind, label, percent, of, clause, ...note };
  const periodMonths = c.integer(o.periodMonths, `${path}.periodMonths`, 1, 120);
  return periodMonths === undefined
    ? undefined
    : { id, kind, label, percent, periodMonths, of, clause, ...note };
}

/** The names a vendor's invoices use: at most 20, each a non-blank line of at most 100 characters. */
function names(c: Checker, v: unknown, path: string): string[] | undefined {
  const list = c.array(v, path, 20);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((item, i) => {
    const s = c.string(item, `${path}[${i}]`, 100);
    if (s === undefined) return;
    if (s.trim() === "" || /[\r\n]/.test(s))
      c.fail(`${path}[${i}]`, "expected a name on one line, not blank");
    else out.push(s.trim());
  });
  return out;
}

/** Validates and copies an untrusted vendor profile. Returns the issues, or the clean profile. */
export function checkProfile(
  input: unknown,
): { ok: true; profile: VendorProfile } | { ok: false; issues: SchemaIssue[] } {
  const c = new Checker();
  const o = c.object(input, "$");
  if (!o) return { ok: false, issues: c.issues };
  const id = c.id(o.id, "$.id");
  const name = c.string(o.name, "$.name", 100);
  const legalName = c.string(o.legalName ?? o.name, "$.legalName", 200);
  const invoiceNames = o.invoiceNames === undefined ? undefined : names(c, o.invoiceNames, "$.invoiceNames");
  const business = c.text(o.business ?? "", "$.business");
  const d = c.object(o.document, "$.document");
  const document = d
    ? {
        title: c.string(d.title, "$.document.title", 300),
        short: c.string(d.short, "$.document.short", 60),
        seed: c.string(d.seed ?? "", "$.document.seed", 200),
        version: c.string(d.version ?? "", "$.document.version", 60),
      }
    : undefined;
  const profileVersion = c.string(o.profileVersion ?? "1.0.0", "$.profileVersion", 40);
  const clients = (c.array(o.clients, "$.clients", 2) ?? []).map((x, i) =>
    c.oneOf(x, `$.clients[${i}]`, ["pro", "consumer"] as const),
  );
  if (clients.length === 0) c.fail("$.clients", 'expected at least one of "pro", "consumer"');
  const kinds = (c.array(o.invoiceKinds, "$.invoiceKinds", 50) ?? []).map((k, i) =>
    invoiceKind(c, k, `$.invoiceKinds[${i}]`),
  );
  const validKinds = kinds.filter((k): k is InvoiceKind => k !== undefined);
  c.uniqueIds(validKinds, "$.invoiceKinds");
  if (kinds.length === 0) c.fail("$.invoiceKinds", "expected at least one invoice kind");
  const defaultInvoiceKind = c.id(o.defaultInvoiceKind, "$.defaultInvoiceKind");
  if (
    defaultInvoiceKind !== undefined &&
    validKinds.length > 0 &&
    !validKinds.some((k) => k.id === defaultInvoiceKind)
  ) {
    c.fail("$.defaultInvoiceKind", `"${defaultInvoiceKind}" is not one of the invoice kinds`);
  }
  const late = latePayment(c, o.latePayment, "$.latePayment");
  const sub = subscription(
    c,
    o.subscription ?? { kind: "none", reason: "No subscription in these terms.", clause: [] },
    "$.subscription",
  );
  const deadlines = (c.array(o.deadlines ?? [], "$.deadlines", 200) ?? []).map((x, i) =>
    deadlineRule(c, x, `$.deadlines[${i}]`),
  );
  const validDeadlines = deadlines.filter((x): x is DeadlineRule => x !== undefined);
  c.uniqueIds(validDeadlines, "$.deadlines");
  const amounts = (c.array(o.amounts ?? [], "$.amounts", 100) ?? []).map((x, i) =>
    amountClause(c, x, `$.amounts[${i}]`),
  );
  const validAmounts = amounts.filter((x): x is AmountClause => x !== undefined);
  c.uniqueIds(validAmounts, "$.amounts");
  const interpretations = (c.array(o.interpretations ?? [], "$.interpretations", 100) ?? []).map((x, i) => {
    const io = c.object(x, `$.interpretations[${i}]`);
    if (!io) return undefined;
    const iid = c.id(io.id, `$.interpretations[${i}].id`);
    const text = c.text(io.text, `$.interpretations[${i}].text`);
    const clause = c.citations(io.clause ?? [], `$.interpretations[${i}].clause`);
    const option = io.option === undefined ? undefined : c.id(io.option, `$.interpretations[${i}].option`);
    const alternative =
      io.alternative === undefined
        ? undefined
        : c.text(io.alternative, `$.interpretations[${i}].alternative`);
    if (iid === undefined || !text || !clause) return undefined;
    return {
      id: iid,
      text,
      clause,
      ...(option !== undefined ? { option } : {}),
      ...(alternative ? { alternative } : {}),
    };
  });
  const contradictions = (c.array(o.contradictions ?? [], "$.contradictions", 100) ?? []).map((x, i) => {
    const co = c.object(x, `$.contradictions[${i}]`);
    if (!co) return undefined;
    const cid = c.id(co.id, `$.contradictions[${i}].id`);
    const text = c.text(co.text, `$.contradictions[${i}].text`);
    const clause = c.citations(co.clause ?? [], `$.contradictions[${i}].clause`);
    return cid !== undefined && text && clause ? { id: cid, text, clause } : undefined;
  });
  if (c.issues.length > 0) return { ok: false, issues: c.issues };
  return {
    ok: true,
    profile: {
      id: id as string,
      name: name as string,
      legalName: legalName as string,
      ...(invoiceNames !== undefined ? { invoiceNames } : {}),
      business: business as Text,
      document: {
        title: document?.title as string,
        short: document?.short as string,
        seed: document?.seed as string,
        version: document?.version as string,
      },
      profileVersion: profileVersion as string,
      clients: clients as ClientType[],
      defaultInvoiceKind: defaultInvoiceKind as string,
      invoiceKinds: validKinds,
      latePayment: late as LatePaymentRule,
      subscription: sub as SubscriptionTerms,
      deadlines: validDeadlines,
      amounts: validAmounts,
      interpretations: interpretations.filter((x) => x !== undefined),
      contradictions: contradictions.filter((x) => x !== undefined),
    },
  };
}

/** Validates an untrusted profile, throwing one error that lists every issue (up to 20). */
export function validateProfile(input: unknown): VendorProfile {
  const result = checkProfile(input);
  if (result.ok) return result.profile;
  const list = result.issues.slice(0, 20).map((i) => `${i.path}: ${i.message}`);
  const more = result.issues.length > 20 ? ` (and ${result.issues.length - 20} more)` : "";
  throw new EngineError(
    "invalid-input",
    {
      en: `The vendor profile is not valid: ${list.join("; ")}${more}.`,
      fr: `Le profil fournisseur n'est pas valide : ${list.join(" ; ")}${more}.`,
    },
    "profile",
  );
}
