import { checkCompany, type StoredCompany } from "./company";
import type { StorageIssue, StoredPenaltyNote, StoredPenaltyNoteLine } from "./state";
import { asNode, attr, attrOf, children, issue, type XmlNode } from "./xml-node";

/**
 * The recovery parts of the stored document (format 2):
 *
 *   <company name="…" legalForm="SAS" address="12 rue …&#10;69002 Lyon" siren="732829320"
 *            iban="FR7630006000011234567890189" bic="…" email="…" phone="…" place="Lyon"/>
 *   <penaltyNote number="ND-2026-001" date="2026-06-30" client="Hôtel Bellevue" total="175.52">
 *     <line invoice="OMI-2025-101" interest="63.38" fee="40.00"/>
 *   </penaltyNote>
 *
 * Read as hostile input like the rest: the company goes through `checkCompany` (a block that fails is
 * reported and left out), every note's number, date and amounts are checked, counts are bounded, and a
 * number seen twice keeps its first note (the series never holds one number twice).
 */

export const MAX_PENALTY_NOTES = 5000;
export const MAX_NOTE_LINES = 1000;
const MAX_CLIENT_CHARS = 200;
const MAX_REFERENCE_CHARS = 100;

export const NOTE_NUMBER = /^ND-(\d{4})-(\d{3,6})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

const COMPANY_ATTRIBUTES = [
  "name",
  "legalForm",
  "address",
  "siren",
  "iban",
  "bic",
  "email",
  "phone",
  "place",
] as const;

export function serializeCompany(company: StoredCompany): string {
  const parts = COMPANY_ATTRIBUTES.flatMap((a) => {
    const v = company[a];
    return v === undefined ? [] : [`${a}="${attr(v)}"`];
  });
  return `  <company ${parts.join(" ")}/>`;
}

export function serializePenaltyNotes(notes: readonly StoredPenaltyNote[]): string[] {
  const out: string[] = [];
  for (const n of notes) {
    const cancelled = n.cancelled ? ' cancelled="true"' : "";
    if (n.damaged) {
      out.push(`  <penaltyNote number="${attr(n.number)}" damaged="true"/>`);
      continue;
    }
    out.push(
      `  <penaltyNote number="${attr(n.number)}" date="${attr(n.date)}" client="${attr(n.client)}" total="${attr(n.total)}"${cancelled}>`,
    );
    for (const l of n.lines)
      out.push(
        `    <line invoice="${attr(l.invoice)}" interest="${attr(l.interest)}" fee="${attr(l.fee)}"/>`,
      );
    out.push("  </penaltyNote>");
  }
  return out;
}

export function readCompany(nodes: unknown[], issues: StorageIssue[]): StoredCompany | undefined {
  if (nodes.length === 0) return undefined;
  if (nodes.length > 1)
    issues.push(
      issue(
        "company",
        "Several « Mon entreprise » blocks: the first is read.",
        "Plusieurs blocs « Mon entreprise » : le premier est lu.",
      ),
    );
  const n = asNode(nodes[0]);
  const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const a of COMPANY_ATTRIBUTES) input[a] = attrOf(n, a);
  const checked = checkCompany(input);
  if (!checked.ok) {
    issues.push({
      where: "company",
      text: {
        en: `The stored « Mon entreprise » block is not valid and was left out (${checked.problems.map((p) => p.text.en).join(" ")}): enter it again.`,
        fr: `Le bloc « Mon entreprise » enregistré n'est pas valide et n'a pas été lu (${checked.problems.map((p) => p.text.fr).join(" ")}) : saisissez-le à nouveau.`,
      },
    });
    return undefined;
  }
  return checked.company;
}

function readLines(node: XmlNode, prefix: string): StoredPenaltyNoteLine[] | undefined {
  const nodes = children(node, "line", prefix);
  if (nodes.length > MAX_NOTE_LINES) return undefined;
  const lines: StoredPenaltyNoteLine[] = [];
  for (const raw of nodes) {
    const l = asNode(raw);
    const invoice = attrOf(l, "invoice") ?? "";
    const interest = attrOf(l, "interest") ?? "";
    const fee = attrOf(l, "fee") ?? "";
    if (invoice === "" || invoice.length > MAX_REFERENCE_CHARS || !AMOUNT.test(interest) || !AMOUNT.test(fee))
      return undefined;
    lines.push({ invoice, interest, fee });
  }
  return lines;
}

export function readPenaltyNotes(
  nodes: unknown[],
  prefix: string,
  issues: StorageIssue[],
): StoredPenaltyNote[] {
  if (nodes.length > MAX_PENALTY_NOTES)
    issues.push(
      issue(
        "penaltyNotes",
        `${nodes.length} penalty notes: only the first ${MAX_PENALTY_NOTES} are read.`,
        `${nodes.length} notes de débit : seules les ${MAX_PENALTY_NOTES} premières sont lues.`,
      ),
    );
  const notes: StoredPenaltyNote[] = [];
  const seen = new Set<string>();
  nodes.slice(0, MAX_PENALTY_NOTES).forEach((raw, i) => {
    const n = asNode(raw);
    const number = attrOf(n, "number") ?? "";
    const where = `penaltyNote[${NOTE_NUMBER.test(number) ? number : i + 1}]`;
    const date = attrOf(n, "date") ?? "";
    const client = attrOf(n, "client") ?? "";
    const total = attrOf(n, "total") ?? "";
    const lines = readLines(n, prefix);
    const cancelled = attrOf(n, "cancelled");
    const valid =
      NOTE_NUMBER.test(number) &&
      ISO_DAY.test(date) &&
      client !== "" &&
      client.length <= MAX_CLIENT_CHARS &&
      AMOUNT.test(total) &&
      lines !== undefined &&
      (cancelled === undefined || cancelled === "true");
    if (!valid && !NOTE_NUMBER.test(number)) {
      issues.push(
        issue(
          where,
          `A stored penalty note without a valid number (ND-YYYY-NNN) was ignored.`,
          `Une note de débit enregistrée sans numéro valide (ND-AAAA-NNN) a été ignorée.`,
        ),
      );
      return;
    }
    if (seen.has(number)) {
      issues.push(
        issue(
          where,
          `Penalty note ${number} appears twice: the first is kept.`,
          `La note de débit ${number} figure deux fois : la première est gardée.`,
        ),
      );
      return;
    }
    seen.add(number);
    if (!valid) {
      // Its number stays taken: a damaged entry must not let the series hand it out again.
      if (attrOf(n, "damaged") !== "true")
        issues.push(
          issue(
            where,
            `Stored penalty note ${number} is damaged: only its number is kept, so it is never reused.`,
            `La note de débit enregistrée ${number} est endommagée : seul son numéro est gardé, pour qu'il ne soit jamais réutilisé.`,
          ),
        );
      notes.push({ number, date: "", client: "", total: "0", lines: [], damaged: true });
      return;
    }
    notes.push({
      number,
      date,
      client,
      total,
      lines: lines ?? [],
      ...(cancelled === "true" ? { cancelled: true } : {}),
    });
  });
  return notes;
}
/** Whether an element other than the known ones is a recovery part (for the unknown-element check). */
export const RECOVERY_ELEMENTS = ["company", "penaltyNote"] as const;
