/**
 * A progress bar on stderr while a command goes through many files, drawn by `cli-progress` only
 * when stderr is a terminal (`Io.progress`); piped or redirected, nothing is drawn, so logs and
 * `2>` files hold only the messages. Files, files per second and, when the total is known, the
 * estimated time left. The bar is cleared when the run ends, and a message about one file is
 * written above it, never through it.
 */
import * as l10n from "@vscode/l10n";
import { SingleBar } from "cli-progress";
import { formatDecimal } from "../host/l10n";

export interface Progress {
  /** One more file done (read, analyzed and handled, or failed). */
  tick(): void;
  /** Writes `text` (whole lines) to the terminal without leaving a broken bar behind. */
  message(write: () => void): void;
  /** Clears the bar; the terminal is as before. */
  stop(): void;
}

/** Draws nothing: the stream is not a terminal. */
const SILENT: Progress = { tick: () => undefined, message: (write) => write(), stop: () => undefined };

/**
 * A progress bar on `stream` (stderr when it is a terminal, else undefined: nothing is drawn) for
 * `command` over `total` files (undefined: not known ahead, as on stdin). `now` returns
 * milliseconds (injectable for tests).
 */
export function progressBar(stream: NodeJS.WriteStream | undefined, command: string, total: number | undefined, now: () => number = Date.now): Progress {
  if (!stream) return SILENT;
  const known = total !== undefined;
  const bar = new SingleBar({
    stream,
    // cli-progress fills {bar}, {value}, {total}, {eta_formatted} and the payload's {files} and {rate}; the command is put in first.
    format: known ? l10n.t("{command} [{bar}] {value}/{total} {files} · {rate} files/s · ETA {eta_formatted}", { command }) : l10n.t("{command} {value} {files} · {rate} files/s", { command }),
    barsize: 24,
    hideCursor: false,
    clearOnComplete: true,
    linewrap: false,
    fps: 8,
    etaBuffer: 200,
  });
  const started = now();
  let done = 0;
  let drawing = false;
  const rate = (): string => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? formatDecimal(done / seconds, done / seconds < 10 ? 1 : 0) : "–";
  };
  const files = (): string => ((total ?? done) === 1 ? l10n.t("file") : l10n.t("files"));
  const begin = (): void => {
    if (drawing) return;
    bar.start(total ?? 0, done, { rate: rate(), files: files() });
    drawing = true;
  };
  return {
    tick: () => {
      done++;
      begin();
      bar.update(done, { rate: rate(), files: files() });
    },
    message: (write) => {
      if (drawing) {
        bar.stop();
        drawing = false;
      }
      write();
    },
    stop: () => {
      if (drawing) bar.stop();
      drawing = false;
    },
  };
}
