import {
  clauseAmount,
  deadline,
  dueDate,
  endDate,
  isEngineError,
  lateInterest,
  latePayment,
  noticeDeadline,
  penaltyRate,
  recoveryFee,
  renewalDate,
  renderExplanation,
  terminationFee,
  Trace,
  vendorOptions,
  type ClientType,
  type Day,
  type Explanation,
  type VendorProfile,
  invalidInput,
  formatIsoDay as formatDayIso,
  type Settings,
} from "../engine";
import {
  isBlank,
  readAmount,
  readDate,
  requireDateTime,
  readPayments,
  readText,
  requireAmount,
  requireDate,
  requireText,
} from "../adapter/cell-values";
import { clientTypeFromText } from "../adapter/client-type";
import { getFunctionContext, resolveVendorArg, type FunctionContext } from "./context";
import { FUNCTION_SIGNATURES, findSignature, type FunctionSignature } from "./signatures";

/** A function's value before it is handed to Excel or printed. */
export type FunctionValue =
  | { readonly type: "date"; readonly day: Day; readonly fraction: number }
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "text"; readonly value: string }
  | { readonly type: "table"; readonly rows: readonly (readonly (string | number)[])[] };

export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!";

export type Outcome =
  | { readonly ok: true; readonly value: FunctionValue; readonly explanation?: Explanation }
  | { readonly ok: false; readonly code: ExcelErrorCode; readonly message: string };

function readClient(value: unknown): ClientType {
  const text = readText(value, "clientType");
  if (text === undefined) return "pro";
  const client = clientTypeFromText(text);
  if (!client)
    throw invalidInput(
      "clientType",
      `clientType "${text}" is not pro or consumer.`,
      `clientType « ${text} » n'est ni pro ni consumer.`,
    );
  return client;
}

const date = (day: Day, fraction = 0): FunctionValue => ({ type: "date", day, fraction });
const num = (d: { toNumber(): number }): FunctionValue => ({ type: "number", value: d.toNumber() });

/**
 * Implementations by name. `args` are Excel's arguments in the signature's order, the vendor first
 * (already resolved into `profile` and `settings`, hence the leading hole in each pattern): no copy
 * of the arguments per call, since a recalculation makes hundreds of thousands of calls.
 */
type Implementation = (
  args: readonly unknown[],
  profile: VendorProfile,
  settings: Settings,
  trace: Trace | undefined,
) => FunctionValue;

const IMPLEMENTATIONS: Record<string, Implementation> = {
  DUEDATE: ([, invoiceDate, kind], profile, settings, trace) =>
    date(
      dueDate(
        profile,
        requireDate(invoiceDate, "invoiceDate"),
        readText(kind, "invoiceKind"),
        settings,
        trace,
      ),
    ),

  LATEFEE: ([, amount, due, paid, payments, costs, client], profile, settings, trace) =>
    num(
      latePayment(
        profile,
        {
          amount: requireAmount(amount, "amount"),
          dueDate: requireDate(due, "dueDate"),
          paidDate: requireDate(paid, "paidDate"),
          payments: readPayments(payments),
          recoveryCosts: readAmount(costs, "recoveryCosts"),
          client: readClient(client),
        },
        settings,
        trace,
      ).total,
    ),

  LATEINTEREST: ([, amount, due, paid, payments, client], profile, settings, trace) =>
    num(
      lateInterest(
        profile,
        {
          amount: requireAmount(amount, "amount"),
          dueDate: requireDate(due, "dueDate"),
          paidDate: requireDate(paid, "paidDate"),
          payments: readPayments(payments),
          client: readClient(client),
        },
        settings,
        trace,
      ).interest,
    ),

  RECOVERYFEE: ([, due, paid, costs, client], profile, _settings, trace) =>
    num(
      recoveryFee(
        profile,
        {
          dueDate: requireDate(due, "dueDate"),
          paidDate: requireDate(paid, "paidDate"),
          recoveryCosts: readAmount(costs, "recoveryCosts"),
          client: readClient(client),
        },
        trace,
      ),
    ),

  PENALTYRATE: ([, day, client], profile, settings, trace) =>
    num(penaltyRate(profile, requireDate(day, "date"), readClient(client), settings, trace).applied),

  RENEWALDATE: ([, start, asOf, plan, addition], profile, _settings, trace) =>
    date(renewalDate(profile, subscriptionQuery(start, plan, addition), requireDate(asOf, "asOf"), trace)),

  NOTICEDEADLINE: ([, start, asOf, plan, addition], profile, _settings, trace) =>
    date(
      noticeDeadline(profile, subscriptionQuery(start, plan, addition), requireDate(asOf, "asOf"), trace)
        .deadline,
    ),

  ENDDATE: ([, start, notice, plan, addition], profile, _settings, trace) =>
    date(
      endDate(profile, subscriptionQuery(start, plan, addition), requireDate(notice, "noticeDate"), trace)
        .end,
    ),

  TERMINATIONFEE: ([, start, termination, fee, plan], profile, _settings, trace) =>
    num(
      terminationFee(
        profile,
        { start: requireDate(start, "startDate"), planId: readText(plan, "plan") },
        requireDate(termination, "terminationDate"),
        requireAmount(fee, "monthlyFee"),
        trace,
      ).fee,
    ),

  DEADLINE: ([, event, from], profile, settings, trace) => {
    const start = requireDateTime(from, "fromDate");
    const result = deadline(
      profile,
      requireText(event, "event", { en: "an event id", fr: "un identifiant d'événement" }),
      start.day + start.fraction,
      settings,
      trace,
    );
    const day = Math.floor(result) as Day;
    return date(day, result - day);
  },

  CLAUSEAMOUNT: ([, clause, amount, from, to], profile, _settings, trace) =>
    num(
      clauseAmount(
        profile,
        requireText(clause, "clause", {
          en: "an amount clause id",
          fr: "un identifiant de clause de montant",
        }),
        requireAmount(amount, "amount"),
        { from: readDate(from, "fromDate"), to: readDate(to, "toDate") },
        trace,
      ),
    ),
};

