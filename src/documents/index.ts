/**
 * Documents: the recovery letters and penalty notes as Word files (.docx), and a user's own letter
 * template filled in. Buffers in, buffers out: no file system, so the command line writes files and
 * the pane offers downloads from the same bytes.
 */
export {
  letterDocx,
  letterFileName,
  lettersDocx,
  penaltyNoteDocx,
  penaltyNoteFileName,
  penaltyNotesDocx,
  safeFileName,
} from "./render";
export { fillTemplate, readTemplate, type LetterTemplate, type TemplateReading } from "./template";
export { MAX_TEMPLATE_BYTES } from "./template-package";
export { TEMPLATE_TEXT } from "./messages";
