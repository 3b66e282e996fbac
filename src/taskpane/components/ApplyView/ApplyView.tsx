import { Divider, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { RateRow } from "../../../engine";
import type { SourceBlock } from "../../../workbook/gateway";
import { useCatalogue, useStrings } from "../../i18n/LanguageContext";
import { ApplyPanel } from "../ApplyPanel/ApplyPanel";
import { APPLY_STRINGS } from "../ApplyPanel/strings";
import { WriteChoices } from "../ApplyPanel/WriteChoices";
import { AsOfPicker, AsOfRemembered } from "../AsOfPicker/AsOfPicker";
import { AS_OF_STRINGS } from "../AsOfPicker/strings";
import type { AsOf } from "../AsOfPicker/useAsOf";
import { CalendarExport } from "../CalendarExport/CalendarExport";
import { ExplainPanel } from "../ExplainPanel/ExplainPanel";
import { Fold } from "../Fold/Fold";
import { HighlightSettings } from "../HighlightSettings/HighlightSettings";
import type { Explain } from "../ExplainPanel/useExplain";
import { PreviewTable } from "../PreviewTable/PreviewTable";
import { RecalcPanel } from "../Recalculate/RecalcPanel";
import type { WorkbookTerms } from "../StoredTerms/useWorkbookTerms";
import type { ApplyViewState } from "./useApplyView";
import type { UnknownVendorActions } from "../ApplyPanel/UnknownVendorsOffer";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

/**
 * « Appliquer » below the vendor and the register (issue 21): « Écrire » — values or formulas, as of
 * when, the options (highlighting, the as-of date remembered) folded to one line, the columns written
 * — and the Apply button, its progress and its outcome; then the preview of the first rows, « Tout
 * recalculer », the calendar export and Explain.
 */
export function ApplyView({
  state,
  asOf,
  block,
  referenceColumn,
  terms,
  explain,
  preview,
  unknownVendors,
}: {
  state: ApplyViewState;
  asOf: AsOf;
  /** The register read, if any. */
  block: SourceBlock | undefined;
  /** The column the preview names each row by (the invoice number); the first one otherwise. */
  referenceColumn: number | undefined;
  terms: WorkbookTerms;
  explain: Explain;
  /** The pane runs on the demo workbook: Explain says to click one of its cells. */
  preview: boolean;
  /** What Apply offers for the register's unknown vendors. */
  unknownVendors?: UnknownVendorActions;
}) {
  const s = useStrings();
  const t = useCatalogue(APPLY_STRINGS);
  const asOfText = useCatalogue(AS_OF_STRINGS);
  const styles = useStyles();
  const [optionsOpen, setOptionsOpen] = React.useState(false);
  const { settings } = terms.restored;
  const rateRows: readonly RateRow[] = terms.state.rateRows;
  return (
    <>
      <section className={styles.section} aria-labelledby="apply-title">
        <WriteChoices
          heading={
            <Subtitle2 as="h2" id="apply-title">
              {s.applySection}
            </Subtitle2>
          }
          headingId="apply-title"
          writeMode={state.writeMode}
          setWriteMode={state.setWriteMode}
          formulasAllowed={state.formulasAllowed}
        />
        <AsOfPicker asOf={asOf} />
        <Fold
          title={t.options}
          summary={`${t.highlightSummary(state.highlighting.days)} · ${asOfText.remembered(asOf.kind)}`}
          open={optionsOpen}
          onToggle={() => setOptionsOpen((o) => !o)}
          locked={state.highlighting.invalid}
          testId="write-options"
        >
          <HighlightSettings highlighting={state.highlighting} />
          <AsOfRemembered asOf={asOf} />
        </Fold>
        <ApplyPanel
          run={state.run}
          notices={state.notices}
          plannedColumns={state.plannedColumns}
          canApply={state.canApply}
          onApply={state.onApply}
          highlighting={state.highlighting}
          rates={{ table: settings.rates, userRows: rateRows, onSave: state.saveRatesThen("apply") }}
          {...(unknownVendors ? { unknownVendors } : {})}
        />
      </section>

      {block && (
        <section className={styles.section} aria-labelledby="preview-title">
          <Subtitle2 as="h2" id="preview-title">
            {s.previewTitle}
          </Subtitle2>
          <PreviewTable source={block} preview={state.preview} referenceColumn={referenceColumn} />
        </section>
      )}
      <Divider />

      <section className={styles.section} aria-labelledby="recalc-title">
        <Subtitle2 as="h2" id="recalc-title">
          {s.recalcSection}
        </Subtitle2>
        <RecalcPanel
          recalc={state.recalc}
          disabled={state.run.busy}
          table={settings.rates}
          userRows={rateRows}
          onSaveRates={state.saveRatesThen("recalc")}
        />
      </section>
      <Divider />

      <section className={styles.section} aria-labelledby="calendar-title">
        <Subtitle2 as="h2" id="calendar-title">
          {s.calendarSection}
        </Subtitle2>
        <CalendarExport source={block} options={state.options} />
      </section>
      <Divider />

      <section className={styles.section} aria-labelledby="explain-title">
        <Subtitle2 as="h2" id="explain-title">
          {s.explainTitle}
        </Subtitle2>
        <ExplainPanel explain={explain} preview={preview} />
      </section>
    </>
  );
}
