/**
 * Entry point of the language server (`node dist/server.js --stdio`, or IPC when started by the
 * client). The same script is the analysis worker thread and the workspace index's worker thread
 * when started as one.
 */
import { runAnalysisWorkerIfAsked } from "./host/analysisWorker";
import { runIndexWorkerIfAsked } from "./lsp/indexWorker";
import { startServer } from "./lsp/server";

declare const PACKAGE_VERSION: string | undefined;

if (!runAnalysisWorkerIfAsked() && !runIndexWorkerIfAsked()) startServer(undefined, { workerScript: __filename, version: typeof PACKAGE_VERSION === "string" ? PACKAGE_VERSION : "dev" });
