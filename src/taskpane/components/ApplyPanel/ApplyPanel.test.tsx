import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ApplySummary } from "../../../apply";
import type { Highlighting } from "../HighlightSettings/HighlightSettings";
import { ApplyPanel } from "./ApplyPanel";
import type { ApplyRun, RunState } from "./useApplyRun";

/** The Apply panel after a run: what it tells the user about the sheet it wrote. */

const SUMMARY: ApplySummary = {
  mode: "invoices",
  asOf: 46359,
  asOfIso: "2026-12-03",
  rows: 3,
  computed: 3,
  errors: 0,
  blank: 0,
  firstErrors: [],
  totalInterest: 0,
  totalRecoveryFees: 0,
  totalPenalties: 0,
  lateRows: 0,
  missingRates: [],
  nextDeadlines: [],
  unknownVendors: [],
  unknownVendorNames: 0,
  unknownVendorRowsByLaw: 0,
  cancelled: false,
};

function done(extra: Partial<Extract<RunState, { phase: "done" }>>): RunState {
  return {
    phase: "done",
    register: "range:Factures!A1",
    address: "Factures!A1:D4",
    rows: 3,
    columns: 6,
    added: 6,
    cancelled: false,
    errors: 0,
    summary: "3 ligne(s) de factures : 3 calculée(s).",
    figures: SUMMARY,
    highlight: "added",
    remember: {
      sheet: "Factures",
      range: "A1:J4",
      vendor: "omi",
      mode: "invoices",
      write: "values",
      asOf: "today",
      headers: [],
      appliedOn: "2026-12-03",
    },
    ...extra,
  };
}

function render(state: RunState): string {
  const noop = () => undefined;
  const run: ApplyRun = {
    state,
    busy: false,
    start: noop,
    confirm: noop,
    decline: noop,
    cancel: noop,
    reset: noop,
  };
  const highlighting: Highlighting = {
    on: true,
    setOn: noop,
    daysText: "30",
    setDaysText: noop,
    days: 30,
    invalid: false,
  };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ApplyPanel run={run} notices={[]} canApply onApply={noop} highlighting={highlighting} />
    </FluentProvider>,
  );
}

describe("after Apply, the print setup of the register sheet", () => {
  test("where this Excel could not set it (no ExcelApi 1.9), the panel says how to set it by hand", () => {
    const html = render(done({ printSetup: false }));
    expect(html).toContain('data-testid="print-setup-result"');
    expect(html).toContain("dans Mise en page, choisissez Paysage et Ajuster à 1 page en largeur");
  });

  test("where it was set, or the run did not report it, the panel says nothing of it", () => {
    expect(render(done({ printSetup: true }))).not.toContain("print-setup-result");
    expect(render(done({}))).not.toContain("print-setup-result");
  });
});