interface CatalogEntry {
  readonly sig: FunctionSignature;
  readonly impl: Implementation | undefined;
  /** How many arguments the function takes at most (checked on every call). */
  readonly arity: number;
}

/**
 * Excel calls with the canonical names, often the same one row after row: those resolve by one
 * comparison or one map lookup to the signature and its implementation together (a keyed lookup on
 * IMPLEMENTATIONS, with a different name at each call, costs more than DUEDATE itself).
 */
const ENTRY_BY_NAME = new Map<string, CatalogEntry>();
for (const sig of FUNCTION_SIGNATURES) {
  const entry = { sig, impl: IMPLEMENTATIONS[sig.name], arity: sig.params.length };
  ENTRY_BY_NAME.set(sig.name, entry).set(sig.fr, entry);
}
let lastName = "";
let lastEntry: CatalogEntry | undefined;

function entryFor(name: string): CatalogEntry | undefined {
  if (name === lastName) return lastEntry;
  let entry = ENTRY_BY_NAME.get(name);
  if (!entry) {
    const sig = findSignature(name);
    entry = sig && ENTRY_BY_NAME.get(sig.name);
  }
  lastName = name;
  lastEntry = entry;
  return entry;
}

function subscriptionQuery(start: unknown, plan: unknown, addition: unknown) {
  return {
    start: requireDate(start, "startDate"),
    planId: readText(plan, "plan"),
    lastAddition: readDate(addition, "lastAdditionDate"),
  };
}

function vendorsTable(ctx: FunctionContext): FunctionValue {
  const header = [
    "id",
    "name",
    "legal name",
    "invoice kinds",
    "plans",
    "events",
    "amount clauses",
    "options",
  ];
  const rows = ctx.registry
    .all()
    .map((p) => [
      p.id,
      p.name,
      p.legalName,
      p.invoiceKinds.map((k) => (k.id === p.defaultInvoiceKind ? `${k.id} (default)` : k.id)).join(", "),
      p.subscription.kind === "plans"
        ? p.subscription.plans
            .map((pl) =>
              p.subscription.kind === "plans" && pl.id === p.subscription.defaultPlan
                ? `${pl.id} (default)`
                : pl.id,
            )
            .join(", ")
        : "",
      p.deadlines.map((d) => d.id).join(", "),
      p.amounts.map((a) => a.id).join(", "),
      vendorOptions(p).join(", "),
    ]);
  return { type: "table", rows: [header, ...rows] };
}

function errorCode(kind: string): ExcelErrorCode {
  return kind === "not-applicable" ? "#N/A" : kind === "invalid-input" ? "#VALUE!" : "#NUM!";
}

