/**
 * `article-annotator`: the engine on files, for batch work and CI pipelines.
 *   annotate [--format jsonl|json] [--out DIR] [--jobs N] PATH...  |  annotate --stdin
 *   lint [--format text|json] PATH...
 *   clean [--write [--to-utf8]] PATH...
 *   export --format FORMAT --out DIR [--records DIR] [--include-suggestions] [--clean] PATH...
 *   import --format FORMAT [--out DIR] PATH...
 *   agree [--format text|json] [--include-suggestions] DIR_A DIR_B
 *   every command: [--lang vi|en|auto] (cli/language.ts), [--encoding NAME] (legacy Vietnamese files); annotate, lint, clean, export: [--jobs N] [--cache-dir DIR]
 */
import { annotate } from "./annotate";
import { parseArgs, UsageError } from "./args";
import { clean } from "./clean";
import { ConfigProblem, DEFAULT_CONFIG, loadConfig } from "./config";
import { complain, type Io } from "./io";
import { lint } from "./lint";
import { agreeCommand } from "./agree";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { FORMAT_IDS, type FormatId } from "../host/interchange/types";
import { IMPORT_FORMATS } from "../host/interchange/formats";
import { exportRefusal } from "../host/interchange/export";
import { readWorkspaceKnowledgeBaseSync } from "../host/workspaceKnowledgeBase";
import { isDeadline } from "../host/analysisPool";
import { DEFAULT_SETTINGS, type ResolvedSettings } from "../host/settings";
import { parseLegacyEncoding } from "../host/articleFiles";
import { availableParallelism } from "node:os";
import * as l10n from "@vscode/l10n";
import { useLanguage } from "../host/l10n";
import { cliLanguage } from "./language";

/** More worker threads than this only adds memory: each holds its own copy of the engine. */
const MAX_JOBS = 64;

export type { Io } from "./io";

