/**
 * « Tout recalculer » over two registers (issue 13, Done when: « a workbook with two applied registers
 * (invoices and subscriptions) is recalculated in one run to a later as-of date, in the pane »), in
 * headless Chromium on the pane's preview mode, in a 320 px pane. `?today=` pins the pane's clock.
 *
 * On 30/06/2026 the user applies, as of « aujourd'hui », Sillage's invoice register (the sheet the
 * preview opens on, 'Factures Sillage'!A1:F37, read as the region around A1) and the subscriptions
 * table TabAbonnements (each row names its vendor). The workbook stays open with what Apply wrote in
 * its cells while the clock moves to 03/12/2026 (the page's address changes, nothing reloads: the
 * in-memory workbook is the workbook as it was saved, old results included); « Tout recalculer » then
 * writes both registers again. A fresh page on 03/12/2026, where the user applies both registers
 * anew, must hold the same cells.
 *
 * No rate for the 2nd half of 2026 is shipped (issue 13): as of 03/12/2026 the invoices late into it
 * have everything but their interest, in both runs alike.
 */
import type { Page } from "playwright-core";
import { describeInBrowser } from "../support/browser";
import { chooseSource, gotoPane, openPaneSession, type PaneSession } from "../support/pane-session";

type Value = string | number | boolean | null;

const SILLAGE = "Factures Sillage";
const SUBSCRIPTIONS = "Abonnements";

/** Sillage's register: A–F its own, G–L Apply's (due date, days late, interest, fee, total, status). */
const DUE = 6;
const DAYS = 7;
const INTEREST = 8;
const FEE = 9;
const TOTAL = 10;
const STATUS = 11;
/** FA-0130: data row 29 (0-based sheet row 30): a Sillage subscription invoice, never paid. */
const FA0130 = 30;

/** The subscriptions table: A–E its own, F–J Apply's (renewal, notice deadline, days left, end, status). */
const RENEWAL = 5;
const NOTICE = 6;
const DAYS_LEFT = 7;
const END = 8;
/** Boulangerie Martin (OMI, from 15/03/2024) and Garage du Port (Sillage, from 30/06/2025). */
const MARTIN = 1;
const GARAGE = 3;

/** Excel's serial of a day (1900 system): 25569 is 01/01/1970. */
const serial = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000 + 25_569;

/** A cell's value in the page's demo workbook (0-based row and column). */
function value(page: Page, sheet: string, row: number, column: number): Promise<Value | undefined> {
  return page.evaluate(
    ([s, r, c]) =>
      (
        window as unknown as {
          __echeanceDemo: { cell(s: string, r: number, c: number): { value: Value } | undefined };
        }
      ).__echeanceDemo.cell(s as string, r as number, c as number)?.value,
    [sheet, row, column] as const,
  );
}

interface SheetSnapshot {
  /** Every cell over the used range: value, formula, number format, bold, wrap; null where empty. */
  cells: unknown[][];
  widths: (number | null)[];
  notes: [string, string][];
  highlights: unknown[];
  tables: unknown[];
}

/** All a run writes to a sheet, read from the page's in-memory workbook. */
function snapshot(page: Page, sheet: string): Promise<SheetSnapshot> {
  return page.evaluate((name) => {
    interface Cell {
      value: unknown;
      formula?: string;
      numberFormat?: string;
      bold?: boolean;
      wrap?: boolean;
    }
    interface Block {
      row: number;
      column: number;
      rowCount: number;
      columnCount: number;
    }
    const wb = (
      window as unknown as {
        __echeanceDemo: {
          cell(s: string, r: number, c: number): Cell | undefined;
          usedBlock(s: string): Block;
          columnWidth(s: string, c: number): number | undefined;
          notes: Map<string, string>;
          comments: Map<string, string>;
          conditionalFormats: { sheet: string }[];
          tables: { sheet: string }[];
        };
      }
    ).__echeanceDemo;
    const used = wb.usedBlock(name);
    const cells: unknown[][] = [];
    for (let r = 0; r < used.row + used.rowCount; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < used.column + used.columnCount; c++) {
        const x = wb.cell(name, r, c);
        line.push(
          x ? [x.value, x.formula ?? null, x.numberFormat ?? null, x.bold ?? null, x.wrap ?? null] : null,
        );
      }
      cells.push(line);
    }
    const widths: (number | null)[] = [];
    for (let c = 0; c < used.column + used.columnCount; c++) widths.push(wb.columnWidth(name, c) ?? null);
    return {
      cells,
      widths,
      notes: [...wb.notes, ...wb.comments].filter(([k]) => k.startsWith(`${name}!`)),
      highlights: wb.conditionalFormats.filter((f) => f.sheet === name),
      tables: wb.tables.filter((t) => t.sheet === name).map((t) => ({ ...t })),
    };
  }, sheet);
}

