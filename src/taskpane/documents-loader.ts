import type * as Documents from "../documents";

/**
 * The documents layer (the letters' .docx, a template read, a .docx's text: the `docx` and `mammoth`
 * packages, about a megabyte) loaded the first time the pane makes or reads a document, not when the
 * pane opens: most sessions never write a letter, and Excel for Mac's webview parses every script it
 * is given before the pane shows.
 */
export function loadDocuments(): Promise<typeof Documents> {
  return import("../documents");
}
