/**
 * `clean`: what fixing every safe finding would change, as a unified diff; `--write` makes the
 * change, atomically, keeping the file's encoding and BOM, and rewrites the article's record (where
 * `recordsFolder` puts it), if it has one, with every decision found again in the cleaned text.
 * Files with nothing to fix are not touched. A file read in a legacy encoding (`--encoding`) is
 * written only with `--to-utf8`, as UTF-8 (converted even with nothing to fix); mojibake is refused.
 */
import { createTwoFilesPatch } from "diff";
import { applyFixes, legacyEncoding } from "../engine";
import { forEachArticle, type ArticleRun } from "./articles";
import { encodeArticle, FileProblem, isLegacyEncoding, sourceDigest, type TextEncoding } from "../host/articleFiles";
import { emitRecord, readRecordText, recordLocation } from "../host/records";
import { writeAtomic } from "../host/atomicWrite";
import type { Io } from "./io";

export interface CleanOptions extends ArticleRun {
  write: boolean;
  /** Store files read in a legacy encoding as UTF-8 (`--to-utf8`). */
  toUtf8?: boolean;
}

export async function clean(inputs: readonly string[], options: CleanOptions, io: Io): Promise<number> {
  let changedFiles = 0;
  let fixes = 0;
  let records = 0;
  let converted = 0;
  const { failed } = await forEachArticle(inputs, options, io, async ({ article, analysis, inputFolder, analyze }) => {
    if (analysis.encoding) throw new FileProblem(article.path, `not cleaned: ${analysis.encoding.message}`);
    const legacy = isLegacyEncoding(article.encoding) ? article.encoding : undefined;
    const label = legacy ? legacyEncoding(legacy).label : undefined;
    if (legacy && options.write && !options.toUtf8) throw new FileProblem(article.path, `not cleaned: it was read as ${label ?? legacy}, and text is never stored back in a legacy encoding; add --to-utf8 to store it as UTF-8`);
    const convert = legacy !== undefined && options.toUtf8 === true;
    const storeAs: TextEncoding = legacy ? "utf-8" : article.encoding;
    const result = applyFixes(article.text, analysis.boilerplate);
    if (result.text === article.text && !convert) return;
    const diff = result.text === article.text ? "" : createTwoFilesPatch(`a/${article.path}`, `b/${article.path}`, article.text, result.text, undefined, undefined, { context: 2 });
    const conversion = convert ? `article-annotator: ${article.path}: ${options.write ? "converted" : "would convert"} from ${label ?? legacy} to UTF-8\n` : "";
    if (!options.write) {
      io.stdout(diff);
      io.stderr(conversion);
      changedFiles++;
      fixes += result.applied.length;
      return;
    }
    // The record is checked before the article changes: one that cannot be read leaves both alone.
    const location = recordLocation(article.path, { root: process.cwd(), outsideRoot: inputFolder, folder: options.settings.recordsFolder, confined: false });
    const previous = "error" in location ? undefined : readRecordText(location.path);
    let record: { path: string; content: string } | undefined;
    if (previous !== undefined && !("error" in location)) {
      const emitted = emitRecord({ text: result.text, analysis: await analyze(result.text), source: { path: location.sourcePath, ...sourceDigest(result.text, storeAs) }, previous });
      if ("error" in emitted) throw new FileProblem(article.path, `not cleaned: its record ${location.path}: ${emitted.error}`);
      record = { path: location.path, content: emitted.content };
    }
    writeAtomic(article.path, encodeArticle(result.text, storeAs));
    io.stdout(diff);
    io.stderr(conversion);
    changedFiles++;
    if (convert) converted++;
    fixes += result.applied.length;
    if (record) {
      writeAtomic(record.path, record.content);
      records++;
    }
  });
  const verb = options.write ? "cleaned" : "would clean";
  const recordNote = records > 0 ? `; ${records} record${records === 1 ? "" : "s"} re-anchored` : "";
  const convertNote = converted > 0 ? `; ${converted} converted to UTF-8` : "";
  io.stderr(`article-annotator: ${verb} ${changedFiles} file${changedFiles === 1 ? "" : "s"} (${fixes} fix${fixes === 1 ? "" : "es"})${recordNote}${convertNote}${options.write || changedFiles === 0 ? "" : "; run with --write to apply"}.\n`);
  return failed > 0 ? 1 : 0;
}
