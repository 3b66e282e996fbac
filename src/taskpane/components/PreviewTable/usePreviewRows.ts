import * as React from "react";
import { applyRegisterSync, type ApplyOptions, type ApplyResult } from "../../../apply";
import type { SourceBlock } from "../../../workbook/gateway";

export const PREVIEW_ROWS = 5;

export type Preview =
  | { readonly result: ApplyResult; readonly error?: undefined }
  | { readonly result?: undefined; readonly error: unknown }
  | undefined;

/** The first rows computed as they would be written, before anything is written. */
export function usePreviewRows(source: SourceBlock | undefined, options: ApplyOptions | undefined): Preview {
  return React.useMemo(() => {
    if (!source || !options) return undefined;
    try {
      return { result: applyRegisterSync(source.rows.slice(0, PREVIEW_ROWS), options) };
    } catch (error) {
      return { error };
    }
  }, [source, options]);
}
