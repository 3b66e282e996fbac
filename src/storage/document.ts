import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  buildRateTable,
  checkProfile,
  HOLIDAY_CALENDARS,
  isEngineError,
  parseHalfYear,
  type EndOfMonthMethod,
  type HolidayCalendar,
  type RateRow,
} from "../engine";
import { contentHash, parseUntrustedJson, xmlSafeJson } from "./json";
import {
  readCompany,
  readPenaltyNotes,
  RECOVERY_ELEMENTS,
  serializeCompany,
  serializePenaltyNotes,
} from "./recovery-parts";
import { attr, attrOf, children, issue, localName, textOf, type XmlNode } from "./xml-node";
import {
  BASE_STORAGE_FORMAT,
  STORAGE_FORMAT,
  STORAGE_NAMESPACE,
  type StoredProfile,
  type StoredRegister,
  type StorageIssue,
  type StoredSettings,
  type StoredState,
} from "./state";

/**
 * The stored state as one XML document, for a custom XML part in namespace urn:echeance:terms:v1:
 *
 *   <terms xmlns="urn:echeance:terms:v1" format="1" revision="3">
 *     <settings holidays="metropole" endOfMonthMethod="days-then-eom" readings="flat"/>
 *     <rate halfYear="2026-H2" legalProfessional="2.5" legalConsumer="" ecb="2.15" source="…"/>
 *     <profile id="acme" version="1.0.0" hash="sha256:…"><![CDATA[{…profile JSON…}]]></profile>
 *     <register sheet="Factures" range="A1:F51" vendor="omi" mode="invoices" write="values" asOf="today"
 *               appliedOn="2026-12-03" headers="N° facture&#9;Date facture&#9;…"/>
 *   </terms>
 *
 * Reading treats the document as hostile: size limit, no DOCTYPE or entity declarations (no XXE, no
 * entity expansion), a well-formedness check, a fixed shape, every value validated (profiles by the
 * engine's schema), and JSON parsed with limits. A bad profile or rate row is reported and skipped;
 * the rest of the document still loads.
 */

export const MAX_DOCUMENT_CHARS = 2_000_000;
export const MAX_PROFILE_CHARS = 200_000;
export const MAX_PROFILES = 50;
export const MAX_RATE_ROWS = 200;
export const MAX_READINGS = 20;
export const MAX_REGISTERS = 100;

export type ReadResult =
  | {
      readonly ok: true;
      readonly state: StoredState;
      /** Parts skipped or doubtful (a profile that failed validation, a hash that does not match). */
      readonly issues: readonly StorageIssue[];
      /** Profiles whose stored hash does not match their content: edited outside Échéance. */
      readonly hashMismatches: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly StorageIssue[] };

// ---------------------------------------------------------------------------------------------
// Writing

const figure = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

