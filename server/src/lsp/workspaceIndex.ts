/**
 * Workspace symbols over every article file of the workspace: people (by full name) and forums.
 * The folders are indexed in the background by worker threads, one per spare core (the main thread
 * stays free for hovers and edits), with progress shown when the client supports it; open documents update their
 * entry as they change. Without a worker script (tests that load the server in-process) the files
 * are indexed on the main thread, a few at a time between other requests.
 *
 * With a cache folder (`useCache`: VS Code's workspace storage, an LSP client's `cacheDir`), entries
 * persist between sessions (host/contentCache.ts, namespace "index"): keyed by each file's bytes and
 * record, the engine and the settings. The cache is read on this thread (asynchronously) while the
 * folders are walked and the workers start and hash files ahead; then a worker only reads and hashes
 * a file whose entry is cached, and analyzes the others, whose entries are written back at the end.
 */
import * as l10n from "@vscode/l10n";
import { availableParallelism } from "node:os";
import { MessageChannel, Worker } from "node:worker_threads";
import { SymbolKind, type SymbolInformation, type WorkDoneProgressServerReporter } from "vscode-languageserver";
import { ENTITY_KINDS, type AnnotatedRecord, type Analysis } from "../engine";
import { describeStopped } from "../host/analysisPool";
import { listArticleFiles } from "../host/articleFiles";
import { ContentCache, contentKey, settingsFingerprint } from "../host/contentCache";
import type { ClientRequests } from "./clientRequests";
import { INDEX_WORKER_ROLE, indexFile, type IndexCacheJob, type IndexJob, type IndexMessage } from "./indexWorker";
import type { ResolvedSettings } from "./settings";
import { foldForSearch, indexArticle, isIndexedArticle, type IndexedArticle } from "./symbolEntries";
import type { RecordsAt } from "./indexWorker";
import { URI } from "./uri";
import { formatNumber } from "../host/l10n";

const MAX_RESULTS = 500;
/** On the main thread, yield to other requests after this long. */
const SLICE_MS = 8;
/** Heap of the index worker: it holds one file's analysis at a time. */
const WORKER_HEAP_MB = 96;
const WORKER_YOUNG_MB = 24;
/** Workers: one per core but one (left to the editor and this thread), at most this many. */
const MAX_WORKERS = 4;
/** Bound of the persistent index cache (a workspace of 10,000 generated articles takes 23 MB). */
const CACHE_MAX_BYTES = 128 * 1024 * 1024;
/**
 * New entries are written to the cache in rounds of this many (each round rewrites the shards it
 * touches, all of them in a large workspace), and the rest when indexing ends.
 */
const CACHE_FLUSH_AFTER = 5000;

/** How one indexing went: what the log says when it ends. */
export interface IndexStats {
  files: number;
  /** Entries taken from the persistent cache. */
  cached: number;
  /** Files analyzed. */
  analyzed: number;
  /** From the start: until the files were listed, until the cache was read (both at once, on this thread). */
  ms: number;
  listMs: number;
  cacheReadMs: number;
}

export class WorkspaceIndex {
  /** By file (`URI.key`): the article's entries and the uri they are shown under. */
  private readonly byUri = new Map<string, { uri: string; article: IndexedArticle }>();
  /** Documents open in the editor (`URI.key`): their entries come from their live text, not from disk. */
  private readonly open = new Set<string>();
  private indexing: Promise<void> = Promise.resolve();
  private readonly workers = new Set<Worker>();
  /** Where the articles' records are looked for. */
  private records: RecordsAt = { roots: [], recordsFolder: "" };
  /** The persistent cache's folder and the engine's fingerprint (host/contentCache.ts), when there is one. */
  private cacheAt: { dir: string; engine: Promise<string | undefined> } | undefined;
  /** The last indexing's figures (tests and the log). */
  lastStats: IndexStats | undefined;

  constructor(
    private readonly requests: ClientRequests,
    private readonly log: (message: string) => void,
    /** The script that runs the index worker (dist/server.js), if workers are used. */
    private readonly workerScript?: string,
  ) {}

