import { frenchFormula } from "../../src/workbook/formula-locale";

/**
 * Formulas as a French Excel takes them through `formulasLocal`: the French names of the CGV.*
 * functions (functions-fr.json) and of Excel's, ";" between arguments, "," for decimals, "." between
 * an array constant's columns; texts and quoted sheet names untouched.
 */
describe("live formulas in French", () => {
  test("the custom functions take their French names and the arguments ';'", () => {
    expect(frenchFormula('=CGV.DUEDATE("omi",B2)')).toBe('=CGV.DATEECHEANCE("omi";B2)');
    expect(frenchFormula('=CGV.LATEINTEREST("omi",C2,D2,$K$1)')).toBe(
      '=CGV.INTERETSRETARD("omi";C2;D2;$K$1)',
    );
    expect(frenchFormula('=CGV.RENEWALDATE(B4,C4,$N$3,"monthly")')).toBe(
      '=CGV.DATERENOUVELLEMENT(B4;C4;$N$3;"monthly")',
    );
  });

  test("Excel's own functions too, nested, with comparisons and empty texts", () => {
    expect(frenchFormula('=MAX(0,IF(F4="",$N$3,F4)-G4)')).toBe('=MAX(0;SI(F4="";$N$3;F4)-G4)');
    expect(frenchFormula('=IF(OR(E4="",D4<C4),MAX($N$3,E4),E4)')).toBe(
      '=SI(OU(E4="";D4<C4);MAX($N$3;E4);E4)',
    );
  });

  test("a partial payment's pair: the array constant's columns are separated by '.'", () => {
    expect(frenchFormula('=IF(AND(D4>0,D4<C4),CHOOSE({1,2},E4,D4),"")')).toBe(
      '=SI(ET(D4>0;D4<C4);CHOISIR({1.2};E4;D4);"")',
    );
  });

  test("decimals take a ',', texts and quoted sheet names keep theirs", () => {
    expect(frenchFormula("=B2*1.5+0.25")).toBe("=B2*1,5+0,25");
    expect(frenchFormula("=IF(B2>2.5,\"a,b.c; d\",'Taux, 2025'!A1)")).toBe(
      "=SI(B2>2,5;\"a,b.c; d\";'Taux, 2025'!A1)",
    );
    expect(frenchFormula('="dit ""oui, 1.5"""&DATE(2025,1,2)')).toBe('="dit ""oui, 1.5"""&DATE(2025;1;2)');
  });

  test("TRUE, FALSE and errors take their French names", () => {
    expect(frenchFormula("=IF(B2,TRUE,FALSE)")).toBe("=SI(B2;VRAI;FAUX)");
    expect(frenchFormula('=IF(B2="",#N/A,#VALUE!)')).toBe('=SI(B2="";#N/A;#VALEUR!)');
  });

  test("with English regional separators only the names change", () => {
    expect(frenchFormula('=MAX(0,IF(F4="",$N$3,F4)-G4)', "en")).toBe('=MAX(0,SI(F4="",$N$3,F4)-G4)');
    expect(frenchFormula("=B2*1.5", "en")).toBe("=B2*1.5");
  });

  test("a function whose French name is not known is not guessed", () => {
    expect(frenchFormula("=VLOOKUP(B2,A:C,2)")).toBeUndefined();
    expect(frenchFormula("=CGV.NOSUCH(B2)")).toBeUndefined();
  });
});
