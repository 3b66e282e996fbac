import * as React from "react";
import type { ColumnMapping, RegisterMode } from "../../../apply";
import { parseIsoDay, type Language, type Settings, type VendorRegistry } from "../../../engine";
import { latePaymentClause, type RecoveryBook } from "../../../recovery";
import type { SourceBlock, WorkbookGateway } from "../../../workbook/gateway";
import { describeError } from "../../apply-adapter";
import { writeStatementSheets, type StatementLayout } from "../../recovery-adapter";
import type { RecoveryReading } from "../../recovery-adapter";
import { todayIso } from "../AsOfPicker/useAsOf";
import { useRecoveryReading } from "../RecoveryCommon/useRecoveryReading";

export type StatementRun =
  | { readonly phase: "idle" }
  | { readonly phase: "writing" }
  | { readonly phase: "done"; readonly sheets: readonly string[]; readonly printSetup: boolean }
  | { readonly phase: "error"; readonly message: string };

export interface StatementState {
  readonly asOfText: string;
  readonly setAsOfText: (iso: string) => void;
  /** The chosen client's key (`clientKey`), or "" for all. */
  readonly client: string;
  readonly setClient: (key: string) => void;
  readonly layout: StatementLayout;
  readonly setLayout: (layout: StatementLayout) => void;
  readonly reading: RecoveryReading | undefined;
  /** The book restricted to the chosen client. */
  readonly book: RecoveryBook | undefined;
  readonly run: StatementRun;
  readonly build: () => Promise<void>;
}

/** Only the chosen client's file (the reading holds them all, so the list of clients stays whole). */
function forClient(book: RecoveryBook, key: string): RecoveryBook {
  if (key === "") return book;
  return { ...book, clients: book.clients.filter((c) => c.key === key) };
}

/** « Rapports > Relevé par client »: its inputs, the register read as of the date, and the sheets written. */
export function useStatement(args: {
  gateway: WorkbookGateway;
  source: SourceBlock | undefined;
  mode: RegisterMode | undefined;
  mapping: ColumnMapping;
  vendor: string | undefined;
  lang: Language;
  active: boolean;
  registry?: VendorRegistry;
  settings?: Settings;
}): StatementState {
  const { gateway, lang } = args;
  const [asOfText, setAsOfText] = React.useState(todayIso);
  const [client, setClient] = React.useState("");
  const [layout, setLayout] = React.useState<StatementLayout>("per-client");
  const [run, setRun] = React.useState<StatementRun>({ phase: "idle" });
  const asOfIso = parseIsoDay(asOfText) === undefined ? undefined : asOfText;
  const reading = useRecoveryReading({ ...args, asOfIso });
  const book = React.useMemo(
    () => (reading?.ok ? forClient(reading.book, client) : undefined),
    [reading, client],
  );
  // A client no longer in the register (another register read): back to all.
  React.useEffect(() => {
    if (reading?.ok && client !== "" && !reading.book.clients.some((c) => c.key === client)) setClient("");
  }, [reading, client]);

  const build = React.useCallback(async () => {
    if (!reading?.ok || !book || book.clients.length === 0) return;
    setRun({ phase: "writing" });
    try {
      const terms = latePaymentClause(reading.profile).reference;
      const written = await writeStatementSheets(gateway, book, terms, layout, lang);
      setRun({ phase: "done", sheets: written.sheets, printSetup: written.printSetup });
    } catch (e) {
      setRun({ phase: "error", message: describeError(e, lang) });
    }
  }, [reading, book, gateway, layout, lang]);

  return { asOfText, setAsOfText, client, setClient, layout, setLayout, reading, book, run, build };
}
