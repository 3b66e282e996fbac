import type { Text } from "../engine";

/**
 * Why an xlsx file could not be read or copied, in both languages, with what to do about it. `kind`
 * lets a caller choose its exit code: "unreadable" (not an xlsx package, or a damaged one),
 * "unsupported" (a package this copy does not read: Strict Open XML, namespace-prefixed parts…),
 * "too-large" (a part past a stated limit), "refused" (a sheet that must not be written: protected,
 * a merge or a shared formula where the columns go), "date-system" (formulas in a 1904 workbook),
 * "no-register" (no sheet or header row found).
 */
export type XlsxErrorKind =
  "unreadable" | "unsupported" | "too-large" | "refused" | "date-system" | "no-register";

export class XlsxError extends Error {
  constructor(
    readonly text: Text,
    readonly kind: XlsxErrorKind,
  ) {
    super(text.en);
    this.name = "XlsxError";
  }
}

/** What to do with a file this copy does not read, said once. */
export const SAVE_AS_XLSX: Text = {
  en: 'open it in Excel and save it as "Excel Workbook (.xlsx)", then run again',
  fr: "ouvrez-le dans Excel et enregistrez-le au format Classeur Excel (.xlsx), puis relancez",
};

export function unsupported(what: Text): XlsxError {
  return new XlsxError(
    { en: `${what.en}: ${SAVE_AS_XLSX.en}.`, fr: `${what.fr} : ${SAVE_AS_XLSX.fr}.` },
    "unsupported",
  );
}
