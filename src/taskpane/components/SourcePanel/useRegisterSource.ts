import * as React from "react";
import {
  checkMapping,
  recognizeHeaders,
  type ColumnMapping,
  type FieldId,
  type HeaderRecognition,
  type MappingProblem,
  type RegisterMode,
} from "../../../apply";
import type { SourceBlock, SourceKind, WorkbookGateway } from "../../../workbook/gateway";
import { withHeaderRow, type HeaderChoice } from "../../register-header";

export interface RegisterSource {
  readonly kind: SourceKind;
  readonly setKind: (kind: SourceKind) => void;
  readonly block: SourceBlock | undefined;
  /** Which row of the block read is its header row (a title above it is left aside). */
  readonly header: HeaderChoice | undefined;
  readonly reading: boolean;
  readonly error: unknown;
  /** Reads the source again (after a write, or when the user changed the selection). */
  readonly read: (kind?: SourceKind) => Promise<void>;
  readonly recognition: HeaderRecognition | undefined;
  readonly mode: RegisterMode | undefined;
  readonly setMode: (mode: RegisterMode) => void;
  readonly mapping: ColumnMapping;
  readonly setField: (field: FieldId, column: number | undefined) => void;
  /** Missing or out-of-range fields of the current mapping (they block Apply), then the recognition's doubles. */
  readonly problems: readonly MappingProblem[];
}

/** The register: where it is read from, its recognised headers and the editable mapping. */
export function useRegisterSource(
  gateway: WorkbookGateway,
  initialKind: SourceKind = "region",
): RegisterSource {
  const [kind, setKindState] = React.useState<SourceKind>(initialKind);
  const [block, setBlock] = React.useState<SourceBlock | undefined>(undefined);
  const [header, setHeader] = React.useState<HeaderChoice | undefined>(undefined);
  const [reading, setReading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const [recognition, setRecognition] = React.useState<HeaderRecognition | undefined>(undefined);
  const [mode, setModeState] = React.useState<RegisterMode | undefined>(undefined);
  const [mapping, setMapping] = React.useState<ColumnMapping>({});
  const request = React.useRef(0);

  const read = React.useCallback(
    async (which?: SourceKind) => {
      const id = ++request.current;
      setReading(true);
      setError(undefined);
      try {
        const raw = await gateway.readSource(which ?? kind);
        if (id !== request.current) return;
        // The header row as the command line finds it: a title above it is left aside.
        const { block: next, header: found } = withHeaderRow(raw);
        const rec = recognizeHeaders(next.headers);
        setBlock(next);
        setHeader(found);
        setRecognition(rec);
        setModeState(rec.mode ?? "invoices");
        setMapping(rec.mode ? rec.mapping : recognizeHeaders(next.headers, { mode: "invoices" }).mapping);
      } catch (e) {
        if (id !== request.current) return;
        setBlock(undefined);
        setHeader(undefined);
        setRecognition(undefined);
        setError(e);
      } finally {
        if (id === request.current) setReading(false);
      }
    },
    [gateway, kind],
  );

  // `read` depends on the kind: the pane's effect reads again when it changes.
  const setKind = setKindState;

  const setMode = React.useCallback(
    (next: RegisterMode) => {
      setModeState(next);
      if (block) {
        const rec = recognizeHeaders(block.headers, { mode: next });
        setRecognition(rec);
        setMapping(rec.mapping);
      }
    },
    [block],
  );

  const setField = React.useCallback((field: FieldId, column: number | undefined) => {
    setMapping((m) => {
      const next: ColumnMapping = { ...m };
      if (column === undefined) delete next[field];
      else next[field] = column;
      return next;
    });
  }, []);

  const problems = React.useMemo(() => {
    if (!block || !mode) return [];
    const own = checkMapping(mapping, mode, block.headers.length);
    const doubles = (recognition?.problems ?? []).filter((p) => p.kind === "duplicate");
    return [...own, ...doubles];
  }, [block, mode, mapping, recognition]);

  return {
    kind,
    setKind,
    block,
    header,
    reading,
    error,
    read,
    recognition,
    mode,
    setMode,
    mapping,
    setField,
    problems,
  };
}
