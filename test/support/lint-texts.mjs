// Lints texts as if they were files of the repository, with the repository's ESLint configuration
// (an ES module, which jest's CommonJS cannot load): reads [{ file, text }] as JSON on stdin, prints
// [[ "rule: message", … ], …] in the same order. One process for every text (loading the
// configuration is the slow part).
import { ESLint } from "eslint";

const input = JSON.parse(
  await new Promise((resolve) => {
    let data = "";
    process.stdin.on("data", (chunk) => (data += chunk));
    process.stdin.on("end", () => resolve(data));
  }),
);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { file, text } of input) {
  const [result] = await eslint.lintText(text, { filePath: file });
  out.push((result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
