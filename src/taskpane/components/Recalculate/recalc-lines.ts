import { formatDate, type ApplySummary } from "../../../apply";
import { quoteSheet } from "../../../cells";
import { parseIsoDay, type Day, type Language } from "../../../engine";
import type { StoredRegister } from "../../../storage";
import type { SkipReason } from "../../../write";
import { describeError } from "../../apply-adapter";
import type { RecalcLine } from "./recalculate";
import { RECALC_STRINGS } from "./strings";

/** A remembered register as the user names it: its sheet and range, or its table. */
export function registerLabel(register: StoredRegister, lang: Language): string {
  return register.table !== undefined
    ? RECALC_STRINGS[lang].table(register.table)
    : `${quoteSheet(register.sheet)}!${register.range ?? ""}`;
}

/** Why a register was skipped, as the end of its line. */
function why(reason: SkipReason, lang: Language): string {
  const s = RECALC_STRINGS[lang];
  switch (reason.kind) {
    case "sheet-gone":
      return s.sheetGone(reason.sheet);
    case "table-gone":
      return s.tableGone(reason.table);
    case "bad-range":
      return s.badRange(reason.range);
    case "columns-moved":
      return s.columnsMoved(reason.column + 1, reason.expected, reason.found);
    case "mapping":
      return s.mapping(reason.messages.map((m) => m[lang]).join(" ; "));
    case "would-replace":
      return s.wouldReplace(reason.count, reason.address);
  }
}

/** The line of one register after the run. */
export function lineText(line: RecalcLine, lang: Language): string {
  const s = RECALC_STRINGS[lang];
  const label = registerLabel(line.register, lang);
  const o = line.outcome;
  switch (o.kind) {
    case "applied":
      return o.cancelled
        ? s.partial(label, o.rows)
        : s.applied(label, o.rows, formatDate(parseIsoDay(o.asOfIso) as Day, lang));
    case "skipped":
      return s.skipped(label, why(o.reason, lang));
    case "failed":
      return s.failed(label, describeError(o.error, lang));
    case "not-run":
      return s.notRun(label);
  }
}

/** The missing rates of every register applied, by rate and half-year. */
export function missingOf(lines: readonly RecalcLine[]): ApplySummary["missingRates"] {
  const byKey = new Map<string, ApplySummary["missingRates"][number]>();
  for (const line of lines) {
    if (line.outcome.kind !== "applied") continue;
    for (const m of line.outcome.summary.missingRates) {
      const key = `${m.rate} ${m.halfYear}`;
      const before = byKey.get(key);
      byKey.set(key, before ? { ...m, rows: before.rows + m.rows } : m);
    }
  }
  return [...byKey.values()];
}
