import { findHeaderRow, locateRegister, type CellValue } from "../../src/apply";

const HEADER: CellValue[] = ["N° facture", "Fournisseur", "Date facture", "Montant TTC", "Payé le"];
const DATA: CellValue[] = ["F-1", "omi", "2025-01-01", 2500, ""];

describe("finding a register's header row", () => {
  it("skips a merged title row and a blank line: headers on row 4 are found", () => {
    const rows: (CellValue[] | undefined)[] = [
      ["Registre des factures fournisseurs 2025", null, null, null, null],
      [],
      ["Arrêté au 31/12/2025", null, null, null, null],
      HEADER,
      DATA,
    ];
    const found = findHeaderRow(rows);
    expect(found?.index).toBe(3);
    expect(found?.recognition.mode).toBe("invoices");
  });

  it("does not take a row of two unrelated texts for a header row", () => {
    expect(findHeaderRow([["Lisez-moi", "Ce classeur contient le registre"]])).toBeUndefined();
  });

  it("finds the register on a second sheet, after a « Lisez-moi » sheet", () => {
    const located = locateRegister([
      {
        name: "Lisez-moi",
        rows: [["Ce classeur contient le registre des factures."], ["Voir la feuille suivante."]],
      },
      { name: "Factures 2025", rows: [["Registre 2025"], [], HEADER, DATA] },
    ]);
    expect(located).toMatchObject({ found: true, sheet: "Factures 2025", auto: true });
    expect(located.found && located.header.index).toBe(2);
  });

  it("names the sheets and the rows looked at when there is no register", () => {
    const located = locateRegister([{ name: "Lisez-moi", rows: [["texte"]] }]);
    expect(located.found).toBe(false);
    if (!located.found) {
      expect(located.message.fr).toBe(
        "aucun registre trouvé : aucune des 30 premières lignes des feuilles « Lisez-moi » ne porte d'en-têtes reconnus (une date de facture et un montant, ou une date de début). Indiquez la feuille avec --sheet et la ligne d'en-têtes avec --header-row, ou renommez les colonnes.",
      );
    }
  });

  it("takes the header row given, and refuses one that holds no register headers", () => {
    const rows = [["Titre"], HEADER, DATA];
    expect(locateRegister([{ name: "F", rows }], { headerRow: 2 })).toMatchObject({ found: true });
    const bad = locateRegister([{ name: "F", rows }], { headerRow: 1 });
    expect(bad.found === false && bad.message.fr).toMatch(/^la ligne 1 de la feuille « F » n'est pas/);
  });

  it("names an unknown sheet with the sheets there are", () => {
    const bad = locateRegister([{ name: "Factures", rows: [HEADER] }], { sheet: "Abonnements" });
    expect(bad.found === false && bad.message.fr).toBe(
      "il n'y a pas de feuille « Abonnements » (feuilles : « Factures »).",
    );
  });
});
