import { SHIPPED_REGISTRY, type VendorProfile, type VendorRegistry } from "../engine";
import { contentHash } from "./json";
import type { StoredProfile } from "./state";

/**
 * Stored vs shipped: a workbook may carry a copy of a shipped vendor's profile that differs from
 * the one this version of the add-in ships (an older or newer shipped version, or the user's own
 * edit). The pane must say so and let the user choose which to keep — never silently.
 */

export interface FieldChange {
  /** JSON path in the profile: "$.invoiceKinds[0].term.days". */
  readonly path: string;
  /** The value as JSON text, shortened; "—" when absent on that side. */
  readonly stored: string;
  readonly shipped: string;
}

export interface ProfileDifference {
  readonly id: string;
  readonly name: string;
  readonly stored: { readonly version: string; readonly hash: string; readonly profile: VendorProfile };
  readonly shipped: { readonly version: string; readonly hash: string; readonly profile: VendorProfile };
  readonly changes: readonly FieldChange[];
  /** More changes than listed. */
  readonly moreChanges: number;
  /** The user already chose the stored profile over this very shipped version: no need to ask again. */
  readonly acknowledged: boolean;
}

export const MAX_LISTED_CHANGES = 40;
const MAX_VALUE_CHARS = 160;

function show(value: unknown): string {
  if (value === undefined) return "—";
  const text = JSON.stringify(value) ?? "—";
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Leaf-level differences between two JSON values. */
export function diffValues(
  stored: unknown,
  shipped: unknown,
  path = "$",
  out: FieldChange[] = [],
): FieldChange[] {
  if (Array.isArray(stored) && Array.isArray(shipped)) {
    for (let i = 0; i < Math.max(stored.length, shipped.length); i++)
      diffValues(stored[i], shipped[i], `${path}[${i}]`, out);
    return out;
  }
  if (isObject(stored) && isObject(shipped)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(shipped)])].sort();
    for (const k of keys) {
      const a = Object.prototype.hasOwnProperty.call(stored, k) ? stored[k] : undefined;
      const b = Object.prototype.hasOwnProperty.call(shipped, k) ? shipped[k] : undefined;
      diffValues(a, b, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, out);
    }
    return out;
  }
  if (JSON.stringify(stored) !== JSON.stringify(shipped))
    out.push({ path, stored: show(stored), shipped: show(shipped) });
  return out;
}

/** The stored profiles that differ from the shipped profile of the same id. */
export function compareWithShipped(
  stored: readonly StoredProfile[],
  shipped: VendorRegistry = SHIPPED_REGISTRY,
): ProfileDifference[] {
  const out: ProfileDifference[] = [];
  for (const s of stored) {
    const ship = shipped.get(s.profile.id);
    if (!ship) continue;
    const shipHash = contentHash(ship);
    if (shipHash === s.hash) continue;
    const changes = diffValues(s.profile, ship);
    out.push({
      id: s.profile.id,
      name: s.profile.name,
      stored: { version: s.version, hash: s.hash, profile: s.profile },
      shipped: { version: ship.profileVersion, hash: shipHash, profile: ship },
      changes: changes.slice(0, MAX_LISTED_CHANGES),
      moreChanges: Math.max(0, changes.length - MAX_LISTED_CHANGES),
      acknowledged: s.keptOverShipped === shipHash,
    });
  }
  return out;
}
