// Where the add-in is served from, and what the build writes for it.
//
// A firm deploys Échéance by hosting dist/ on an HTTPS origin of its own and publishing the manifest
// to its users: `ECHEANCE_ORIGIN=https://intranet.cabinet.fr/echeance/ npm run build` writes dist/
// with dist/manifest.xml for that base URL — every URL of the manifest (pages, icons, functions
// metadata, SupportUrl, help pages) under it, the AppDomain its origin. Without the variable the
// build is the development one, on https://localhost:3000/ (manifest.xml at the root is its source).
// The functions' help URLs and the support page are written for the same base (DeploymentPlugin).
"use strict";

const LOCAL_BASE = "https://localhost:3000/";
/** The origin manifest.xml is written for, as it appears in its URLs and its AppDomain. */
const SOURCE_ORIGIN = "https://localhost:3000";

/**
 * The deployment base from ECHEANCE_ORIGIN: an absolute https URL, the folder dist/ is served from
 * (a trailing slash is added), no user, query or fragment. Undefined or empty: the local base.
 * Throws with a sentence saying what was expected.
 */
function deploymentBase(value) {
  if (value === undefined || value.trim() === "")
    return { base: LOCAL_BASE, origin: SOURCE_ORIGIN, local: true };
  const example = "for example ECHEANCE_ORIGIN=https://intranet.cabinet.fr/echeance/";
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ECHEANCE_ORIGIN « ${value} » is not an absolute URL (${example}).`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ECHEANCE_ORIGIN « ${value} » must be https: Office loads add-ins only over HTTPS (${example}).`,
    );
  if (url.username || url.password || url.search || url.hash)
    throw new Error(
      `ECHEANCE_ORIGIN « ${value} » must be the folder's address alone, without a user, ? or # (${example}).`,
    );
  const base = `${url.origin}${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}`;
  return { base, origin: url.origin, local: base === LOCAL_BASE };
}

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * manifest.xml for a base: every https://localhost:3000/… URL under `base`, the AppDomain the base's
 * origin, the source's explanatory comment replaced by one that says what this file is. Throws if
 * anything still names the development origin (a URL this function does not know how to move).
 */
function manifestForBase(xml, { base, origin }) {
  const note =
    `<!--\n  Built by \`npm run build\` for ${escapeXml(base)} from the repository's manifest.xml: every URL is\n` +
    `  under that base. Publish this file to the firm's users (README, « Déployer pour un cabinet »).\n-->`;
  const out = xml
    .replace(/<!--[\s\S]*?-->/, note)
    .split(`${SOURCE_ORIGIN}/`)
    .join(base)
    .split(`<AppDomain>${SOURCE_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${escapeXml(origin)}</AppDomain>`);
  if (base !== LOCAL_BASE && out.includes("localhost"))
    throw new Error(
      `manifest.xml names localhost somewhere the build does not rewrite: ${out.match(/.*localhost.*/)[0].trim()}`,
    );
  return out;
}

/** Where a function's help URL points: its entry on the support page, under the base. */
function helpUrl(base, id) {
  return `${base}assets/support.html#cgv${id.toLowerCase()}`;
}

/** The functions metadata with every help URL on the support page under `base`. */
function metadataForBase(metadata, base) {
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => ({ ...fn, helpUrl: helpUrl(base, fn.id) })),
  };
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The support page for a base: `%ECHEANCE_BASE%` replaced by it, and `<!-- echeance:functions -->`
 * by one entry per function (its French and English names, its French description), each with the
 * id its help URL points at.
 */
function supportPageForBase(html, base, english, french) {
  const frenchById = new Map(french.functions.map((fn) => [fn.id, fn]));
  const entries = english.functions.map((fn) => {
    const fr = frenchById.get(fn.id) || fn;
    return (
      `      <dt id="cgv${escapeHtml(fn.id.toLowerCase())}"><code>CGV.${escapeHtml(fr.name)}</code>` +
      (fr.name === fn.name ? "" : ` (<code>CGV.${escapeHtml(fn.name)}</code>)`) +
      `</dt>\n      <dd>${escapeHtml(fr.description)}</dd>`
    );
  });
  if (!html.includes("<!-- echeance:functions -->"))
    throw new Error(
      "assets/support.html has no <!-- echeance:functions --> placeholder for the functions' help",
    );
  return html
    .split("%ECHEANCE_BASE%")
    .join(escapeHtml(base))
    .replace("<!-- echeance:functions -->", `<dl>\n${entries.join("\n")}\n    </dl>`);
}

/**
 * Writes what depends on the base into the web build: manifest.xml (from the repository's),
 * functions.json and functions-fr.json with their help URLs, and assets/support.html. Runs after the
 * metadata plugin, FunctionsFrPlugin and the copy of assets/.
 */
class DeploymentPlugin {
  constructor({ deployment, manifestFile }) {
    this.deployment = deployment;
    this.manifestFile = manifestFile;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "DeploymentPlugin";
    const fs = require("node:fs");
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        () => {
          const { base } = this.deployment;
          try {
            compilation.fileDependencies.add(this.manifestFile);
            const manifest = manifestForBase(fs.readFileSync(this.manifestFile, "utf8"), this.deployment);
            compilation.emitAsset("manifest.xml", new sources.RawSource(manifest));
            const json = (file) => JSON.parse(compilation.getAsset(file).source.source().toString());
            const english = metadataForBase(json("functions.json"), base);
            const french = metadataForBase(json("functions-fr.json"), base);
            compilation.updateAsset(
              "functions.json",
              new sources.RawSource(JSON.stringify(english, null, 2)),
            );
            compilation.updateAsset(
              "functions-fr.json",
              new sources.RawSource(JSON.stringify(french, null, 2)),
            );
            const support = compilation.getAsset("assets/support.html").source.source().toString();
            compilation.updateAsset(
              "assets/support.html",
              new sources.RawSource(supportPageForBase(support, base, english, french)),
            );
          } catch (error) {
            compilation.errors.push(new WebpackError(`${name}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = {
  DeploymentPlugin,
  LOCAL_BASE,
  SOURCE_ORIGIN,
  deploymentBase,
  helpUrl,
  manifestForBase,
  metadataForBase,
  supportPageForBase,
};
