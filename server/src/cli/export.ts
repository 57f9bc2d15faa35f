/**
 * `export`: the reviewed annotation of every article given, in another tool's format, below one
 * folder (host/interchange/export.ts). An article's record is read where `annotate` and the editor
 * keep it (`recordsFolder`, or `--records DIR` for one written by `annotate --out DIR`), merged with
 * a fresh analysis so decisions are found again in the text as it is now; records are never written.
 */
import { existsSync } from "node:fs";
import { describeError, FileProblem } from "../host/articleFiles";
import { exportLabels } from "../host/interchange/labels";
import { describeExport, exportArticle, exportFiles, exportSummary, writeExport } from "../host/interchange/export";
import type { ExportedDocument } from "../host/interchange/documents";
import type { FormatId } from "../host/interchange/types";
import { readRecordText, recordLocation } from "../host/records";
import { forEachArticle, type ArticleRun } from "./articles";
import { complain, type Io } from "./io";

export interface ExportOptions extends ArticleRun {
  format: FormatId;
  out: string;
  /** Where the records are: a folder as `recordsFolder` takes it; default the settings' `recordsFolder`. */
  records: string | undefined;
  includeSuggestions: boolean;
  clean: boolean;
  /** "article-annotator@VERSION". */
  generator: string;
}

export async function exportCommand(inputs: readonly string[], options: ExportOptions, io: Io): Promise<number> {
  const documents: ExportedDocument[] = [];
  const articles: string[] = [];
  const folder = options.records ?? options.settings.recordsFolder;
  if (options.records !== undefined && !existsSync(options.records)) complain(io, `--records ${options.records}: no such folder; every article is exported as if it had no record`);
  const { failed, found } = await forEachArticle(inputs, options, io, ({ article, analysis, inputFolder }) => {
    if (analysis.encoding) throw new FileProblem(article.path, `not exported: ${analysis.encoding.message}`);
    const location = recordLocation(article.path, { root: process.cwd(), outsideRoot: inputFolder, folder, confined: false });
    if ("error" in location) throw new FileProblem(article.path, location.error);
    const exported = exportArticle(
      { name: location.sourcePath, text: article.text, analysis, sha256: article.sha256, bytes: article.bytes, recordText: readRecordText(location.path) },
      { includeSuggestions: options.includeSuggestions, ...(options.clean ? { clean: analysis } : {}) },
    );
    if ("error" in exported) throw new FileProblem(location.path, `not exported: ${exported.error}`);
    documents.push(exported);
    articles.push(article.path);
  });
  if (found === 0 && failed === 0) {
    complain(io, `no article files found in ${inputs.join(", ")}`);
    return 1;
  }
  if (documents.length > 0) {
    const files = exportFiles(options.format, documents, { labels: exportLabels(options.settings.labels), generator: options.generator });
    try {
      const written = await writeExport(options.out, files, articles);
      io.stderr(`article-annotator: ${describeExport(exportSummary(options.format, documents, written), options.format, options.out)}${failed ? `; ${failed} file${failed === 1 ? "" : "s"} failed` : ""}.\n`);
    } catch (error) {
      complain(io, `nothing was exported to ${options.out}: ${describeError(error)}`);
      return 1;
    }
  }
  return failed > 0 ? 1 : 0;
}
