import type { Text } from "../engine";
import type { RegisterPlace } from "../write";
import type { Package, SheetEntry } from "./package";
import type { SheetRewriter } from "./sheet-rewriter";
import type { ZipEntry, ZipSource } from "./zip";

/**
 * What a copy of a register workbook needs of the opened book (src/xlsx/register.ts), and nothing
 * more: its parts, its register's place, where the copy's warnings go, and how to close the file. The
 * copy (sink.ts) depends on this contract, not on the reader, so neither imports the other.
 */
export interface CopySource {
  readonly zip: ZipSource;
  readonly pkg: Package;
  readonly sheet: SheetEntry;
  readonly sheetEntry: ZipEntry;
  readonly place: RegisterPlace;
  readonly date1904: boolean;
  /** Hands the reader the rewriter its rows pass through, and how to abort the copy. */
  attach(rewriter: SheetRewriter, abort: () => Promise<void>): void;
  /** Whether the rows were all read (the worksheet's tail with them). */
  rowsRead(): boolean;
  /** What the copy dropped or kept, said with the book's other warnings. */
  warn(text: Text): void;
  /** Closes the file (the copy closes it when it ends). */
  close(): void;
}
