import * as React from "react";
import type { WorkbookGateway } from "../excel/gateway";

const GatewayContext = React.createContext<WorkbookGateway | undefined>(undefined);

/** Hands the workbook gateway (Excel or in-memory) to the components: they never call Excel.run. */
export function GatewayProvider({
  gateway,
  children,
}: {
  gateway: WorkbookGateway;
  children: React.ReactNode;
}) {
  return <GatewayContext.Provider value={gateway}>{children}</GatewayContext.Provider>;
}

export function useGateway(): WorkbookGateway {
  const gateway = React.useContext(GatewayContext);
  if (!gateway) throw new Error("useGateway outside GatewayProvider");
  return gateway;
}
