/**
 * One analysis per (document, version), shared by diagnostics, hovers, actions, tokens and symbols;
 * evicted when the document closes. Documents that are not articles, or too large, get an empty
 * analysis with the reason, and an internal error becomes a logged message and an empty analysis.
 */
import { minimatch } from "minimatch";
import { URI } from "./uri";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, type Analysis } from "../engine";
import type { ResolvedSettings } from "./settings";

export interface DocumentAnalysis {
  version: number;
  analysis: Analysis;
  /** Why the document was not analyzed, when it was not. */
  skipped?: string;
}

const EMPTY: Analysis = { length: 0, article: {}, entities: [], boilerplate: [] };

export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis & { settings: ResolvedSettings }>();

  constructor(private readonly log: (message: string) => void) {}

  get(document: TextDocument, settings: ResolvedSettings): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const entry = { ...this.compute(document, settings), settings };
    this.entries.set(document.uri, entry);
    return entry;
  }

  /** The analysis of this exact version, if it was computed. */
  peek(uri: string, version: number): DocumentAnalysis | undefined {
    const cached = this.entries.get(uri);
    return cached?.version === version ? cached : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private compute(document: TextDocument, settings: ResolvedSettings): DocumentAnalysis {
    const version = document.version;
    if (!isArticle(document.uri, document.languageId, settings)) return { version, analysis: EMPTY, skipped: "not an article file (see articleAnnotator.files)" };
    const text = document.getText();
    if (text.length > settings.maxFileSize) {
      return { version, analysis: { ...EMPTY, length: text.length }, skipped: `not analyzed: ${text.length.toLocaleString("en-US")} characters is more than articleAnnotator.maxFileSize (${settings.maxFileSize.toLocaleString("en-US")})` };
    }
    try {
      return { version, analysis: analyze(text, { rules: settings.rules, customRules: settings.compiledRules }) };
    } catch (error) {
      this.log(`analysis failed for ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { version, analysis: { ...EMPTY, length: text.length }, skipped: "not analyzed: an internal error (see the output log)" };
    }
  }
}

/** Article documents: the "article" language, or a file matching one of the `files` globs. */
export function isArticle(uri: string, languageId: string, settings: ResolvedSettings): boolean {
  if (languageId === "article") return true;
  const path = URI.path(uri);
  if (path === undefined) return false;
  return settings.files.some((glob) => minimatch(path, glob, { dot: true, matchBase: !glob.includes("/") }));
}
