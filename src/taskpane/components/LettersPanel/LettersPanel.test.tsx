import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { planLetters, type ReminderLevel } from "../../../recovery";
import type { StoredCompany } from "../../../storage";
import { readRecovery } from "../../recovery-adapter";
import { readRegister, recoveryWorkbook } from "../../../../test/taskpane/recovery-fixtures";
import { COMPANY } from "../../../../test/recovery/fixtures";
import { LettersPanel } from "./LettersPanel";
import { proposedForRun, type LettersState } from "./useLetters";

/**
 * The « Relances » view before anything is generated, on the OMI register of recovery-fixtures.ts read
 * as of 30/06/2026: what it says before a letter goes out.
 */

async function render(level: ReminderLevel | undefined, company: StoredCompany | undefined): Promise<string> {
  const { gateway } = recoveryWorkbook();
  const { input } = await readRegister(gateway);
  const reading = readRecovery(input("2026-06-30"));
  if (!reading.ok) throw new Error(reading.problems.join(" "));
  const proposed = proposedForRun(reading.book);
  const chosen = level ?? proposed;
  const plan = planLetters(reading.book, { level: chosen, profile: reading.profile, company });
  const noop = () => undefined;
  const state: LettersState = {
    asOfText: "2026-06-30",
    setAsOfText: noop,
    level: chosen,
    proposed,
    setLevel: noop,
    deadlineText: "8",
    setDeadlineText: noop,
    deadlineDays: 8,
    layout: "file-per-client",
    setLayout: noop,
    template: undefined,
    pickTemplate: async () => undefined,
    clearTemplate: noop,
    reading,
    book: reading.book,
    plan,
    run: { phase: "idle" },
    lastLetters: undefined,
    generate: async () => undefined,
    markSent: async () => undefined,
    issueNotes: async () => undefined,
  };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <LettersPanel state={state} invoices onCompany={noop} />
    </FluentProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

describe("the letters view, before generating", () => {
  test("proposes a reminder where nothing was recorded, and counts the letters on its button", async () => {
    const html = text(await render(undefined, COMPANY));
    expect(html).toContain("Proposé d'après « Dernière relance » : Rappel.");
    // Martin, the Garage du Port and Mme Durand (a consumer: her 300,00 € are past due and unpaid,
    // kept for recovery though Apply cannot price her row) owe something: three letters.
    expect(html).toContain("Créer les lettres (3)");
  });

  test("lists the guardrails: no address, a formal notice out of order, the disputed invoice and the credit note left out, the consumer client", async () => {
    const html = text(await render("mise-en-demeure", COMPANY));
    expect(html).toContain("Garage du Port : pas d'adresse dans le registre");
    expect(html).toContain("adresse à compléter");
    expect(html).toContain("niveau pris hors de l'ordre habituel");
    expect(html).toMatch(/OMI-2026-021[^<]*litig/i);
    expect(html).toContain("AV-2026-003");
    // Mme Durand, « particulier » under OMI's terms for professionals only: no 40 € fee, Code civil 1231-6.
    expect(html).toContain("Mme Durand : client particulier — pas d'indemnité de 40 €");
    expect(html).toContain("(C. civ. 1231-6)");
  });

  test("without « Mon entreprise », says what is missing, offers to complete it and writes no letter", async () => {
    const html = await render(undefined, undefined);
    expect(html).toContain('data-testid="letters-no-company"');
    expect(text(html)).toContain("« Mon entreprise » n'est pas renseigné");
    expect(html).toMatch(
      /data-testid="letters-generate"[^>]*disabled|disabled[^>]*data-testid="letters-generate"/,
    );
  });
});
