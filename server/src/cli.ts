/**
 * Entry point of the command line (`node dist/cli.js`). The same script is the CLI's analysis worker
 * thread when started as one.
 */
import * as l10n from "@vscode/l10n";
import { once } from "node:events";
import { run, type Io } from "./cli/main";
import { stopQuietlyWhenReaderCloses } from "./cli/pipe";
import { runAnalysisWorkerIfAsked } from "./host/analysisWorker";

declare const PACKAGE_VERSION: string | undefined;
const version = typeof PACKAGE_VERSION === "string" ? PACKAGE_VERSION : "dev";

if (!runAnalysisWorkerIfAsked()) {
  stopQuietlyWhenReaderCloses(process.stdout, process.stderr, (code) => process.exit(code));
  const io: Io = {
    stdout: (t: string) => process.stdout.write(t),
    stderr: (t: string) => process.stderr.write(t),
    columns: process.stdout.columns,
    stdin: process.stdin,
    drain: () => (process.stdout.writableNeedDrain ? once(process.stdout, "drain").then(() => undefined) : Promise.resolve()),
    ...(process.stderr.isTTY ? { progress: process.stderr, stdoutIsTerminal: process.stdout.isTTY } : {}),
  };
  run(process.argv.slice(2), io, { version, workerScript: __filename }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`article-annotator: ${l10n.t("internal error: {0}", error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
      process.exitCode = 2;
    },
  );
}
