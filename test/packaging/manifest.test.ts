/**
 * manifest.xml checked offline for what Excel requires of an add-in-only manifest with custom functions
 * in a shared runtime (office-addin-manifest validate needs the network, and no package ships the XSDs).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readPngSize } from "./png";

const ROOT = path.resolve(__dirname, "../..");
const XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const ORIGIN = "https://localhost:3000";

/** An element: attributes under their own names, children always in arrays, text under "#text". */
type Node = { [key: string]: unknown };

const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  alwaysCreateTextNode: true,
  isArray: (_name, _jpath, _leaf, isAttribute) => !isAttribute,
}).parse(XML) as Node;

function kids(node: Node | undefined, name: string): Node[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function kid(node: Node | undefined, ...names: string[]): Node | undefined {
  let current = node;
  for (const name of names) current = kids(current, name)[0];
  return current;
}

function attr(node: Node | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === "string" ? value : undefined;
}

function text(node: Node | undefined): string | undefined {
  const value = node?.["#text"];
  return typeof value === "string" ? value : undefined;
}

/** Every element below node, depth first, with its tag name. */
function* walk(node: Node, name = "OfficeApp"): Generator<[string, Node]> {
  yield [name, node];
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) for (const child of value as Node[]) yield* walk(child, key);
  }
}

const app = kid(parsed, "OfficeApp")!;
const overrides = kid(app, "VersionOverrides");
const workbook = kid(overrides, "Hosts", "Host");
const resources = kid(overrides, "Resources");

interface Resource {
  readonly kind: "image" | "url" | "short" | "long";
  readonly value: string;
  readonly overrides: ReadonlyMap<string, string>;
}

const RESOURCES = new Map<string, Resource>();
for (const [group, item, kind] of [
  ["bt:Images", "bt:Image", "image"],
  ["bt:Urls", "bt:Url", "url"],
  ["bt:ShortStrings", "bt:String", "short"],
  ["bt:LongStrings", "bt:String", "long"],
] as const) {
  for (const node of kids(kid(resources, group), item)) {
    const id = attr(node, "id")!;
    if (RESOURCES.has(id)) throw new Error(`resource id ${id} is defined twice`);
    const localized = new Map(kids(node, "bt:Override").map((o) => [attr(o, "Locale")!, attr(o, "Value")!]));
    RESOURCES.set(id, { kind, value: attr(node, "DefaultValue")!, overrides: localized });
  }
}

function resource(resid: string | undefined): Resource {
  const found = resid === undefined ? undefined : RESOURCES.get(resid);
  if (!found) throw new Error(`resid ${resid} is not defined in <Resources>`);
  return found;
}

/** Path of the file in assets/ that an https://localhost:3000/assets/… URL serves. */
function assetFile(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname.startsWith("/assets/")).toBe(true);
  return path.join(ROOT, pathname);
}

