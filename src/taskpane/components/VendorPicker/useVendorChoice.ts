import * as React from "react";
import type { ApplyDefaults } from "../../../apply";
import {
  profileOptions,
  type ClientType,
  type EndOfMonthMethod,
  type VendorProfile,
  type VendorRegistry,
} from "../../../engine";

export interface VendorChoice {
  readonly vendors: readonly VendorProfile[];
  readonly profile: VendorProfile | undefined;
  readonly setVendorId: (id: string) => void;
  /** The interpretation options the vendor offers ("flat") and those chosen. */
  readonly readingOptions: readonly string[];
  readonly readings: readonly string[];
  readonly setReading: (option: string, on: boolean) => void;
  readonly eomMethod: EndOfMonthMethod;
  readonly setEomMethod: (method: EndOfMonthMethod) => void;
  readonly kind: string | undefined;
  readonly setKind: (kind: string) => void;
  readonly plan: string | undefined;
  readonly setPlan: (plan: string) => void;
  readonly clientType: ClientType;
  readonly setClientType: (client: ClientType) => void;
  /** The vendor argument for the core and the CGV.* formulas: "xiahdeh+flat", "digitalli+eom-then-days". */
  readonly spec: string;
  readonly defaults: ApplyDefaults;
}

/** The chosen vendor and its options; choosing another vendor resets the options. */
export function useVendorChoice(registry: VendorRegistry, initialId?: string): VendorChoice {
  const vendors = React.useMemo(() => registry.all(), [registry]);
  const [vendorId, setId] = React.useState<string | undefined>(initialId ?? vendors[0]?.id);
  const [readings, setReadings] = React.useState<string[]>([]);
  const [eomMethod, setEomMethod] = React.useState<EndOfMonthMethod>("days-then-eom");
  const [kind, setKind] = React.useState<string | undefined>(undefined);
  const [plan, setPlan] = React.useState<string | undefined>(undefined);
  const [clientType, setClientType] = React.useState<ClientType>("pro");
  const profile = vendorId === undefined ? undefined : registry.get(vendorId);

  const setVendorId = React.useCallback((id: string) => {
    setId(id);
    setReadings([]);
    setEomMethod("days-then-eom");
    setKind(undefined);
    setPlan(undefined);
    setClientType("pro");
  }, []);

  const setReading = React.useCallback((option: string, on: boolean) => {
    setReadings((list) => (on ? [...new Set([...list, option])] : list.filter((o) => o !== option)));
  }, []);

  const readingOptions = React.useMemo(() => (profile ? profileOptions(profile) : []), [profile]);
  const spec = profile
    ? [
        profile.id,
        ...readings.filter((r) => readingOptions.includes(r)),
        ...(eomMethod === "eom-then-days" ? ["eom-then-days"] : []),
      ].join("+")
    : "";
  const defaults = React.useMemo<ApplyDefaults>(
    () => ({
      ...(kind !== undefined ? { invoiceKind: kind } : {}),
      ...(plan !== undefined ? { plan } : {}),
      clientType,
    }),
    [kind, plan, clientType],
  );
  return {
    vendors,
    profile,
    setVendorId,
    readingOptions,
    readings,
    setReading,
    eomMethod,
    setEomMethod,
    kind,
    setKind,
    plan,
    setPlan,
    clientType,
    setClientType,
    spec,
    defaults,
  };
}
