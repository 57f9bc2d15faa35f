/**
 * `clean`: what fixing every safe finding would change, as a unified diff; `--write` makes the
 * change, atomically, keeping the file's encoding and BOM. Files with nothing to fix are not touched.
 */
import { createTwoFilesPatch } from "diff";
import { applyFixes } from "../engine";
import { forEachArticle, type ArticleRun } from "./articles";
import { encodeArticle } from "../host/articleFiles";
import { writeAtomic } from "../host/atomicWrite";
import type { Io } from "./io";

export interface CleanOptions extends ArticleRun {
  write: boolean;
}

export async function clean(inputs: readonly string[], options: CleanOptions, io: Io): Promise<number> {
  let changedFiles = 0;
  let fixes = 0;
  const { failed } = await forEachArticle(inputs, options, io, ({ article, analysis }) => {
    const result = applyFixes(article.text, analysis.boilerplate);
    if (result.text === article.text) return;
    changedFiles++;
    fixes += result.applied.length;
    io.stdout(createTwoFilesPatch(`a/${article.path}`, `b/${article.path}`, article.text, result.text, undefined, undefined, { context: 2 }));
    if (options.write) writeAtomic(article.path, encodeArticle(result.text, article.encoding));
  });
  const verb = options.write ? "cleaned" : "would clean";
  io.stderr(`article-annotator: ${verb} ${changedFiles} file${changedFiles === 1 ? "" : "s"} (${fixes} fix${fixes === 1 ? "" : "es"})${options.write || changedFiles === 0 ? "" : "; run with --write to apply"}.\n`);
  return failed > 0 ? 1 : 0;
}
