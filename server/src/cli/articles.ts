/**
 * Runs a command's work over every article given: lists and reads them (host/articleFiles.ts),
 * analyzes them in worker threads under the deadline (host/analysisPool.ts), `jobs` at a time,
 * hands each to the command in the order given, reports unreadable files and stopped analyses, and
 * goes on. At most a few articles per job are held at once (read ahead, analyzed, waiting for their
 * turn), so memory does not grow with the number of files.
 */
import * as l10n from "@vscode/l10n";
import { Readable } from "node:stream";
import { analysisRequest } from "../host/analysisWorker";
import { resolve, dirname } from "node:path";
import { isInside } from "../host/paths";
import { statSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { Analysis } from "../engine";
import { AnalysisPool, describeStopped } from "../host/analysisPool";
import { articleFromText, FileProblem, LegacyEncodingProblem, listArticleFiles, readArticleFileAsync, type ArticleFile } from "../host/articleFiles";
import type { LegacyEncoding } from "../engine";
import type { ResolvedSettings } from "../host/settings";
import { complain, type Io } from "./io";
import { progressBar } from "./progress";
import { ContentCache, contentKey, engineFingerprint, settingsFingerprint } from "../host/contentCache";

export interface ArticleRun {
  settings: ResolvedSettings;
  /** The script analysis workers run (the CLI bundle itself). */
  workerScript: string;
  /** `--encoding`: the legacy encoding files that are not valid UTF-8 are read in. */
  legacyEncoding?: LegacyEncoding;
  /** `--jobs`: analyses at once, each in a worker thread of its own (≥ 1; default 1). */
  jobs?: number;
  /** The command's name, shown on the progress bar. */
  command?: string;
  /**
   * `--cache-dir`: analyses are kept there (host/contentCache.ts, namespace "analysis") under the
   * hash of the file's bytes, the engine's build and the settings that change an analysis, and taken
   * from there when all three are the same again.
   */
  cacheDir?: string;
}

/**
 * An article, read and analyzed. `inputFolder` is the folder given on the command line that holds
 * it (see `inputFolderOf`); undefined for a text given on stdin, which is no file and has no record file.
 */
export interface ArticleWork {
  article: ArticleFile;
  analysis: Analysis;
  inputFolder: string | undefined;
  /** Analyzes another text (the article once changed) the same way, under the same deadline; throws FileProblem when stopped or failed. */
  analyze: (text: string) => Promise<Analysis>;
  /** Where to write while the run goes on: the command's Io, drawn around the progress bar. */
  io: Io;
}

/**
 * Where an article comes from: a file (`path`, with the folder given on the command line that holds
 * it), a text with its `id` (`annotate --stdin`), or an input that could not be one (`problem`: the
 * message, starting with where it was).
 */
export type ArticleInput = ({ path: string; inputFolder: string } | { id: string; text: string } | { problem: string }) & {
  /** Where the input was given ("stdin:6"), put before a message about it; absent for a path on the command line. */
  where?: string;
};

/**
 * Calls `work` with each readable article and its analysis, in the order given; resolves to how
 * many files failed (unreadable, analysis stopped at the deadline or failed, or `work` threw a
 * FileProblem) and how many were found.
 */
export async function forEachArticle(inputs: readonly string[], run: ArticleRun, io: Io, work: (item: ArticleWork) => void | Promise<void>): Promise<{ failed: number; found: number }> {
  const { files, problems } = await listArticleFiles(inputs, run.settings.files);
  for (const problem of problems) complain(io, problem.message);
  if (files.length === 0) return { failed: problems.length, found: 0 };
  const folders = inputs.map((input) => resolve(input)).filter(isFolder);
  const { failed } = await processArticles(
    files.map((path) => ({ path, inputFolder: inputFolderOf(path, folders) })),
    run,
    io,
    work,
    files.length,
  );
  return { failed: problems.length + failed, found: files.length };
}

/**
 * Reads and analyzes `inputs` (`run.jobs` analyses at once, reading ahead by as many), and calls
 * `work` with each article in the order of `inputs`, one at a time; a progress bar is drawn when
 * `io.progress` is a terminal (`total`: the number of inputs, if known). Resolves to how many
 * inputs failed (a `problem`, unreadable, too large, analysis stopped or failed, or `work` threw a
 * FileProblem; each is reported on stderr) and how many there were. Any other error from `work`
 * rejects, after the workers are stopped.
 */
export async function processArticles(
  inputs: Iterable<ArticleInput> | AsyncIterable<ArticleInput>,
  run: ArticleRun,
  io: Io,
  work: (item: ArticleWork) => void | Promise<void>,
  total?: number,
): Promise<{ failed: number; count: number }> {
  const jobs = Math.max(1, Math.floor(run.jobs ?? 1));
  const analyzer = new Analyzer(run, jobs);
  const progress = progressBar(io.progress, run.command ?? "article-annotator", total);
  // Messages (and records shown on the same terminal) are written above the bar, never through it.
  const above = (write: (text: string) => void) => (text: string) => progress.message(() => write(text));
  const shown: Io = { ...io, stderr: above(io.stderr), stdout: io.stdoutIsTerminal ? above(io.stdout) : io.stdout };
  let failed = 0;
  let count = 0;
  const cache = run.cacheDir === undefined ? undefined : await AnalysisCache.open(run, (message) => complain(shown, message));
  const prepare = async (input: ArticleInput): Promise<ArticleWork | { problem: string }> => {
    if ("problem" in input) return input;
    const name = "path" in input ? input.path : input.id;
    try {
      const article = "path" in input ? await readArticleFileAsync(input.path, run.settings.maxFileSize, run.legacyEncoding ? { legacyEncoding: run.legacyEncoding } : {}) : articleFromText(input.id, input.text, run.settings.maxFileSize);
      const analyze = (text: string): Promise<Analysis> => analyzer.analyze(name, text);
      const analysis = cache ? await cache.analysis(article, analyze) : await analyze(article.text);
      return { article, analysis, inputFolder: "path" in input ? input.inputFolder : undefined, analyze, io: shown };
    } catch (error) {
      return { problem: (input.where ? `${input.where}: ` : "") + describeFailure(name, error) };
    }
  };
  try {
    // Readable.map keeps the order of its input whatever order the analyses finish in, and holds
    // at most about twice `concurrency` items: the read-ahead is bounded.
    for await (const item of Readable.from(inputs, { objectMode: true, highWaterMark: jobs }).map(prepare, { concurrency: jobs * 2 }) as AsyncIterable<ArticleWork | { problem: string }>) {
      count++;
      try {
        if ("problem" in item) throw new InputProblem(item.problem);
        await work(item);
      } catch (error) {
        if (!(error instanceof InputProblem || error instanceof FileProblem)) throw error;
        failed++;
        complain(shown, error instanceof InputProblem ? error.message : describeFailure(error.path, error));
      }
      progress.tick();
      await io.drain?.();
    }
  } finally {
    progress.stop();
    await Promise.all([analyzer.dispose(), cache?.close()]);
  }
  return { failed, count };
}

/** Bound of the analyses kept in a `--cache-dir` (about twice the text they are of). */
const ANALYSIS_CACHE_BYTES = 1024 * 1024 * 1024;

/** `--cache-dir`'s analyses: one run's view of the "analysis" namespace of a content cache. */
class AnalysisCache {
  private constructor(
    private readonly store: ContentCache<Analysis>,
    /** What besides the text an analysis depends on: the engine's build, the settings, the legacy encoding read in. */
    private readonly fingerprint: string,
  ) {}

  /** The cache for `run` (its `cacheDir`), or undefined when the engine's build cannot be read to fingerprint it (told through `log`). */
  static async open(run: ArticleRun, log: (message: string) => void): Promise<AnalysisCache | undefined> {
    const engine = await engineFingerprint(run.workerScript);
    if (engine === undefined) {
      log(l10n.t("--cache-dir {0}: cannot read {1} to fingerprint the engine; nothing is cached", run.cacheDir!, run.workerScript));
      return undefined;
    }
    // A file where the folder should be: one message, not one per article.
    if ((await stat(run.cacheDir!).catch(() => undefined))?.isDirectory() === false) {
      log(l10n.t("--cache-dir {0}: not a folder; nothing is cached", run.cacheDir!));
      return undefined;
    }
    const store = new ContentCache<Analysis>(run.cacheDir!, "analysis", { accept: isAnalysis, shardDigits: 3, maxBytes: ANALYSIS_CACHE_BYTES, log });
    return new AnalysisCache(store, contentKey("analysis", engine, settingsFingerprint(run.settings), run.legacyEncoding ?? ""));
  }

  /** The analysis of `article`: the cached one, else `analyze`'s, which is then kept. */
  async analysis(article: ArticleFile, analyze: (text: string) => Promise<Analysis>): Promise<Analysis> {
    const key = contentKey(article.sha256, this.fingerprint);
    const cached = await this.store.get(key);
    if (cached !== undefined) {
      this.store.touch(key);
      return cached;
    }
    const analysis = await analyze(article.text);
    this.store.set(key, analysis);
    return analysis;
  }

  /** Writes what is waiting. */
  async close(): Promise<void> {
    await this.store.flush();
  }
}

/** Whether a cached value has an analysis's shape (what a cache file from another build or tool may not). */
function isAnalysis(value: unknown): value is Analysis {
  const analysis = value as Partial<Analysis> | null;
  return typeof analysis === "object" && analysis !== null && typeof analysis.length === "number" && Array.isArray(analysis.entities) && Array.isArray(analysis.boilerplate) && typeof analysis.article === "object";
}

/** An input that was not an article; its message is complete. */
class InputProblem extends Error {}

/** The one line told about an article that failed: a FileProblem's message (with the way out of a legacy encoding), else `name: reason`. */
function describeFailure(name: string, error: unknown): string {
  if (error instanceof LegacyEncodingProblem) return legacyHint(error);
  if (error instanceof FileProblem) return error.message;
  return `${name}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Analyses in worker threads under the run's deadline and rules (host/analysisPool.ts), for texts not read by `forEachArticle`. */
export class Analyzer {
  private readonly pool: AnalysisPool;

  /** `size`: analyses at once, each in its own worker thread. */
  constructor(
    private readonly run: ArticleRun,
    size = 1,
  ) {
    this.pool = new AnalysisPool({ script: run.workerScript, deadlineSeconds: run.settings.analysisDeadline, size });
  }

  /** The analysis of `text` (the file at `path`, named in messages); throws FileProblem when stopped at the deadline or failed. */
  async analyze(path: string, text: string): Promise<Analysis> {
    const outcome = await this.pool.analyze(analysisRequest(text, this.run.settings));
    if (outcome.kind === "stopped") throw new FileProblem(path, l10n.t("{0}; the file was skipped (--deadline sets the limit)", describeStopped(outcome.seconds)));
    if (outcome.kind === "failed") throw new FileProblem(path, l10n.t("analysis failed: {0}", outcome.reason.split("\n")[0]!));
    if (outcome.kind === "cancelled") throw new FileProblem(path, l10n.t("analysis cancelled")); // the CLI never cancels
    return outcome.analysis;
  }

  dispose(): Promise<void> {
    return this.pool.dispose();
  }
}

/** A file in a legacy encoding: the problem, with the options that read it and convert it. */
function legacyHint(problem: LegacyEncodingProblem): string {
  return l10n.t("{0}; read it with --encoding {1}, or convert it with clean --write --encoding {1} --to-utf8", problem.message, problem.evidence.encoding);
}

/**
 * The folder given on the command line that holds the article at `path` (`folders`: those inputs
 * that are folders, resolved); for a file given by itself, its own folder.
 */
export function inputFolderOf(path: string, folders: readonly string[]): string {
  const article = resolve(path);
  return folders.find((folder) => folder !== article && isInside(article, folder)) ?? dirname(article);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
