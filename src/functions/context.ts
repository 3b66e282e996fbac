import {
  DEFAULT_SETTINGS,
  SHIPPED_REGISTRY,
  vendorResolver,
  type Language,
  type Settings,
  type VendorProfile,
  type VendorRegistry,
} from "../engine";
import { requireText } from "../adapter/cell-values";

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
let resolved = new Map<string, ResolvedVendor>();
// The last vendor argument seen: a column of formulas names the same vendor row after row.
let lastKey: string | undefined;
let lastVendor: ResolvedVendor | undefined;

export function getFunctionContext(): FunctionContext {
  return current;
}

export function setFunctionContext(next: Partial<FunctionContext>): void {
  current = { ...current, ...next };
  resolved = new Map();
  lastKey = lastVendor = undefined;
}

type ResolvedVendor = { profile: VendorProfile; settings: Settings };

/**
 * The vendor argument of a CGV function, as Excel passes it, resolved once per context and text:
 * the cache is keyed by the cell's text as is, so a repeated call neither trims nor parses it.
 */
export function resolveVendorArg(value: unknown, ctx: FunctionContext): ResolvedVendor {
  if (ctx !== current) return resolveVendorText(value, ctx);
  if (value === lastKey && lastVendor) return lastVendor;
  const key = typeof value === "string" ? value : undefined;
  let vendor = key === undefined ? undefined : resolved.get(key);
  if (!vendor) {
    vendor = resolveVendorText(value, ctx);
    if (key !== undefined) {
      if (resolved.size > 1000) resolved.clear();
      resolved.set(key, vendor);
    }
  }
  if (key !== undefined) {
    lastKey = key;
    lastVendor = vendor;
  }
  return vendor;
}

function resolveVendorText(value: unknown, ctx: FunctionContext): ResolvedVendor {
  const spec = requireText(value, "vendor", { en: "a vendor id", fr: "un identifiant de fournisseur" });
  return vendorResolver(ctx.registry, ctx.settings).resolve(spec);
}
