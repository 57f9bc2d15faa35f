/**
 * `article-annotator`: the engine on files, for batch work and CI pipelines.
 *   annotate [--format jsonl|json] [--out DIR] [--max-size BYTES] PATH...
 */
import { statSync } from "node:fs";
import { analyze, buildRecord, type AnnotatedRecord } from "../engine";
import { parseArgs, UsageError } from "./args";
import { collectPaths, FileProblem, readArticle } from "./files";
import { recordPath, writeAtomic } from "./output";
import { summaryTable } from "./summary";

export const HELP = `article-annotator — find officials, forums and amounts in scraped news articles,
flag scraping debris, and write annotated records (JSON).

Usage:
  article-annotator annotate [options] PATH...
  article-annotator --help | --version

PATH is an article file or a folder; folders are searched recursively for *.txt files.

annotate options:
  -f, --format jsonl|json  jsonl (default): one record per line on stdout.
                           json: one JSON array of records, indented.
  -o, --out DIR            Write one DIR/NAME.annotations.json per article instead
                           (a folder's structure is kept) and print a summary table.
      --max-size BYTES     Skip files larger than this (default 10000000).

Examples:
  article-annotator annotate samples/ --out out/
  article-annotator annotate --format jsonl corpus/*.txt > records.jsonl

Exit status: 0 when every file was annotated, 1 when some file could not be read
(the others are still processed; reasons go to stderr), 2 on a usage error.
Records follow schema/record.v1.schema.json.`;

const KNOWN_FLAGS = new Set(["--help", "--version", "--format", "--out", "--max-size"]);
const DEFAULT_MAX_BYTES = 10_000_000;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Width of the terminal, for the summary table. */
  columns?: number;
}

/** Runs the CLI; resolves to the exit code. */
export function run(argv: readonly string[], io: Io, version: string): number {
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
    io.stdout(version + "\n");
    return 0;
  }
  if (command !== "annotate") return usage(io, command === undefined ? "missing command" : `unknown command "${command}"`);
  const format = flags.get("--format") ?? "jsonl";
  if (format !== "jsonl" && format !== "json") return usage(io, `--format must be jsonl or json, not "${String(format)}"`);
  const maxSize = flags.has("--max-size") ? Number(flags.get("--max-size")) : DEFAULT_MAX_BYTES;
  if (!Number.isFinite(maxSize) || maxSize <= 0) return usage(io, "--max-size must be a positive number of bytes");
  if (paths.length === 0) return usage(io, "give at least one file or folder");
  const out = flags.get("--out");
  return annotate(paths, { format, out: typeof out === "string" ? out : undefined, maxSize }, io);
}

function usage(io: Io, message: string): number {
  io.stderr(`article-annotator: ${message}\nRun "article-annotator --help" for usage.\n`);
  return 2;
}

interface AnnotateOptions {
  format: "jsonl" | "json";
  out: string | undefined;
  maxSize: number;
}

function annotate(inputs: readonly string[], options: AnnotateOptions, io: Io): number {
  const { files, problems } = collectPaths(inputs);
  const folderRoot = inputs.length === 1 ? inputs[0] : undefined;
  const records: AnnotatedRecord[] = [];
  const written: AnnotatedRecord[] = [];
  let failed = problems.length;
  for (const problem of problems) io.stderr(`article-annotator: ${problem.message}\n`);
  for (const path of files) {
    try {
      const article = readArticle(path, options.maxSize);
      const record = buildRecord(article.text, analyze(article.text), { path, sha256: article.sha256, length: article.bytes });
      if (options.out) {
        const target = recordPath(options.out, path, folderRoot && isFolder(folderRoot) ? folderRoot : undefined);
        writeAtomic(target, JSON.stringify(record, null, 2) + "\n");
        written.push(record);
      } else if (options.format === "jsonl") io.stdout(JSON.stringify(record) + "\n");
      else records.push(record);
    } catch (error) {
      failed++;
      const message = error instanceof FileProblem ? error.message : `${path}: ${error instanceof Error ? error.message : String(error)}`;
      io.stderr(`article-annotator: ${message}\n`);
    }
  }
  if (options.out) {
    if (written.length > 0) io.stdout(summaryTable(written.map((record) => ({ file: record.source.path, record })), io.columns) + "\n");
    io.stdout(`\n${written.length} record${written.length === 1 ? "" : "s"} written to ${options.out}${failed ? `, ${failed} file${failed === 1 ? "" : "s"} failed` : ""}.\n`);
  } else if (options.format === "json") io.stdout(JSON.stringify(records, null, 2) + "\n");
  if (files.length === 0 && problems.length === 0) {
    io.stderr(`article-annotator: no .txt files found in ${inputs.join(", ")}\n`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
