import {
  chooseTermsStore,
  TERMS_PLACE,
  type ExcelRunLike,
  type TermsPlace,
  type TermsStore,
} from "./terms-store";

/**
 * The store for the running Office host: a custom XML part (ExcelApi 1.5) or, where that set is
 * missing, the document settings. Undefined outside Office (preview mode: the pane keeps its state
 * in memory).
 */
export function officeTermsStore(place: TermsPlace = TERMS_PLACE): TermsStore | undefined {
  if (typeof Office === "undefined" || !Office.context) return undefined;
  const excelRun: ExcelRunLike | undefined =
    typeof Excel === "undefined" ? undefined : (batch) => Excel.run((context) => batch(context));
  return chooseTermsStore(
    {
      isSetSupported: (name, version) => Office.context.requirements?.isSetSupported(name, version) ?? false,
      excelRun,
      settings: Office.context.document?.settings,
    },
    place,
  );
}
