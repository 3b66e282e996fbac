/**
 * The entry of the custom functions' bundle (webpack "functions"): the CGV.* wrappers
 * (src/functions/functions.ts, whose module custom-functions-metadata-plugin completes with the
 * CustomFunctions.associate calls), then the shared runtime connected to Excel.
 */
import "./functions";
import { startSharedRuntime } from "./shared-runtime";

startSharedRuntime();
