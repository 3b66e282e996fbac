/**
 * The add-in's own security settings, read from the files: the task pane page's Content-Security-Policy
 * (its own origin, plus scripts from the one CDN folder office.js is served from), the manifest's
 * permission (ReadWriteDocument, nothing more), and the custom functions, which must compute without
 * any network access.
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import "../functions/custom-functions-shim";
import * as CGV from "../../src/office/functions";
import { FUNCTION_SIGNATURES, type ParamType } from "../../src/functions/signatures";
import { OFFICE_JS_URL } from "../../src/office/office-boot";

const ROOT = path.resolve(__dirname, "../..");

/** The CSP of an HTML page's <meta http-equiv="Content-Security-Policy">, directive → sources. */
function metaCsp(html: string): Map<string, string[]> | undefined {
  const tag = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0];
  if (!tag) return undefined;
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  const text = content?.[1] ?? content?.[2] ?? "";
  const map = new Map<string, string[]>();
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/**
 * The folder of Microsoft's CDN that office.js is served from: office.js loads its host file, strings
 * and telemetry scripts from beside itself (getOfficeJsBasePath), so scripts may come from this folder,
 * and from nowhere else on that host.
 */
const OFFICE_JS_FOLDER = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1);

/**
 * The origin office.js opens a frame from on hosts outside its built-in list (docs/deploy.md): frames
 * may come from there, and from nowhere else but the page's origin.
 */
const OFFICE_FRAME_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * What each directive may allow: the page's own origin ('self') or nothing ('none'); scripts also from
 * office.js's CDN folder; frames also from office.js's origin; images and fonts also as data: URLs
 * (inline icons); styles also inline, because Fluent UI (Griffel) inserts <style> rules at run time.
 * Never another host, a scheme wildcard, '*', inline scripts or eval; requests (connect-src) only to
 * the page's origin.
 */
const ALLOWED: Record<string, readonly string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_JS_FOLDER],
  "connect-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'", "'none'"],
  "form-action": ["'self'", "'none'"],
  "frame-src": ["'self'", OFFICE_FRAME_ORIGIN],
  "worker-src": ["'self'", "'none'"],
  "media-src": ["'self'", "'none'"],
  "manifest-src": ["'self'", "'none'"],
  "frame-ancestors": [],
};

const pages = [
  ["src/taskpane/taskpane.html", path.join(ROOT, "src/taskpane/taskpane.html")],
  ["dist/taskpane.html (built)", path.join(ROOT, "dist/taskpane.html")],
] as const;

