/**
 * A reader that stops reading early (`article-annotator annotate … | head -c 20`) closes the pipe;
 * the next write to it fails with EPIPE. Like `git log | head`, the program then stops quietly with
 * exit status 0: what was asked for has been read. Files are written atomically (host/atomicWrite),
 * so stopping between two writes leaves every record whole.
 */
import * as l10n from "@vscode/l10n";
import type { Writable } from "node:stream";

/**
 * Ends the process quietly (status 0) when `stdout`'s reader closes the pipe, and ignores a closed
 * `stderr` (a message nobody can read is dropped, never a crash). Any other stream error is
 * reported on stderr with status 2. `exit` is `process.exit`, injectable for tests.
 */
export function stopQuietlyWhenReaderCloses(stdout: Writable, stderr: Writable, exit: (code: number) => never): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") exit(0);
    try {
      stderr.write(`article-annotator: ${l10n.t("cannot write the output: {0}", error.message)}\n`);
    } finally {
      exit(2);
    }
  });
  stderr.on("error", () => undefined);
}
