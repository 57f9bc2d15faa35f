/**
 * The workspace index's worker thread: reads and analyzes article files off the main thread, so
 * hovers, edits and diagnostics never wait for indexing. It receives the file list and the rule
 * settings, and posts symbol entries back in batches. Started from dist/server.js itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyze, compileCustomRules, type AnalyzeOptions, type CustomRuleDefinition, type RuleSettings } from "../engine";
import { readArticleText } from "../host/articleFiles";
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
export type IndexMessage = { kind: "entries"; files: { path: string; article: IndexedArticle }[]; done: number } | { kind: "done" };

const BATCH = 25;

/** Runs when this bundle is loaded as the index worker; a no-op otherwise. */
export function runIndexWorkerIfAsked(): boolean {
  const job = workerData as Partial<IndexJob> | null;
  if (!parentPort || job?.role !== INDEX_WORKER_ROLE) return false;
  const port = parentPort;
  const { files = [], rules = {}, customRules = [], maxFileSize = 0, records = { roots: [], recordsFolder: "" } } = job;
  const started = job.started ? new Int32Array(job.started) : undefined;
  const options = { rules, customRules: compileCustomRules(customRules).rules };
  let batch: { path: string; article: IndexedArticle }[] = [];
  for (const [k, path] of files.entries()) {
    if (started) Atomics.store(started, 0, k + 1);
    const article = indexFile(path, maxFileSize, options, records);
    if (article) batch.push({ path, article });
    if (batch.length >= BATCH || k === files.length - 1) {
      port.postMessage({ kind: "entries", files: batch, done: k + 1 } satisfies IndexMessage);
      batch = [];
    }
  }
  port.postMessage({ kind: "done" } satisfies IndexMessage);
  return true;
}

/**
 * What the index keeps of one article file, read as every front door reads one (host/articleFiles.ts:
 * UTF-8 with or without a BOM, UTF-16 with one) and curated by its record when it has a readable one;
 * undefined when it is too large, unreadable or not text.
 */
export function indexFile(path: string, maxFileSize: number, options: AnalyzeOptions, records: RecordsAt): IndexedArticle | undefined {
  try {
    const { text } = readArticleText(path, maxFileSize);
    injectFaults(text);
    const analysis = analyze(text, options);
    const location = recordLocation(path, { root: records.roots.find((root) => isInside(path, root)), folder: records.recordsFolder, confined: true });
    const recordText = "error" in location ? undefined : readRecordText(location.path);
    const parsed = recordText === undefined ? undefined : parseRecord(recordText);
    if (!parsed || "problems" in parsed) return indexArticle(text, analysis, undefined, recordText !== undefined);
    const record = curatedRecord(text, analysis, parsed.record);
    return indexArticle(text, curatedAnalysis(analysis, record), record, true);
  } catch {
    // Unreadable, vanished, not text, too large, or an engine failure on a hostile file: not indexed.
    return undefined;
  }
}