  /**
   * Keeps entries in `dir` between sessions; `engine`: the engine's fingerprint (`engineFingerprint`
   * of the server bundle; undefined: no cache). Takes effect at the next start().
   */
  useCache(dir: string, engine: Promise<string | undefined>): void {
    this.cacheAt = { dir, engine };
  }

  get size(): number {
    return this.byUri.size;
  }

  /** Indexes the folders in the background; resolves when done. */
  start(folders: readonly string[], settings: ResolvedSettings, showProgress: boolean): Promise<void> {
    this.indexing = this.run(folders, settings, showProgress).catch((error: unknown) => this.log(`indexing failed: ${String(error)}`));
    return this.indexing;
  }

  whenReady(): Promise<void> {
    return this.indexing;
  }

  /**
   * Replaces the entries of one document (an open one, freshly analyzed and curated by `record`),
   * shown under `uri` as the client spells it; its file's entry from disk, under any spelling of
   * the same file (`URI.key`), is replaced.
   */
  update(uri: string, text: string, analysis: Analysis, record: AnnotatedRecord | undefined, hasRecord: boolean): void {
    const key = URI.key(uri);
    this.open.add(key);
    this.byUri.set(key, { uri, article: indexArticle(text, analysis, record, hasRecord) });
  }

  /** Every indexed article, by uri (for the Review view). */
  articles(): [string, IndexedArticle][] {
    return [...this.byUri.values()].map(({ uri, article }) => [uri, article]);
  }

  dispose(): void {
    for (const worker of this.workers) void worker.terminate();
    this.workers.clear();
  }

  query(query: string): SymbolInformation[] {
    const wanted = foldForSearch(query);
    const results: SymbolInformation[] = [];
    for (const { uri, article } of this.byUri.values()) {
      for (const entry of article.entries) {
        if (wanted !== "" && !entry.folded.includes(wanted)) continue;
        results.push({
          name: entry.name,
          kind: SymbolKind[ENTITY_KINDS[entry.type].symbolKind],
          containerName: article.title,
          location: { uri, range: { start: { line: entry.line, character: entry.character }, end: { line: entry.line, character: entry.character + entry.length } } },
        });
        if (results.length >= MAX_RESULTS) return results;
      }
    }
    return results;
  }

  private async run(folders: readonly string[], settings: ResolvedSettings, showProgress: boolean): Promise<void> {
    const roots = folders.map((folder) => URI.path(folder)).filter((path): path is string => path !== undefined);
    this.records = { roots, recordsFolder: settings.recordsFolder };
    const started = performance.now();
    const stats: IndexStats = { files: 0, cached: 0, analyzed: 0, ms: 0, listMs: 0, cacheReadMs: 0 };
    // The cache is read while the folders are walked and the workers start and hash: none needs the other.
    const cache = this.workerScript ? await this.openCache(settings) : undefined;
    void cache?.known.then(() => (stats.cacheReadMs = Math.round(performance.now() - started)));
    const { files } = await listArticleFiles(roots, settings.files);
    stats.listMs = Math.round(performance.now() - started);
    stats.files = files.length;
    if (files.length === 0) return;
    const progress = showProgress ? await this.requests.createProgress() : undefined;
    progress?.begin(l10n.t("Indexing articles"), 0, files.length === 1 ? l10n.t("1 file") : l10n.t("{0} files", formatNumber(files.length)), false);
    const report = reporter(progress, files.length);
    if (this.workerScript) {
      await this.indexInWorkers(this.workerScript, files, settings, report, cache, stats);
      if (cache) {
        const { failed } = await cache.store.flush();
        if (failed > 0) this.log(`indexing: ${failed} entries could not be written to the cache in ${cache.store.folder}`);
      }
    } else await this.indexHere(files, settings, report, stats);
    stats.ms = Math.round(performance.now() - started);
    this.lastStats = stats;
    this.log(`indexed ${stats.files} files in ${(stats.ms / 1000).toFixed(1)} s (listed in ${stats.listMs} ms): ${stats.cached} from the cache, ${stats.analyzed} analyzed${this.cacheAt ? ` (cache read in ${stats.cacheReadMs} ms)` : " (no cache folder)"}`);
    progress?.done();
  }

