import type { VendorProfile } from "./profile";
import { BUILT_IN_VENDORS } from "./vendors";

/** The vendors a computation may name: the built-in ones (the five vendors and `loi`), plus those a workbook or user adds. */
export class VendorRegistry {
  private readonly byId = new Map<string, VendorProfile>();
  /** Incremented at every change, so what was derived from the registry knows it is stale. */
  private changes = 0;

  constructor(profiles: readonly VendorProfile[] = BUILT_IN_VENDORS) {
    for (const p of profiles) this.byId.set(p.id, p);
  }

  /** Adds or replaces a profile (a workbook's stored profile replaces the shipped one of that id). */
  set(profile: VendorProfile): void {
    this.byId.set(profile.id, profile);
    this.changes += 1;
  }

  get revision(): number {
    return this.changes;
  }

  get(id: string): VendorProfile | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): VendorProfile[] {
    return [...this.byId.values()];
  }
}

export const SHIPPED_REGISTRY = new VendorRegistry();
