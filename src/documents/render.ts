import { formatIsoDay } from "../engine";
import { LEVEL_NAMES, type Letter, type PenaltyNote } from "../recovery";
import { packDocx } from "./package";
import { pageXml, type Page } from "./page";

/**
 * Letters and penalty notes as Word documents (.docx, Office Open XML), bytes out: one document per
 * client, or one document with a page per client. No file system: the caller writes the bytes.
 */

function pagesDocx(pages: readonly Page[]): Promise<Uint8Array> {
  return packDocx(pages.map((p, i) => pageXml(p, i === 0)).join(""));
}

/** One client's letter as a .docx. */
export function letterDocx(letter: Letter): Promise<Uint8Array> {
  return pagesDocx([letter]);
}

/** Every letter of a run in one .docx, each client's letter starting on a new page. */
export function lettersDocx(letters: readonly Letter[]): Promise<Uint8Array> {
  return pagesDocx(letters);
}

/** One penalty note as a .docx. */
export function penaltyNoteDocx(note: PenaltyNote): Promise<Uint8Array> {
  return pagesDocx([note]);
}

/** Every note of a run in one .docx, each on a new page. */
export function penaltyNotesDocx(notes: readonly PenaltyNote[]): Promise<Uint8Array> {
  return pagesDocx(notes);
}

/** A name fit for any file system: no path separators, controls or reserved characters, 80 characters at most. */
export function safeFileName(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .split("")
    .filter((ch) => ch >= " " && !'<>:"/\\|?*'.includes(ch))
    .join("")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 80);
  return cleaned === "" ? "client" : cleaned;
}

/** « 2026-06-30 Mise en demeure - Boulangerie Martin.docx » */
export function letterFileName(letter: Letter): string {
  const when = letter.client.invoices[0]?.statement.asOf;
  const day = when === undefined ? "" : `${formatIsoDay(when)} `;
  return `${day}${safeFileName(`${LEVEL_NAMES[letter.level][letter.lang]} - ${letter.client.name}`)}.docx`;
}

/** « ND-2026-004 Boulangerie Martin.docx » */
export function penaltyNoteFileName(note: PenaltyNote): string {
  return `${safeFileName(`${note.number} ${note.client.name}`)}.docx`;
}