/** Writes a state as the XML document of the custom XML part (format 2 only when it holds recovery parts). */
export function serializeState(state: StoredState): string {
  const recovery = state.company !== undefined || state.penaltyNotes.length > 0;
  const format = recovery ? STORAGE_FORMAT : BASE_STORAGE_FORMAT;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<terms xmlns="${STORAGE_NAMESPACE}" format="${format}" revision="${Math.max(0, Math.trunc(state.revision))}">`,
    `  <settings holidays="${attr(state.settings.holidays)}" endOfMonthMethod="${attr(state.settings.endOfMonthMethod)}" readings="${attr(state.settings.readings.join(" "))}"/>`,
  ];
  for (const row of state.rateRows) {
    lines.push(
      `  <rate halfYear="${attr(row.halfYear)}" legalProfessional="${attr(figure(row.legalProfessional))}" legalConsumer="${attr(figure(row.legalConsumer))}" ecb="${attr(figure(row.ecb))}" source="${attr(row.source ?? "")}"/>`,
    );
  }
  for (const r of state.registers) {
    const optional = (name: string, v: string | undefined) =>
      v === undefined ? "" : ` ${name}="${attr(v)}"`;
    lines.push(
      `  <register sheet="${attr(r.sheet)}"${optional("range", r.range)}${optional("table", r.table)} vendor="${attr(r.vendor)}" mode="${r.mode}" write="${r.write}" asOf="${attr(r.asOf)}"${optional("invoiceKind", r.invoiceKind)}${optional("plan", r.plan)}${optional("clientType", r.clientType)} appliedOn="${attr(r.appliedOn)}" headers="${attr(r.headers.join("\t"))}"${optional("mapping", r.mapping && mappingText(r.mapping))}/>`,
    );
  }
  for (const p of state.profiles) {
    const kept = p.keptOverShipped === undefined ? "" : ` keptOverShipped="${attr(p.keptOverShipped)}"`;
    lines.push(
      `  <profile id="${attr(p.profile.id)}" version="${attr(p.version)}" hash="${attr(p.hash)}"${kept}><![CDATA[${xmlSafeJson(p.profile)}]]></profile>`,
    );
  }
  if (state.company) lines.push(serializeCompany(state.company));
  lines.push(...serializePenaltyNotes(state.penaltyNotes));
  lines.push("</terms>");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Reading

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: false,
  // The predefined entities and character references (&#9;, &#233;) a host may write; no DTD is
  // ever read (DOCTYPEs are refused before this), so nothing expands beyond one character.
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: false,
  maxNestedTags: 8,
  isArray: (name) =>
    ["rate", "profile", "settings", "register", "company", "penaltyNote", "line"].includes(localName(name)),
});

const ID = /^[a-z][a-z0-9-]{0,39}$/;
const RATE_FIGURE = /^-?\d{1,3}([.,]\d{1,6})?$/;

/** Reads the stored document. Never throws; a document that cannot be trusted at all gives `ok: false`. */
export function parseStoredDocument(xml: unknown): ReadResult {
  if (typeof xml !== "string") return { ok: false, issues: [issue("document", "not text", "pas du texte")] };
  if (xml.length > MAX_DOCUMENT_CHARS)
    return {
      ok: false,
      issues: [
        issue(
          "document",
          `The stored terms are too large (${xml.length} characters, at most ${MAX_DOCUMENT_CHARS}).`,
          `Les conditions enregistrées sont trop volumineuses (${xml.length} caractères, au plus ${MAX_DOCUMENT_CHARS}).`,
        ),
      ],
    };
  // No DTD of any kind: it is the door to external entities (XXE) and entity expansion bombs.
  if (/<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(xml))
    return {
      ok: false,
      issues: [
        issue(
          "document",
          "The stored terms contain a DOCTYPE or entity declaration, which is refused (no external entities).",
          "Les conditions enregistrées contiennent une déclaration DOCTYPE ou d'entité, refusée (aucune entité externe).",
        ),
      ],
    };
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return {
      ok: false,
      issues: [
        issue(
          "document",
          `The stored terms are not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`,
          `Les conditions enregistrées ne sont pas du XML bien formé (ligne ${valid.err.line} : ${valid.err.msg}).`,
        ),
      ],
    };
  let tree: XmlNode;
  try {
    tree = parser.parse(xml) as XmlNode;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issues: [
        issue(
          "document",
          `The stored terms could not be read: ${why}.`,
          `Les conditions enregistrées n'ont pas pu être lues : ${why}.`,
        ),
      ],
    };
  }
  const rootKeys = Object.keys(tree).filter((k) => !k.startsWith("?"));
  const rootName = rootKeys[0];
  const root = rootName === undefined ? undefined : tree[rootName];
  const prefix = rootName?.includes(":") ? rootName.slice(0, rootName.indexOf(":")) : "";
  if (
    rootKeys.length !== 1 ||
    rootName === undefined ||
    localName(rootName) !== "terms" ||
    typeof root !== "object" ||
    root === null ||
    Array.isArray(root) ||
    attrOf(root as XmlNode, prefix ? `xmlns:${prefix}` : "xmlns") !== STORAGE_NAMESPACE
  )
    return {
      ok: false,
      issues: [
        issue(
          "document",
          `This is not an Échéance terms document (expected <terms xmlns="${STORAGE_NAMESPACE}">).`,
          `Ce n'est pas un document de conditions Échéance (attendu <terms xmlns="${STORAGE_NAMESPACE}">).`,
        ),
      ],
    };
  const r = root as XmlNode;
  const format = attrOf(r, "format");
  if (format !== String(BASE_STORAGE_FORMAT) && format !== String(STORAGE_FORMAT))
    return {
      ok: false,
      issues: [
        issue(
          "document",
          `The stored terms use format ${format ?? "?"}; this version of Échéance reads formats ${BASE_STORAGE_FORMAT} and ${STORAGE_FORMAT}. Update the add-in to read them.`,
          `Les conditions enregistrées sont au format ${format ?? "?"} ; cette version d'Échéance lit les formats ${BASE_STORAGE_FORMAT} et ${STORAGE_FORMAT}. Mettez le complément à jour pour les lire.`,
        ),
      ],
    };
  const revisionText = attrOf(r, "revision") ?? "0";
  const revision = /^\d{1,9}$/.test(revisionText) ? Number(revisionText) : 0;
  const issues: StorageIssue[] = [];
  const settings = readSettings(children(r, "settings", prefix), issues);
  const rateRows = readRates(children(r, "rate", prefix), issues);
  const { profiles, hashMismatches } = readProfiles(children(r, "profile", prefix), issues);
  const registers = readRegisters(children(r, "register", prefix), issues);
  const company = readCompany(children(r, "company", prefix), issues);
  const penaltyNotes = readPenaltyNotes(children(r, "penaltyNote", prefix), prefix, issues);
  const known = new Set(
    ["settings", "rate", "profile", "register", ...RECOVERY_ELEMENTS].map((n) =>
      prefix ? `${prefix}:${n}` : n,
    ),
  );
  for (const k of Object.keys(r))
    if (!k.startsWith("@_") && k !== "#text" && !known.has(k))
      issues.push(issue("document", `Unknown element <${k}> ignored.`, `Élément inconnu <${k}> ignoré.`));
  return {
    ok: true,
    state: {
      format: format === String(STORAGE_FORMAT) ? STORAGE_FORMAT : BASE_STORAGE_FORMAT,
      revision,
      settings,
      rateRows,
      profiles,
      registers,
      ...(company ? { company } : {}),
      penaltyNotes,
    },
    issues,
    hashMismatches,
  };
}

