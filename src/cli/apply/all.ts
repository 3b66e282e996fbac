import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Text } from "../../engine";
import { readCustomXmlParts, XlsxError } from "../../xlsx";
import { todayIso } from "../clock";
import { isCsvFile } from "../messages";
import { fileProblem } from "../register-file";
import { termsInForce } from "../stored-terms";
import type { ApplyArgs } from "./args";
import { defaultOutput } from "../register-file";
import { APPLY_TEXT } from "./messages";
import { Skipped, Stop, type Printer } from "./printer";
import { applyFile } from "./run";

/**
 * --all: applies again every register the workbook remembers (its stored terms list each register
 * Apply wrote, in the pane or here), one after the other into one output, each as of today when it was
 * applied « as of today », or as of its fixed date; says which were skipped and why (sheet gone,
 * columns moved, an Excel table).
 */
export async function applyAll(args: ApplyArgs, p: Printer): Promise<number> {
  if (isCsvFile(args.input)) throw p.fail(APPLY_TEXT.allNeedsWorkbook, 2);
  const out = args.out ?? defaultOutput(args.input);
  if (path.resolve(out) === path.resolve(args.input) || isCsvFile(out))
    throw p.fail(APPLY_TEXT.allOutput(out), 2);
  let parts: readonly string[];
  try {
    parts = await readCustomXmlParts(args.input);
  } catch (e) {
    throw p.fail(e instanceof XlsxError ? e.text : fileProblem(e, args.input), 1);
  }
  const remembered = (await termsInForce(parts, [], false)).stored?.registers ?? [];
  if (remembered.length === 0) throw p.fail(APPLY_TEXT.nothingRemembered, 1);
  let current = args.input;
  const temporaries: string[] = [];
  let computed = 0;
  try {
    for (const [k, reg] of remembered.entries()) {
      const label = `${reg.sheet}${reg.range ? `!${reg.range}` : ""}${reg.table ? ` (${reg.table})` : ""}`;
      p.say(APPLY_TEXT.register(k + 1, remembered.length, label));
      const target = k === remembered.length - 1 ? out : `${out}.${k + 1}.tmp.xlsx`;
      if (target !== out) temporaries.push(target);
      const headerRow = reg.range ? Number(/\d+/.exec(reg.range)?.[0]) : undefined;
      const skip = (reason: Text): Promise<void> => {
        p.say(APPLY_TEXT.skipped(reason));
        return fs.copyFile(current, target);
      };
      if (headerRow === undefined) {
        await skip(APPLY_TEXT.skipTable);
        current = target;
        continue;
      }
      const one: ApplyArgs = {
        ...args,
        input: current,
        out: target,
        all: false,
        sheet: reg.sheet,
        headerRow,
        mode: reg.mode,
        write: reg.write,
        asOf: reg.asOf === "today" ? todayIso() : reg.asOf,
        asOfKind: reg.asOf === "today" ? "today" : "fixed",
        remembered: reg,
        ...(reg.vendor !== "" ? { vendor: reg.vendor } : {}),
        ...(reg.invoiceKind !== undefined ? { kind: reg.invoiceKind } : {}),
        ...(reg.plan !== undefined ? { plan: reg.plan } : {}),
        ...(reg.clientType !== undefined ? { client: reg.clientType } : {}),
      };
      try {
        const code = await applyFile(one, p);
        if (code === 0) computed += 1;
      } catch (e) {
        if (e instanceof Skipped) await skip(e.reason);
        else if (e instanceof Stop) await skip(APPLY_TEXT.skipFailed);
        else throw e;
      }
      current = target;
    }
  } finally {
    for (const t of temporaries) await fs.rm(t, { force: true });
  }
  p.say(APPLY_TEXT.allDone(computed, remembered.length, out));
  return computed > 0 ? 0 : 1;
}
