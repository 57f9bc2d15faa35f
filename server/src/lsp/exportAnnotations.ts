/**
 * "Export annotations…" in any LSP client (`Commands.exportAnnotations`): the same export as the
 * CLI's (host/interchange/export.ts), of the articles as saved on disk — each one's record read
 * where the editor keeps it and merged with a fresh analysis, so the reviewed annotation of every
 * article goes out, open or not.
 */
import * as l10n from "@vscode/l10n";
import { analysisRequest } from "../host/analysisWorker";
import { FileProblem, listArticleFiles, readArticleFileAsync } from "../host/articleFiles";
import { describeStopped, type AnalysisPool } from "../host/analysisPool";
import { describeExport, exportArticle, exportFiles, exportRefusal, exportSummary, writeExport } from "../host/interchange/export";
import type { ExportedDocument } from "../host/interchange/documents";
import { exportLabels } from "../host/interchange/labels";
import { FORMAT_IDS, type FormatId } from "../host/interchange/types";
import { readRecordTextAsync } from "../host/records";
import { DEFAULT_SETTINGS, type ResolvedSettings } from "../host/settings";
import type { ExportArgs, ExportReply } from "./protocol";
import { documentRecordLocation } from "./records";
import { URI } from "./uri";
import { formatNumber } from "../host/l10n";

export interface ExportHost {
  pool: AnalysisPool;
  settings: (uri: string) => Promise<ResolvedSettings>;
  workspaceFolders: () => readonly string[];
  /** "article-annotator@VERSION". */
  generator: string;
}

/** Runs an export; answers with what was written, or throws an Error whose message says why nothing was (bad arguments). */
export async function exportAnnotations(args: ExportArgs, host: ExportHost): Promise<ExportReply> {
  if (!(FORMAT_IDS as readonly string[]).includes(args.format)) throw new Error(l10n.t("unknown format \"{format}\" (one of {formats})", { format: String(args.format), formats: FORMAT_IDS.join(", ") }));
  const format = args.format as FormatId;
  if (typeof args.out !== "string" || args.out === "") throw new Error(l10n.t("no folder to export into"));
  const refusal = exportRefusal(format, args.clean === true);
  if (refusal) throw new Error(refusal);
  const folders = host.workspaceFolders();
  const paths = args.uris ? args.uris.map((uri) => URI.path(uri)).filter((p): p is string => p !== undefined) : await workspaceArticles(folders, host);
  const documents: ExportedDocument[] = [];
  const failed: string[] = [];
  const exportedPaths: string[] = [];
  let labels = DEFAULT_SETTINGS.labels;
  for (const path of paths) {
    const uri = URI.fromPath(path);
    try {
      const settings = await host.settings(uri);
      labels = settings.labels.length > 0 ? settings.labels : labels;
      const article = await readArticleFileAsync(path, settings.maxFileSize);
      const outcome = await host.pool.analyze(analysisRequest(article.text, settings), settings.analysisDeadline);
      if (outcome.kind !== "done") throw new FileProblem(path, outcome.kind === "failed" ? l10n.t("analysis failed: {0}", outcome.reason.split("\n")[0] ?? "") : outcome.kind === "stopped" ? describeStopped(outcome.seconds) : l10n.t("analysis cancelled"));
      if (outcome.analysis.encoding) throw new FileProblem(path, outcome.analysis.encoding.message);
      const location = documentRecordLocation(uri, settings, folders);
      if ("error" in location) throw new FileProblem(path, location.error);
      const exported = exportArticle(
        { name: location.sourcePath, text: article.text, analysis: outcome.analysis, sha256: article.sha256, bytes: article.bytes, recordText: await readRecordTextAsync(location.path) },
        { includeSuggestions: args.includeSuggestions === true, ...(args.clean ? { clean: outcome.analysis } : {}) },
      );
      if ("error" in exported) throw new FileProblem(path, exported.error);
      documents.push(exported);
      exportedPaths.push(path);
    } catch (error) {
      failed.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (documents.length === 0) return { message: paths.length === 0 ? l10n.t("no articles to export") : failed.length === 1 ? l10n.t("nothing exported: 1 article failed") : l10n.t("nothing exported: {0} articles failed", formatNumber(failed.length)), files: [], failed };
  const files = await writeExport(args.out, exportFiles(format, documents, { labels: exportLabels(labels), generator: host.generator }), exportedPaths);
  const described = describeExport(exportSummary(format, documents, files), format, args.out);
  const message = failed.length === 0 ? described : failed.length === 1 ? l10n.t("{0}; 1 article failed", described) : l10n.t("{described}; {count} articles failed", { described, count: formatNumber(failed.length) });
  return { message, files, failed };
}

async function workspaceArticles(folders: readonly string[], host: ExportHost): Promise<string[]> {
  const paths: string[] = [];
  for (const folder of folders) {
    const path = URI.path(folder);
    if (!path) continue;
    const settings = await host.settings(folder);
    paths.push(...(await listArticleFiles([path], settings.files)).files);
  }
  return paths;
}
