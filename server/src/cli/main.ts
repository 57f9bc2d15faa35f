/**
 * `article-annotator`: the engine on files, for batch work and CI pipelines.
 *   annotate [--format jsonl|json] [--out DIR] PATH...
 *   lint [--format text|json] PATH...
 *   clean [--write [--to-utf8]] PATH...
 *   every command: [--encoding NAME] (legacy Vietnamese files)
 */
import { annotate } from "./annotate";
import { parseArgs, UsageError } from "./args";
import { clean } from "./clean";
import { ConfigProblem, DEFAULT_CONFIG, loadConfig } from "./config";
import { complain, type Io } from "./io";
import { lint } from "./lint";
import { isDeadline } from "../host/analysisPool";
import { DEFAULT_SETTINGS, type ResolvedSettings } from "../host/settings";
import { parseLegacyEncoding } from "../host/articleFiles";

export type { Io } from "./io";

export const HELP = `article-annotator — find officials, forums and amounts in scraped news articles,
flag scraping debris, and write annotated records (JSON).

Usage:
  article-annotator annotate [options] PATH...   write one annotated record per article
  article-annotator lint [options] PATH...       list debris like a linter
  article-annotator clean [--write] PATH...      show (or make) the fixes for the debris
  article-annotator --help | --version

PATH is an article file or a folder; folders are searched recursively for *.txt files.

annotate:
  -f, --format jsonl|json  jsonl (default): one record per line on stdout.
                           json: one JSON array of records, indented.
  -o, --out DIR            Write one DIR/PATH/NAME.annotations.json per article instead
                           (PATH: the article's folder below the current one) and
                           print a summary table. An existing record is merged: what a
                           person added, accepted or rejected is kept; one that cannot
                           be read is left as it is and the article fails.
lint:
  -f, --format text|json   text (default): path:line:col: severity: message [rule]
clean:
      --write              Rewrite the files (atomically, same encoding); without it,
                           print a unified diff of what would change.
      --to-utf8            With --encoding: store the files read in that legacy
                           encoding as UTF-8 (with --write; whether or not they have
                           debris). Without it, --write refuses such files: text is
                           never stored back in a legacy encoding.
all commands:
      --config FILE        Settings: the editor's articleAnnotator.* settings without
                           the prefix, e.g. {"rules": {"spam": "off"}, "recordsFolder": "out",
                           "customRules": [{"id": "footer", "pattern": "^Acme ©"}]}
                           (default: ${DEFAULT_CONFIG} in the current folder, if any)
      --max-size CHARS     Skip articles longer than this many characters (default
                           ${DEFAULT_SETTINGS.maxFileSize}; "maxFileSize" in the settings file).
      --deadline SECONDS   Stop the analysis of a file that takes longer than this,
                           report it and go on with the others (default 10;
                           "analysisDeadline" in the settings file).
      --encoding NAME      Read files that are not valid UTF-8 in this legacy
                           Vietnamese encoding: tcvn3 (TCVN3/ABC), vni (VNI-Windows),
                           viscii or windows-1258. Without it such a file is refused,
                           naming the encoding its bytes look like. Valid UTF-8 files
                           are read as UTF-8 whatever NAME is.

Legacy encodings: a UTF-8 file holding such text read as Windows-1252 ("ViÖt Nam"
for "Việt Nam": an editor saved the mojibake) gets one warning [encoding] naming
the encoding, and nothing else: lint reports it, clean and annotate refuse the file
(nothing is fixed or written).

Examples:
  article-annotator annotate samples/ --out out/
  article-annotator annotate --format jsonl corpus/*.txt > records.jsonl
  article-annotator lint samples/
  article-annotator clean --write samples/one.txt
  article-annotator clean --write --encoding tcvn3 --to-utf8 old/article.txt

Exit status: annotate and clean: 0 when every file was processed, 1 when some file
could not be read, was refused (mojibake, a legacy encoding without --to-utf8) or
its analysis was stopped at the deadline (the others are still processed; reasons
go to stderr). lint: 0 no debris, 1 debris (or mojibake) found, 2 a file could
not be read or analyzed. Usage or settings errors: 2. Records follow
schema/record.v1.schema.json.`;

const KNOWN_FLAGS = new Set(["--help", "--version", "--format", "--out", "--max-size", "--write", "--config", "--deadline", "--encoding", "--to-utf8"]);

/** Where the CLI runs: its version, and the script its analysis workers run (the CLI bundle itself). */
export interface CliHost {
  version: string;
  workerScript: string;
}

/** Runs the CLI; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io, host: CliHost): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv, KNOWN_FLAGS);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  const { command, flags, paths } = parsed;
  if (flags.has("--help") || command === "help") {
    io.stdout(HELP + "\n");
    return 0;
  }
  if (flags.has("--version")) {
    io.stdout(host.version + "\n");
    return 0;
  }
  if (command !== "annotate" && command !== "lint" && command !== "clean") return usage(io, command === undefined ? "missing command" : `unknown command "${command}"`);
  const maxSize = flags.has("--max-size") ? Number(flags.get("--max-size")) : undefined;
  if (maxSize !== undefined && (!Number.isFinite(maxSize) || maxSize <= 0)) return usage(io, "--max-size must be a positive number of characters");
  if (paths.length === 0) return usage(io, "give at least one file or folder");
  const encodingName = flags.get("--encoding");
  const legacyEncoding = typeof encodingName === "string" ? parseLegacyEncoding(encodingName) : undefined;
  if (typeof encodingName === "string" && !legacyEncoding) return usage(io, `--encoding must be tcvn3, vni, viscii or windows-1258, not "${encodingName}"`);
  const toUtf8 = flags.has("--to-utf8");
  if (toUtf8 && (command !== "clean" || !legacyEncoding)) return usage(io, "--to-utf8 goes with clean and --encoding NAME");
  let settings: ResolvedSettings;
  try {
    const config = flags.get("--config");
    settings = loadConfig(typeof config === "string" ? config : undefined, (message) => complain(io, message));
  } catch (error) {
    if (error instanceof ConfigProblem) {
      complain(io, error.message);
      return 2;
    }
    throw error;
  }
  if (flags.has("--deadline")) {
    const deadline = Number(flags.get("--deadline"));
    if (!isDeadline(deadline)) return usage(io, "--deadline must be a positive number of seconds");
    settings.analysisDeadline = deadline;
  }
  if (maxSize !== undefined) settings.maxFileSize = maxSize;
  const articles = { settings, workerScript: host.workerScript, ...(legacyEncoding ? { legacyEncoding } : {}) };
  const format = flags.get("--format");
  switch (command) {
    case "annotate": {
      const chosen = format ?? "jsonl";
      if (chosen !== "jsonl" && chosen !== "json") return usage(io, `--format must be jsonl or json, not "${String(chosen)}"`);
      const out = flags.get("--out");
      return annotate(paths, { ...articles, format: chosen, out: typeof out === "string" ? out : undefined }, io);
    }
    case "lint": {
      const chosen = format ?? "text";
      if (chosen !== "text" && chosen !== "json") return usage(io, `--format must be text or json, not "${String(chosen)}"`);
      return lint(paths, { ...articles, format: chosen }, io);
    }
    case "clean":
      return clean(paths, { ...articles, write: flags.has("--write"), toUtf8 }, io);
  }
}

function usage(io: Io, message: string): number {
  io.stderr(`article-annotator: ${message}\nRun "article-annotator --help" for usage.\n`);
  return 2;
}
