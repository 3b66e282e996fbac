import { recognizeHeaders } from "../../src/apply";
import { checkRemembered, inputHeaders, skipReasonText } from "../../src/write";
import {
  captureState,
  parseStoredDocument,
  serializeState,
  withRegister,
  type StoredRegister,
} from "../../src/storage";

/** The one check of a remembered register, used by the pane's « Tout recalculer » and `echeance apply --all`. */

const HEADERS = ["N° facture", "Date facture", "Type de facture", "Montant TTC", "Payé le"];
const base: StoredRegister = {
  sheet: "Factures",
  range: "A1:E20",
  vendor: "omi",
  mode: "invoices",
  write: "values",
  asOf: "today",
  headers: HEADERS,
  appliedOn: "2026-06-30",
};

describe("a remembered register read again", () => {
  test("the same input columns give the recognised mapping", () => {
    const check = checkRemembered(base, HEADERS);
    expect(check.ok && check.recognition.mapping).toEqual(recognizeHeaders(HEADERS).mapping);
  });

  test("an earlier run's result columns and a formulas run's as-of label and date are not input columns", () => {
    // A formulas run wrote its columns right of the register, then « Date d'arrêté » and the date.
    const after = [...HEADERS, "Échéance (CGV)", "Jours de retard", "Date d'arrêté", 46204];
    const previous = recognizeHeaders(after).previousOutputs;
    expect(inputHeaders(after, previous)).toEqual(HEADERS);
    expect(checkRemembered(base, after).ok).toBe(true);
  });

  test("the user's choice of columns, stored with the register, is used instead of a fresh recognition", () => {
    // The user left « Type de facture » (column 2) unmapped: every row is OMI's ordinary invoice.
    const chosen = { ...recognizeHeaders(HEADERS).mapping };
    delete chosen.invoiceKind;
    const check = checkRemembered({ ...base, mapping: { ...chosen } }, HEADERS);
    expect(check.ok && check.recognition.mapping.invoiceKind).toBeUndefined();
    expect(check.ok && check.recognition.mapping.invoiceDate).toBe(1);
    expect(check.ok && check.recognized.invoiceKind).toBe(2);
  });

  test("a stored mapping naming unknown fields or columns outside the block keeps only what is valid", () => {
    const check = checkRemembered(
      { ...base, mapping: { invoiceDate: 1, amount: 3, constructor: 0, paidDate: 99 } },
      HEADERS,
    );
    expect(check.ok && check.recognition.mapping).toEqual({ invoiceDate: 1, amount: 3 });
  });

  test("moved columns are named, the first that differs, in both languages", () => {
    const moved = ["N° facture", "Montant TTC", "Date facture", "Type de facture", "Payé le"];
    const check = checkRemembered(base, moved);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.reason).toEqual({
      kind: "columns-moved",
      column: 1,
      expected: "Date facture",
      found: "Montant TTC",
    });
    expect(skipReasonText(check.reason).fr).toBe(
      "ses colonnes ont changé depuis l'application (colonne 2 : « Date facture » alors, « Montant TTC » maintenant) ; appliquez-le à nouveau à la main",
    );
  });
});

describe("remembered registers in the stored terms", () => {
  test("the chosen mapping travels through the stored document", () => {
    const register: StoredRegister = { ...base, mapping: { invoiceDate: 1, amount: 3, paidDate: 4 } };
    const read = parseStoredDocument(serializeState(captureState({ registers: [register] })));
    expect(read.ok && read.state.registers[0]?.mapping).toEqual({ invoiceDate: 1, amount: 3, paidDate: 4 });
  });

  test("a hostile mapping attribute is dropped, never a prototype key", () => {
    const xml = serializeState(captureState({ registers: [base] })).replace(
      'appliedOn="2026-06-30"',
      'appliedOn="2026-06-30" mapping="__proto__:1 amount:3"',
    );
    const read = parseStoredDocument(xml);
    expect(read.ok && read.state.registers[0]?.mapping).toBeUndefined();
    expect(({} as Record<string, unknown>).amount).toBeUndefined();
  });

  test("a register applied again after gaining rows replaces the one remembered at the same place", () => {
    const state = withRegister(captureState({ registers: [base] }), { ...base, range: "A1:E35" });
    expect(state.registers).toHaveLength(1);
    expect(state.registers[0]?.range).toBe("A1:E35");
  });
});
