import { zipSync, type Zippable } from "fflate";

/**
 * Several documents in one .zip, for a face that hands the user one file (the pane's download): the
 * letters of a run, one .docx per client. A .docx is already deflated, so the archive stores them as
 * they are (level 0). Names are made unique (« … (2).docx ») so no letter replaces another.
 */

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  let candidate = name;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${stem} (${k})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The files as one zip archive, in the order given. */
export function zipFiles(files: readonly NamedBytes[]): Uint8Array {
  const taken = new Set<string>();
  const zippable: Zippable = {};
  for (const f of files) zippable[uniqueName(f.name, taken)] = [f.bytes, { level: 0 }];
  return zipSync(zippable);
}