function readSettings(nodes: unknown[], issues: StorageIssue[]): StoredSettings {
  const node = nodes[0];
  const s: XmlNode = typeof node === "object" && node !== null ? (node as XmlNode) : {};
  const h = attrOf(s, "holidays") ?? "metropole";
  const holidays: HolidayCalendar = (HOLIDAY_CALENDARS as readonly string[]).includes(h)
    ? (h as HolidayCalendar)
    : (issues.push(
        issue(
          "settings",
          `Unknown holiday calendar "${h}": metropole used.`,
          `Calendrier de jours fériés inconnu « ${h} » : metropole retenu.`,
        ),
      ),
      "metropole");
  const m = attrOf(s, "endOfMonthMethod") ?? "days-then-eom";
  const methods: readonly EndOfMonthMethod[] = ["days-then-eom", "eom-then-days"];
  const endOfMonthMethod = (methods as readonly string[]).includes(m)
    ? (m as EndOfMonthMethod)
    : (issues.push(
        issue(
          "settings",
          `Unknown end-of-month method "${m}": days-then-eom used.`,
          `Méthode de fin de mois inconnue « ${m} » : days-then-eom retenue.`,
        ),
      ),
      "days-then-eom");
  const words = (attrOf(s, "readings") ?? "").split(/\s+/).filter(Boolean);
  const readings = words.filter((w) => ID.test(w)).slice(0, MAX_READINGS);
  if (readings.length !== words.length)
    issues.push(
      issue(
        "settings",
        "Some interpretation options were not valid and were ignored.",
        "Des options d'interprétation non valides ont été ignorées.",
      ),
    );
  return { holidays, endOfMonthMethod, readings: [...new Set(readings)] };
}

