/**
 * Records on disk, for every front door: where an article's record lives, reading one back (JSON,
 * then the schema), and emitting one — build from the analysis, merge with the previous record so
 * that what a person decided survives, re-anchor, validate — as the exact bytes to write. The CLI
 * writes them atomically; the server sends them as an undoable WorkspaceEdit.
 */
import * as l10n from "@vscode/l10n";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { isInside } from "./paths";
import { buildRecord, mergeRecords, RECORD_SCHEMA_VERSION, type AnnotatedRecord, type Analysis, type RecordSource } from "../engine";
import { schemaProblems, type SchemaProblem } from "./recordSchema";
import { localize } from "./l10n";

/** The suffix that replaces an article's `.txt`: `NAME.txt` → `NAME.annotations.json`. */
export const RECORD_SUFFIX = ".annotations.json";

/** How records are placed: settings (`recordsFolder`, the CLI's `--out`) and the folder paths are relative to. */
export interface RecordPlacement {
  /**
   * Absolute folder that `source.path` and a records folder are relative to: the workspace folder
   * that holds the article (server) or the current folder (CLI). Undefined: none.
   */
  root: string | undefined;
  /**
   * The folder whose structure is kept below a records folder when the article lies outside `root`
   * (the CLI: the folder given on the command line that holds it). Default: `root`.
   */
  outsideRoot?: string;
  /** "" for beside the article; else a folder (relative to `root`, or absolute) that keeps the article's path below `root`. */
  folder: string;
  /** When true, a records folder outside `root` is refused (the editor writes only inside the workspace). */
  confined: boolean;
}

export interface RecordLocation {
  /** Absolute path of the record file. */
  path: string;
  /** The article's path as the record names it (`source.path`): relative to the root with "/" separators, or absolute outside it. */
  sourcePath: string;
}

/**
 * Where the record of the article at `articlePath` lives, or why it cannot live anywhere (a records
 * folder but the article is under no root; a folder outside the root when confined). Never a path
 * outside the records folder.
 */
export function recordLocation(articlePath: string, placement: RecordPlacement): RecordLocation | { error: string } {
  const article = resolve(articlePath);
  const root = placement.root === undefined ? undefined : resolve(placement.root);
  const inRoot = root !== undefined && isInside(article, root);
  const sourcePath = inRoot ? relative(root, article).split(sep).join("/") : article;
  const name = basename(article).replace(/\.txt$/i, "") + RECORD_SUFFIX;
  if (placement.folder.trim() === "") return { path: join(dirname(article), name), sourcePath };
  const base = inRoot ? root : placement.outsideRoot === undefined ? undefined : resolve(placement.outsideRoot);
  if (root === undefined || base === undefined || !isInside(article, base)) return { error: l10n.t("a records folder is set but the article is not inside the workspace folder (or the folder the records are relative to)") };
  const folder = resolve(root, placement.folder);
  if (placement.confined && !isInside(folder, root)) return { error: l10n.t('the records folder "{0}" is outside the workspace; records are only written inside it', placement.folder) };
  const path = join(folder, relative(base, dirname(article)), name);
  if (!isInside(path, folder)) return { error: l10n.t("refusing to write outside {0}: {1}", placement.folder, path) };
  return { path, sourcePath };
}

/** A record read back, or every reason it cannot be used (then its file must not be overwritten). */
export type ParsedRecord = { record: AnnotatedRecord } | { problems: RecordProblem[] };

export interface RecordProblem {
  /** JSON Pointer (RFC 6901) of the offending value; "" for the whole file. */
  pointer: string;
  /** UTF-16 offset into the file of a JSON syntax error, when it is one. */
  offset?: number;
  message: string;
}

/** Parses a record file's text (a BOM is ignored) and checks it against the schema. Never throws. */
export function parseRecord(text: string): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    return { problems: [{ pointer: "", ...(at ? { offset: Number(at[1]) } : {}), message: l10n.t("not valid JSON ({0})", message) }] };
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problems: [{ pointer: "", message: l10n.t("not an annotated record (a JSON object is expected)") }] };
  if (version !== RECORD_SCHEMA_VERSION) return { problems: [{ pointer: "/schemaVersion", message: l10n.t("schema version {0} is not one this version reads ({1})", String(JSON.stringify(version)), RECORD_SCHEMA_VERSION) }] };
  const problems: SchemaProblem[] = schemaProblems(value);
  return problems.length > 0 ? { problems } : { record: value as AnnotatedRecord };
}

/** One line naming the problems of a record file, for a message. */
export function describeProblems(problems: readonly RecordProblem[]): string {
  const first = problems[0]?.message ?? l10n.t("is not a record");
  if (problems.length === 2) return l10n.t("{0} (and 1 more problem)", first);
  return problems.length > 2 ? l10n.t("{0} (and {1} more problems)", first, problems.length - 1) : first;
}

export interface EmitRequest {
  /** The article's text, as analyzed. */
  text: string;
  analysis: Analysis;
  /** `source` of the record (path as `recordLocation` gives it; hash and size as `sourceDigest` gives them). */
  source: RecordSource;
  /** The current content of the record file if it exists, or the record already read (and checked) from it. */
  previous: string | AnnotatedRecord | undefined;
  /** Where decided entities are expected now, by id (see `mergeRecords`). */
  hints?: ReadonlyMap<string, number>;
}

/**
 * The record of an article and the exact text of its file (2-space JSON, final newline). A previous
 * record is merged (manual and rejected entities kept, re-anchored in the new text). Returns an
 * error, and nothing to write, when the previous record cannot be read or fails the schema.
 */
export function emitRecord(request: EmitRequest): { record: AnnotatedRecord; content: string } | { error: string } {
  // Mojibake is not what the author wrote: a record of it would anchor decisions on garbage.
  if (request.analysis.encoding) return { error: l10n.t("no record is written for this text: {0}", localize(request.analysis.encoding)) };
  const fresh = buildRecord(request.text, request.analysis, request.source);
  let previous = typeof request.previous === "string" ? undefined : request.previous;
  if (typeof request.previous === "string") {
    const parsed = parseRecord(request.previous);
    if ("problems" in parsed) return { error: l10n.t("the existing record cannot be merged: {0}; it was left as it is", describeProblems(parsed.problems)) };
    previous = parsed.record;
  }
  const record = mergeRecords(previous, fresh, request.text, request.hints);
  const problems = schemaProblems(record);
  if (problems.length > 0) return { error: l10n.t("internal error: the record would not follow the schema ({0}); nothing was written", describeProblems(problems)) };
  return { record, content: recordContent(record) };
}

/** The exact text of a record's file: 2-space JSON and a final newline. */
export function recordContent(record: AnnotatedRecord): string {
  return JSON.stringify(record, null, 2) + "\n";
}

/**
 * As `readRecordText`, without blocking the thread (fs/promises): for the language server's main
 * thread, which must stay free for the editor. Resolves to undefined when there is no record; rejects
 * when it exists but cannot be read.
 */
export async function readRecordTextAsync(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The text of the record file at `path`, or undefined when there is none; throws when it exists but cannot be read. */
export function readRecordText(path: string): string | undefined {
  if (!existsSync(path)) return undefined; // the usual case, answered without an exception
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
