import * as React from "react";
import type { WorkbookGateway } from "../workbook/gateway";
import type { FunctionRuntime } from "../functions/runtime";

/**
 * What the components reach the outside through: the workbook gateway (Excel or in-memory) and the
 * CGV function runtime (in Excel, the shared runtime's one instance, whose terms the pane updates).
 * The components never call Excel.run, nor hold a runtime of their own.
 */
interface Effects {
  readonly gateway: WorkbookGateway;
  readonly runtime: FunctionRuntime;
}

const EffectsContext = React.createContext<Effects | undefined>(undefined);

export function EffectsProvider({
  gateway,
  runtime,
  children,
}: {
  gateway: WorkbookGateway;
  runtime: FunctionRuntime;
  children: React.ReactNode;
}) {
  const value = React.useMemo(() => ({ gateway, runtime }), [gateway, runtime]);
  return <EffectsContext.Provider value={value}>{children}</EffectsContext.Provider>;
}

function useEffects(hook: string): Effects {
  const effects = React.useContext(EffectsContext);
  if (!effects) throw new Error(`${hook} outside EffectsProvider`);
  return effects;
}

export function useGateway(): WorkbookGateway {
  return useEffects("useGateway").gateway;
}

/** The CGV function runtime: the pane hands it the workbook's restored terms. */
export function useRuntime(): FunctionRuntime {
  return useEffects("useRuntime").runtime;
}
