/**
 * One analysis per (document, version, settings), shared by diagnostics, hovers, actions, tokens and
 * symbols; evicted when the document closes. Analyses run in worker threads with a deadline
 * (host/analysisPool.ts), so no text can freeze the server: one that does not finish in time
 * becomes an empty analysis with the reason "analysis stopped after N s". Each document is named to
 * the pool by its uri, so the worker holding its incremental state analyzes its next version
 * (host/analysisPool.ts, engine/incremental.ts). Documents that are not
 * articles, or too large, get an empty analysis with the reason, and an engine error becomes a
 * logged message and an empty analysis.
 */
import * as l10n from "@vscode/l10n";
import { analysisRequest } from "../host/analysisWorker";
import { URI } from "./uri";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "../engine";
import { describeStopped, type AnalysisPool } from "../host/analysisPool";
import { isArticlePath } from "../host/articleFiles";
import type { ResolvedSettings } from "../host/settings";
import { formatNumber } from "../host/l10n";

/** Why a document has no analysis: its diagnostic's code ("superseded": a newer version replaced it before it finished; never published). */
export type SkipReason = "not-article" | "too-large" | "internal-error" | "analysis-stopped" | "superseded";

export interface DocumentAnalysis {
  version: number;
  analysis: Analysis;
  /** Why the document was not analyzed, when it was not (a sentence without a final period). */
  skipped?: string;
  skipReason?: SkipReason;
  /** Milliseconds the analysis took (round trip to its worker), when it ran. */
  ms?: number;
}

const EMPTY: Analysis = { length: 0, article: {}, entities: [], boilerplate: [] };

interface Entry {
  version: number;
  settings: ResolvedSettings;
  result: Promise<DocumentAnalysis>;
  /** Stops the analysis when a newer version (or a close) makes it useless. */
  abort: AbortController;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly pool: AnalysisPool,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * The analysis of the document's current version; concurrent callers share one run. The run of
   * an older version it replaces is cancelled (it ends as "superseded" at the engine's next pass).
   * Never rejects.
   */
  get(document: TextDocument, settings: ResolvedSettings): Promise<DocumentAnalysis> {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.result;
    if (cached && cached.version < document.version) cached.abort.abort();
    const abort = new AbortController();
    const entry: Entry = { version: document.version, settings, abort, result: this.compute(document, settings, abort.signal) };
    this.entries.set(document.uri, entry);
    return entry.result;
  }

  /** Forgets the document (closed), cancelling its analysis if it still runs, and its worker's incremental state. */
  delete(uri: string): void {
    this.entries.get(uri)?.abort.abort();
    this.entries.delete(uri);
    this.pool.forget(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private async compute(document: TextDocument, settings: ResolvedSettings, signal: AbortSignal): Promise<DocumentAnalysis> {
    const version = document.version;
    if (!isArticle(document.uri, document.languageId, settings)) return { version, analysis: EMPTY, skipped: l10n.t("not an article file (see articleAnnotator.files)"), skipReason: "not-article" };
    const text = document.getText();
    if (text.length > settings.maxFileSize) {
      const skipped = l10n.t("not analyzed: {length} characters is more than articleAnnotator.maxFileSize ({max})", { length: formatNumber(text.length), max: formatNumber(settings.maxFileSize) });
      return { version, analysis: { ...EMPTY, length: text.length }, skipped, skipReason: "too-large" };
    }
    // Named by its uri: the worker that analyzed its last version reuses what that taught it.
    const outcome = await this.pool.analyze({ ...analysisRequest(text, settings), documentKey: document.uri }, settings.analysisDeadline, signal);
    switch (outcome.kind) {
      case "done":
        return { version, analysis: outcome.analysis, ms: outcome.ms };
      case "stopped":
        this.log(`${describeStopped(outcome.seconds)}: ${document.uri} version ${version} (${text.length.toLocaleString("en-US")} characters); its worker was restarted`);
        return { version, analysis: { ...EMPTY, length: text.length }, skipped: l10n.t("{0}; nothing is shown for this version (see the output log; articleAnnotator.analysisDeadline sets the limit)", describeStopped(outcome.seconds)), skipReason: "analysis-stopped" };
      case "cancelled":
        return { version, analysis: { ...EMPTY, length: text.length }, skipped: l10n.t("not analyzed: a newer version of the document replaced this one"), skipReason: "superseded" };
      case "failed":
        this.log(`analysis failed for ${document.uri}: ${outcome.reason}`);
        return { version, analysis: { ...EMPTY, length: text.length }, skipped: l10n.t("not analyzed: an internal error (see the output log)"), skipReason: "internal-error" };
    }
  }
}

/** Article documents: the "article" language, or a file matching one of the `files` globs. */
export function isArticle(uri: string, languageId: string, settings: ResolvedSettings): boolean {
  if (languageId === "article") return true;
  const path = URI.path(uri);
  if (path === undefined) return false;
  return isArticlePath(path, settings.files);
}
