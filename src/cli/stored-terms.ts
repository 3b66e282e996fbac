import {
  buildRateTable,
  DEFAULT_SETTINGS,
  halfYearLabel,
  parseHalfYear,
  SHIPPED_REGISTRY,
  type RateRow,
  type Settings,
  type Text,
  type VendorProfile,
  type VendorRegistry,
} from "../engine";
import {
  captureState,
  restoreState,
  STORAGE_NAMESPACE,
  withProfile,
  withRegister,
  type StoredRegister,
  type StoredState,
} from "../storage";
import { loadWorkbookTerms, memoryTermsStore } from "../storage";

/**
 * The terms a command computes with: the shipped vendors and rates, the stored terms of the input
 * workbook (its custom vendors, rate rows and settings — read exactly as the pane reads them, so a
 * workbook that travelled computes the same here as in Excel), and the rows of a `--rates` file on top.
 */
export interface TermsInForce {
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  /** The workbook's stored state, when it has one and it was read. */
  readonly stored: StoredState | undefined;
  /** The rate rows in force beyond the shipped table: the stored ones, with the --rates file's on top. */
  readonly rateRows: readonly RateRow[];
  /** The line saying which stored terms were used (the command's first lines). */
  readonly line: Text;
  /** What could not be read from the stored terms (skipped profiles, bad rows), as sentences. */
  readonly issues: readonly Text[];
}

/**
 * @param customXmlParts the input workbook's custom XML parts (undefined: a CSV file, or --ignore-stored-terms)
 * @param fileRows rate rows of a --rates file: they replace the stored rows of the same half-years
 */
export async function termsInForce(
  customXmlParts: readonly string[] | undefined,
  fileRows: readonly RateRow[],
  ignored: boolean,
): Promise<TermsInForce> {
  const ours = (customXmlParts ?? []).filter((xml) => xml.includes(STORAGE_NAMESPACE));
  const loaded = ours.length > 0 ? await loadWorkbookTerms(memoryTermsStore([...ours])) : undefined;
  const stored = loaded?.state;
  const restored = stored ? restoreState(stored) : undefined;
  const registry = restored?.registry ?? SHIPPED_REGISTRY;
  const base = restored?.settings ?? DEFAULT_SETTINGS;
  const replaced = new Set(fileRows.map((r) => parseHalfYear(r.halfYear)));
  const storedRows = (stored?.rateRows ?? []).filter((r) => !replaced.has(parseHalfYear(r.halfYear)));
  const rows = [...storedRows, ...fileRows];
  const settings: Settings = rows.length === 0 ? base : { ...base, rates: buildRateTable(rows) };
  const issues: Text[] = [
    ...(loaded?.issues ?? []).map((i) => ({
      en: `${i.where}: ${i.text.en}`,
      fr: `${i.where} : ${i.text.fr}`,
    })),
    ...(restored?.issues ?? []).map((i) => i.text),
  ];
  return {
    registry,
    settings,
    stored,
    rateRows: rows,
    line: describe(stored, fileRows, ignored, customXmlParts === undefined),
    issues,
  };
}

function describe(
  stored: StoredState | undefined,
  fileRows: readonly RateRow[],
  ignored: boolean,
  noWorkbook: boolean,
): Text {
  const parts: Text[] = [];
  if (ignored)
    parts.push({
      en: "the workbook's stored terms are ignored (--ignore-stored-terms)",
      fr: "conditions enregistrées dans le classeur ignorées (--ignore-stored-terms)",
    });
  else if (stored) {
    const custom = stored.profiles
      .filter((p) => !SHIPPED_REGISTRY.get(p.profile.id))
      .map((p) => p.profile.id);
    const copies = stored.profiles.filter((p) => SHIPPED_REGISTRY.get(p.profile.id)).map((p) => p.profile.id);
    const halves = stored.rateRows.map((r) => halfYearLabel(parseHalfYear(r.halfYear) ?? 0));
    const list = (xs: readonly string[]) => xs.join(", ");
    const what: Text[] = [
      ...(custom.length > 0
        ? [{ en: `vendors ${list(custom)}`, fr: `fournisseurs du classeur ${list(custom)}` }]
        : []),
      ...(copies.length > 0
        ? [{ en: `stored copies of ${list(copies)}`, fr: `copies enregistrées de ${list(copies)}` }]
        : []),
      ...(halves.length > 0
        ? [{ en: `rate rows ${list(halves)}`, fr: `lignes de taux ${list(halves)}` }]
        : []),
      {
        en: `settings (holidays ${stored.settings.holidays}, end of month ${stored.settings.endOfMonthMethod})`,
        fr: `réglages (jours fériés ${stored.settings.holidays}, fin de mois ${stored.settings.endOfMonthMethod})`,
      },
    ];
    parts.push({
      en: `the workbook's stored terms (revision ${stored.revision}): ${what.map((w) => w.en).join("; ")}`,
      fr: `conditions enregistrées dans le classeur (révision ${stored.revision}) : ${what.map((w) => w.fr).join(" ; ")}`,
    });
  } else if (!noWorkbook)
    parts.push({
      en: "the workbook stores no terms: shipped terms",
      fr: "le classeur n'enregistre pas de conditions : conditions livrées",
    });
  else parts.push({ en: "shipped terms", fr: "conditions livrées" });
  if (fileRows.length > 0) {
    const halves = fileRows.map((r) => halfYearLabel(parseHalfYear(r.halfYear) ?? 0)).join(", ");
    parts.push({ en: `rate file rows ${halves}`, fr: `lignes du fichier de taux ${halves}` });
  }
  return {
    en: `Terms: ${parts.map((p) => p.en).join("; ")}`,
    fr: `Conditions : ${parts.map((p) => p.fr).join(" ; ")}`,
  };
}

/**
 * The stored-terms document the output workbook carries: the input's, with the rate rows in force, the
 * vendors given with --vendor-file (stored as the pane stores a vendor it saves, replacing a stored
 * vendor of the same id), a copy of each shipped vendor the rows were computed with (as the pane keeps
 * one), and the register this run wrote remembered (so « Tout recalculer » and `--all` can apply it again).
 */
export function storedTermsAfter(
  inForce: TermsInForce,
  vendors: readonly VendorProfile[],
  register: StoredRegister,
  given: readonly VendorProfile[] = [],
): StoredState {
  let state = captureState({
    ...(inForce.stored ? { previous: inForce.stored } : {}),
    rateRows: inForce.rateRows,
  });
  for (const profile of given) state = withProfile(state, profile);
  for (const profile of vendors)
    if (!state.profiles.some((p) => p.profile.id === profile.id)) state = withProfile(state, profile);
  return withRegister(state, register);
}
