import {
  DEFAULT_SETTINGS,
  dayFromYmd,
  EngineError,
  formatDate,
  invalidInput,
  isEngineError,
  renderExplanation,
  SHIPPED_REGISTRY,
  Trace,
  vendorResolver,
  type Day,
  type Language,
  type RateTable,
  type ResolvedVendor,
  type Settings,
  type Text,
  type VendorRegistry,
  type VendorResolver,
  COLON,
} from "../engine";
import { isBlank } from "../input/cell-values";
import { readArgument, serialOffset, vendorText, type DateSystem } from "./arguments";
import { FUNCTION_DEFINITIONS, type FunctionDefinition, type FunctionServices } from "./definitions";
import { findDefinition } from "./signatures";
import { StartGate } from "./start-gate";
import { valueText, type ExcelErrorCode, type FunctionValue, type Outcome } from "./values";

const RUNTIME_TEXT = { internal: { en: "Internal error", fr: "Erreur interne" } } as const;
/**
 * What every CGV.* evaluation runs against, held by one instance per face: the vendors in force
 * (shipped, plus those a workbook stores), the settings (holiday calendar, readings, rate rows), the
 * language of messages and the workbook's date system. Excel's shared runtime holds one
 * (shared-runtime.ts), which the task pane updates through its provider when it restores a
 * workbook's stored terms; the command line makes its own. Listeners hear every change that alters
 * results, so that Excel can be asked to recalculate the CGV cells.
 */
export interface RuntimeState {
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  readonly lang: Language;
  readonly dateSystem: DateSystem;
}

/** A change of what the functions run against, or of what the runtime tells the user (`notices`). */
export type RuntimeChange = keyof RuntimeState | "notices";

/** What the runtime has to tell the user about its host: the terms unread at start, a recalculation refused. */
export type RuntimeNoticeKind = "terms-not-loaded" | "recalculation-failed";

export interface EvaluateOptions {
  /** Collect the explanation (EXPLAIN, `echeance fn --json`). */
  readonly explain?: boolean;
}

const PLAIN: EvaluateOptions = {};
const EXPLAINED: EvaluateOptions = { explain: true };

/** Excel shows dates from 1 January 1900 (1904 in the 1904 date system) to 31 December 9999. */
const FIRST_DAY: Readonly<Record<DateSystem, Day>> = {
  1900: dayFromYmd(1900, 1, 1),
  1904: dayFromYmd(1904, 1, 1),
};
const LAST_DAY = dayFromYmd(9999, 12, 31);

/**
 * One function as a runtime instance calls it: the arguments are read into `values` (one array per
 * function, reused at every call) and the implementation reads them by name through `args`, whose
 * properties are getters over `values`: no object is made per call.
 */
interface Entry {
  readonly def: FunctionDefinition;
  readonly values: unknown[];
  readonly args: object;
  /** Parameter names as messages give them, per language. */
  readonly names: Readonly<Record<Language, readonly string[]>>;
}

function entryOf(def: FunctionDefinition): Entry {
  const values: unknown[] = def.params.map(() => undefined);
  const args = {};
  def.params.forEach((p, i) => {
    Object.defineProperty(args, p.name, { enumerable: true, get: () => values[i] });
  });
  return {
    def,
    values,
    args,
    names: { en: def.params.map((p) => p.name), fr: def.params.map((p) => p.fr) },
  };
}

function errorCode(kind: string): ExcelErrorCode {
  return kind === "not-applicable" ? "#N/A" : kind === "invalid-input" ? "#VALUE!" : "#NUM!";
}

const VENDOR_FUNCTIONS = FUNCTION_DEFINITIONS.filter((f) => f.usesVendor);

