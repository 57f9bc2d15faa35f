/**
 * Exporting, for every front door (the CLI's `export`, the editor's "Export annotations…"): the
 * current record of each article — its record file merged with a fresh analysis through
 * `emitRecord`, exactly as `annotate` and the editor would write it now, so decisions are found again
 * in the text as it is — reduced to the reviewed annotation (`documents.ts`), turned into a
 * format's files, and written below one folder.
 */
import * as l10n from "@vscode/l10n";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Analysis } from "../../engine";
import { writeAtomic } from "../atomicWrite";
import { isInside } from "../paths";
import { emitRecord } from "../records";
import { exportedDocument, type DocumentOptions, type ExportedDocument } from "./documents";
import { FORMATS } from "./formats";
import type { ExportContext, FormatId, OutputFile } from "./types";

export interface ArticleToExport {
  /** The article's path as records name it (`recordLocation(...).sourcePath`). */
  name: string;
  text: string;
  analysis: Analysis;
  /** Hex SHA-256 and byte size of the article's file (`source` of the record). */
  sha256: string;
  bytes: number;
  /** The text of its record file, when it has one. */
  recordText: string | undefined;
}

/**
 * The exported document of one article, or why it cannot be exported (its record cannot be read,
 * the text is mojibake): then nothing of it is exported, as nothing would be written by `annotate`.
 */
export function exportArticle(article: ArticleToExport, options: DocumentOptions): ExportedDocument | { error: string } {
  const emitted = emitRecord({ text: article.text, analysis: article.analysis, source: { path: article.name, sha256: article.sha256, length: article.bytes }, previous: article.recordText });
  if ("error" in emitted) return { error: emitted.error };
  const exported = exportedDocument(article.name, article.text, emitted.record, options);
  // Our own format carries the record itself, reduced to what is exported.
  const ids = new Set(exported.document.spans.map((s) => s.id));
  const record = { ...emitted.record, entities: emitted.record.entities.filter((e) => ids.has(e.id)) };
  return { ...exported, document: { ...exported.document, record } };
}

/** Why `format` cannot export cleaned articles (our own records point into the text as it is), or undefined when it can. */
export function exportRefusal(format: FormatId, clean: boolean): string | undefined {
  if (format === "jsonl" && clean) return l10n.t("--clean does not apply to jsonl: records point into the article as it is");
  return undefined;
}

/** The files of `documents` in `format`. */
export function exportFiles(format: FormatId, documents: readonly ExportedDocument[], context: ExportContext): OutputFile[] {
  return FORMATS[format].write(
    documents.map((d) => d.document),
    context,
  );
}

/** What an export wrote, for the summary line both front doors print. */
export interface ExportSummary {
  articles: number;
  /** Reviewed spans exported. */
  annotations: number;
  /** Suggestions exported (with `includeSuggestions`). */
  suggestions: number;
  /** Spans left out because cleaning changed their text (`--clean`). */
  droppedByCleaning: number;
  /** Spans the format cannot hold (CoNLL: one label per token, so overlapping spans). */
  leftOutByFormat: number;
  files: string[];
}

export function exportSummary(format: FormatId, documents: readonly ExportedDocument[], files: readonly string[]): ExportSummary {
  const spans = documents.flatMap((d) => d.document.spans);
  const leftOut = FORMATS[format].leftOut;
  return {
    articles: documents.length,
    annotations: spans.filter((s) => !s.suggestion).length,
    suggestions: spans.filter((s) => s.suggestion).length,
    droppedByCleaning: documents.reduce((n, d) => n + d.droppedByCleaning, 0),
    leftOutByFormat: leftOut ? documents.reduce((n, d) => n + leftOut(d.document), 0) : 0,
    files: [...files],
  };
}

/** One line saying what an export did ("exported 3 articles (12 annotations, 4 suggestions) as brat standoff to out/: 7 files"). */
export function describeExport(summary: ExportSummary, format: FormatId, folder: string): string {
  const n = summary;
  const parts = [
    n.annotations === 1 ? l10n.t("1 annotation") : l10n.t("{0} annotations", n.annotations),
    ...(n.suggestions > 0 ? [n.suggestions === 1 ? l10n.t("1 suggestion") : l10n.t("{0} suggestions", n.suggestions)] : []),
    ...(n.droppedByCleaning > 0 ? [l10n.t("{0} left out: cleaning changed their text", n.droppedByCleaning)] : []),
    ...(n.leftOutByFormat > 0 ? [l10n.t("{0} left out: the format cannot hold them (overlapping spans)", n.leftOutByFormat)] : []),
  ];
  const articles = n.articles === 1 ? l10n.t("1 article") : l10n.t("{0} articles", n.articles);
  const files = n.files.length === 1 ? l10n.t("1 file") : l10n.t("{0} files", n.files.length);
  return l10n.t("exported {articles} ({parts}) as {format} to {folder}: {files}", { articles, parts: parts.join(", "), format: FORMATS[format].title, folder, files });
}

/**
 * Writes `files` below `folder` (created if needed), each atomically; returns their absolute paths.
 * Throws, before writing anything, when a file's path would leave the folder or would be one of
 * `articles` (absolute paths of the articles exported: brat's `NAME.txt` in the articles' own
 * folder would replace an article by its exported copy).
 */
export async function writeExport(folder: string, files: readonly OutputFile[], articles: readonly string[] = []): Promise<string[]> {
  const base = resolve(folder);
  const protectedPaths = new Set(articles.map((path) => resolve(path)));
  const targets = files.map((file) => {
    const target = resolve(base, file.path);
    if (!isInside(target, base) || target === base) throw new Error(l10n.t("refusing to write outside {0}: {1}", folder, file.path));
    if (protectedPaths.has(target)) throw new Error(l10n.t("refusing to overwrite the article {0} with its exported copy; export into another folder", target));
    return target;
  });
  for (const [k, file] of files.entries()) {
    await mkdir(dirname(targets[k]!), { recursive: true });
    writeAtomic(targets[k]!, file.content);
  }
  return targets;
}
