import {
  captureState,
  checkCompany,
  formatIban,
  formatSiren,
  isValidIban,
  isValidSiren,
  MAX_PENALTY_NOTES,
  parseStoredDocument,
  serializeState,
  STORAGE_NAMESPACE,
  withCompany,
  withPenaltyNotes,
  type StoredCompany,
  type StoredPenaltyNote,
} from "../../src/storage";
import { prototypeKeys } from "./fixtures";

const PROTO_BEFORE = prototypeKeys();
afterEach(() => expect(prototypeKeys()).toEqual(PROTO_BEFORE));

// 732 829 320: Luhn from the right, every second digit doubled: 0 + 4 + 3 + (18→9) + 2 + (16→7) + 2 + 6 + 7 = 40 → valid.
const SIREN = "732829320";
// FR76 3000 6000 0112 3456 7890 189: the bank's published example; mod 97 of the rearranged digits is 1.
const IBAN = "FR7630006000011234567890189";

const COMPANY: StoredCompany = {
  name: "Atelier Dupont",
  legalForm: "SARL au capital de 10 000 €",
  address: "12 rue de la République\n69002 Lyon",
  siren: SIREN,
  iban: IBAN,
  email: "compta@atelier-dupont.fr",
  place: "Lyon",
};

const NOTE: StoredPenaltyNote = {
  number: "ND-2026-001",
  date: "2026-06-30",
  client: "Hôtel Bellevue & fils <SA>",
  total: "175.52",
  lines: [
    { invoice: "OMI-2025-101", interest: "63.38", fee: "40.00" },
    { invoice: "OMI-2025-115", interest: "32.14", fee: "40.00" },
  ],
};

const doc = (inner: string, format = "2") =>
  `<terms xmlns="${STORAGE_NAMESPACE}" format="${format}" revision="1">${inner}</terms>`;

describe("the identifiers of « Mon entreprise »", () => {
  test("a SIREN is 9 digits with a Luhn key", () => {
    expect(isValidSiren(SIREN)).toBe(true);
    expect(isValidSiren("732829321")).toBe(false);
    expect(isValidSiren("73282932")).toBe(false);
    expect(formatSiren(SIREN)).toBe("732\u00a0829\u00a0320");
  });

  test("an IBAN passes its mod-97 key and its country's length", () => {
    expect(isValidIban(IBAN)).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("FR7630006000011234567890188")).toBe(false); // last digit changed
    expect(isValidIban("FR763000600001123456789018")).toBe(false); // 26 characters for FR
    expect(formatIban(IBAN)).toBe("FR76 3000 6000 0112 3456 7890 189");
  });

  test("the block is cleaned (spaces in SIREN and IBAN, case) and each problem names its field", () => {
    const r = checkCompany({ ...COMPANY, siren: "732 829 320", iban: "fr76 3000 6000 0112 3456 7890 189" });
    expect(r).toEqual({ ok: true, company: COMPANY });
    const bad = checkCompany({ name: " ", address: "x", siren: "732829321", iban: "FR00", email: "nope" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.field)).toEqual(["name", "siren", "iban", "email"]);
      expect(bad.problems[1]?.text.fr).toContain("clé de contrôle");
    }
    expect(checkCompany({ ...COMPANY, name: 12 }).ok).toBe(false);
    expect(checkCompany({ ...COMPANY, name: "x".repeat(201) }).ok).toBe(false);
  });
});

describe("the recovery parts in the stored document", () => {
  test("company and penalty notes survive a write and a read, as format 2", () => {
    const state = withPenaltyNotes(withCompany(captureState({}), COMPANY), [
      NOTE,
      { ...NOTE, number: "ND-2026-002", cancelled: true, lines: [] },
    ]);
    const xml = serializeState(state);
    expect(xml).toContain('format="2"');
    const r = parseStoredDocument(xml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues).toEqual([]);
    expect(r.state.company).toEqual(COMPANY);
    expect(r.state.penaltyNotes).toEqual(state.penaltyNotes);
    expect(r.state.format).toBe(2);
  });

  test("a state without them is still written as format 1, which older versions read", () => {
    expect(serializeState(captureState({}))).toContain('format="1"');
  });

  test("saving the terms again keeps the company and the series", () => {
    const before = withPenaltyNotes(withCompany(captureState({}), COMPANY), [NOTE]);
    const after = captureState({
      rateRows: [{ halfYear: "2026-H2", legalProfessional: "2.5" }],
      previous: before,
    });
    expect(after.company).toEqual(COMPANY);
    expect(after.penaltyNotes).toEqual([NOTE]);
  });

  test("a note number already in the series is refused", () => {
    const state = withPenaltyNotes(captureState({}), [NOTE]);
    expect(() => withPenaltyNotes(state, [NOTE])).toThrow(/already in the series/);
  });

  test("an invalid company block is left out and reported; the rest loads", () => {
    const r = parseStoredDocument(
      doc(
        `<company name="X" address="Y" siren="123456789" iban="${IBAN}"/><penaltyNote number="ND-2026-001" date="2026-06-30" client="A" total="1.00"/>`,
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.company).toBeUndefined();
    expect(r.issues[0]?.where).toBe("company");
    expect(r.state.penaltyNotes.map((n) => n.number)).toEqual(["ND-2026-001"]);
  });

  test("a damaged note keeps its number taken; a number seen twice keeps its first note", () => {
    const r = parseStoredDocument(
      doc(
        `<penaltyNote number="ND-2026-001" date="30/06/2026" client="A" total="1"/>` +
          `<penaltyNote number="ND-2026-002" date="2026-06-30" client="B" total="2.00"/>` +
          `<penaltyNote number="ND-2026-002" date="2026-07-01" client="C" total="3.00"/>` +
          `<penaltyNote number="__proto__" date="2026-06-30" client="D" total="4"/>` +
          `<penaltyNote number="ND-2026-003" date="2026-06-30" client="E" total="1e9"><line invoice="F1" interest="1" fee="40"/></penaltyNote>`,
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.penaltyNotes.map((n) => [n.number, n.client, n.damaged ?? false])).toEqual([
      ["ND-2026-001", "", true],
      ["ND-2026-002", "B", false],
      ["ND-2026-003", "", true],
    ]);
    expect(r.issues.map((i) => i.where)).toEqual([
      "penaltyNote[ND-2026-001]",
      "penaltyNote[ND-2026-002]",
      "penaltyNote[4]",
      "penaltyNote[ND-2026-003]",
    ]);
    // A damaged note is written back as its number alone, and read back without a new issue.
    const again = parseStoredDocument(serializeState(r.state));
    expect(again.ok && again.state.penaltyNotes.filter((n) => n.damaged).length).toBe(2);
    expect(again.ok && again.issues).toEqual([]);
  });

  test("hostile values: markup and control characters in names are inert, counts are bounded", () => {
    const state = withCompany(captureState({}), { ...COMPANY, name: 'A"/><company name="B' });
    const r = parseStoredDocument(serializeState(state));
    expect(r.ok && r.state.company?.name).toBe('A"/><company name="B');
    const many = Array.from(
      { length: MAX_PENALTY_NOTES + 3 },
      (_, i) =>
        `<penaltyNote number="ND-2026-${String(i + 1).padStart(4, "0")}" date="2026-01-01" client="A" total="1"/>`,
    ).join("");
    const big = parseStoredDocument(doc(many));
    expect(big.ok && big.state.penaltyNotes.length).toBe(MAX_PENALTY_NOTES);
    expect(big.ok && big.issues.some((i) => i.where === "penaltyNotes")).toBe(true);
  });
});
