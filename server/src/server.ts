/**
 * Entry point of the language server (`node dist/server.js --stdio`, or IPC when started by the
 * client). The same script is the workspace index's worker thread when started as one.
 */
import { runIndexWorkerIfAsked } from "./lsp/indexWorker";
import { startServer } from "./lsp/server";

if (!runIndexWorkerIfAsked()) startServer(undefined, { indexWorkerScript: __filename });
