import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Applier, CellValue } from "../../apply";
import { buildIcs, icsTimestamp, registerEvents } from "../../calendar";
import { fileProblem } from "../register-file";
import type { ApplyArgs } from "./args";
import { APPLY_TEXT } from "./messages";
import type { Printer } from "./printer";

/** --ics FILE: the coming deadlines of the rows computed (by the run's own applier) as an iCalendar file. */
export async function writeIcs(
  args: ApplyArgs,
  file: string,
  applier: Applier,
  rows: readonly (readonly CellValue[])[],
  p: Printer,
): Promise<void> {
  const source = path.basename(args.input);
  const events = registerEvents(applier, rows, { source });
  const now = new Date();
  const text = buildIcs(events, {
    dtstamp: icsTimestamp(
      now.getUTCFullYear(),
      now.getUTCMonth() + 1,
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
    ),
    alarmDaysBefore: args.alarmDays,
    calendarName: APPLY_TEXT.calendarName(source)[p.lang],
  });
  try {
    await fs.writeFile(file, text, "utf8");
  } catch (e) {
    throw p.fail(fileProblem(e, file), 1);
  }
  p.say(APPLY_TEXT.calendar(events.length, file));
}