function tooManyArguments(sig: FunctionSignature, args: readonly unknown[]): Error {
  return invalidInput(
    "arguments",
    `${sig.name} takes at most ${sig.params.length} arguments (${sig.params.map((p) => p.name).join(", ")}); got ${args.length}.`,
    `${sig.fr} prend au plus ${sig.params.length} arguments (${sig.params.map((p) => p.fr).join(", ")}) ; reçu ${args.length}.`,
  );
}

function explainText(name: string, args: readonly unknown[], ctx: FunctionContext): FunctionValue {
  const target = findSignature(name);
  if (!target || target.name === "EXPLAIN" || target.name === "VENDORS") {
    const names = FUNCTION_SIGNATURES.filter((f) => f.params[0]?.type === "vendor").map((f) => f.name);
    throw invalidInput(
      "functionName",
      `functionName "${name}" is not one of ${names.join(", ")}.`,
      `functionName « ${name} » n'est pas l'une de ${names.join(", ")}.`,
    );
  }
  // Trailing blanks are the optional arguments left empty.
  let end = args.length;
  while (end > 0 && isBlank(args[end - 1])) end -= 1;
  const outcome = evaluate(target.name, args.slice(0, Math.max(end, 1)), ctx, { explain: true });
  const label = ctx.lang === "fr" ? target.fr : target.name;
  if (!outcome.ok) return { type: "text", value: `${label}: ${outcome.code} ${outcome.message}` };
  const header = `${label} = ${formatValue(outcome.value)}`;
  return {
    type: "text",
    value: outcome.explanation ? `${header}\n${renderExplanation(outcome.explanation, ctx.lang)}` : header,
  };
}

/** The value as the command line prints it: a date as YYYY-MM-DD, a number with a dot, text as is. */
export function formatValue(value: FunctionValue): string {
  switch (value.type) {
    case "date": {
      const iso = formatDayIso(value.day);
      if (value.fraction <= 0) return iso;
      const minutes = Math.round(value.fraction * 1440);
      return `${iso} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    }
    case "number":
      return String(value.value);
    case "text":
      return value.value;
    case "table":
      return value.rows.map((r) => r.join("\t")).join("\n");
  }
}

interface EvaluateOptions {
  readonly explain?: boolean;
}
const PLAIN: EvaluateOptions = {};

/**
 * Evaluates one CGV function by name (English or French) on Excel-style arguments: serials or
 * text for dates, numbers or French text for amounts, null/undefined/"" for blanks, nested arrays
 * for ranges. Never throws: every failure is an Outcome with an Excel error code and a message.
 */
export function evaluate(
  name: string,
  args: readonly unknown[],
  ctx: FunctionContext = getFunctionContext(),
  options: EvaluateOptions = PLAIN,
): Outcome {
  try {
    const entry = entryFor(name);
    if (!entry) {
      throw invalidInput(
        "functionName",
        `There is no function CGV.${name}.`,
        `La fonction CGV.${name} n'existe pas.`,
      );
    }
    const { sig, impl } = entry;
    if (args.length > entry.arity) throw tooManyArguments(sig, args);
    if (sig.name === "VENDORS") return { ok: true, value: vendorsTable(ctx) };
    if (sig.name === "EXPLAIN") {
      const fn = requireText(args[0], "functionName", {
        en: "a function name such as LATEFEE",
        fr: "un nom de fonction tel que PENALITESRETARD",
      });
      return { ok: true, value: explainText(fn, args.slice(1), ctx) };
    }
    const { profile, settings } = resolveVendorArg(args[0], ctx);
    const trace = options.explain ? new Trace() : undefined;
    if (!impl) throw new Error(`No implementation for ${sig.name}`);
    const value = impl(args, profile, settings, trace);
    if (value.type === "number" && !Number.isFinite(value.value)) {
      throw invalidInput(
        "result",
        "The result is not a finite number.",
        "Le résultat n'est pas un nombre fini.",
      );
    }
    return trace ? { ok: true, value, explanation: trace } : { ok: true, value };
  } catch (e) {
    if (isEngineError(e)) return { ok: false, code: errorCode(e.kind), message: e.text[ctx.lang] };
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      code: "#VALUE!",
      message: ctx.lang === "fr" ? `Erreur interne : ${why}` : `Internal error: ${why}`,
    };
  }
}
