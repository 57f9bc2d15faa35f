/**
 * The workspace index's worker thread: reads and analyzes article files off the main thread, so
 * hovers, edits and diagnostics never wait for indexing. It receives the file list and the rule
 * settings (and, with a persistent cache, the keys it holds), and posts symbol entries back in
 * batches: for a file whose key the cache holds, only that key. Started from dist/server.js itself.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { analyze, compileCustomRules, type AnalyzeOptions, type CustomRuleDefinition, type RuleSettings } from "../engine";
import { readFileSync, statSync } from "node:fs";
import { decodeArticle, readArticleText } from "../host/articleFiles";
import { contentKey, sha256 } from "../host/contentCache";
import { curatedAnalysis, curatedRecord } from "../host/curationSession";
import { isInside } from "../host/paths";
import { parseRecord, readRecordText, recordLocation } from "../host/records";
import { injectFaults } from "../host/failpoints";
import { indexArticle, type IndexedArticle } from "./symbolEntries";

export const INDEX_WORKER_ROLE = "article-annotator-index";

/** What the main thread sends: the files and the settings to analyze them with. */
export interface IndexJob {
  role: typeof INDEX_WORKER_ROLE;
  files: string[];
  rules: RuleSettings;
  customRules: CustomRuleDefinition[];
  maxFileSize: number;
  /** Where records are (see `RecordPlacement`): the workspace folders and the records folder setting. */
  records: RecordsAt;
  /** With a persistent cache: its fingerprint and keys (see IndexCacheJob). */
  cache?: IndexCacheJob;
  /**
   * One Int32 the worker sets to k + 1 as it starts on files[k], so the main thread can see a file
   * whose analysis does not finish, terminate the worker and go on without that file.
   */
  started: SharedArrayBuffer;
}

/** Where an indexed article's record is looked for. */
export interface RecordsAt {
  roots: string[];
  recordsFolder: string;
}

/** What the worker posts back: entries for some files, then "done". */
export type IndexMessage = { kind: "entries"; files: IndexedFile[]; done: number } | { kind: "done" };

const BATCH = 25;

/** Runs when this bundle is loaded as the index worker; a no-op otherwise. */
export function runIndexWorkerIfAsked(): boolean {
  const job = workerData as Partial<IndexJob> | null;
  if (!parentPort || job?.role !== INDEX_WORKER_ROLE) return false;
  const port = parentPort;
  const { files = [], rules = {}, customRules = [], maxFileSize = 0, records = { roots: [], recordsFolder: "" } } = job;
  const started = job.started ? new Int32Array(job.started) : undefined;
  const options = { rules, customRules: compileCustomRules(customRules).rules };
  const ahead = new Map<number, string>();
  const fingerprint = job.cache?.fingerprint ?? "";
  const cache = job.cache ? { fingerprint, known: awaitKeys(job.cache.keys, files, ahead, (path) => keyOf(path, maxFileSize, records, fingerprint)) } : undefined;
  let batch: IndexedFile[] = [];
  for (const [k, path] of files.entries()) {
    if (started) Atomics.store(started, 0, k + 1);
    const indexed = indexFile(path, maxFileSize, options, records, cache && { ...cache, hashedAhead: ahead.get(k) });
    if (indexed) batch.push(indexed);
    if (batch.length >= BATCH || k === files.length - 1) {
      port.postMessage({ kind: "entries", files: batch, done: k + 1 } satisfies IndexMessage);
      batch = [];
    }
  }
  port.postMessage({ kind: "done" } satisfies IndexMessage);
  return true;
}

/**
 * The cache's side of an index job: the fingerprint of everything but the files that decides an
 * entry (engine, settings), and the keys the cache holds. A file whose key is among them is only
 * read and hashed, not analyzed: its entry comes from the cache, on the main thread.
 */
export interface IndexCacheJob {
  fingerprint: string;
  /**
   * Where the cache's keys arrive (one message, a string[]), posted once the main thread has read
   * the cache: the worker hashes files ahead while it waits, so reading the cache and starting and
   * hashing overlap.
   */
  keys: MessagePort;
}

/** One file's outcome: its entries (analyzed here), or `cached` when the cache holds them under `key`. */
export type IndexedFile = { path: string; key?: string; article: IndexedArticle } | { path: string; key: string; cached: true };

