import { officePlatform } from "../office/office-boot";

/** A text file the pane hands to the user: a profile's JSON, a calendar. */
export interface TextFile {
  readonly fileName: string;
  readonly text: string;
  readonly type: string;
}

/**
 * Office platforms whose add-in webview ignores a download link on a Blob URL: Excel for Mac and Excel
 * on iPad run the pane in WKWebView, where `<a download>` does nothing (issue 14). There the pane
 * shows the text to copy instead.
 */
const NO_BLOB_DOWNLOAD: ReadonlySet<string> = new Set(["Mac", "iOS"]);

/** True where a Blob download reaches the user: everywhere but the WKWebView platforms above. */
export function canDownload(platform: string | undefined = officePlatform()): boolean {
  return platform === undefined || !NO_BLOB_DOWNLOAD.has(platform);
}

/** Offers a text file for download from the pane (a profile's JSON, a calendar). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Hands a file to the user the way this webview allows: a download, or — where downloads do nothing —
 * nothing here, the caller showing the text with a Copy button. Says which.
 */
export function offerFile(
  file: TextFile,
  platform: string | undefined = officePlatform(),
): "downloaded" | "text" {
  if (!canDownload(platform)) return "text";
  downloadText(file.fileName, file.text, file.type);
  return "downloaded";
}
