import * as React from "react";
import type { ColumnMapping, RegisterMode } from "../../../apply";
import type { Language, Settings, VendorRegistry } from "../../../engine";
import type { SourceBlock } from "../../../workbook/gateway";
import { readRecovery, type RecoveryReading } from "../../recovery-adapter";

export interface RecoveryReadingArgs {
  readonly source: SourceBlock | undefined;
  readonly mode: RegisterMode | undefined;
  readonly mapping: ColumnMapping;
  readonly vendor: string | undefined;
  readonly asOfIso: string | undefined;
  readonly lang: Language;
  /** Read only while the view is shown (a large register costs a pass over every row). */
  readonly active: boolean;
  readonly registry?: VendorRegistry;
  readonly settings?: Settings;
}

/**
 * The register read for recovery as of a date (the statement's and the letters' date d'arrêté), again
 * whenever the register, its mapping, the vendor, the date or the terms change; undefined while the view
 * is hidden or the date is not one.
 */
export function useRecoveryReading(args: RecoveryReadingArgs): RecoveryReading | undefined {
  const { source, mode, mapping, vendor, asOfIso, lang, active, registry, settings } = args;
  return React.useMemo(() => {
    if (!active || !source || asOfIso === undefined) return undefined;
    return readRecovery({
      source,
      mode,
      mapping,
      vendor,
      asOfIso,
      lang,
      ...(registry ? { registry } : {}),
      ...(settings ? { settings } : {}),
    });
  }, [active, source, mode, mapping, vendor, asOfIso, lang, registry, settings]);
}
