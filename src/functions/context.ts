import {
  DEFAULT_SETTINGS,
  resolveVendor,
  SHIPPED_REGISTRY,
  type Language,
  type Settings,
  type VendorProfile,
  type VendorRegistry,
} from "../engine";

/**
 * What every CGV.* evaluation runs against: the vendors (shipped, plus those a workbook stores),
 * the settings (rate rows a workbook adds, holiday calendar…) and the language of messages. The
 * task pane updates it in the shared runtime when a workbook's stored terms are loaded.
 */
export interface FunctionContext {
  readonly registry: VendorRegistry;
  readonly settings: Settings;
  readonly lang: Language;
}

let current: FunctionContext = { registry: SHIPPED_REGISTRY, settings: DEFAULT_SETTINGS, lang: "en" };
let resolved = new Map<string, { profile: VendorProfile; settings: Settings }>();

export function getFunctionContext(): FunctionContext {
  return current;
}

export function setFunctionContext(next: Partial<FunctionContext>): void {
  current = { ...current, ...next };
  resolved = new Map();
}

/** Vendor specs resolve once per context: bulk recalculation asks for the same few thousands of times. */
export function resolveVendorCached(
  spec: string,
  ctx: FunctionContext,
): { profile: VendorProfile; settings: Settings } {
  if (ctx !== current) return resolveVendor(spec, ctx.registry, ctx.settings);
  let hit = resolved.get(spec);
  if (!hit) {
    hit = resolveVendor(spec, ctx.registry, ctx.settings);
    if (resolved.size > 1000) resolved.clear();
    resolved.set(spec, hit);
  }
  return hit;
}
