/** Entry point of the language server (`node dist/server.js --stdio`, or IPC when started by the client). */
import { startServer } from "./lsp/server";

startServer();
