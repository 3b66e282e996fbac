export * from "./office";
export * from "./terms-store";
