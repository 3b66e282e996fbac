import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * LibreOffice headless, launched one way for every test and benchmark that needs it: a fresh profile
 * per run (settings written into it), one call converting every file into `outdir`.
 */

export const SOFFICE = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);

/** A profile's registrymodifications.xcu holding the given settings items. */
function settings(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items.join("\n")}
</oor:items>
`;
}

/** Recalculate every formula on load (otherwise LibreOffice trusts the file's cached results). */
export const RECALC_ALWAYS: readonly string[] = [
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
];

/** A French locale (dates, numbers and page set-up as a French accountant prints them). */
export const FRENCH_LOCALE: readonly string[] = [
  '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>',
  '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>fr-FR</value></prop></item>',
];

/** Converts the files with LibreOffice (one call, a fresh profile in `profileDir` with `profile` settings). */
export async function convertWithLibreOffice(
  files: readonly string[],
  options: {
    readonly to: string;
    readonly outdir: string;
    readonly profileDir: string;
    readonly profile?: readonly string[];
    readonly timeoutMs: number;
  },
): Promise<void> {
  if (!SOFFICE)
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");
  await fs.mkdir(path.join(options.profileDir, "user"), { recursive: true });
  await fs.writeFile(
    path.join(options.profileDir, "user", "registrymodifications.xcu"),
    settings(options.profile ?? []),
  );
  const run = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${options.profileDir}`,
      "--headless",
      "--norestore",
      "--convert-to",
      options.to,
      "--outdir",
      options.outdir,
      ...files,
    ],
    { encoding: "utf8", timeout: options.timeoutMs },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
}

/** Opens each file in LibreOffice (one call), recalculates it, and saves it as xlsx into `outdir`. */
export function recalculateWithLibreOffice(
  files: readonly string[],
  outdir: string,
  profileDir: string,
  timeoutMs: number,
): Promise<void> {
  return convertWithLibreOffice(files, { to: "xlsx", outdir, profileDir, profile: RECALC_ALWAYS, timeoutMs });
}
