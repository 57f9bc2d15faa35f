/**
 * Runs a command's work over every article given: reads each file, analyzes it in a worker thread
 * under the deadline (host/analysisPool.ts), reports unreadable files and stopped analyses, and goes on.
 */
import type { Analysis } from "../engine";
import { AnalysisPool, describeStopped } from "../host/analysisPool";
import type { AnalysisSettings } from "./config";
import { collectPaths, FileProblem, readArticle, type ArticleFile } from "./files";
import { complain, type Io } from "./io";

export interface ArticleRun {
  maxSize: number;
  settings: AnalysisSettings;
  /** The script analysis workers run (the CLI bundle itself). */
  workerScript: string;
}

/**
 * Calls `work` with each readable article and its analysis, in the order given; resolves to how
 * many files failed (unreadable, analysis stopped at the deadline or failed) and how many were found.
 */
export async function forEachArticle(inputs: readonly string[], run: ArticleRun, io: Io, work: (article: ArticleFile, analysis: Analysis) => void): Promise<{ failed: number; found: number }> {
  const { files, problems } = collectPaths(inputs);
  let failed = problems.length;
  for (const problem of problems) complain(io, problem.message);
  if (files.length === 0) return { failed, found: 0 };
  const pool = new AnalysisPool({ script: run.workerScript, deadlineSeconds: run.settings.analysisDeadline });
  try {
    for (const path of files) {
      try {
        const article = readArticle(path, run.maxSize);
        const outcome = await pool.analyze({ text: article.text, rules: run.settings.rules, customRules: run.settings.customRules });
        if (outcome.kind === "stopped") throw new FileProblem(path, `${describeStopped(outcome.seconds)}; the file was skipped (--deadline sets the limit)`);
        if (outcome.kind === "failed") throw new FileProblem(path, `analysis failed: ${outcome.reason.split("\n")[0]}`);
        work(article, outcome.analysis);
      } catch (error) {
        failed++;
        complain(io, error instanceof FileProblem ? error.message : `${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await pool.dispose();
  }
  return { failed, found: files.length };
}
