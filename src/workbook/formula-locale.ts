import { findSignature } from "../functions/signatures";

/**
 * Live formulas in a French Excel. Formulas written through `range.formulas` with the English names of
 * the add-in's custom functions have given #NAME? in localized Excel (office-js #891, #6614), while
 * `range.formulasLocal` takes a formula as the user types it: the localized names (the French names of
 * the CGV.* functions are those of functions-fr.json, from src/functions/signatures.ts) and the
 * regional separators. French Excel separates arguments with ";" and writes decimals with ",";
 * in an array constant the columns are separated by "." and the rows by ";" (`CHOISIR({1.2};…)`).
 * Texts in quotes and quoted sheet names are never touched.
 */

/**
 * French names of the Excel functions the add-in's formulas use (live formulas: MAX, IF, AND, OR,
 * CHOOSE, DATE; the others are the usual date and arithmetic ones). A function outside this list makes
 * the formula untranslatable rather than guessed.
 */
const FRENCH_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ["MAX", "MAX"],
  ["MIN", "MIN"],
  ["IF", "SI"],
  ["AND", "ET"],
  ["OR", "OU"],
  ["NOT", "NON"],
  ["CHOOSE", "CHOISIR"],
  ["DATE", "DATE"],
  ["SUM", "SOMME"],
  ["SUMPRODUCT", "SOMMEPROD"],
  ["EDATE", "MOIS.DECALER"],
  ["EOMONTH", "FIN.MOIS"],
  ["ROUND", "ARRONDI"],
  ["ISNUMBER", "ESTNUM"],
  ["IFERROR", "SIERREUR"],
  ["DAY", "JOUR"],
  ["MONTH", "MOIS"],
  ["YEAR", "ANNEE"],
  ["ABS", "ABS"],
  ["INT", "ENT"],
  ["MOD", "MOD"],
]);

const FRENCH_ERRORS: ReadonlyMap<string, string> = new Map([
  ["#NAME?", "#NOM?"],
  ["#VALUE!", "#VALEUR!"],
  ["#NUM!", "#NOMBRE!"],
  ["#NULL!", "#NUL!"],
  ["#N/A", "#N/A"],
  ["#REF!", "#REF!"],
  ["#DIV/0!", "#DIV/0!"],
]);

/** Regional separators: France's (";" between arguments, "," for decimals) or the English ones. */
export type Separators = "fr" | "en";

/** The French name of a function of the add-in's formulas, or undefined when it is not known. */
function frenchFunction(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper.startsWith("CGV.")) {
    const signature = findSignature(upper);
    return signature ? `CGV.${signature.fr}` : undefined;
  }
  return FRENCH_FUNCTIONS.get(upper);
}

const isIdentifierStart = (c: string) => /[A-Za-z_$\\]/.test(c);
const isIdentifierPart = (c: string) => /[A-Za-z0-9_.$\\]/.test(c);

/**
 * A formula with English names and separators (as `range.formulas` takes it) in French, as
 * `range.formulasLocal` takes it in a French Excel: `=MAX(0,IF(F4="",$N$3,F4)-G4)` →
 * `=MAX(0;SI(F4="";$N$3;F4)-G4)`, `=CGV.DUEDATE("omi",B2)` → `=CGV.DATEECHEANCE("omi";B2)`.
 * With `separators` "en", only the names change (a French Excel on English regional settings).
 * Undefined when the formula calls a function whose French name is not known here.
 */
export function frenchFormula(formula: string, separators: Separators = "fr"): string | undefined {
  const fr = separators === "fr";
  let out = "";
  let i = 0;
  let inArray = false;
  const n = formula.length;
  while (i < n) {
    const c = formula.charAt(i);
    if (c === '"' || c === "'") {
      // A text or a quoted sheet name, copied as it is (a doubled quote stays inside).
      let j = i + 1;
      while (j < n) {
        if (formula.charAt(j) === c) {
          if (formula.charAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "{") inArray = true;
    if (c === "}") inArray = false;
    if (c === ",") {
      // Between arguments (and the union operator) ";"; between an array's columns ".".
      out += fr ? (inArray ? "." : ";") : ",";
      i++;
      continue;
    }
    if (c === "#") {
      const m = /^#(?:N\/A|DIV\/0!|[A-Z]+[!?])/.exec(formula.slice(i));
      if (m) {
        out += FRENCH_ERRORS.get(m[0]) ?? m[0];
        i += m[0].length;
        continue;
      }
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(formula.charAt(i + 1)))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(formula.slice(i));
      const number = m?.[0] ?? c;
      out += fr ? number.replace(".", ",") : number;
      i += number.length;
      continue;
    }
    if (isIdentifierStart(c)) {
      let j = i + 1;
      while (j < n && isIdentifierPart(formula.charAt(j))) j++;
      const word = formula.slice(i, j);
      if (formula.charAt(j) === "(") {
        const name = frenchFunction(word);
        if (name === undefined) return undefined;
        out += name;
      } else if (/^(TRUE|FALSE)$/i.test(word) && formula.charAt(j) !== "!") {
        out += word.toUpperCase() === "TRUE" ? "VRAI" : "FAUX";
      } else out += word;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
