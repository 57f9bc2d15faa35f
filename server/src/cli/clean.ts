/**
 * `clean`: what fixing every safe finding would change, as a unified diff; `--write` makes the
 * change, atomically, keeping the file's encoding and BOM. Files with nothing to fix are not touched.
 */
import { createTwoFilesPatch } from "diff";
import { analyze, applyFixes, type AnalyzeOptions } from "../engine";
import { forEachArticle } from "./articles";
import { encode } from "./files";
import type { Io } from "./io";
import { writeAtomic } from "./output";

export interface CleanOptions {
  write: boolean;
  maxSize: number;
  analysis: AnalyzeOptions;
}

export function clean(inputs: readonly string[], options: CleanOptions, io: Io): number {
  let changedFiles = 0;
  let fixes = 0;
  const { failed } = forEachArticle(inputs, options.maxSize, io, (article) => {
    const result = applyFixes(article.text, analyze(article.text, options.analysis).boilerplate);
    if (result.text === article.text) return;
    changedFiles++;
    fixes += result.applied.length;
    io.stdout(createTwoFilesPatch(`a/${article.path}`, `b/${article.path}`, article.text, result.text, undefined, undefined, { context: 2 }));
    if (options.write) writeAtomic(article.path, encode(result.text, article.encoding));
  });
  const verb = options.write ? "cleaned" : "would clean";
  io.stderr(`article-annotator: ${verb} ${changedFiles} file${changedFiles === 1 ? "" : "s"} (${fixes} fix${fixes === 1 ? "" : "es"})${options.write || changedFiles === 0 ? "" : "; run with --write to apply"}.\n`);
  return failed > 0 ? 1 : 0;
}
