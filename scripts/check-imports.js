#!/usr/bin/env node
// Checks the import graph of src/ against the layers of scripts/layers.js, by resolving every
// relative import (type-only ones included) to the file it names:
//   - no import cycle between files (Tarjan's strongly connected components);
//   - a file imports only its own layer and the layers listed beside it.
// ESLint's boundaries (eslint.config.mjs) say the same per file while editing; this check sees the
// whole graph, so a cycle through three folders cannot hide. `npm run lint` runs it, and so does
// test/architecture.test.ts. Prints what it found; exits 1 on any problem.
const fs = require("node:fs");
const path = require("node:path");
const { LAYERS } = require("./layers");

const ROOT = path.resolve(__dirname, "..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
      out.push(p);
  }
  return out;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The file a relative specifier names, or undefined (a package, an asset). */
function resolve(fromFile, spec, known) {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (known.has(candidate)) return candidate;
  return undefined;
}

/** The import graph: file → files it imports. Comments are dropped first (an example in a comment is not an import). */
function importGraph(files) {
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const text = fs
      .readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    const targets = new Set();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(file, m[1] ?? m[2], known);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself: the cycles. */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const order = new Map();
  const low = new Map();
  const found = [];
  // Iterative Tarjan: a deep graph must not overflow the call stack.
  for (const start of graph.keys()) {
    if (order.has(start)) continue;
    const work = [{ node: start, next: 0 }];
    order.set(start, index);
    low.set(start, index);
    index++;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const w = edges[frame.next++];
        if (!order.has(w)) {
          order.set(w, index);
          low.set(w, index);
          index++;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node), order.get(w)));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
      if (low.get(frame.node) === order.get(frame.node)) {
        const component = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) found.push(component);
      }
    }
  }
  return found;
}

/** Every problem of src/'s imports, as sentences; empty when the graph holds. */
function checkImports(root = SRC) {
  const files = sourceFiles(root);
  const graph = importGraph(files);
  const rel = (f) => path.relative(path.dirname(root), f).split(path.sep).join("/");
  const layerOf = (f) => path.relative(root, f).split(path.sep)[0];
  const byName = new Map(LAYERS.map((l) => [l.name, l]));
  const problems = [];
  for (const file of files) {
    const layer = layerOf(file);
    if (!byName.has(layer) && file !== path.join(root, layer)) {
      problems.push(`${rel(file)}: its folder src/${layer} is not a layer of scripts/layers.js`);
      continue;
    }
    const allowed = new Set([layer, ...(byName.get(layer)?.imports ?? [])]);
    for (const target of graph.get(file)) {
      const to = layerOf(target);
      if (!allowed.has(to))
        problems.push(`${rel(file)} imports ${rel(target)}: src/${layer} may not import src/${to}`);
    }
  }
  for (const component of cycles(graph))
    problems.push(`import cycle: ${component.map(rel).sort().join(" → ")}`);
  return { files: files.length, problems };
}

module.exports = { checkImports, importGraph, cycles };

if (require.main === module) {
  const { files, problems } = checkImports();
  for (const p of problems) console.error(p);
  console.log(
    `${files} files of src/ checked: ${problems.length === 0 ? "no import cycle, every import within its layer's bounds" : `${problems.length} problem(s)`}`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