  /**
   * The persistent cache for `settings`, whose entries for them are being read, or undefined without
   * a cache folder or an engine fingerprint. Never throws: an unreadable cache is a cold index (logged).
   */
  private async openCache(settings: ResolvedSettings): Promise<IndexCache | undefined> {
    if (!this.cacheAt) return undefined;
    const engine = await this.cacheAt.engine;
    if (engine === undefined) {
      this.log("indexing: the server bundle cannot be read to fingerprint the engine; the index is not cached");
      return undefined;
    }
    // What decides an entry besides the file and its record: the engine, and what the index worker analyzes with
    // (rules and custom rules; it does not link the knowledge base) and reads (the size limit).
    const fingerprint = contentKey("index", engine, settingsFingerprint({ rules: settings.rules, customRules: settings.customRules, knowledgeBase: false }), String(settings.maxFileSize));
    const store = new ContentCache<IndexedArticle>(this.cacheAt.dir, "index", { accept: isIndexedArticle, log: this.log, maxBytes: CACHE_MAX_BYTES, flushAfter: CACHE_FLUSH_AFTER, keepTag: fingerprint });
    const cache: IndexCache = { store, fingerprint, entries: new Map(), known: Promise.resolve([]) };
    cache.known = store.readAll(fingerprint).then((entries) => {
      cache.entries = entries;
      return [...entries.keys()];
    });
    return cache;
  }

  private add(path: string, article: IndexedArticle): void {
    const uri = URI.fromPath(path);
    if (!this.open.has(URI.key(uri))) this.byUri.set(URI.key(uri), { uri, article });
  }

