import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_VENDORS } from "../../src/engine";
import { renderVendorSnapshot } from "./vendor-snapshot";

/**
 * docs/vendors/<id>.md must equal what the engine computes now. A change of behaviour fails here and
 * shows, once regenerated (UPDATE_VENDOR_SNAPSHOTS=1), as a reviewable diff of dates and amounts.
 */
const DIR = path.resolve(__dirname, "../../docs/vendors");
const UPDATE = process.env.UPDATE_VENDOR_SNAPSHOTS === "1";

/**
 * Formatted as the repository's Prettier would, so `prettier --write .` leaves the files unchanged.
 * Prettier 3's API loads its plugins by dynamic import, which Jest's CommonJS runtime refuses: its CLI
 * runs in a child process instead.
 */
function formatted(file: string, markdown: string): string {
  const cli = require.resolve("prettier/bin/prettier.cjs");
  return execFileSync(process.execPath, [cli, "--stdin-filepath", file], {
    input: markdown,
    encoding: "utf8",
  });
}

describe("vendor snapshots in docs/vendors", () => {
  test.each(BUILT_IN_VENDORS.map((p) => [p.id, p] as const))(
    "docs/vendors/%s.md matches the engine's output",
    (id, profile) => {
      const file = path.join(DIR, `${id}.md`);
      const actual = formatted(file, renderVendorSnapshot(profile));
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      if (!existsSync(file))
        throw new Error(
          `${file} is missing: run UPDATE_VENDOR_SNAPSHOTS=1 ECHEANCE_SKIP_BUILD=1 npx jest test/engine/vendor-snapshots`,
        );
      // A failure means the engine's results for this vendor changed: review, then regenerate with UPDATE_VENDOR_SNAPSHOTS=1.
      expect(actual).toBe(readFileSync(file, "utf8"));
    },
  );
});