function readRates(nodes: unknown[], issues: StorageIssue[]): RateRow[] {
  if (nodes.length > MAX_RATE_ROWS)
    issues.push(
      issue(
        "rates",
        `${nodes.length} rate rows: only the first ${MAX_RATE_ROWS} are read.`,
        `${nodes.length} lignes de taux : seules les ${MAX_RATE_ROWS} premières sont lues.`,
      ),
    );
  const rows: RateRow[] = [];
  nodes.slice(0, MAX_RATE_ROWS).forEach((node, i) => {
    const where = `rate[${i + 1}]`;
    if (typeof node !== "object" || node === null) {
      issues.push(issue(where, "Empty rate row ignored.", "Ligne de taux vide ignorée."));
      return;
    }
    const n = node as XmlNode;
    const halfYear = attrOf(n, "halfYear") ?? "";
    const fields = ["legalProfessional", "legalConsumer", "ecb"] as const;
    const values = fields.map((f) => (attrOf(n, f) ?? "").trim());
    if (parseHalfYear(halfYear) === undefined || values.some((v) => v !== "" && !RATE_FIGURE.test(v))) {
      issues.push(
        issue(
          where,
          `Rate row "${halfYear.slice(0, 20)}" is not valid (half-year like 2026-H2, rates like 2.62): ignored.`,
          `Ligne de taux « ${halfYear.slice(0, 20)} » non valide (semestre comme 2026-H2, taux comme 2,62) : ignorée.`,
        ),
      );
      return;
    }
    const source = (attrOf(n, "source") ?? "").slice(0, 300);
    const row: RateRow = {
      halfYear,
      ...(values[0] ? { legalProfessional: values[0] } : {}),
      ...(values[1] ? { legalConsumer: values[1] } : {}),
      ...(values[2] ? { ecb: values[2] } : {}),
      ...(source ? { source } : {}),
    };
    try {
      buildRateTable([row]);
      rows.push(row);
    } catch (e) {
      const text = isEngineError(e) ? e.text : { en: String(e), fr: String(e) };
      issues.push({ where, text });
    }
  });
  return rows;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const RANGE = /^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/;

/** A register's chosen columns as an attribute: "invoiceDate:2 amount:4" (field, 0-based column). */
function mappingText(mapping: Readonly<Record<string, number>>): string {
  return Object.entries(mapping)
    .map(([field, column]) => `${field}:${column}`)
    .join(" ");
}

/**
 * The attribute read back: field names of letters only, columns of at most three digits, at most 30
 * pairs (a field is an own key of a fresh object, never a prototype's). Whether each field is one Apply
 * knows is checked where the mapping is used; anything else makes the mapping absent.
 */
function readMapping(value: string | undefined): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  const pairs = value.trim().split(/\s+/).filter(Boolean);
  if (pairs.length === 0 || pairs.length > 30) return undefined;
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const pair of pairs) {
    const m = /^([a-zA-Z]{1,30}):(\d{1,3})$/.exec(pair);
    if (!m || Object.prototype.hasOwnProperty.call(out, m[1] as string)) return undefined;
    out[m[1] as string] = Number(m[2]);
  }
  return { ...out };
}

function readRegisters(nodes: unknown[], issues: StorageIssue[]): StoredRegister[] {
  if (nodes.length > MAX_REGISTERS)
    issues.push(
      issue(
        "registers",
        `${nodes.length} registers: only the first ${MAX_REGISTERS} are read.`,
        `${nodes.length} registres : seuls les ${MAX_REGISTERS} premiers sont lus.`,
      ),
    );
  const out: StoredRegister[] = [];
  nodes.slice(0, MAX_REGISTERS).forEach((node, i) => {
    const where = `register[${i + 1}]`;
    const n: XmlNode = typeof node === "object" && node !== null ? (node as XmlNode) : {};
    const a = (name: string) => attrOf(n, name);
    const sheet = (a("sheet") ?? "").slice(0, 31);
    const range = a("range");
    const table = a("table");
    const mode = a("mode");
    const write = a("write") ?? "values";
    const asOf = a("asOf") ?? "today";
    const clientType = a("clientType");
    const appliedOn = a("appliedOn") ?? "";
    const valid =
      sheet !== "" &&
      (range === undefined || RANGE.test(range)) &&
      (range !== undefined || table !== undefined) &&
      (mode === "invoices" || mode === "subscriptions") &&
      (write === "values" || write === "formulas" || write === "portable") &&
      (asOf === "today" || ISO_DAY.test(asOf)) &&
      (clientType === undefined || clientType === "pro" || clientType === "consumer") &&
      ISO_DAY.test(appliedOn);
    if (!valid) {
      issues.push(
        issue(
          where,
          `Remembered register on "${sheet}" is not valid: ignored (apply it again to remember it).`,
          `Registre mémorisé sur « ${sheet} » non valide : ignoré (appliquez-le à nouveau pour le mémoriser).`,
        ),
      );
      return;
    }
    const text = (name: string, max: number) => {
      const v = a(name);
      return v === undefined ? undefined : v.slice(0, max);
    };
    const mapping = readMapping(a("mapping"));
    const invoiceKind = text("invoiceKind", 40);
    const plan = text("plan", 40);
    out.push({
      sheet,
      ...(range !== undefined ? { range } : {}),
      ...(table !== undefined ? { table: table.slice(0, 255) } : {}),
      vendor: (a("vendor") ?? "").slice(0, 200),
      mode: mode as StoredRegister["mode"],
      write: write as StoredRegister["write"],
      asOf,
      ...(invoiceKind !== undefined ? { invoiceKind } : {}),
      ...(plan !== undefined ? { plan } : {}),
      ...(clientType !== undefined ? { clientType: clientType as "pro" | "consumer" } : {}),
      ...(mapping !== undefined ? { mapping } : {}),
      headers: (a("headers") ?? "")
        .split("\t")
        .slice(0, 200)
        .map((h) => h.slice(0, 255)),
      appliedOn,
    });
  });
  return out;
}

