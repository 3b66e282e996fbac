/**
 * Issue 21, « a deployment a firm can use »: `ECHEANCE_ORIGIN=https://…/echeance/ npm run build` writes
 * a static folder whose manifest, pages, scripts and metadata all point under that base, nothing
 * under localhost; without the variable the build is the development one. The manifests are checked
 * offline by scripts/validate-manifest.js (`npm run validate`), and that check is tested on manifests
 * broken on purpose.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface Deployment {
  readonly base: string;
  readonly origin: string;
  readonly local: boolean;
}
interface Metadata {
  readonly functions: readonly { readonly id: string; readonly helpUrl?: string }[];
}
/* eslint-disable @typescript-eslint/no-require-imports -- the build's own CommonJS scripts */
const { deploymentBase, manifestForBase, LOCAL_BASE } = require("../../scripts/deployment") as {
  deploymentBase: (value: string | undefined) => Deployment;
  manifestForBase: (xml: string, deployment: Deployment) => string;
  LOCAL_BASE: string;
};
const { validateManifest } = require("../../scripts/validate-manifest") as {
  validateManifest: (xml: string) => string[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://cabinet.example/echeance/";

/** Every absolute URL in a manifest's attributes and AppDomains (namespace names are never fetched). */
function manifestUrls(xml: string): string[] {
  const urls = [...xml.matchAll(/\s(?!xmlns)[\w:]+="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)].map(
    (m) => m[1] as string,
  );
  for (const m of xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) urls.push(m[1] as string);
  return urls;
}

/** The files of a folder, recursively, as paths relative to it. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

describe("the deployment base (ECHEANCE_ORIGIN)", () => {
  test("unset or empty: the development build on https://localhost:3000/", () => {
    expect(deploymentBase(undefined)).toEqual({
      base: LOCAL_BASE,
      origin: "https://localhost:3000",
      local: true,
    });
    expect(deploymentBase("  ")).toMatchObject({ base: "https://localhost:3000/" });
  });

  test("a folder on an HTTPS origin, with the trailing slash added when it is left out", () => {
    expect(deploymentBase("https://intranet.cabinet.fr/echeance")).toEqual({
      base: "https://intranet.cabinet.fr/echeance/",
      origin: "https://intranet.cabinet.fr",
      local: false,
    });
    expect(deploymentBase("https://addins.cabinet.fr:8443/")).toMatchObject({
      base: "https://addins.cabinet.fr:8443/",
      origin: "https://addins.cabinet.fr:8443",
    });
  });

  test("refused with a sentence saying what is expected: http, a relative address, a query or a fragment", () => {
    expect(() => deploymentBase("http://cabinet.example/echeance/")).toThrow(/must be https/);
    expect(() => deploymentBase("cabinet.example/echeance")).toThrow(/not an absolute URL/);
    expect(() => deploymentBase("https://cabinet.example/echeance/?v=2")).toThrow(/without a user, \? or #/);
    expect(() => deploymentBase("https://cabinet.example/echeance/#top")).toThrow(/without a user, \? or #/);
  });

  test("the manifest for a base: every URL under it, the AppDomain its origin, no localhost left", () => {
    const xml = manifestForBase(MANIFEST, deploymentBase(BASE));
    const urls = manifestUrls(xml);
    // Icons (2 + 3), the support page, the task pane, the metadata ×6, the learn-more page, the AppDomain.
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls.filter((u) => !u.endsWith("cabinet.example")))
      expect(url.startsWith(BASE)).toBe(true);
    expect(xml).toContain("<AppDomain>https://cabinet.example</AppDomain>");
    expect(xml).not.toMatch(/localhost/);
    expect(validateManifest(xml)).toEqual([]);
  });
});

describe("the offline manifest check (npm run validate)", () => {
  test("manifest.xml passes", () => {
    expect(validateManifest(MANIFEST)).toEqual([]);
  });

  test("an element out of the schema's order is named, with the order the schema wants", () => {
    const swapped = MANIFEST.replace(/\s*<Version>[^<]*<\/Version>/, "").replace(
      "</ProviderName>",
      "</ProviderName>\n  <Version>0.1.0.0</Version>",
    );
    expect(validateManifest(swapped)).toEqual([
      expect.stringMatching(
        /^OfficeApp: <Version> must come before <ProviderName> \(the schema's order: Id, /,
      ),
    ]);
  });

  test("an unknown element, a bad attribute value and a missing required element are each reported", () => {
    const broken = MANIFEST.replace('lifetime="long" />', 'lifetime="forever" /><Extra />').replace(
      /<Permissions>ReadWriteDocument<\/Permissions>/,
      "<Permissions>Everything</Permissions>",
    );
    expect(validateManifest(broken)).toEqual([
      "OfficeApp/Permissions: « Everything » is not one of Restricted, ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument",
      'OfficeApp/VersionOverrides/Hosts/Host/Runtimes/Runtime: lifetime="forever" is not one of short, long',
      "OfficeApp/VersionOverrides/Hosts/Host/Runtimes: <Extra> is not allowed here (allowed: Runtime)",
    ]);
    expect(validateManifest(MANIFEST.replace(/<DefaultLocale>[^<]*<\/DefaultLocale>/, ""))).toEqual([
      "OfficeApp: <DefaultLocale> is missing before <DisplayName>",
    ]);
  });

  test("beyond the schema: an undefined resid, a URL off the base, http, a runtime off the task pane", () => {
    const broken = MANIFEST.replace('resid="Functions.Namespace"', 'resid="Functions.Nmespace"')
      .replace("https://localhost:3000/assets/icon-16.png", "http://cdn.example/icon-16.png")
      .replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="Functions.Metadata.Url"');
    const problems = validateManifest(broken);
    expect(problems).toContain(
      "OfficeApp/VersionOverrides/Hosts/Host/AllFormFactors/ExtensionPoint/Namespace: resid « Functions.Nmespace » is not defined in <Resources>",
    );
    expect(problems).toContain("Resources: Functions.Namespace is defined but never used");
    expect(problems).toContain(
      "OfficeApp/VersionOverrides/Resources/bt:Images/bt:Image: http://cdn.example/icon-16.png is not https",
    );
    expect(problems).toContain(
      "OfficeApp/VersionOverrides/Resources/bt:Images/bt:Image: http://cdn.example/icon-16.png is not under https://localhost:3000/",
    );
    expect(problems).toContain(
      "OfficeApp/VersionOverrides/Hosts/Host/Runtimes/Runtime: resid « Functions.Metadata.Url » is not the task pane's URL (https://localhost:3000/taskpane.html)",
    );
  });

  test("`npm run validate` prints each file's verdict and fails on a broken one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "echeance-validate-"));
    try {
      const bad = path.join(dir, "bad.xml");
      writeFileSync(bad, MANIFEST.replace("<Permissions>ReadWriteDocument", "<Permissions>All"));
      const run = spawnSync(process.execPath, ["scripts/validate-manifest.js", "manifest.xml", bad], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("manifest.xml: valid");
      expect(run.stdout).toContain(`${bad}: 1 problem(s)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the development build (dist/, no ECHEANCE_ORIGIN)", () => {
  const DIST = path.join(ROOT, "dist");

  test("dist/manifest.xml is manifest.xml for https://localhost:3000/, valid", () => {
    const built = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(built).toBe(manifestForBase(MANIFEST, deploymentBase(undefined)));
    expect(validateManifest(built)).toEqual([]);
  });

  test("the functions' help pages are the support page's entries, on the same origin", () => {
    const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as Metadata;
    const support = readFileSync(path.join(DIST, "assets/support.html"), "utf8");
    for (const fn of metadata.functions) {
      const anchor = `cgv${fn.id.toLowerCase()}`;
      expect(fn.helpUrl).toBe(`https://localhost:3000/assets/support.html#${anchor}`);
      expect(support).toMatch(new RegExp(`id="?${anchor}"?[ >]`));
    }
  });
});

describe("a production build for https://cabinet.example/echeance/", () => {
  let out = "";
  const text = (file: string): string => readFileSync(path.join(out, file), "utf8");

  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), "echeance-deploy-"));
    // The web build only (the command line is no part of what a firm hosts), into its own folder so
    // that dist/ stays the development build the other tests read.
    const run = spawnSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--config-name",
        "web",
        "--env",
        `outDir=${out}`,
      ],
      { cwd: ROOT, env: { ...process.env, ECHEANCE_ORIGIN: BASE }, encoding: "utf8", timeout: 280_000 },
    );
    if (run.status !== 0) throw new Error(`the build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }, 300_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test("its manifest is valid, every URL under the base, the AppDomain the origin, nothing under localhost", () => {
    const xml = text("manifest.xml");
    expect(validateManifest(xml)).toEqual([]);
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) {
      if (url === "https://cabinet.example") continue; // the AppDomain
      expect({ url, under: url.startsWith(BASE) }).toEqual({ url, under: true });
    }
    expect(xml).toContain("<AppDomain>https://cabinet.example</AppDomain>");
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  test("every file the manifest points at is in the folder, at the path under the base", () => {
    for (const url of manifestUrls(text("manifest.xml")).filter((u) => u.startsWith(BASE))) {
      const file = path.join(out, new URL(url).pathname.slice(new URL(BASE).pathname.length));
      expect({ url, built: existsSync(file) }).toEqual({ url, built: true });
    }
  });

  test("no file of the folder names localhost; every absolute URL is under the base or a known third party", () => {
    // What the pane links to on purpose (office.js from Microsoft's CDN, the official sources of the
    // rates), what React names in its error messages, and XML namespace names (never fetched).
    const THIRD_PARTIES = new Set([
      "https://appsforoffice.microsoft.com",
      "https://www.legifrance.gouv.fr",
      "https://www.ecb.europa.eu",
      "https://reactjs.org",
      "http://www.w3.org",
      // The .docx reader of the terms import (mammoth, loaded when a .docx is opened): Office Open XML
      // namespace names, mammoth's style-map namespace, and JSZip's documentation named in its errors.
      "http://schemas.openxmlformats.org",
      "http://purl.oclc.org",
      "http://schemas.microsoft.com",
      "http://schemas.zwobble.org",
      "https://stuk.github.io",
    ]);
    const files = filesUnder(out).filter((f) => /\.(html|js|json|css|xml|txt)$/.test(f));
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "manifest.xml"]),
    );
    const offBase: string[] = [];
    for (const file of files) {
      const body = text(file);
      expect({ file, localhost: /localhost|127\.0\.0\.1/.test(body) }).toEqual({ file, localhost: false });
      // The manifest is checked above; licence notices name their projects' home pages.
      if (file === "manifest.xml" || file.endsWith(".LICENSE.txt")) continue;
      for (const m of body.matchAll(/https?:\/\/[^\s"'`<>)\\;,]+/g)) {
        const url = m[0];
        const origin = new URL(url).origin;
        if (origin === "https://cabinet.example" ? !url.startsWith(BASE) : !THIRD_PARTIES.has(origin))
          offBase.push(`${file}: ${url}`);
      }
    }
    expect(offBase).toEqual([]);
  });

  test("the page loads its scripts from beside itself (relative paths), office.js from Microsoft's CDN", () => {
    const html = text("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1] as string);
    expect(scripts).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    for (const src of scripts.filter((s) => !s.startsWith("https://appsforoffice.microsoft.com/")))
      expect(src).toMatch(/^[\w.-]+\.js$/);
  });

  test("the functions' help URLs are the support page's entries under the base, in both languages", () => {
    const support = text("assets/support.html");
    expect(support).toContain(BASE);
    for (const file of ["functions.json", "functions-fr.json"]) {
      const metadata = JSON.parse(text(file)) as Metadata;
      expect(metadata.functions.length).toBeGreaterThan(10);
      for (const fn of metadata.functions) {
        const anchor = `cgv${fn.id.toLowerCase()}`;
        expect(fn.helpUrl).toBe(`${BASE}assets/support.html#${anchor}`);
        expect(support).toMatch(new RegExp(`id="?${anchor}"?[ >]`));
      }
    }
  });
});