describe.each(pages)("the Content-Security-Policy of %s", (_label, file) => {
  const present = existsSync(file);
  const maybe = present ? test : test.skip;

  maybe("exists, as a meta tag before any script", () => {
    const html = readFileSync(file, "utf8");
    const csp = metaCsp(html);
    expect(csp).toBeDefined();
    const meta = html.search(/http-equiv=["']?Content-Security-Policy/i);
    const firstScript = html.search(/<script\b/i);
    expect(meta).toBeGreaterThan(-1);
    if (firstScript > -1) expect(meta).toBeLessThan(firstScript);
  });

  maybe("allows the page's own origin, and scripts from office.js's CDN folder only", () => {
    const csp = metaCsp(readFileSync(file, "utf8")) ?? new Map<string, string[]>();
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(OFFICE_JS_FOLDER).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/");
    expect(csp.get("script-src")).toEqual(["'self'", OFFICE_JS_FOLDER]);
    // Requests stay on the origin: office.js's telemetry calls are refused. An absent directive falls
    // back to default-src 'self', which is as strict.
    expect(csp.get("connect-src") ?? ["'self'"]).toEqual(["'self'"]);
    expect(csp.get("object-src") ?? ["'none'"]).toEqual(["'none'"]);
  });

  maybe("allows frames from its own origin and from office.js's origin, and from nowhere else", () => {
    const csp = metaCsp(readFileSync(file, "utf8")) ?? new Map<string, string[]>();
    // Without frame-src, frames fall back to default-src 'self' and office.js's frame is refused.
    expect(csp.get("frame-src")).toEqual(["'self'", OFFICE_FRAME_ORIGIN]);
  });

  maybe("loads office.js from the CDN URL Microsoft requires, first, as a classic script in <head>", () => {
    const html = readFileSync(file, "utf8");
    const head = html.slice(0, html.search(/<\/head>/i));
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? "");
    const src = (attrs: string) =>
      /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs)?.slice(1).find(Boolean);
    // The first script: office.js itself, neither async nor deferred, so the pane's deferred bundles
    // run after it has loaded or failed (src/taskpane/office-boot.ts).
    expect(src(scripts[0] ?? "")).toBe(OFFICE_JS_URL);
    expect(scripts[0]).not.toMatch(/\b(async|defer|type=["']?module)\b/i);
    expect(head).toContain(OFFICE_JS_URL);
    // Every other script is the page's own (a relative URL), and there is no inline script.
    for (const attrs of scripts.slice(1)) {
      const url = src(attrs);
      expect({ attrs, own: url !== undefined && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) }).toEqual({
        attrs,
        own: true,
      });
    }
  });

  maybe("names no other host, no wildcard, no inline script and no eval in any directive", () => {
    const csp = metaCsp(readFileSync(file, "utf8")) ?? new Map<string, string[]>();
    for (const [name, sources] of csp) {
      const allowed = ALLOWED[name];
      expect({ name, known: allowed !== undefined }).toEqual({ name, known: true });
      for (const source of sources)
        expect({ name, source, ok: allowed?.includes(source) }).toEqual({ name, source, ok: true });
    }
  });
});

describe("the manifest", () => {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as {
    OfficeApp: { Permissions: unknown };
  };

  test("asks for ReadWriteDocument only (not ReadWriteMailbox, WriteDocument plus more, or Restricted)", () => {
    expect(parsed.OfficeApp.Permissions).toBe("ReadWriteDocument");
    expect(xml.match(/<Permissions>/g)).toHaveLength(1);
  });
});

describe("the custom functions", () => {
  const calls: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(() => {
    const record =
      (what: string) =>
      (...args: unknown[]): never => {
        calls.push(`${what} ${JSON.stringify(args[0])?.slice(0, 80)}`);
        throw new Error(`network call from a custom function: ${what}`);
      };
    spies.push(jest.spyOn(http, "request").mockImplementation(record("http.request")));
    spies.push(jest.spyOn(http, "get").mockImplementation(record("http.get")));
    spies.push(jest.spyOn(https, "request").mockImplementation(record("https.request")));
    spies.push(jest.spyOn(https, "get").mockImplementation(record("https.get")));
    spies.push(jest.spyOn(net.Socket.prototype, "connect").mockImplementation(record("net.connect")));
    spies.push(jest.spyOn(globalThis, "fetch").mockImplementation(record("fetch")));
  });
  afterAll(() => spies.forEach((s) => s.mockRestore()));

  const ARG: Record<ParamType, unknown> = {
    vendor: "omi",
    date: 45658, // 01/01/2025
    amount: 2500,
    text: "",
    number: 1,
    range: [[45658]],
  };

  test("every function computes (or gives its Excel error) without any network call", async () => {
    const exported = Object.entries(CGV).filter(([, f]) => typeof f === "function") as [
      string,
      (...args: unknown[]) => unknown,
    ][];
    let called = 0;
    for (const sig of FUNCTION_SIGNATURES) {
      const fn = exported.find(([name]) => name.toUpperCase() === sig.name)?.[1];
      if (!fn) continue;
      const args = sig.params.map((p) => ARG[p.type]);
      try {
        await fn(...args);
      } catch {
        // An Excel error is an answer too; only the network matters here.
      }
      called += 1;
    }
    expect(called).toBeGreaterThanOrEqual(10);
    expect(calls).toEqual([]);
  });
});