function readProfiles(
  nodes: unknown[],
  issues: StorageIssue[],
): { profiles: StoredProfile[]; hashMismatches: string[] } {
  const profiles: StoredProfile[] = [];
  const hashMismatches: string[] = [];
  if (nodes.length > MAX_PROFILES)
    issues.push(
      issue(
        "profiles",
        `${nodes.length} profiles: only the first ${MAX_PROFILES} are read.`,
        `${nodes.length} profils : seuls les ${MAX_PROFILES} premiers sont lus.`,
      ),
    );
  const seen = new Set<string>();
  nodes.slice(0, MAX_PROFILES).forEach((node, i) => {
    const n: XmlNode = typeof node === "object" && node !== null ? (node as XmlNode) : { "#text": node };
    const idAttr = attrOf(n, "id") ?? "";
    const where = `profile[${ID.test(idAttr) ? idAttr : i + 1}]`;
    const json = parseUntrustedJson(textOf(n), MAX_PROFILE_CHARS);
    if (!json.ok) {
      issues.push(
        issue(
          where,
          `Stored profile skipped: ${json.message.en}.`,
          `Profil enregistré ignoré : ${json.message.fr}.`,
        ),
      );
      return;
    }
    const checked = checkProfile(json.value);
    if (!checked.ok) {
      const list = checked.issues.slice(0, 10).map((x) => `${x.path}: ${x.message}`);
      issues.push(
        issue(
          where,
          `Stored profile skipped, not valid: ${list.join("; ")}.`,
          `Profil enregistré ignoré, non valide : ${list.join(" ; ")}.`,
        ),
      );
      return;
    }
    const profile = checked.profile;
    if (idAttr !== profile.id || seen.has(profile.id)) {
      issues.push(
        issue(
          where,
          `Stored profile skipped: its id "${profile.id}" does not match the part's id or appears twice.`,
          `Profil enregistré ignoré : son identifiant « ${profile.id} » ne correspond pas ou apparaît deux fois.`,
        ),
      );
      return;
    }
    seen.add(profile.id);
    const hash = contentHash(profile);
    const storedHash = attrOf(n, "hash");
    if (storedHash !== hash) {
      hashMismatches.push(profile.id);
      issues.push(
        issue(
          where,
          `The stored profile "${profile.id}" was changed outside Échéance (its content hash does not match); it is loaded as it now reads.`,
          `Le profil enregistré « ${profile.id} » a été modifié hors d'Échéance (son empreinte ne correspond pas) ; il est chargé tel qu'il se lit.`,
        ),
      );
    }
    const kept = attrOf(n, "keptOverShipped");
    profiles.push({
      profile,
      version: profile.profileVersion,
      hash,
      ...(kept !== undefined && /^sha256:[0-9a-f]{64}$/.test(kept) ? { keptOverShipped: kept } : {}),
    });
  });
  return { profiles, hashMismatches };
}
