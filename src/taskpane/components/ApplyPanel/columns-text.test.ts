import type { PlannedColumn } from "../../../write";
import { plannedColumnsText } from "./columns-text";

/** Result columns at these zero-based sheet columns, new or an earlier run's. */
const columns = (at: readonly number[], existing: (i: number) => boolean = () => false): PlannedColumn[] =>
  at.map((column, i) => ({
    id: "status",
    header: `Colonne ${i + 1}`,
    format: "text",
    numberFormat: "@",
    column,
    existing: existing(i),
  }));

describe("the line that says what Apply will write", () => {
  test("six new columns right of a register in A:F are G:L, new, right of the register", () => {
    // A..F are columns 0..5: the six results go to 6..11, G to L.
    expect(plannedColumnsText(columns([6, 7, 8, 9, 10, 11]), "fr")).toBe(
      "6 colonne(s) de résultat en G:L : nouvelles, à droite du registre.",
    );
    expect(plannedColumnsText(columns([6, 7, 8, 9, 10, 11]), "en")).toBe(
      "6 result column(s) in G:L: new, right of the register.",
    );
  });

  test("a second run rewrites an earlier run's columns in place", () => {
    expect(
      plannedColumnsText(
        columns([6, 7, 8, 9, 10, 11], () => true),
        "fr",
      ),
    ).toBe("6 colonne(s) de résultat en G:L : celles d'un calcul précédent, réécrites.");
  });

  test("columns apart are listed one by one, and the new ones counted", () => {
    // An earlier run's « Statut » in H, the five others new from M (column 12) on.
    expect(
      plannedColumnsText(
        columns([12, 13, 14, 15, 16, 7], (i) => i === 5),
        "fr",
      ),
    ).toBe("6 colonne(s) de résultat en H, M, N, O, P, Q, dont 5 nouvelle(s).");
  });

  test("nothing planned, nothing said", () => {
    expect(plannedColumnsText([], "fr")).toBe("");
  });
});
