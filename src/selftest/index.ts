/**
 * The self-test (issue 14): proves the add-in's gateway operations inside the Excel it runs in, on
 * scratch sheets it removes, and reports what passed. The steps are plain code over the workbook
 * gateway, a scratch port and a terms store, run by jest against the in-memory workbook and the fake
 * Excel, so the code that first runs in a user's Excel is the tested code. The page is
 * src/taskpane/components/SelfTest.
 */
export * from "./check";
export * from "./environment";
export * from "./fixtures";
export * from "./memory-scratch";
export * from "./report";
export * from "./run";
export * from "./scratch";
export * from "./step";
export { SELF_TEST_STEPS, SELF_TEST_TERMS_PLACE } from "./steps";