export class FunctionRuntime implements FunctionServices {
  private current: RuntimeState;
  private resolver: VendorResolver;
  private offset: number;
  /** The first day the workbook's date system shows (1900-01-01, or 1904-01-01). */
  private firstDay: Day;
  private readonly entries = new Map<FunctionDefinition, Entry>();
  // Excel calls one name row after row: the last one is remembered.
  private lastName = "";
  private lastEntry: Entry | undefined;
  // …and the same vendor text: its resolution is kept until the terms change.
  private lastVendorText: unknown;
  private lastVendor: ResolvedVendor | undefined;
  private lastRevision = -1;
  private readonly listeners = new Set<(changed: readonly RuntimeChange[], state: RuntimeState) => void>();
  private probed: Promise<DateSystem> | undefined;
  private readonly notices = new Map<RuntimeNoticeKind, Text>();
  /** Holds the first answers until the workbook's terms and date system are known (start-gate.ts). */
  readonly start = new StartGate();

  constructor(initial: Partial<RuntimeState> = {}) {
    this.current = {
      registry: initial.registry ?? SHIPPED_REGISTRY,
      settings: initial.settings ?? DEFAULT_SETTINGS,
      lang: initial.lang ?? "en",
      dateSystem: initial.dateSystem ?? 1900,
    };
    this.resolver = vendorResolver(this.current.registry, this.current.settings);
    this.offset = serialOffset(this.current.dateSystem);
    this.firstDay = FIRST_DAY[this.current.dateSystem];
    for (const def of FUNCTION_DEFINITIONS) this.entries.set(def, entryOf(def));
  }

  get state(): RuntimeState {
    return this.current;
  }

  get registry(): VendorRegistry {
    return this.current.registry;
  }

  get settings(): Settings {
    return this.current.settings;
  }

  get lang(): Language {
    return this.current.lang;
  }

  get dateSystem(): DateSystem {
    return this.current.dateSystem;
  }

  /**
   * Changes what the functions run against and tells the listeners what changed. Terms equal to those
   * in force (a workbook restored with no stored terms) change nothing: no recalculation for nothing.
   */
  update(next: Partial<RuntimeState>): readonly RuntimeChange[] {
    const before = this.current;
    const changed: RuntimeChange[] = [];
    if (next.registry && !sameRegistry(next.registry, before.registry)) changed.push("registry");
    if (next.settings && !sameSettings(next.settings, before.settings)) changed.push("settings");
    if (next.lang && next.lang !== before.lang) changed.push("lang");
    if (next.dateSystem && next.dateSystem !== before.dateSystem) changed.push("dateSystem");
    if (changed.length === 0) return changed;
    this.current = {
      registry: changed.includes("registry") && next.registry ? next.registry : before.registry,
      settings: changed.includes("settings") && next.settings ? next.settings : before.settings,
      lang: next.lang ?? before.lang,
      dateSystem: next.dateSystem ?? before.dateSystem,
    };
    this.resolver = vendorResolver(this.current.registry, this.current.settings);
    this.lastVendorText = this.lastVendor = undefined;
    this.offset = serialOffset(this.current.dateSystem);
    this.firstDay = FIRST_DAY[this.current.dateSystem];
    for (const listener of [...this.listeners]) listener(changed, this.current);
    return changed;
  }

  /**
   * Sets (or, with undefined, clears) what the runtime tells the user about its host. The terms
   * notice is appended to the functions' messages while it stands.
   */
  setNotice(kind: RuntimeNoticeKind, text: Text | undefined): void {
    const before = this.notices.get(kind);
    if (text === undefined ? before === undefined : before?.en === text.en) return;
    if (text === undefined) this.notices.delete(kind);
    else this.notices.set(kind, text);
    for (const listener of [...this.listeners]) listener(["notices"], this.current);
  }

