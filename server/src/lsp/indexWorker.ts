/**
 * The workspace index's worker thread: reads and analyzes article files off the main thread, so
 * hovers, edits and diagnostics never wait for indexing. It receives the file list and the rule
 * settings, and posts symbol entries back in batches. Started from dist/server.js itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyze, compileCustomRules, type AnalyzeOptions, type CustomRuleDefinition, type RuleSettings } from "../engine";
import { readArticleFile } from "../host/articleFiles";
import { injectFaults } from "../host/failpoints";
import { entriesOf, type Entry } from "./symbolEntries";

export const INDEX_WORKER_ROLE = "article-annotator-index";

/** What the main thread sends: the files and the settings to analyze them with. */
export interface IndexJob {
  role: typeof INDEX_WORKER_ROLE;
  files: string[];
  rules: RuleSettings;
  customRules: CustomRuleDefinition[];
  maxFileSize: number;
  /**
   * One Int32 the worker sets to k + 1 as it starts on files[k], so the main thread can see a file
   * whose analysis does not finish, terminate the worker and go on without that file.
   */
  started: SharedArrayBuffer;
}

/** What the worker posts back: entries for some files, then "done". */
export type IndexMessage = { kind: "entries"; files: { path: string; entries: Entry[] }[]; done: number } | { kind: "done" };

const BATCH = 25;

/** Runs when this bundle is loaded as the index worker; a no-op otherwise. */
export function runIndexWorkerIfAsked(): boolean {
  const job = workerData as Partial<IndexJob> | null;
  if (!parentPort || job?.role !== INDEX_WORKER_ROLE) return false;
  const port = parentPort;
  const { files = [], rules = {}, customRules = [], maxFileSize = 0 } = job;
  const started = job.started ? new Int32Array(job.started) : undefined;
  const options = { rules, customRules: compileCustomRules(customRules).rules };
  let batch: { path: string; entries: Entry[] }[] = [];
  for (const [k, path] of files.entries()) {
    if (started) Atomics.store(started, 0, k + 1);
    const entries = indexFile(path, maxFileSize, options);
    if (entries) batch.push({ path, entries });
    if (batch.length >= BATCH || k === files.length - 1) {
      port.postMessage({ kind: "entries", files: batch, done: k + 1 } satisfies IndexMessage);
      batch = [];
    }
  }
  port.postMessage({ kind: "done" } satisfies IndexMessage);
  return true;
}

/**
 * Symbol entries of one article file, read as every front door reads one (host/articleFiles.ts:
 * UTF-8 with or without a BOM, UTF-16 with one); undefined when it is too large, unreadable or not text.
 */
export function indexFile(path: string, maxFileSize: number, options: AnalyzeOptions): Entry[] | undefined {
  try {
    const { text } = readArticleFile(path, maxFileSize);
    injectFaults(text);
    return entriesOf(text, analyze(text, options));
  } catch {
    // Unreadable, vanished, not text, too large, or an engine failure on a hostile file: not indexed.
    return undefined;
  }
}