/** The help, in the language in use: one template per section, so a translation can keep its own columns. */
export function help(): string {
  return [
    l10n.t(`article-annotator — find officials, forums and amounts in scraped news articles,
flag scraping debris, and write annotated records (JSON).

Usage:
  article-annotator annotate [options] PATH...   write one annotated record per article
  article-annotator lint [options] PATH...       list debris like a linter
  article-annotator clean [--write] PATH...      show (or make) the fixes for the debris
  article-annotator export -f FORMAT -o DIR PATH...  the reviewed annotations, for another tool
  article-annotator import -f FORMAT PATH...     annotations made in another tool, into records
  article-annotator agree DIR_A DIR_B            agreement between two annotators' records
  article-annotator --help | --version

PATH is an article file or a folder; folders are searched recursively for *.txt files.

`),
    l10n.t(`annotate:
  -f, --format jsonl|json  jsonl (default): one record per line on stdout.
                           json: one JSON array of records, indented.
  -o, --out DIR            Write one DIR/PATH/NAME.annotations.json per article instead
                           (PATH: the article's folder below the current one) and
                           print a summary table. An existing record is merged: what a
                           person added, accepted or rejected is kept; one that cannot
                           be read is left as it is and the article fails.
      --stdin              Read the articles as JSON Lines on stdin, one per line:
                           {"id": "…", "text": "…"} (the id becomes the record's
                           source.path) or {"path": "…"}; write one record per line, in
                           the same order (a map step for GNU parallel --pipe, Hadoop
                           Streaming, Spark's RDD.pipe). A bad line is reported on
                           stderr as stdin:LINE and skipped (exit status 1); no
                           line at all is no error (an empty partition).
`),
    l10n.t(`lint:
  -f, --format text|json   text (default): path:line:col: severity: message [rule]
clean:
      --write              Rewrite the files (atomically, same encoding); without it,
                           print a unified diff of what would change.
      --to-utf8            With --encoding: store the files read in that legacy
                           encoding as UTF-8 (with --write; whether or not they have
                           debris). Without it, --write refuses such files: text is
                           never stored back in a legacy encoding.
`),
    l10n.t(`export (the reviewed annotation: a person's entities; rejected ones never):
  -f, --format FORMAT      brat (standoff .txt/.ann + annotation.conf), conll (CoNLL-2003
                           IOB2), w3c (W3C Web Annotation JSON-LD), labelstudio (tasks
                           JSON + labeling config), doccano (sequence-labeling JSONL),
                           spacy (spaCy/Prodigy JSONL), jsonl (our records).
  -o, --out DIR            The folder to write into (created if needed).
      --records DIR        Where the records are, as "recordsFolder" (default: the
                           settings' recordsFolder; a folder "annotate --out" wrote).
      --include-suggestions  Also the engine's unreviewed suggestions (as predictions in
                           Label Studio, by a Software creator in W3C).
      --clean              The articles with their debris removed (the safe fixes of
                           "clean"), every span moved into the cleaned text.
`),
    l10n.t(`import (into the records the editor and annotate keep; a person's work there is kept):
  -f, --format FORMAT      brat (a folder of .txt/.ann), labelstudio (tasks JSON),
                           doccano (JSONL), w3c (JSON-LD), spacy (JSONL).
  -o, --out DIR            Put the records below DIR; an article not found at the path
                           the import names is written there too, its record beside it.
                           Labels: PER, ORG, LOC, FORUM, AMOUNT, DATE (and PERSON, GPE,
                           MONEY, …), or the id or name of one of the settings' "labels";
                           a document with any other label, or a span that does not fit
                           its text, is reported and nothing is written for it.
      --annotator NAME     Import only NAME's spans (a Label Studio project, a W3C or
                           Prodigy file with several annotators' work).
`),
    l10n.t(`agree (B against A, over the articles with a record in both folders):
  -f, --format text|json   text (default): a table per label (exact and overlap
                           precision, recall, F1), Cohen's kappa over tokens, and every
                           disagreement as path:line:col.
      --include-suggestions  Count unreviewed suggestions too.
`),
    l10n.t(`all commands:
      --config FILE        Settings: the editor's articleAnnotator.* settings without
                           the prefix, e.g. {"rules": {"spam": "off"}, "recordsFolder": "out",
                           "customRules": [{"id": "footer", "pattern": "^Acme ©"}]}
                           (default: {config} in the current folder, if any)
      --max-size CHARS     Skip articles longer than this many characters (default
                           {maxSize}; "maxFileSize" in the settings file).
      --cache-dir DIR      Keep each analysis in DIR, under the hash of the file, the
                           engine's build and the settings, and take it from there
                           when they are the same again (up to 1 GB; annotate, lint,
                           clean, export). A damaged cache file is reported and ignored.
  -j, --jobs N             Analyze N articles at once, each in a worker thread
                           (default: the number of cores, {cores} here). Output
                           keeps the order of the input whatever N is.
      --deadline SECONDS   Stop the analysis of a file that takes longer than this,
                           report it and go on with the others (default 10;
                           "analysisDeadline" in the settings file).
      --lang LANGUAGE      The language of messages and help: vi (Vietnamese), en
                           (English) or auto (the default: "language" in the
                           settings file, else LC_ALL, LC_MESSAGES or LANG). Records
                           and JSON output are the same in every language.
      --encoding NAME      Read files that are not valid UTF-8 in this legacy
                           Vietnamese encoding: tcvn3 (TCVN3/ABC), vni (VNI-Windows),
                           viscii or windows-1258. Without it such a file is refused,
                           naming the encoding its bytes look like. Valid UTF-8 files
                           are read as UTF-8 whatever NAME is.

`, { config: DEFAULT_CONFIG, maxSize: DEFAULT_SETTINGS.maxFileSize, cores: availableParallelism() }),
    l10n.t(`Legacy encodings: a UTF-8 file holding such text read as Windows-1252 ("ViÖt Nam"
for "Việt Nam": an editor saved the mojibake) gets one warning [encoding] naming
the encoding, and nothing else: lint reports it, clean and annotate refuse the file
(nothing is fixed or written).

`),
    l10n.t(`Knowledge base: people and forums are linked to the built-in knowledge base and to
.article-annotator/kb.json in the current folder, if any (schema/kb.v1.schema.json);
"knowledgeBase": false in the settings file turns it off.

`),
    l10n.t(`Examples:
  article-annotator annotate samples/ --out out/
  article-annotator annotate --format jsonl corpus/*.txt > records.jsonl
  parallel --pipe -k -j4 article-annotator annotate --stdin --jobs 1 < in.jsonl > out.jsonl
  article-annotator lint samples/
  article-annotator clean --write samples/one.txt
  article-annotator clean --write --encoding tcvn3 --to-utf8 old/article.txt
  article-annotator export --format brat samples/ --out brat/
  article-annotator import --format labelstudio export.json --out records/
  article-annotator agree records-an/ records-binh/

`),
    l10n.t(`Exit status: annotate, clean, export and import: 0 when every file was processed, 1 when some file
could not be read, was refused (mojibake, a legacy encoding without --to-utf8) or
its analysis was stopped at the deadline (the others are still processed; reasons
go to stderr). agree: 0, 1 when no article is in both, 2 a folder cannot be read. lint: 0 no debris, 1 debris (or mojibake) found, 2 a file could
not be read or analyzed. Usage or settings errors: 2. Records follow
schema/record.v1.schema.json.`),
  ].join("");
}

