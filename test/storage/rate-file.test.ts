import { parseRateFile } from "../../src/storage";

describe("a rate file", () => {
  it("reads the CSV header the README gives, with a decimal comma and ';' as a French Excel saves it", () => {
    const r = parseRateFile(
      "\ufeffhalf-year;legal-professional;legal-consumer;ecb\r\n2026-H2;2,50;6,20;2,15\r\n",
      "taux.csv",
    );
    expect(r).toEqual({
      ok: true,
      rows: [{ halfYear: "2026-H2", legalProfessional: "2,50", legalConsumer: "6,20", ecb: "2,15" }],
    });
  });

  it("reads ',' separated CSV with dots and an optional source column", () => {
    const r = parseRateFile(
      "half-year,legal-professional,legal-consumer,ecb,source\n2026-H2,2.50,,2.15,arrêté du 24 juin 2026\n",
      "taux.csv",
    );
    expect(r.ok && r.rows[0]).toEqual({
      halfYear: "2026-H2",
      legalProfessional: "2.50",
      ecb: "2.15",
      source: "arrêté du 24 juin 2026",
    });
  });

  it("reads JSON: an array of objects with the same keys, numbers or text", () => {
    const r = parseRateFile('[{"half-year":"2026-H2","legal-professional":2.5,"ecb":"2,15"}]', "taux.json");
    expect(r.ok && r.rows).toEqual([{ halfYear: "2026-H2", legalProfessional: "2.5", ecb: "2,15" }]);
  });

  it("refuses a wrong header, saying what it must be", () => {
    const r = parseRateFile("semestre;taux\n2026-H2;2,5\n", "taux.csv");
    expect(!r.ok && r.problems[0]?.fr).toBe(
      "l'en-tête du fichier de taux doit être half-year,legal-professional,legal-consumer,ecb (et éventuellement source) ; reçu « semestre;taux ».",
    );
  });

  it("uses nothing from a file with a bad row, naming each line of the file and field", () => {
    const r = parseRateFile(
      "half-year;legal-professional;legal-consumer;ecb\n2026-H2;2,50;6,20;2,15\n2027-H1;trois;;2,15\n2026-H2;2,40;;\n",
      "taux.csv",
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.fr)).toEqual([
      // Line 1 is the header: the rate rows are lines 2, 3 and 4.
      "taux.csv, ligne 3, taux légal (professionnels) : « trois » n'est pas un pourcentage (attendu par ex. 2,62).",
      "taux.csv, ligne 4 : le semestre 2026-H2 figure déjà ligne 2 avec d'autres taux.",
    ]);
  });

  it("names the line an editor shows, blank lines and a quoted line break counted", () => {
    // Line 1 header, line 2 blank, lines 3–4 one row whose source holds a line break, line 5 the bad row.
    const r = parseRateFile(
      'half-year,legal-professional,legal-consumer,ecb,source\n\n2026-H1,2.62,6.67,2.15,"arrêté du\n15 décembre 2025"\n2026-H2,35,,,\n',
      "taux.csv",
    );
    expect(!r.ok && r.problems.map((p) => p.fr)).toEqual([
      "taux.csv, ligne 5, taux légal (professionnels) : 35 % est hors de 0 % à 30 % (un pourcentage annuel, par ex. 2,62).",
    ]);
  });

  it("refuses JSON that is not an array of plain objects, or has unknown keys", () => {
    expect(parseRateFile('{"half-year":"2026-H2"}', "t.json").ok).toBe(false);
    const r = parseRateFile('[{"half-year":"2026-H2","legal":2.5}]', "t.json");
    expect(!r.ok && r.problems[0]?.en).toMatch(/unknown key "legal"/);
    expect(parseRateFile('[{"__proto__":{"x":1},"half-year":"2026-H2","ecb":2}]', "t.json").ok).toBe(false);
  });
});
