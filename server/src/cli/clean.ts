/**
 * `clean`: what fixing every safe finding would change, as a unified diff; `--write` makes the
 * change, atomically, keeping the file's encoding and BOM, and rewrites the article's record (where
 * `recordsFolder` puts it), if it has one, with every decision found again in the cleaned text.
 * Files with nothing to fix are not touched.
 */
import { createTwoFilesPatch } from "diff";
import { applyFixes } from "../engine";
import { forEachArticle, type ArticleRun } from "./articles";
import { encodeArticle, FileProblem, sourceDigest } from "../host/articleFiles";
import { emitRecord, readRecordText, recordLocation } from "../host/records";
import { writeAtomic } from "../host/atomicWrite";
import type { Io } from "./io";

export interface CleanOptions extends ArticleRun {
  write: boolean;
}

export async function clean(inputs: readonly string[], options: CleanOptions, io: Io): Promise<number> {
  let changedFiles = 0;
  let fixes = 0;
  let records = 0;
  const { failed } = await forEachArticle(inputs, options, io, async ({ article, analysis, inputFolder, analyze }) => {
    const result = applyFixes(article.text, analysis.boilerplate);
    if (result.text === article.text) return;
    const diff = createTwoFilesPatch(`a/${article.path}`, `b/${article.path}`, article.text, result.text, undefined, undefined, { context: 2 });
    if (!options.write) {
      io.stdout(diff);
      changedFiles++;
      fixes += result.applied.length;
      return;
    }
    // The record is checked before the article changes: one that cannot be read leaves both alone.
    const location = recordLocation(article.path, { root: process.cwd(), outsideRoot: inputFolder, folder: options.settings.recordsFolder, confined: false });
    const previous = "error" in location ? undefined : readRecordText(location.path);
    let record: { path: string; content: string } | undefined;
    if (previous !== undefined && !("error" in location)) {
      const emitted = emitRecord({ text: result.text, analysis: await analyze(result.text), source: { path: location.sourcePath, ...sourceDigest(result.text, article.encoding) }, previous });
      if ("error" in emitted) throw new FileProblem(article.path, `not cleaned: its record ${location.path}: ${emitted.error}`);
      record = { path: location.path, content: emitted.content };
    }
    writeAtomic(article.path, encodeArticle(result.text, article.encoding));
    io.stdout(diff);
    changedFiles++;
    fixes += result.applied.length;
    if (record) {
      writeAtomic(record.path, record.content);
      records++;
    }
  });
  const verb = options.write ? "cleaned" : "would clean";
  const recordNote = records > 0 ? `; ${records} record${records === 1 ? "" : "s"} re-anchored` : "";
  io.stderr(`article-annotator: ${verb} ${changedFiles} file${changedFiles === 1 ? "" : "s"} (${fixes} fix${fixes === 1 ? "" : "es"})${recordNote}${options.write || changedFiles === 0 ? "" : "; run with --write to apply"}.\n`);
  return failed > 0 ? 1 : 0;
}
