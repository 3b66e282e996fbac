/**
 * Where the self-test runs, as its report tells it: the Office host, platform and build, Excel's
 * display language, the add-in's version, and the requirement sets the add-in relies on — each
 * answered by `isSetSupported`, since a host may claim a set whose objects its office.js lacks
 * (issue 14) and the steps check the claim against what happens.
 */

/** Requirement sets the report lists: ExcelApi 1.1–1.20, and the manifest's runtimes. */
export const CHECKED_SETS: readonly { readonly name: string; readonly version: string }[] = [
  ...Array.from({ length: 20 }, (_, k) => ({ name: "ExcelApi", version: `1.${k + 1}` })),
  { name: "SharedRuntime", version: "1.1" },
  ...Array.from({ length: 5 }, (_, k) => ({ name: "CustomFunctionsRuntime", version: `1.${k + 1}` })),
];

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
  readonly supported: boolean;
}

export interface SelfTestEnvironment {
  /** "excel" inside Office; "memory" for the preview's in-memory workbook (and the tests). */
  readonly kind: "excel" | "memory";
  /** Office's host name ("Excel"), or what runs the pane outside Office. */
  readonly host: string;
  /** "PC", "Mac", "OfficeOnline", "iOS"…; undefined outside Office. */
  readonly platform?: string;
  /** The host's build ("16.0.19127.20000"), when Office tells it. */
  readonly version?: string;
  /** Excel's display language ("fr-FR"), or the browser's outside Office. */
  readonly language?: string;
  readonly addinVersion: string;
  /** The checked sets; empty outside Office (the in-memory workbook has every feature). */
  readonly sets: readonly RequirementSet[];
  /** Whether the host claims a requirement set (always true for the in-memory workbook). */
  readonly supports: (name: string, version: string) => boolean;
}

/** The parts of the `Office` global read here (structural: the tests hand a stand-in). */
export interface OfficeLike {
  readonly context?: {
    readonly displayLanguage?: string;
    readonly diagnostics?: {
      readonly host?: unknown;
      readonly platform?: unknown;
      readonly version?: unknown;
    };
    readonly platform?: unknown;
    readonly requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** A requirement-set check that answers false rather than throwing (an old host may throw). */
function safeCheck(check: (name: string, version: string) => boolean) {
  return (name: string, version: string): boolean => {
    try {
      return check(name, version) === true;
    } catch {
      return false;
    }
  };
}

/** The environment inside Office, from `Office.context`. */
export function officeEnvironment(office: OfficeLike, addinVersion: string): SelfTestEnvironment {
  const context = office.context;
  const diagnostics = context?.diagnostics;
  const requirements = context?.requirements;
  const supports = safeCheck((name, version) => requirements?.isSetSupported(name, version) === true);
  const platform = text(diagnostics?.platform) ?? text(context?.platform);
  const version = text(diagnostics?.version);
  const language = text(context?.displayLanguage);
  return {
    kind: "excel",
    host: text(diagnostics?.host) ?? "Excel",
    ...(platform !== undefined ? { platform } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(language !== undefined ? { language } : {}),
    addinVersion,
    sets: CHECKED_SETS.map((s) => ({ ...s, supported: supports(s.name, s.version) })),
    supports,
  };
}

/** The environment of a host given by its parts (the fake Excel of the tests). */
export function hostEnvironment(args: {
  readonly host: string;
  readonly platform?: string;
  readonly version?: string;
  readonly language?: string;
  readonly addinVersion: string;
  readonly isSetSupported: (name: string, version: string) => boolean;
}): SelfTestEnvironment {
  const supports = safeCheck(args.isSetSupported);
  return {
    kind: "excel",
    host: args.host,
    ...(args.platform !== undefined ? { platform: args.platform } : {}),
    ...(args.version !== undefined ? { version: args.version } : {}),
    ...(args.language !== undefined ? { language: args.language } : {}),
    addinVersion: args.addinVersion,
    sets: CHECKED_SETS.map((s) => ({ ...s, supported: supports(s.name, s.version) })),
    supports,
  };
}

/** The preview outside Excel: the in-memory workbook, which has every feature the gateway uses. */
export function memoryEnvironment(args: {
  readonly addinVersion: string;
  readonly language?: string;
  /** What runs the pane (the browser's user agent), for the report. */
  readonly host?: string;
}): SelfTestEnvironment {
  return {
    kind: "memory",
    host: args.host ?? "memory",
    ...(args.language !== undefined ? { language: args.language } : {}),
    addinVersion: args.addinVersion,
    sets: [],
    supports: () => true,
  };
}

/** Whether the host's UI is French (its display language, "fr-FR", "fr-CA"…). */
export function isFrenchHost(environment: SelfTestEnvironment): boolean {
  return /^fr\b/i.test(environment.language ?? "");
}