describe("manifest.xml", () => {
  test("is well-formed XML with an OfficeApp root of type TaskPaneApp", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(attr(overrides, "xsi:type")).toBe("VersionOverridesV1_0");
  });

  test("has a GUID id and a four-part version that follows package.json", () => {
    expect(text(kid(app, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = text(kid(app, "Version"))!;
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toBe(`${pkg.version}.0`);
  });

  test("names Échéance as provider and display name, with a French override", () => {
    expect(text(kid(app, "ProviderName"))).toBe("Échéance");
    const display = kid(app, "DisplayName");
    expect(attr(display, "DefaultValue")).toBe("Échéance — CGV");
    expect(kids(display, "Override").map((o) => attr(o, "Locale"))).toContain("fr-FR");
    expect(kids(kid(app, "Description"), "Override").map((o) => attr(o, "Locale"))).toContain("fr-FR");
  });

  test("targets workbooks, needs the shared runtime and custom functions, and may write the document", () => {
    expect(kids(kid(app, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(attr(workbook, "xsi:type")).toBe("Workbook");
    const sets = new Map(
      kids(kid(app, "Requirements", "Sets"), "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]),
    );
    expect(sets.get("SharedRuntime")).toBe("1.1");
    // CustomFunctions.Error, which every function returns with its message, is CustomFunctionsRuntime
    // 1.2 (its reference page: « API set: CustomFunctionsRuntime 1.2 »); 1.1 would let Excel load the
    // add-in where the errors cannot be made.
    expect(sets.get("CustomFunctionsRuntime")).toBe("1.2");
    expect(text(kid(app, "Permissions"))).toBe("ReadWriteDocument");
  });

  test("every URL is https on the one origin https://localhost:3000", () => {
    const urls: string[] = [];
    for (const [, node] of walk(app)) {
      for (const [key, value] of Object.entries(node)) {
        // Namespace names look like URLs but are never fetched.
        if (key.startsWith("xmlns")) continue;
        if (typeof value === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
    }
    for (const appDomain of kids(kid(app, "AppDomains"), "AppDomain")) urls.push(text(appDomain)!);
    // Icons, support page, task pane, two metadata files (×6 with the overrides), learn-more page…
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) expect(new URL(url).origin).toBe(ORIGIN);
  });

  test("every resid used is defined with a resource of the right kind, and every resource is used", () => {
    const expectedKind: Record<string, Resource["kind"][]> = {
      "bt:Image": ["image"],
      SourceLocation: ["url"],
      FunctionFile: ["url"],
      Runtime: ["url"],
      LearnMoreUrl: ["url"],
      Label: ["short"],
      Title: ["short"],
      Namespace: ["short"],
      Description: ["long"],
    };
    const used = new Set<string>();
    for (const [name, node] of walk(workbook!)) {
      const resid = attr(node, "resid");
      if (resid === undefined) continue;
      used.add(resid);
      expect(resid.length).toBeLessThanOrEqual(32);
      expect(expectedKind[name]).toContain(resource(resid).kind);
    }
    expect([...RESOURCES.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("the functions' script, page and file, the button and the runtime all use the task pane URL", () => {
    const functions = kid(workbook, "AllFormFactors", "ExtensionPoint");
    expect(attr(functions, "xsi:type")).toBe("CustomFunctions");
    expect(attr(kid(functions, "Script", "SourceLocation"), "resid")).toBe("Taskpane.Url");
    expect(attr(kid(functions, "Page", "SourceLocation"), "resid")).toBe("Taskpane.Url");
    const desktop = kid(workbook, "DesktopFormFactor");
    expect(attr(kid(desktop, "FunctionFile"), "resid")).toBe("Taskpane.Url");
    const runtime = kid(workbook, "Runtimes", "Runtime");
    expect(attr(runtime, "resid")).toBe("Taskpane.Url");
    expect(attr(runtime, "lifetime")).toBe("long");
    const surface = kids(desktop, "ExtensionPoint").find(
      (e) => attr(e, "xsi:type") === "PrimaryCommandSurface",
    );
    const tab = kid(surface, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const button = kid(tab, "Group", "Control");
    expect(attr(button, "xsi:type")).toBe("Button");
    const action = kid(button, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(attr(kid(action, "SourceLocation"), "resid")).toBe("Taskpane.Url");
    expect(resource(attr(kid(button, "Label"), "resid")).value).toBe("Échéance");
    // The runtime page is the page of the add-in itself.
    expect(resource("Taskpane.Url").value).toBe(
      attr(kid(app, "DefaultSettings", "SourceLocation"), "DefaultValue"),
    );
    expect(resource("Taskpane.Url").value).toBe(`${ORIGIN}/taskpane.html`);
  });

  test("no action under the shared runtime names a TaskpaneId: one task pane, the runtime's page", () => {
    // "Configure your Office Add-in to use a shared runtime", Good practice: avoid multiple task panes —
    // in the Host whose Runtime has a long lifetime, none of the Action elements has a TaskpaneId
    // (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
    expect(attr(kid(workbook, "Runtimes", "Runtime"), "lifetime")).toBe("long");
    const actions = [...walk(workbook!)].filter(([name]) => name === "Action").map(([, node]) => node);
    expect(actions.map((a) => attr(a, "xsi:type"))).toEqual(["ShowTaskpane"]);
    for (const action of actions) expect(kids(action, "TaskpaneId")).toEqual([]);
    expect(XML).not.toMatch(/<TaskpaneId\b/i);
  });

  test("the functions metadata is functions.json, and functions-fr.json in every French-speaking region", () => {
    const functions = kid(workbook, "AllFormFactors", "ExtensionPoint");
    const metadata = resource(attr(kid(functions, "Metadata", "SourceLocation"), "resid"));
    expect(metadata.value).toBe(`${ORIGIN}/functions.json`);
    expect(Object.fromEntries(metadata.overrides)).toEqual({
      "fr-fr": `${ORIGIN}/functions-fr.json`,
      "fr-be": `${ORIGIN}/functions-fr.json`,
      "fr-ca": `${ORIGIN}/functions-fr.json`,
      "fr-ch": `${ORIGIN}/functions-fr.json`,
      "fr-lu": `${ORIGIN}/functions-fr.json`,
    });
  });

  test("the functions' namespace is CGV in every language", () => {
    const functions = kid(workbook, "AllFormFactors", "ExtensionPoint");
    const namespace = resource(attr(kid(functions, "Namespace"), "resid"));
    expect(namespace.value).toBe("CGV");
    // A translated namespace would break formulas moved between Excel languages.
    expect(namespace.overrides.size).toBe(0);
  });

  test("strings fit Excel's limits: 125 characters for short ones, 250 for long ones", () => {
    for (const [id, r] of RESOURCES) {
      const limit = r.kind === "short" ? 125 : r.kind === "long" ? 250 : 2048;
      for (const value of [r.value, ...r.overrides.values()]) {
        expect({ id, length: value.length <= limit }).toEqual({ id, length: true });
      }
    }
    for (const [element, limit] of [
      ["DisplayName", 125],
      ["Description", 250],
    ] as const) {
      const node = kid(app, element);
      for (const value of [
        attr(node, "DefaultValue")!,
        ...kids(node, "Override").map((o) => attr(o, "Value")!),
      ]) {
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  test("every user-visible string has a French override", () => {
    for (const [id, r] of RESOURCES) {
      if ((r.kind === "short" || r.kind === "long") && id !== "Functions.Namespace") {
        expect({ id, fr: r.overrides.has("fr-FR") }).toEqual({ id, fr: true });
      }
    }
  });

  test("every ribbon icon comes in the three sizes Office requires: 16, 32 and 80 pixels", () => {
    const icons = [...walk(workbook!)].filter(([name]) => name === "Icon").map(([, node]) => node);
    expect(icons.length).toBe(2);
    for (const icon of icons) {
      expect(kids(icon, "bt:Image").map((i) => Number(attr(i, "size")))).toEqual([16, 32, 80]);
    }
  });

  test("every icon is a PNG in assets/ of the size the manifest declares", () => {
    const declared: [string, number][] = [
      [attr(kid(app, "IconUrl"), "DefaultValue")!, 32],
      [attr(kid(app, "HighResolutionIconUrl"), "DefaultValue")!, 64],
    ];
    for (const [, node] of walk(workbook!)) {
      const size = attr(node, "size");
      if (size !== undefined) declared.push([resource(attr(node, "resid")).value, Number(size)]);
    }
    // 16, 32 and 80 for the button and the group, twice each, plus the two add-in icons.
    expect(declared.length).toBe(8);
    for (const [url, size] of declared) {
      const file = assetFile(url);
      expect(readPngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
  });

  test("the support and learn-more pages exist in assets/", () => {
    expect(existsSync(assetFile(attr(kid(app, "SupportUrl"), "DefaultValue")!))).toBe(true);
    expect(existsSync(assetFile(resource("GetStarted.LearnMoreUrl").value))).toBe(true);
  });

  test("every file the manifest points at is produced by the build in dist/", () => {
    const urls = new Set<string>();
    for (const r of RESOURCES.values()) {
      if (r.kind === "image" || r.kind === "url")
        for (const u of [r.value, ...r.overrides.values()]) urls.add(u);
    }
    for (const element of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
      urls.add(attr(kid(app, element), "DefaultValue")!);
    }
    urls.add(attr(kid(app, "DefaultSettings", "SourceLocation"), "DefaultValue")!);
    for (const url of urls) {
      const file = path.join(ROOT, "dist", new URL(url).pathname);
      expect({ url, built: existsSync(file) }).toEqual({ url, built: true });
    }
  });
});