/**
 * An article file's cache key: its bytes' SHA-256, its record's (entries are curated by it) or
 * "none", and `fingerprint`. Equal keys mean equal entries.
 */
export function indexKey(fingerprint: string, fileSha256: string, recordText: string | undefined): string {
  return contentKey(fingerprint, fileSha256, recordText === undefined ? "none" : sha256(recordText));
}

/**
 * What the index keeps of one article file, read as every front door reads one (host/articleFiles.ts:
 * UTF-8 with or without a BOM, UTF-16 with one) and curated by its record when it has a readable one;
 * undefined when it is too large, unreadable or not text. With `cache`, the file and its record are
 * hashed first, and a key the cache holds is answered without analyzing.
 */
export function indexFile(path: string, maxFileSize: number, options: AnalyzeOptions, records: RecordsAt, cache?: { fingerprint: string; known: ReadonlySet<string>; hashedAhead?: string }): IndexedFile | undefined {
  // Hashed while waiting for the cache's keys: a cached file is not read again.
  if (cache?.hashedAhead !== undefined && cache.known.has(cache.hashedAhead)) return { path, key: cache.hashedAhead, cached: true };
  try {
    const recordText = readRecordOf(path, records);
    let text: string;
    let key: string | undefined;
    if (cache) {
      // Hashed before it is decoded: a cached file is read and hashed, nothing more.
      const bytes = readFileWithin(path, maxFileSize);
      key = indexKey(cache.fingerprint, sha256(bytes), recordText);
      if (cache.known.has(key)) return { path, key, cached: true };
      text = decodeArticle(path, bytes).text;
      if (text.length > maxFileSize) return undefined;
    } else text = readArticleText(path, maxFileSize).text;
    injectFaults(text);
    const analysis = analyze(text, options);
    const parsed = recordText === undefined ? undefined : parseRecord(recordText);
    if (!parsed || "problems" in parsed) return { path, key, article: indexArticle(text, analysis, undefined, recordText !== undefined) };
    const record = curatedRecord(text, analysis, parsed.record);
    return { path, key, article: indexArticle(text, curatedAnalysis(analysis, record), record, true) };
  } catch {
    // Unreadable, vanished, not text, too large, or an engine failure on a hostile file: not indexed.
    return undefined;
  }
}

/** The text of the record of the article at `path`, undefined when it has none; throws when it cannot be read. */
function readRecordOf(path: string, records: RecordsAt): string | undefined {
  const location = recordLocation(path, { root: records.roots.find((root) => isInside(path, root)), folder: records.recordsFolder, confined: true });
  return "error" in location ? undefined : readRecordText(location.path);
}

/** A file's cache key (its bytes and its record's, as `indexFile` makes it), or undefined when it cannot be read. */
function keyOf(path: string, maxFileSize: number, records: RecordsAt, fingerprint: string): string | undefined {
  try {
    return indexKey(fingerprint, sha256(readFileWithin(path, maxFileSize)), readRecordOf(path, records));
  } catch {
    return undefined;
  }
}

/**
 * The cache's keys, from `port`; meanwhile the files are hashed ahead (`ahead`, by index), and
 * once all are, the thread sleeps between looks.
 */
function awaitKeys(port: MessagePort, files: readonly string[], ahead: Map<number, string>, hash: (path: string) => string | undefined): ReadonlySet<string> {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let next = 0; ; ) {
    const received = receiveMessageOnPort(port);
    if (received) {
      port.close();
      return new Set(Array.isArray(received.message) ? (received.message as string[]) : []);
    }
    const path = files[next];
    if (path === undefined) Atomics.wait(sleeper, 0, 0, 5);
    else {
      const key = hash(path);
      if (key !== undefined) ahead.set(next, key);
      next++;
    }
  }
}

/** A file's bytes, unless it is not a regular file or too large to hold `maxChars` characters (at most 4 bytes each, as readArticleText says). */
function readFileWithin(path: string, maxChars: number): Buffer {
  const info = statSync(path);
  // eslint-disable-next-line i18next/no-literal-string -- caught by the caller (the file is not indexed), never shown
  if (!info.isFile() || info.size > maxChars * 4) throw new Error(`${path}: not indexed`);
  return readFileSync(path);
}
