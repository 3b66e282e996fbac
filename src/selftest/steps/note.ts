import { blockAddress } from "../../cells";
import { check, fail, shown } from "../check";
import { applyRegister, layRegister, outputBlock, readRegister, type Applied } from "../fixtures";
import type { SelfTestStep } from "../step";
import { SELF_TEST_TEXT } from "../text";
import { checkCompleted } from "./apply-checks";
import { supports } from "./support";

const T = SELF_TEST_TEXT.note;

/** The provenance note where the host has one (a note, else a comment), added, read back, replaced. */
export const noteStep: SelfTestStep = {
  id: "note",
  title: T.title,
  readsRegister: true,
  async run(ctx) {
    // The gateway's choice: an Excel note (ExcelApi 1.18), else a comment (1.10), else none.
    const expected = supports(ctx, "1.18") ? "note" : supports(ctx, "1.10") ? "comment" : "none";
    const sheet = await ctx.newSheet();
    const first = await applyRegister(ctx, await layRegister(ctx, sheet, 3), "values");
    checkCompleted(first, 3);
    const got = first.report.note ?? "none";
    if (got !== expected)
      throw fail(
        expected === "note"
          ? T.notesMissing(got === "comment" ? "comment" : "none")
          : T.wentElsewhere(got, expected),
      );
    if (expected === "none") return { detail: T.neither };
    const place = outputBlock(first);
    const checkNote = async (applied: Applied) => {
      const text = applied.outcome.note?.text ?? "";
      const note = await ctx.scratch.noteAt(sheet, place.row, place.column);
      const at = blockAddress(place.row, place.column);
      check(
        note !== undefined && note.kind === expected && note.text === text,
        note === undefined
          ? T.notFound(expected, at)
          : T.reads(note.kind, at, { en: shown(note.text, "en"), fr: shown(note.text, "fr") }, expected, {
              en: shown(text, "en"),
              fr: shown(text, "fr"),
            }),
      );
    };
    await checkNote(first);
    // A second Apply replaces the note rather than failing on the existing one.
    const second = await applyRegister(ctx, await readRegister(ctx, sheet), "values");
    checkCompleted(second, 3);
    await checkNote(second);
    return { detail: expected === "note" ? T.excelNote : T.comment };
  },
};
