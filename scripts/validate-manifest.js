#!/usr/bin/env node
// `npm run validate [-- FILE…] [-- --online]`: checks add-in manifests offline, without the network —
// manifest.xml, and dist/manifest.xml when the build wrote one — and exits 1 on the first file with a
// problem, each problem on its own line.
//  1. The schema: every element where the schema puts it, in its order, with its attributes and
//     their values (the content models of scripts/manifest-schema.js, a subset of [MS-OWEMXML]).
//  2. What Excel needs beyond the schema: a GUID id, a four-part version, every resid defined (at
//     most 32 characters) and every resource used, short strings of at most 125 characters and long
//     ones of 250, every URL https and under the base the task pane is served from, the AppDomain
//     that base's origin, the shared runtime on the task pane's URL everywhere.
// `--online` also runs Microsoft's validator (office-addin-manifest validate), which needs the
// network: a bonus where it is reachable, never part of the tests.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { XMLParser, XMLValidator } = require("fast-xml-parser");
const { MODELS, NS } = require("./manifest-schema");

/** An element as the ordered parser gives it: { name, attributes, children, text }. */
function elements(nodes) {
  const out = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const children = node[name];
    const text = children
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("")
      .trim();
    out.push({ name, attributes: node[":@"] || {}, children: elements(children), text });
  }
  return out;
}

function parse(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    commentPropName: "#comment",
    processEntities: true,
  });
  return elements(parser.parse(xml));
}

/** Problems with `element` against the content model `type`, at `where` (a path for messages). */
function checkModel(element, type, where, problems) {
  const model = MODELS[type];
  if (!model) throw new Error(`manifest-schema.js has no model ${type}`);
  if (model.any) return;
  for (const [attribute, rule] of Object.entries(model.attributes || {})) {
    const value = element.attributes[attribute];
    if (value === undefined) {
      if (rule !== false) problems.push(`${where}: the attribute ${attribute} is required`);
    } else if (Array.isArray(rule) && !rule.includes(value))
      problems.push(`${where}: ${attribute}="${value}" is not one of ${rule.join(", ")}`);
  }
  if (Array.isArray(model.text) && !model.text.includes(element.text))
    problems.push(`${where}: « ${element.text} » is not one of ${model.text.join(", ")}`);
  const slots = model.children || [];
  let slot = 0;
  let count = 0;
  for (const [k, child] of element.children.entries()) {
    // Move along the sequence until a slot takes this child (a slot may be skipped when optional).
    while (slot < slots.length && slots[slot][0] !== child.name) {
      const [name, , min] = slots[slot];
      if (count < min) {
        // A required element that comes later is out of order: one message, the rest would follow from it.
        const later = element.children.slice(k + 1).some((c) => c.name === name);
        problems.push(
          later
            ? `${where}: <${name}> must come before <${child.name}> (the schema's order: ${slots.map(([n]) => n).join(", ")})`
            : `${where}: <${name}> is missing before <${child.name}>`,
        );
        if (later) return;
      }
      slot += 1;
      count = 0;
    }
    if (slot === slots.length) {
      const known = slots.some(([name]) => name === child.name);
      problems.push(
        known
          ? `${where}: <${child.name}> is out of order (the schema's order: ${slots.map(([n]) => n).join(", ")})`
          : `${where}: <${child.name}> is not allowed here (allowed: ${slots.map(([n]) => n).join(", ") || "nothing"})`,
      );
      return;
    }
    count += 1;
    const [name, childType, , max] = slots[slot];
    if (count > max) problems.push(`${where}: more than ${max} <${name}>`);
    checkModel(child, childType, `${where}/${name}`, problems);
  }
  for (; slot < slots.length; slot += 1, count = 0)
    if (count < slots[slot][2]) problems.push(`${where}: <${slots[slot][0]}> is missing`);
}

/** Every element below `element`, depth first, with its path. */
function* walk(element, where = element.name) {
  yield [element, where];
  for (const child of element.children) yield* walk(child, `${where}/${child.name}`);
}

const SHORT = 125;
const LONG = 250;
const URL_MAX = 2048;
const RESID_MAX = 32;

