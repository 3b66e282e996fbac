import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";

/**
 * Nothing written half-way: a file is written under a temporary name beside its place, then renamed
 * (a rename within a folder is atomic); the documents of a run are written into a temporary folder
 * beside the output folder, and moved into it only once all are written. A failure removes what was
 * written.
 */

/** A hidden name beside `target`, with its extension (writers choose the format by it). */
export function temporaryName(target: string): string {
  const ext = path.extname(target);
  const stem = path.basename(target, ext);
  return path.join(
    path.dirname(target),
    `.${stem}.${process.pid}-${randomBytes(4).toString("hex")}.tmp${ext}`,
  );
}

/** Writes `target` through `write(temporaryPath)`, then renames it into place. */
export async function writeTemporaryThenRename(
  target: string,
  write: (temporary: string) => Promise<void>,
): Promise<void> {
  const tmp = temporaryName(target);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** A folder of documents being written: files go to a hidden folder beside `target` until `commit`. */
export class StagedFolder {
  private constructor(
    readonly target: string,
    private readonly staging: string,
    private readonly names: string[] = [],
  ) {}

  /** Makes the staging folder beside `target`; refuses a `target` that is a file. */
  static async open(target: string): Promise<StagedFolder> {
    const stat = await fs.stat(target).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return undefined;
      throw e;
    });
    if (stat && !stat.isDirectory())
      throw Object.assign(new Error(`${target} is a file`), { code: "ENOTDIR", path: target });
    const parent = path.dirname(path.resolve(target));
    await fs.mkdir(parent, { recursive: true });
    const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(path.resolve(target))}.tmp-`));
    return new StagedFolder(target, staging);
  }

  /** The name a file gets when another of the run already has `name`: « … (2).docx ». */
  private unique(name: string): string {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    const taken = new Set(this.names.map((n) => n.toLowerCase()));
    for (let k = 1; ; k++) {
      const candidate = k === 1 ? name : `${stem} (${k})${ext}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** Writes one document; returns the name it gets in the folder. */
  async write(name: string, bytes: Uint8Array): Promise<string> {
    const unique = this.unique(name);
    await fs.writeFile(path.join(this.staging, unique), bytes);
    this.names.push(unique);
    return unique;
  }

  /** Moves every document into the target folder (made if needed); a document of the same name is replaced. */
  async commit(): Promise<string[]> {
    await fs.mkdir(this.target, { recursive: true });
    for (const name of this.names)
      await fs.rename(path.join(this.staging, name), path.join(this.target, name));
    await fs.rm(this.staging, { recursive: true, force: true });
    return [...this.names];
  }

  /** Removes everything written: nothing of the run is left. */
  async abandon(): Promise<void> {
    await fs.rm(this.staging, { recursive: true, force: true });
  }
}