  /** Splits the files among the workers (one per spare core) and waits for all of them. */
  private async indexInWorkers(script: string, files: string[], settings: ResolvedSettings, report: (done: number) => void, cache: IndexCache | undefined, stats: IndexStats): Promise<void> {
    this.dispose();
    const count = Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1, Math.ceil(files.length / 50)));
    const done = new Array<number>(count).fill(0);
    const take: Take = (message) => {
      for (const file of message.files) {
        if ("cached" in file) {
          const cached = cache?.entries.get(file.key);
          if (!cached) continue; // cannot happen: a worker reports only keys it was given, after they were read
          this.add(file.path, cached);
          cache?.store.touch(file.key);
          stats.cached++;
        } else {
          this.add(file.path, file.article);
          if (cache && file.key !== undefined) cache.store.set(file.key, file.article, cache.fingerprint);
          stats.analyzed++;
        }
      }
    };
    await Promise.all(
      Array.from({ length: count }, (_, k) =>
        this.indexInWorker(script, files.filter((_, i) => i % count === k), settings, cache, take, (finished) => {
          done[k] = finished;
          report(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
  }

  /**
   * Indexes `files` in one worker. A file whose analysis runs past the deadline is given up: the
   * worker is terminated and a new one goes on from the first file it had not reported.
   */
  private indexInWorker(script: string, files: string[], settings: ResolvedSettings, cache: IndexCache | undefined, take: Take, report: (done: number) => void): Promise<void> {
    const started = new SharedArrayBuffer(4);
    // With a cache, its keys follow through a port of their own once read (see IndexCacheJob).
    const channel = cache ? new MessageChannel() : undefined;
    const cacheJob: IndexCacheJob | undefined = cache && channel ? { fingerprint: cache.fingerprint, keys: channel.port2 } : undefined;
    const job: IndexJob = { role: INDEX_WORKER_ROLE, files, rules: settings.rules, customRules: settings.customRules, maxFileSize: settings.maxFileSize, records: this.records, started, ...(cacheJob ? { cache: cacheJob } : {}) };
    // Small generations: the worker's garbage is collected early instead of growing the server's memory
    // (a young generation of 24 MB instead of V8's default: 15 MB less at the peak, no slower, measured).
    const worker = new Worker(script, { workerData: job, transferList: channel ? [channel.port2] : [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    if (cache && channel) {
      void cache.known.then((keys) => {
        channel.port1.postMessage(keys);
        channel.port1.close();
      });
    }
    this.workers.add(worker);
    return new Promise((resolve) => {
      let reported = 0;
      let settled = false;
      const settle = (next?: Promise<void>): void => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        this.workers.delete(worker);
        // Resolved once the worker is gone, so what follows (writing the cache) does not add to its memory.
        const gone = worker.terminate().then(() => undefined, () => undefined);
        void (next ?? gone).then(resolve);
      };
      const watchdog = watchProgress(new Int32Array(started), settings.analysisDeadline, (stuckAt) => {
        if (!this.workers.has(worker)) return settle(); // disposed meanwhile
        this.log(`indexing: ${describeStopped(settings.analysisDeadline)}: ${files[stuckAt]} is not indexed`);
        // From the first file not reported (their entries died with the worker), without the stuck one.
        const rest = [...files.slice(reported, stuckAt), ...files.slice(stuckAt + 1)];
        const base = reported + 1;
        settle(rest.length > 0 ? this.indexInWorker(script, rest, settings, cache, take, (done) => report(base + done)) : undefined);
      });
      worker.on("message", (message: IndexMessage) => {
        if (message.kind === "done") return settle();
        take(message);
        reported = message.done;
        report(message.done);
      });
      worker.on("error", (error) => {
        this.log(`indexing worker failed: ${error.stack ?? error.message}`);
        settle();
      });
      // Terminated by dispose() or a new start(): whatever was indexed stays.
      worker.on("exit", () => settle());
    });
  }

  private async indexHere(files: string[], settings: ResolvedSettings, report: (done: number) => void, stats: IndexStats): Promise<void> {
    let sliceStart = Date.now();
    const options = { rules: settings.rules, customRules: settings.compiledRules };
    for (const [k, file] of files.entries()) {
      const indexed = indexFile(file, settings.maxFileSize, options, this.records);
      if (indexed && "article" in indexed) {
        this.add(file, indexed.article);
        stats.analyzed++;
      }
      if (Date.now() - sliceStart >= SLICE_MS) {
        report(k + 1);
        await new Promise((resolve) => setImmediate(resolve)); // let hovers and edits through
        sliceStart = Date.now();
      }
    }
  }
}

/**
 * The persistent cache during one indexing: the store, the fingerprint of the settings, and the
 * entries it held for them (empty until `known`, their keys, resolves).
 */
interface IndexCache {
  store: ContentCache<IndexedArticle>;
  fingerprint: string;
  entries: Map<string, IndexedArticle>;
  known: Promise<string[]>;
}

/** Takes a batch of a worker's files into the index. */
type Take = (message: Extract<IndexMessage, { kind: "entries" }>) => void;

/** How often the index's watchdog looks at a worker's progress. */
const WATCHDOG_MS = 500;

/**
 * Calls `stuck(k)` once when the worker has been on files[k] (`started[0]` = k + 1) for longer than
 * `deadlineSeconds`; returns the interval to clear.
 */
function watchProgress(started: Int32Array, deadlineSeconds: number, stuck: (index: number) => void): NodeJS.Timeout {
  let seen = 0;
  let since = performance.now();
  const timer = setInterval(() => {
    const now = Atomics.load(started, 0);
    if (now !== seen) {
      seen = now;
      since = performance.now();
    } else if (seen > 0 && performance.now() - since > deadlineSeconds * 1000) {
      clearInterval(timer);
      stuck(seen - 1);
    }
  }, Math.min(WATCHDOG_MS, deadlineSeconds * 500));
  timer.unref();
  return timer;
}

/** Progress at most every 2%, so a large workspace does not flood the client. */
function reporter(progress: WorkDoneProgressServerReporter | undefined, total: number): (done: number) => void {
  let reported = 0;
  return (done) => {
    const percent = Math.round((done / Math.max(1, total)) * 100);
    if (!progress || percent < reported + 2) return;
    reported = percent;
    progress.report(percent, `${formatNumber(done)}/${formatNumber(total)}`);
  };
}
