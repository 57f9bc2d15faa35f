/** Runs a command's work over every article given, reporting unreadable files and going on. */
import { collectPaths, FileProblem, readArticle, type ArticleFile } from "./files";
import { complain, type Io } from "./io";

/** Calls `work` for each readable article; returns how many failed and how many files were found. */
export function forEachArticle(inputs: readonly string[], maxSize: number, io: Io, work: (article: ArticleFile) => void): { failed: number; found: number } {
  const { files, problems } = collectPaths(inputs);
  let failed = problems.length;
  for (const problem of problems) complain(io, problem.message);
  for (const path of files) {
    try {
      work(readArticle(path, maxSize));
    } catch (error) {
      failed++;
      complain(io, error instanceof FileProblem ? error.message : `${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { failed, found: files.length };
}