const KNOWN_FLAGS = new Set(["--help", "--version", "--format", "--out", "--max-size", "--write", "--config", "--deadline", "--encoding", "--to-utf8", "--records", "--include-suggestions", "--clean", "--annotator", "--jobs", "--stdin", "--cache-dir", "--lang"]);

/** Where the CLI runs: its version, and the script its analysis workers run (the CLI bundle itself). */
export interface CliHost {
  version: string;
  workerScript: string;
  /** The environment the language is read from (`LC_ALL`, `LC_MESSAGES`, `LANG`); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Runs the CLI; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io, host: CliHost): Promise<number> {
  // The language first: help and argument errors are said in it too.
  const chosen = cliLanguage(argv, host.env ?? process.env);
  // Without its catalogue (l10n/ missing beside dist/), a language other than English is English, said once.
  if (!useLanguage(chosen.language)) complain(io, l10n.t("the {0} messages are not installed (no l10n/ folder beside dist/): English is used", chosen.language));
  if (chosen.badFlag !== undefined) return usage(io, l10n.t('--lang must be auto, vi or en, not "{0}"', chosen.badFlag));
  let parsed;
  try {
    parsed = parseArgs(argv, KNOWN_FLAGS);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  const { command, flags, paths } = parsed;
  if (flags.has("--help") || command === "help") {
    io.stdout(help() + "\n");
    return 0;
  }
  if (flags.has("--version")) {
    io.stdout(host.version + "\n");
    return 0;
  }
  if (!isCommand(command)) return usage(io, command === undefined ? l10n.t("missing command") : l10n.t('unknown command "{0}"', command));
  if (flags.has("--annotator") && command !== "import") return usage(io, l10n.t("{0} goes with import", "--annotator"));
  for (const flag of ["--records", "--include-suggestions", "--clean"]) if (flags.has(flag) && command !== "export" && !(flag === "--include-suggestions" && command === "agree")) return usage(io, flag === "--include-suggestions" ? l10n.t("{0} goes with export or agree", flag) : l10n.t("{0} goes with export", flag));
  const maxSize = flags.has("--max-size") ? Number(flags.get("--max-size")) : undefined;
  if (maxSize !== undefined && (!Number.isFinite(maxSize) || maxSize <= 0)) return usage(io, l10n.t("{0} must be a positive number of characters", "--max-size"));
  if (command === "agree" && paths.length !== 2) return usage(io, l10n.t("agree compares two folders of records: agree DIR_A DIR_B"));
  const stdin = flags.has("--stdin");
  if (stdin && command !== "annotate") return usage(io, l10n.t("{0} goes with annotate", "--stdin"));
  if (stdin && flags.has("--out")) return usage(io, l10n.t("annotate --stdin writes the records to stdout, one per line; it does not go with --out"));
  if (stdin && paths.length > 0) return usage(io, l10n.t("annotate --stdin reads the articles from stdin; give no paths ({0})", paths[0]!));
  if (!stdin && paths.length === 0) return usage(io, l10n.t("give at least one file or folder"));
  const jobsFlag = flags.get("--jobs");
  const jobs = jobsFlag === undefined ? availableParallelism() : Number(jobsFlag);
  for (const flag of ["--jobs", "--cache-dir"]) if (flags.has(flag) && (command === "agree" || command === "import")) return usage(io, l10n.t("{0} goes with annotate, lint, clean or export", flag));
  const cacheDir = flags.get("--cache-dir");
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) return usage(io, l10n.t('--jobs must be a whole number from 1 to {0}, not "{1}"', MAX_JOBS, String(jobsFlag)));
  const encodingName = flags.get("--encoding");
  const legacyEncoding = typeof encodingName === "string" ? parseLegacyEncoding(encodingName) : undefined;
  if (typeof encodingName === "string" && !legacyEncoding) return usage(io, l10n.t('--encoding must be tcvn3, vni, viscii or windows-1258, not "{0}"', encodingName));
  const toUtf8 = flags.has("--to-utf8");
  if (toUtf8 && (command !== "clean" || !legacyEncoding)) return usage(io, l10n.t("--to-utf8 goes with clean and --encoding NAME"));
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
  if (settings.knowledgeBase) {
    // The current folder's own knowledge base, layered over the built-in one; a broken one stops the run, as broken settings do.
    const kb = readWorkspaceKnowledgeBaseSync(process.cwd());
    if (kb.problems.length > 0) {
      complain(io, `${kb.path}: ${kb.problems.join("; ")}`);
      return 2;
    }
    if (kb.data) settings.knowledgeBaseLayers = [kb.data];
  }
  if (flags.has("--deadline")) {
    const deadline = Number(flags.get("--deadline"));
    if (!isDeadline(deadline)) return usage(io, l10n.t("{0} must be a positive number of seconds", "--deadline"));
    settings.analysisDeadline = deadline;
  }
  if (maxSize !== undefined) settings.maxFileSize = maxSize;
  const articles = { settings, workerScript: host.workerScript, jobs, ...(legacyEncoding ? { legacyEncoding } : {}), ...(typeof cacheDir === "string" ? { cacheDir } : {}) };
  const format = flags.get("--format");
  switch (command) {
    case "annotate": {
      const chosen = format ?? "jsonl";
      if (chosen !== "jsonl" && chosen !== "json") return usage(io, l10n.t('--format must be jsonl or json, not "{0}"', String(chosen)));
      const out = flags.get("--out");
      return annotate(paths, { ...articles, format: chosen, out: typeof out === "string" ? out : undefined, stdin }, io);
    }
    case "lint": {
      const chosen = format ?? "text";
      if (chosen !== "text" && chosen !== "json") return usage(io, l10n.t('--format must be text or json, not "{0}"', String(chosen)));
      return lint(paths, { ...articles, format: chosen }, io);
    }
    case "clean":
      return clean(paths, { ...articles, write: flags.has("--write"), toUtf8 }, io);
    case "export": {
      if (!isFormat(format)) return usage(io, format === undefined ? l10n.t("export needs --format {0}", FORMAT_IDS.join("|")) : l10n.t('export needs --format {0}, not "{1}"', FORMAT_IDS.join("|"), String(format)));
      const out = flags.get("--out");
      if (typeof out !== "string") return usage(io, l10n.t("export needs --out DIR"));
      const records = flags.get("--records");
      const options = { includeSuggestions: flags.has("--include-suggestions"), clean: flags.has("--clean") };
      const refusal = exportRefusal(format, options.clean);
      if (refusal) return usage(io, refusal);
      return exportCommand(paths, { ...articles, ...options, format, out, records: typeof records === "string" ? records : undefined, generator: `article-annotator@${host.version}` }, io);
    }
    case "import": {
      if (!isFormat(format) || !IMPORT_FORMATS.includes(format)) return usage(io, format === undefined ? l10n.t("import needs --format {0}", IMPORT_FORMATS.join("|")) : l10n.t('import needs --format {0}, not "{1}"', IMPORT_FORMATS.join("|"), String(format)));
      const out = flags.get("--out");
      const annotator = flags.get("--annotator");
      return importCommand(paths, { ...articles, format, out: typeof out === "string" ? out : undefined, ...(typeof annotator === "string" ? { annotator } : {}) }, io);
    }
    case "agree": {
      const chosen = format ?? "text";
      if (chosen !== "text" && chosen !== "json") return usage(io, l10n.t('--format must be text or json, not "{0}"', String(chosen)));
      return agreeCommand(paths, { format: chosen, includeSuggestions: flags.has("--include-suggestions"), settings }, io);
    }
  }
}

const COMMANDS = ["annotate", "lint", "clean", "export", "import", "agree"] as const;

function isCommand(command: string | undefined): command is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly (string | undefined)[]).includes(command);
}

function isFormat(format: string | true | undefined): format is FormatId {
  return typeof format === "string" && (FORMAT_IDS as readonly string[]).includes(format);
}

function usage(io: Io, message: string): number {
  io.stderr(`article-annotator: ${message}\n${l10n.t('Run "article-annotator --help" for usage.')}\n`);
  return 2;
}
