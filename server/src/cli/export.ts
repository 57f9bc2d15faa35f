/**
 * `export`: the reviewed annotation of every article given, in another tool's format, below one
 * folder (host/interchange/export.ts). An article's record is read where `annotate` and the editor
 * keep it (`recordsFolder`, or `--records DIR` for one written by `annotate --out DIR`), merged with
 * a fresh analysis so decisions are found again in the text as it is now; records are never written.
 */
import * as l10n from "@vscode/l10n";
import { existsSync } from "node:fs";
import { localize } from "../host/l10n";
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
  if (options.records !== undefined && !existsSync(options.records)) complain(io, l10n.t("--records {0}: no such folder; every article is exported as if it had no record", options.records));
  const { failed, found } = await forEachArticle(inputs, options, io, ({ article, analysis, inputFolder }) => {
    if (analysis.encoding) throw new FileProblem(article.path, l10n.t("not exported: {0}", localize(analysis.encoding)));
    const location = recordLocation(article.path, { root: process.cwd(), outsideRoot: inputFolder, folder, confined: false });
    if ("error" in location) throw new FileProblem(article.path, location.error);
    const exported = exportArticle(
      { name: location.sourcePath, text: article.text, analysis, sha256: article.sha256, bytes: article.bytes, recordText: readRecordText(location.path) },
      { includeSuggestions: options.includeSuggestions, ...(options.clean ? { clean: analysis } : {}) },
    );
    if ("error" in exported) throw new FileProblem(location.path, l10n.t("not exported: {0}", exported.error));
    documents.push(exported);
    articles.push(article.path);
  });
  if (found === 0 && failed === 0) {
    complain(io, l10n.t("no article files found in {0}", inputs.join(", ")));
    return 1;
  }
  if (documents.length > 0) {
    const files = exportFiles(options.format, documents, { labels: exportLabels(options.settings.labels), generator: options.generator });
    try {
      const written = await writeExport(options.out, files, articles);
      const described = describeExport(exportSummary(options.format, documents, written), options.format, options.out);
      const said = failed === 0 ? l10n.t("{0}.", described) : failed === 1 ? l10n.t("{0}; 1 file failed.", described) : l10n.t("{0}; {1} files failed.", described, failed);
      io.stderr(`article-annotator: ${said}\n`);
    } catch (error) {
      complain(io, l10n.t("nothing was exported to {0}: {1}", options.out, describeError(error)));
      return 1;
    }
  }
  return failed > 0 ? 1 : 0;
}