  /** The notices standing, in the order set. */
  get noticeTexts(): readonly Text[] {
    return [...this.notices.values()];
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: (changed: readonly RuntimeChange[], state: RuntimeState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Learns the workbook's date system once, through `probe` (an Excel call the caller supplies), and
   * adopts it. A failed probe leaves the 1900 system, the default of every Excel but old Mac files.
   */
  probeDateSystem(probe: () => Promise<DateSystem>): Promise<DateSystem> {
    // A probe that throws at once (no Excel at all) is a failed probe too.
    this.probed ??= Promise.resolve()
      .then(probe)
      .then(
        (system) => {
          this.update({ dateSystem: system });
          return system;
        },
        () => this.current.dateSystem,
      );
    return this.probed;
  }

  /** The vendor a CGV function's first argument names, resolved by the engine's one resolver. */
  resolveVendor(value: unknown, name = "vendor"): ResolvedVendor {
    const revision = this.current.registry.revision;
    if (value === this.lastVendorText && this.lastVendor && revision === this.lastRevision)
      return this.lastVendor;
    const vendor = this.resolver.resolve(vendorText(value, name));
    if (typeof value === "string") {
      this.lastVendorText = value;
      this.lastVendor = vendor;
      this.lastRevision = revision;
    }
    return vendor;
  }

  private entryFor(name: string): Entry | undefined {
    if (name === this.lastName) return this.lastEntry;
    const def = findDefinition(name);
    const entry = def && this.entries.get(def);
    this.lastName = name;
    this.lastEntry = entry;
    return entry;
  }

  /**
   * Evaluates one CGV function by name (English or French) on Excel-style arguments: serials or text
   * for dates, numbers or French text for amounts, null/undefined/"" (and desktop Excel's 0 where 0
   * cannot be meant) for blanks, nested arrays for ranges. Never throws: every failure is an Outcome
   * with an Excel error code and a message in the runtime's language.
   */
  evaluate(name: string, args: readonly unknown[], options: EvaluateOptions = PLAIN): Outcome {
    const lang = this.current.lang;
    try {
      const entry = this.entryFor(name);
      if (!entry) throw noSuchFunction(name);
      const { def, values } = entry;
      const params = def.params;
      if (args.length > params.length) throw tooManyArguments(def, args.length);
      const names = entry.names[lang];
      const trace = options.explain ? new Trace() : undefined;
      let value: FunctionValue;
      if (def.usesVendor) {
        const vendor = this.resolveVendor(args[0], names[0]);
        for (let i = 1; i < params.length; i++)
          values[i] = readArgument(params[i]!, args[i], names[i]!, this.offset);
        value = def.implement(entry.args as never, vendor, trace);
      } else {
        for (let i = 0; i < params.length; i++)
          values[i] = readArgument(params[i]!, args[i], names[i]!, this.offset);
        value = def.implement(entry.args as never, this);
      }
      if (value.type === "date") {
        if (value.day < this.firstDay || value.day > LAST_DAY) throw this.outOfRange(value.day);
      } else if (value.type === "number" && !Number.isFinite(value.value)) throw notFinite();
      return trace ? { ok: true, value, explanation: trace } : { ok: true, value };
    } catch (e) {
      // While the workbook's terms are unread, every message says so: a vendor it alone knows is
      // "unknown", its rate rows are missing.
      const unread = this.notices.get("terms-not-loaded");
      const also = unread ? ` ${unread[lang]}` : "";
      if (isEngineError(e)) return { ok: false, code: errorCode(e.kind), message: e.text[lang] + also };
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        code: "#VALUE!",
        message: `${RUNTIME_TEXT.internal[lang]}${COLON[lang]} ${why}${also}`,
      };
    }
  }

  /** A date result Excel cannot show (before its first date, after 31/12/9999): #NUM! saying why. */
  private outOfRange(day: Day): EngineError {
    const first = this.firstDay;
    const after = day > LAST_DAY;
    const bound = after ? LAST_DAY : first;
    const system = this.current.dateSystem;
    return new EngineError("out-of-range", {
      en: after
        ? `The result, ${formatDate(day, "en")}, is after ${formatDate(bound, "en")}, Excel's last date.`
        : `The result, ${formatDate(day, "en")}, is before ${formatDate(bound, "en")}, the first date of Excel's ${system} date system.`,
      fr: after
        ? `Le résultat, ${formatDate(day, "fr")}, est postérieur au ${formatDate(bound, "fr")}, dernière date d'Excel.`
        : `Le résultat, ${formatDate(day, "fr")}, est antérieur au ${formatDate(bound, "fr")}, première date du calendrier ${system} d'Excel.`,
    });
  }

  /** CGV.EXPLAIN: the result of a vendor function on its arguments, with the steps and clauses cited. */
  explain(functionName: string, args: readonly unknown[]): FunctionValue {
    const target = findDefinition(functionName);
    if (!target || !target.usesVendor) throw notExplainable(functionName);
    // Trailing blanks are the optional arguments left empty; past the function's last parameter,
    // desktop Excel's 0 for an empty cell is one too.
    let end = args.length;
    while (end > 1 && (isBlank(args[end - 1]) || (end > target.params.length && args[end - 1] === 0)))
      end -= 1;
    const outcome = this.evaluate(target.name, args.slice(0, end), EXPLAINED);
    const lang = this.current.lang;
    const label = lang === "fr" ? target.fr : target.name;
    if (!outcome.ok) return text(`${label}${COLON[lang]} ${outcome.code} ${outcome.message}`);
    const header = `${label} = ${valueText(outcome.value, this.current.lang)}`;
    return text(
      outcome.explanation
        ? `${header}\n${renderExplanation(outcome.explanation, this.current.lang)}`
        : header,
    );
  }
}

const text = (value: string): FunctionValue => ({ type: "text", value });

function noSuchFunction(name: string): EngineError {
  return invalidInput(
    "functionName",
    `There is no function CGV.${name}.`,
    `La fonction CGV.${name} n'existe pas.`,
  );
}

function notExplainable(name: string): EngineError {
  const en = VENDOR_FUNCTIONS.map((f) => f.name).join(", ");
  const fr = VENDOR_FUNCTIONS.map((f) => f.fr).join(", ");
  return invalidInput(
    "functionName",
    `functionName "${name}" is not one of ${en}.`,
    `nomFonction « ${name} » n'est pas l'une de ${fr}.`,
  );
}

function tooManyArguments(def: FunctionDefinition, given: number): EngineError {
  return invalidInput(
    "arguments",
    `${def.name} takes at most ${def.params.length} arguments (${def.params.map((p) => p.name).join(", ")}); got ${given}.`,
    `${def.fr} prend au plus ${def.params.length} arguments (${def.params.map((p) => p.fr).join(", ")}) ; reçu ${given}.`,
  );
}

function notFinite(): EngineError {
  return invalidInput(
    "result",
    "The result is not a finite number.",
    "Le résultat n'est pas un nombre fini.",
  );
}

function sameRegistry(a: VendorRegistry, b: VendorRegistry): boolean {
  if (a === b) return true;
  const ids = a.ids();
  const other = b.ids();
  if (ids.length !== other.length) return false;
  return ids.every((id, i) => {
    if (other[i] !== id) return false;
    const p = a.get(id);
    const q = b.get(id);
    return p === q || JSON.stringify(p) === JSON.stringify(q);
  });
}

function sameRates(a: RateTable, b: RateTable): boolean {
  if (a === b) return true;
  if (a.byHalfYear.size !== b.byHalfYear.size) return false;
  const same = (x: { eq(y: never): boolean } | undefined, y: unknown) =>
    x === undefined ? y === undefined : y !== undefined && x.eq(y as never);
  for (const [key, r] of a.byHalfYear) {
    const s = b.byHalfYear.get(key);
    if (
      !s ||
      r.source !== s.source ||
      !same(r.legalProfessional, s.legalProfessional) ||
      !same(r.legalConsumer, s.legalConsumer) ||
      !same(r.ecb, s.ecb)
    )
      return false;
  }
  return true;
}

function sameSettings(a: Settings, b: Settings): boolean {
  if (a === b) return true;
  return (
    a.holidays === b.holidays &&
    a.endOfMonthMethod === b.endOfMonthMethod &&
    a.readings.size === b.readings.size &&
    [...a.readings].every((r) => b.readings.has(r)) &&
    sameRates(a.rates, b.rates)
  );
}
