/**
 * Runs a command's work over every article given: lists and reads them (host/articleFiles.ts),
 * analyzes each in a worker thread under the deadline (host/analysisPool.ts), reports unreadable
 * files and stopped analyses, and goes on.
 */
import { analysisRequest } from "../host/analysisWorker";
import { resolve, dirname } from "node:path";
import { isInside } from "../host/paths";
import { statSync } from "node:fs";
import type { Analysis } from "../engine";
import { AnalysisPool, describeStopped } from "../host/analysisPool";
import { FileProblem, LegacyEncodingProblem, listArticleFiles, readArticleFile, type ArticleFile } from "../host/articleFiles";
import type { LegacyEncoding } from "../engine";
import type { ResolvedSettings } from "../host/settings";
import { complain, type Io } from "./io";

export interface ArticleRun {
  settings: ResolvedSettings;
  /** The script analysis workers run (the CLI bundle itself). */
  workerScript: string;
  /** `--encoding`: the legacy encoding files that are not valid UTF-8 are read in. */
  legacyEncoding?: LegacyEncoding;
}

/** An article read and analyzed, with the folder that holds it when it lies outside the current one (see `inputFolderOf`). */
export interface ArticleWork {
  article: ArticleFile;
  analysis: Analysis;
  /** The folder given on the command line that holds the article (a file's own folder). */
  inputFolder: string;
  /** Analyzes another text (the article once changed) the same way, under the same deadline; throws FileProblem when stopped or failed. */
  analyze: (text: string) => Promise<Analysis>;
}

/**
 * Calls `work` with each readable article and its analysis, in the order given; resolves to how
 * many files failed (unreadable, analysis stopped at the deadline or failed, or `work` threw a
 * FileProblem) and how many were found.
 */
export async function forEachArticle(inputs: readonly string[], run: ArticleRun, io: Io, work: (item: ArticleWork) => void | Promise<void>): Promise<{ failed: number; found: number }> {
  const { files, problems } = await listArticleFiles(inputs, run.settings.files);
  let failed = problems.length;
  for (const problem of problems) complain(io, problem.message);
  if (files.length === 0) return { failed, found: 0 };
  const analyzer = new Analyzer(run);
  const folders = inputs.map((input) => resolve(input)).filter(isFolder);
  try {
    for (const path of files) {
      try {
        const article = readArticleFile(path, run.settings.maxFileSize, run.legacyEncoding ? { legacyEncoding: run.legacyEncoding } : {});
        const analyze = (text: string): Promise<Analysis> => analyzer.analyze(path, text);
        await work({ article, analysis: await analyze(article.text), inputFolder: inputFolderOf(path, folders), analyze });
      } catch (error) {
        failed++;
        complain(io, error instanceof FileProblem ? error.message + legacyHint(error) : `${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await analyzer.dispose();
  }
  return { failed, found: files.length };
}

/** Analyses in worker threads under the run's deadline and rules (host/analysisPool.ts), for texts not read by `forEachArticle`. */
export class Analyzer {
  private readonly pool: AnalysisPool;

  constructor(private readonly run: ArticleRun) {
    this.pool = new AnalysisPool({ script: run.workerScript, deadlineSeconds: run.settings.analysisDeadline });
  }

  /** The analysis of `text` (the file at `path`, named in messages); throws FileProblem when stopped at the deadline or failed. */
  async analyze(path: string, text: string): Promise<Analysis> {
    const outcome = await this.pool.analyze(analysisRequest(text, this.run.settings));
    if (outcome.kind === "stopped") throw new FileProblem(path, `${describeStopped(outcome.seconds)}; the file was skipped (--deadline sets the limit)`);
    if (outcome.kind === "failed") throw new FileProblem(path, `analysis failed: ${outcome.reason.split("\n")[0]}`);
    if (outcome.kind === "cancelled") throw new FileProblem(path, "analysis cancelled"); // the CLI never cancels
    return outcome.analysis;
  }

  dispose(): Promise<void> {
    return this.pool.dispose();
  }
}

/** For a file in a legacy encoding, the options that read it and convert it. */
function legacyHint(problem: FileProblem): string {
  if (!(problem instanceof LegacyEncodingProblem)) return "";
  const name = problem.evidence.encoding;
  return `; read it with --encoding ${name}, or convert it with clean --write --encoding ${name} --to-utf8`;
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
