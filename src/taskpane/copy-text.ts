/**
 * Copying a text the pane shows (an export on Excel for Mac, the self-test's report): the clipboard
 * API may be refused (no permission, an older webview), and the text is then selected in its box for
 * Ctrl+C / ⌘C.
 */

export type CopyOutcome = "copied" | "refused";

/** Copies with the clipboard API; on refusal (or without it) selects the text for the user to copy. */
export async function copyOrSelect(text: string, box: HTMLTextAreaElement | null): Promise<CopyOutcome> {
  try {
    if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    return "copied";
  } catch {
    if (box) {
      box.focus();
      box.select();
      box.setSelectionRange(0, box.value.length);
    }
    return "refused";
  }
}