/** The registers the page's workbook remembers (its stored terms, the custom XML part Excel would hold). */
async function rememberedRegisters(page: Page): Promise<string[]> {
  const saved = await page.evaluate(
    () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
  );
  return saved.flatMap((xml) => xml.match(/<register [^>]*\/>/g) ?? []);
}

/** Waits until the pane has read the Sillage register, the sheet the preview opens on. */
async function sillageRead(page: Page): Promise<void> {
  await page
    .getByTestId("source-address")
    .filter({ hasText: `'${SILLAGE}'!A1:F37` })
    .waitFor({ timeout: 15_000 });
}

/** Opens the pane on `today` with a workbook that has no stored terms yet, its Sillage register read. */
async function openPane(page: Page, origin: string, today: string): Promise<void> {
  await gotoPane(page, origin, today);
  await sillageRead(page);
}

/**
 * Applies, as of the pane's today, the register the preview opens on (Sillage's invoices, vendor
 * Sillage), then the subscriptions table: what the user does on either day.
 */
async function applyBoth(page: Page): Promise<void> {
  await page.getByTestId("apply").click();
  await page.getByTestId("apply-result").filter({ hasText: "36 ligne(s)" }).waitFor({ timeout: 30_000 });
  await page.getByTestId("demo-workbook").getByRole("tab", { name: SUBSCRIPTIONS }).click();
  await chooseSource(page, "Tableau Excel");
  await page.getByTestId("source-address").filter({ hasText: "TabAbonnements" }).waitFor({ timeout: 15_000 });
  await page.getByTestId("apply").click();
  await page.getByTestId("apply-result").filter({ hasText: "8 ligne(s)" }).waitFor({ timeout: 30_000 });
}

/** The workbook's stored terms as the pane left them on 30/06/2026, for the reopening below. */
let savedInJune: string[] | undefined;
/** The two sheets after two fresh Applies on 03/12/2026. */
const freshlyApplied: Record<string, SheetSnapshot> = {};