/** What Excel requires beyond the schema (see the file's comment). */
function checkSemantics(root, problems) {
  const text = (name) => root.children.find((c) => c.name === name)?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id")))
    problems.push(`OfficeApp/Id: « ${text("Id")} » is not a GUID`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version")))
    problems.push(`OfficeApp/Version: « ${text("Version")} » is not a version of up to four numbers`);

  const resources = new Map();
  const used = new Set();
  for (const [element, where] of walk(root)) {
    if (["bt:Image", "bt:Url", "bt:String"].includes(element.name) && element.attributes.id !== undefined) {
      const { id } = element.attributes;
      if (resources.has(id)) problems.push(`${where}: the resource id ${id} is defined twice`);
      const group = where.split("/").slice(-2, -1)[0];
      resources.set(id, { group, element });
    }
  }
  for (const [element, where] of walk(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    if (resid.length > RESID_MAX)
      problems.push(`${where}: resid « ${resid} » is longer than ${RESID_MAX} characters`);
    if (!resources.has(resid)) problems.push(`${where}: resid « ${resid} » is not defined in <Resources>`);
  }
  for (const id of resources.keys())
    if (!used.has(id)) problems.push(`Resources: ${id} is defined but never used`);

  for (const [element, where] of walk(root)) {
    const limit =
      where.includes("bt:ShortStrings") || where.startsWith("OfficeApp/DisplayName")
        ? SHORT
        : where.includes("bt:LongStrings") || where.startsWith("OfficeApp/Description")
          ? LONG
          : URL_MAX;
    for (const value of [element.attributes.DefaultValue, element.attributes.Value])
      if (value !== undefined && value.length > limit)
        problems.push(`${where}: « ${value.slice(0, 40)}… » is longer than ${limit} characters`);
  }

  // URLs: every one https and under the folder the task pane page is served from.
  const page = root.children.find((c) => c.name === "DefaultSettings")?.children[0]?.attributes.DefaultValue;
  let base;
  try {
    base = new URL(".", page).href;
  } catch {
    problems.push(`OfficeApp/DefaultSettings/SourceLocation: « ${page} » is not a URL`);
    return;
  }
  const origin = new URL(base).origin;
  for (const [element, where] of walk(root)) {
    const values = Object.entries(element.attributes)
      .filter(([name]) => !name.startsWith("xmlns"))
      .map(([, value]) => value);
    if (element.name === "AppDomain") values.push(element.text);
    for (const value of values) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
      const url = new URL(value);
      if (url.protocol !== "https:") problems.push(`${where}: ${value} is not https`);
      if (element.name === "AppDomain") {
        if (url.href.replace(/\/$/, "") !== origin)
          problems.push(`${where}: ${value} is not the origin the add-in is served from (${origin})`);
      } else if (!value.startsWith(base)) problems.push(`${where}: ${value} is not under ${base}`);
    }
  }

  // The shared runtime: the Runtime, the functions' script and page, the function file and the
  // button's page are all the task pane's URL ("Configure your Office Add-in to use a shared runtime").
  const taskpane = [...resources].find(([, r]) => r.element.attributes.DefaultValue === page)?.[0];
  for (const [element, where] of walk(root))
    if (
      /(Runtime|Script\/SourceLocation|Page\/SourceLocation|FunctionFile|Action\/SourceLocation)$/.test(where)
    )
      if (element.attributes.resid !== taskpane)
        problems.push(`${where}: resid « ${element.attributes.resid} » is not the task pane's URL (${page})`);
}

/** Every problem of a manifest's text, an empty list when it is valid. */
function validateManifest(xml) {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const [root] = parse(xml);
  if (!root || root.name !== "OfficeApp") return ["the root element is not <OfficeApp>"];
  const problems = [];
  if (root.attributes.xmlns !== NS.app) problems.push(`OfficeApp: xmlns must be ${NS.app}`);
  if (root.attributes["xmlns:bt"] !== NS.bt) problems.push(`OfficeApp: xmlns:bt must be ${NS.bt}`);
  if (root.attributes["xmlns:xsi"] !== NS.xsi) problems.push(`OfficeApp: xmlns:xsi must be ${NS.xsi}`);
  const overrides = root.children.find((c) => c.name === "VersionOverrides");
  if (overrides && overrides.attributes.xmlns !== NS.taskpane)
    problems.push(`OfficeApp/VersionOverrides: xmlns must be ${NS.taskpane}`);
  checkModel(root, "TaskPaneApp", "OfficeApp", problems);
  if (problems.length === 0) checkSemantics(root, problems);
  return problems;
}

function main(argv) {
  const online = argv.includes("--online");
  const root = path.resolve(__dirname, "..");
  const given = argv.filter((a) => a !== "--online");
  const files =
    given.length > 0
      ? given
      : ["manifest.xml", "dist/manifest.xml"].filter((f) => fs.existsSync(path.join(root, f)));
  let failed = false;
  for (const file of files) {
    const problems = validateManifest(fs.readFileSync(path.resolve(root, file), "utf8"));
    if (problems.length === 0)
      console.log(`${file}: valid (schema subset of [MS-OWEMXML] and Excel's rules, offline)`);
    else {
      failed = true;
      console.log(`${file}: ${problems.length} problem(s)`);
      for (const p of problems) console.log(`  ${p}`);
    }
    if (online) {
      // Microsoft's online validator: needs the network; its verdict is shown, not required.
      const run = spawnSync(
        process.execPath,
        [require.resolve("office-addin-manifest/cli.js"), "validate", path.resolve(root, file)],
        {
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      console.log(
        `  office-addin-manifest validate (online): ${run.status === 0 ? "passed" : `not passed or not reachable (${(run.stderr || run.stdout || "").trim().split("\n")[0]})`}`,
      );
    }
  }
  return failed ? 1 : 0;
}

module.exports = { validateManifest };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
