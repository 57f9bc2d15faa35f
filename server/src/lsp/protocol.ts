/**
 * Everything of this server's own on the wire: command ids, code action kinds, custom messages.
 * All prefixed with the extension id, each documented here and nowhere else.
 */

/** Where diagnostics come from (`Diagnostic.source`). */
export const SOURCE = "article-annotator";

export const Commands = {
  /** Apply every safe debris fix of a document. Arguments: [uri: string, version?: number]. */
  fixAll: "articleAnnotator.fixAll",
  /** Write the document's annotated record (beside it or into the records folder). Arguments: [uri: string]. */
  emitRecord: "articleAnnotator.emitRecord",
} as const;

export const CodeActionKinds = {
  fixAll: "source.fixAll.articleAnnotator",
  emitRecord: "source.articleAnnotator.emitRecord",
} as const;

/** Counts of one article, for a status bar: host/summary.ts's `CountsSummary` of the document. */
export interface ArticleSummary {
  uri: string;
  version: number;
  /** Per entity type ("person", "forum", …), the number shown: people and forums once each, amounts and dates at every mention. */
  counts: Record<string, number>;
  /** Per entity type, every mention. */
  mentions: Record<string, number>;
  /** Lines of debris (whole-line findings). */
  debrisLines: number;
  /** The counts as one line ("2 people · 3 forums · 4 amounts · 5 lines of debris"), as the CodeLens shows them. */
  text: string;
  /** Set when the document was not analyzed (too large, not an article, analysis stopped or failed). */
  skipped?: string;
  /** Why, as a code: "not-article", "too-large", "analysis-stopped" (past the deadline) or "internal-error". */
  skipReason?: string;
}

/** Notification `articleAnnotator/summary` (server → client) each time a document's diagnostics are published. */
export const SummaryNotification = "articleAnnotator/summary";

/** Request `articleAnnotator/summary` (client → server): the summary of a document, or null. Params: { uri }. */
export const SummaryRequest = "articleAnnotator/getSummary";