describeInBrowser("two registers recalculated in one run to a later day (headless Chromium, 320 px)", () => {
  let session: PaneSession;
  let page: Page;
  /** The two sheets after « Tout recalculer » on 03/12/2026, and the registers then remembered. */
  let recalculated: Record<string, SheetSnapshot> = {};
  let rememberedAfterRecalc: string[] = [];
  /** The two sheets as Apply left them on 30/06/2026. */
  let june: Record<string, SheetSnapshot> = {};

  beforeAll(async () => {
    session = await openPaneSession("2026-06-30");
    page = session.page;
    await sillageRead(page);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  test("on 30/06/2026 the pane applies the invoices and the subscriptions table as of today, and the workbook remembers both « as of today »", async () => {
    expect(await page.getByTestId("as-of").inputValue()).toBe("30/06/2026");
    await applyBoth(page);

    // FA-0130: invoiced 20/12/2025 (06/01/2025 + 12 × 29 days), 480 + (29 × 733 mod 5 200) + 1 = 938 €,
    // a « subscription » invoice: Sillage states no term (CGV 7.2.3), the legal 30 days apply
    // (L441-10): due 19/01/2026. Unpaid on 30/06/2026: 12 + 28 + 31 + 30 + 31 + 30 = 162 days late,
    // all in the 1st half of 2026 at 3 × 2,62 % = 7,86 % (CGV 7.4): 938 × 0,0786 × 162 / 365
    //   = 11 943,7416 / 365 = 32,7226… → 32,72 €; with the 40 € fee, 72,72 €.
    expect(await value(page, SILLAGE, FA0130, 0)).toBe("FA-0130");
    expect(await value(page, SILLAGE, FA0130, DUE)).toBe(serial("2026-01-19"));
    expect(await value(page, SILLAGE, FA0130, DAYS)).toBe(162);
    expect(await value(page, SILLAGE, FA0130, INTEREST)).toBe(32.72);
    expect(await value(page, SILLAGE, FA0130, TOTAL)).toBe(72.72);
    // Boulangerie Martin, OMI from 15/03/2024, yearly periods (CGA 7): renews 15/03/2027; notice
    // 2 months before: deadline 15/01/2027, 184 + 15 = 199 days after 30/06/2026.
    expect(await value(page, SUBSCRIPTIONS, 0, RENEWAL)).toBe("Prochain renouvellement");
    expect(await value(page, SUBSCRIPTIONS, MARTIN, RENEWAL)).toBe(serial("2027-03-15"));
    expect(await value(page, SUBSCRIPTIONS, MARTIN, NOTICE)).toBe(serial("2027-01-15"));
    expect(await value(page, SUBSCRIPTIONS, MARTIN, DAYS_LEFT)).toBe(199);

    june = { [SILLAGE]: await snapshot(page, SILLAGE), [SUBSCRIPTIONS]: await snapshot(page, SUBSCRIPTIONS) };
    const remembered = await rememberedRegisters(page);
    savedInJune = await page.evaluate(
      () => (window as unknown as { __echeanceStoredTerms: string[] }).__echeanceStoredTerms,
    );
    expect(remembered).toHaveLength(2);
    expect(remembered[0]).toMatch(
      /^<register sheet="Factures Sillage" range="A1:L37" vendor="sillage" mode="invoices" write="values" asOf="today"[^>]* appliedOn="2026-06-30"/,
    );
    expect(remembered[1]).toMatch(
      /^<register sheet="Abonnements" table="TabAbonnements" vendor="sillage" mode="subscriptions" write="values" asOf="today"[^>]* appliedOn="2026-06-30"/,
    );
  });

  test("on 03/12/2026, with June's results still in the cells, « Tout recalculer » recalculates both registers in one run, a line each", async () => {
    // The clock moves on, the workbook stays as it was saved: only the pinned day in the address changes.
    await page.evaluate(() => window.history.replaceState(null, "", "?today=2026-12-03"));
    const panel = page.getByTestId("recalc-panel");
    const listed = await panel.getByTestId("recalc-registers").innerText();
    expect(listed).toContain(`'${SILLAGE}'!A1:L37 — arrêté à la date du jour`);
    expect(listed).toContain("tableau TabAbonnements — arrêté à la date du jour");
    await panel.getByTestId("recalc-all").click();
    const result = panel.getByTestId("recalc-result");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain("2 registre(s) recalculé(s), 0 ignoré(s) ou en erreur.");
    const lines = result.getByTestId("recalc-line");
    expect(await lines.allInnerTexts()).toEqual([
      `'${SILLAGE}'!A1:L37 : 36 ligne(s) recalculée(s) au 03/12/2026.`,
      "tableau TabAbonnements : 8 ligne(s) recalculée(s) au 03/12/2026.",
    ]);
    expect(await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-outcome")))).toEqual([
      "applied",
      "applied",
    ]);

    // FA-0130, still due 19/01/2026, unpaid on 03/12/2026: 12 days of January after the 19th + 28 +
    // 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 3 = 318 days late; the 40 € fee (L441-10). Late
    // into the 2nd half of 2026, whose legal rate is not shipped: no interest, and the status says why.
    expect(await value(page, SILLAGE, FA0130, DUE)).toBe(serial("2026-01-19"));
    expect(await value(page, SILLAGE, FA0130, DAYS)).toBe(318);
    expect(await value(page, SILLAGE, FA0130, FEE)).toBe(40);
    expect(typeof (await value(page, SILLAGE, FA0130, INTEREST))).toBe("string");
    const status = String(await value(page, SILLAGE, FA0130, STATUS));
    expect(status).toContain("318 jours de retard");
    expect(status).toContain("taux légal du 2e semestre 2026 non renseigné");
    // Boulangerie Martin: the same renewal and deadline, now 28 days to 31/12/2026 + 15 = 43 days left.
    expect(await value(page, SUBSCRIPTIONS, MARTIN, RENEWAL)).toBe(serial("2027-03-15"));
    expect(await value(page, SUBSCRIPTIONS, MARTIN, NOTICE)).toBe(serial("2027-01-15"));
    expect(await value(page, SUBSCRIPTIONS, MARTIN, DAYS_LEFT)).toBe(43);
    // Garage du Port, Sillage from 30/06/2025 (CGV 19): 12 months' commitment to 30/06/2026, then
    // monthly anniversaries counted from the start (30/07, 30/08 … 30/12/2026, 30/01/2027). As of
    // 03/12/2026 the next renewal is 30/12/2026. Its deadline (N + 1 month ≤ 30/12/2026: 30/11/2026)
    // has passed, so the deadline shown is the next one's, for 30/01/2027: 30/12/2026, 27 days away.
    // A notice received today stops the first anniversary on or after max(30/06/2026, 03/01/2027):
    // 30/01/2027; the client is bound through 29/01/2027.
    expect(await value(page, SUBSCRIPTIONS, GARAGE, 0)).toBe("Garage du Port");
    expect(await value(page, SUBSCRIPTIONS, GARAGE, RENEWAL)).toBe(serial("2026-12-30"));
    expect(await value(page, SUBSCRIPTIONS, GARAGE, NOTICE)).toBe(serial("2026-12-30"));
    expect(await value(page, SUBSCRIPTIONS, GARAGE, DAYS_LEFT)).toBe(27);
    expect(await value(page, SUBSCRIPTIONS, GARAGE, END)).toBe(serial("2027-01-29"));

    recalculated = {
      [SILLAGE]: await snapshot(page, SILLAGE),
      [SUBSCRIPTIONS]: await snapshot(page, SUBSCRIPTIONS),
    };
    // Remembered again at the same places, still « as of today », applied on 03/12/2026 (saved
    // after the lines are shown).
    const again = async () => (await rememberedRegisters(page)).join("\n");
    const end = Date.now() + 10_000;
    while (!(await again()).includes('appliedOn="2026-12-03"') && Date.now() < end)
      await new Promise((r) => setTimeout(r, 100));
    rememberedAfterRecalc = await rememberedRegisters(page);
    expect(rememberedAfterRecalc).toHaveLength(2);
    for (const r of rememberedAfterRecalc) {
      expect(r).toContain('asOf="today"');
      expect(r).toContain('appliedOn="2026-12-03"');
    }
  });

  test("two fresh Applies on 03/12/2026, on a fresh workbook, write the very same cells, formats, notes and highlights", async () => {
    const fresh = await session.browser.context.newPage();
    fresh.on("pageerror", (e) => session.pageErrors.push(e.message));
    try {
      await openPane(fresh, session.origin, "2026-12-03");
      expect(await fresh.getByTestId("as-of").inputValue()).toBe("03/12/2026");
      await applyBoth(fresh);
      expect(await value(fresh, SILLAGE, FA0130, DAYS)).toBe(318);
      for (const sheet of [SILLAGE, SUBSCRIPTIONS]) {
        const applied = await snapshot(fresh, sheet);
        // Both sheets have their six (five) new columns and rows down to the register's last.
        expect(applied.cells).toHaveLength(sheet === SILLAGE ? 37 : 9);
        expect(applied.cells[0]).toHaveLength(sheet === SILLAGE ? 12 : 10);
        // Each run leaves its note (as of 03/12/2026) and its highlighting, once: a recalculation that
        // stacked June's rules under its own, or kept June's note, would differ here.
        expect(applied.notes).toHaveLength(1);
        expect(applied.notes[0]?.[1]).toContain("arrêté au 03/12/2026");
        expect(applied.highlights.length).toBeGreaterThan(0);
        expect(recalculated[sheet]).toEqual(applied);
        freshlyApplied[sheet] = applied;
        // June's cells, note and highlighting all differed: the recalculation rewrote each of them.
        for (const part of ["cells", "notes", "highlights"] as const)
          expect(june[sheet]?.[part]).not.toEqual(applied[part]);
      }
      // And the workbook remembers the same two registers either way.
      expect(await rememberedRegisters(fresh)).toEqual(rememberedAfterRecalc);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  test("no page error", () => {
    expect(session.pageErrors).toEqual([]);
  });
});

describeInBrowser(
  "the workbook reopened on 03/12/2026 from its stored terms, both registers recalculated (headless Chromium, 320 px)",
  () => {
    let session: PaneSession;
    let page: Page;

    beforeAll(async () => {
      // The stored terms June's session saved; the preview's demo workbook starts again from its own
      // columns (it keeps no cells across a reload), so this checks what the terms carry: both registers.
      if (savedInJune === undefined) throw new Error("the first session saved no terms");
      session = await openPaneSession("2026-12-03", savedInJune);
      page = session.page;
    }, 60_000);

    afterAll(async () => {
      await session?.close();
    });

    test("« Tout recalculer » lists and recalculates both remembered registers, and writes what two fresh Applies write", async () => {
      const panel = page.getByTestId("recalc-panel");
      await panel.getByTestId("recalc-registers").waitFor({ timeout: 15_000 });
      await panel.getByTestId("recalc-all").click();
      const result = panel.getByTestId("recalc-result");
      await result.waitFor({ timeout: 30_000 });
      expect(await result.getByTestId("recalc-line").allInnerTexts()).toEqual([
        `'${SILLAGE}'!A1:L37 : 36 ligne(s) recalculée(s) au 03/12/2026.`,
        "tableau TabAbonnements : 8 ligne(s) recalculée(s) au 03/12/2026.",
      ]);
      expect(Object.keys(freshlyApplied)).toEqual([SILLAGE, SUBSCRIPTIONS]);
      for (const sheet of [SILLAGE, SUBSCRIPTIONS])
        expect(await snapshot(page, sheet)).toEqual(freshlyApplied[sheet]);
    });

    test("no page error", () => {
      expect(session.pageErrors).toEqual([]);
    });
  },
);
