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

/** A binary file the pane hands to the user: letters as .docx, several of them in a .zip. */
export interface BinaryFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly type: string;
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ZIP_TYPE = "application/zip";

/**
 * Hands a binary file to the user: a download, or — where the webview ignores downloads (Excel for
 * Mac, iPad) — nothing, the caller showing the documents' text to copy instead. Says which.
 */
export function offerBinary(
  file: BinaryFile,
  platform: string | undefined = officePlatform(),
): "downloaded" | "text" {
  if (!canDownload(platform)) return "text";
  // A copy of the bytes: a Blob wants an ArrayBuffer-backed view it owns.
  const url = URL.createObjectURL(new Blob([file.bytes.slice()], { type: file.type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return "downloaded";
}
