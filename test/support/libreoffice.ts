import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * LibreOffice Calc headless, as the portable-formula proof and its benchmark use it: a fresh profile
 * set to recalculate every formula on load (otherwise it would trust the file's cached results).
 */

export const SOFFICE = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens each file in LibreOffice (one call), recalculates it, and saves it as xlsx into `outdir`. */
export async function recalculateWithLibreOffice(
  files: readonly string[],
  outdir: string,
  profileDir: string,
  timeoutMs: number,
): Promise<void> {
  if (!SOFFICE)
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");
  await fs.mkdir(path.join(profileDir, "user"), { recursive: true });
  await fs.writeFile(path.join(profileDir, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const run = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profileDir}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outdir,
      ...files,
    ],
    { encoding: "utf8", timeout: timeoutMs },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
}
