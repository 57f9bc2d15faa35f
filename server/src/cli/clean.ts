/**
 * `clean`: what fixing every safe finding would change, as a unified diff; `--write` makes the
 * change, atomically, keeping the file's encoding and BOM, and rewrites the article's record (where
 * `recordsFolder` puts it), if it has one, with every decision found again in the cleaned text.
 * Files with nothing to fix are not touched. A file read in a legacy encoding (`--encoding`) is
 * written only with `--to-utf8`, as UTF-8 (converted even with nothing to fix); mojibake is refused.
 */
import * as l10n from "@vscode/l10n";
import { createTwoFilesPatch } from "diff";
import { localize } from "../host/l10n";
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
    if (analysis.encoding) throw new FileProblem(article.path, l10n.t("not cleaned: {0}", localize(analysis.encoding)));
    const legacy = isLegacyEncoding(article.encoding) ? article.encoding : undefined;
    const label = legacy ? legacyEncoding(legacy).label : undefined;
    if (legacy && options.write && !options.toUtf8) throw new FileProblem(article.path, l10n.t("not cleaned: it was read as {0}, and text is never stored back in a legacy encoding; add --to-utf8 to store it as UTF-8", label ?? legacy));
    const convert = legacy !== undefined && options.toUtf8 === true;
    const storeAs: TextEncoding = legacy ? "utf-8" : article.encoding;
    const result = applyFixes(article.text, analysis.boilerplate);
    if (result.text === article.text && !convert) return;
    const diff = result.text === article.text ? "" : createTwoFilesPatch(`a/${article.path}`, `b/${article.path}`, article.text, result.text, undefined, undefined, { context: 2 });
    const from = label ?? legacy ?? "";
    const conversion = convert ? `article-annotator: ${options.write ? l10n.t("{0}: converted from {1} to UTF-8", article.path, from) : l10n.t("{0}: would convert from {1} to UTF-8", article.path, from)}\n` : "";
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
      if ("error" in emitted) throw new FileProblem(article.path, l10n.t("not cleaned: its record {0}: {1}", location.path, emitted.error));
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
  io.stderr(`article-annotator: ${cleanSummary({ write: options.write, changedFiles, fixes, records, converted })}\n`);
  return failed > 0 ? 1 : 0;
}

/**
 * "cleaned 2 files (5 fixes); 1 record re-anchored; 1 converted to UTF-8." (or "would clean …; run
 * with --write to apply."): clauses joined by "; ", each one template per number (1 or many).
 */
function cleanSummary(counts: { write: boolean; changedFiles: number; fixes: number; records: number; converted: number }): string {
  const { write, changedFiles: files, fixes, records, converted } = counts;
  const fixCount = fixes === 1 ? l10n.t("1 fix") : l10n.t("{0} fixes", fixes);
  const head = write
    ? files === 1
      ? l10n.t("cleaned 1 file ({0})", fixCount)
      : l10n.t("cleaned {0} files ({1})", files, fixCount)
    : files === 1
      ? l10n.t("would clean 1 file ({0})", fixCount)
      : l10n.t("would clean {0} files ({1})", files, fixCount);
  const clauses = [
    head,
    ...(records > 0 ? [records === 1 ? l10n.t("1 record re-anchored") : l10n.t("{0} records re-anchored", records)] : []),
    ...(converted > 0 ? [l10n.t("{0} converted to UTF-8", converted)] : []),
    ...(write || files === 0 ? [] : [l10n.t("run with --write to apply")]),
  ];
  return `${clauses.join("; ")}.`;
}
