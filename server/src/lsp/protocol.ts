/**
 * Everything of this server's own on the wire: command ids, code action kinds, custom messages.
 * All prefixed with the extension id, each documented here and nowhere else.
 */
import * as l10n from "@vscode/l10n";

/** Where diagnostics come from (`Diagnostic.source`). */
export const SOURCE = "article-annotator";

export const Commands = {
  /** Apply every safe debris fix of a document. Arguments: [uri: string, version?: number]. */
  fixAll: "articleAnnotator.fixAll",
  /** Write the document's annotated record (beside it or into the records folder). Arguments: [uri: string]. */
  emitRecord: "articleAnnotator.emitRecord",
  // Curation: each takes one argument, a `CurationArgs` object, and answers a `CurationReply` (or null).
  /** Annotate `range` as `type` (`attributes` optional: pre-filled from what the engine parses; `all`: every occurrence). */
  annotate: "articleAnnotator.annotate",
  /** Accept the suggestion `target` (or the one at `position`). */
  accept: "articleAnnotator.accept",
  /** Accept every suggestion of the article. */
  acceptAll: "articleAnnotator.acceptAll",
  /** Reject `target` (or the entity at `position`); `all`: every entity of its type and text. */
  reject: "articleAnnotator.reject",
  /** Give `target` the type `type` (attributes pre-filled for it, or `attributes`). */
  changeType: "articleAnnotator.changeType",
  /** Set attribute `name` of `target` to `value` (JSON; null removes it). */
  setAttribute: "articleAnnotator.setAttribute",
  /** Take back a decision on `target`: remove a person's entity, or an acceptance or rejection; deletes an orphan. */
  remove: "articleAnnotator.remove",
  /** Re-attach the orphan `target` (by id) to `range`. */
  reattach: "articleAnnotator.reattach",
  /** Undo the last curation action on the article. */
  undo: "articleAnnotator.undo",
  /** Move the cursor (window/showDocument) to the next suggestion after `position`. */
  nextSuggestion: "articleAnnotator.nextSuggestion",
  /** Move the cursor to the previous suggestion before `position`. */
  previousSuggestion: "articleAnnotator.previousSuggestion",
  /** Add `target` (a person or forum) to the workspace's knowledge base, pre-filled from the article. Argument: `CurationArgs`. */
  addToKnowledgeBase: "articleAnnotator.addToKnowledgeBase",
  /** Mark `target`'s text as not its type anywhere in the workspace (the knowledge base's rejection list). Argument: `CurationArgs`. */
  notEntityInCorpus: "articleAnnotator.notEntityInCorpus",
  /** Export the reviewed annotations for another tool. Argument: one `ExportArgs`; answers an `ExportReply`. */
  exportAnnotations: "articleAnnotator.export",
} as const;

/**
 * The argument of `Commands.exportAnnotations`: `format` one of brat, conll, w3c, labelstudio,
 * doccano, spacy, jsonl; `out` an absolute folder path (created if needed); `uris` the articles, or
 * absent for every article of the workspace folders; as the CLI's `export` options otherwise.
 */
export interface ExportArgs {
  format: string;
  out: string;
  uris?: string[];
  includeSuggestions?: boolean;
  clean?: boolean;
}

/**
 * The export formats as a client offers them, said in the language @vscode/l10n is configured with
 * (the server's; a VS Code client configures it with `l10n.config({ contents: vscode.l10n.bundle })`).
 * The ids are host/interchange's `FORMAT_IDS` (a test keeps the two lists one); the labels are
 * product names, except our own records'.
 */
export function exportFormats(): { id: string; label: string; detail: string }[] {
  return [
    { id: "brat", label: "brat standoff", detail: l10n.t(".txt + .ann per article and annotation.conf: the folder opens in brat as it is") },
    { id: "conll", label: "CoNLL-2003 (IOB2)", detail: l10n.t("one token per line, for training NER models") },
    { id: "w3c", label: "W3C Web Annotation", detail: l10n.t("JSON-LD with TextQuoteSelector and TextPositionSelector") },
    { id: "labelstudio", label: "Label Studio", detail: l10n.t("tasks JSON with annotations and predictions, and the labeling config") },
    { id: "doccano", label: "doccano", detail: l10n.t("sequence-labeling JSONL") },
    { id: "spacy", label: "spaCy / Prodigy", detail: l10n.t("JSONL with tokens and spans") },
    { id: "jsonl", label: l10n.t("Article Annotator records"), detail: l10n.t("our records as JSON Lines") },
  ];
}

/** The export formats in English (`exportFormats` before any language is configured). */
export const EXPORT_FORMATS: readonly { id: string; label: string; detail: string }[] = exportFormats();

/** What `Commands.exportAnnotations` answers: a one-line summary, the files written (absolute paths), and each article that could not be exported with why. */
export interface ExportReply {
  message: string;
  files: string[];
  failed: string[];
}

/** An entity: its id (orphans), or its type and span (UTF-16 offsets into the document, end-exclusive). */
export type CurationTarget = { id: string } | { type: string; start: number; end: number };

/** The argument of every curation command. `uri` is required; the others as each command says. */
export interface CurationArgs {
  uri: string;
  /** The document version the arguments were computed for: a different current version refuses offsets-based targets. */
  version?: number;
  target?: CurationTarget;
  /** LSP position (in VS Code: the cursor) naming the entity under it, or where to search from. */
  position?: { line: number; character: number };
  /** LSP range (the selection). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  type?: string;
  attributes?: Record<string, unknown>;
  name?: string;
  value?: unknown;
  all?: boolean;
}

/** What a curation command answers. */
export interface CurationReply {
  /** What happened, for a message ("Annotated 3 occurrences as person"). */
  message: string;
  /** How many entities changed. */
  count: number;
  /** The record file, once written (absent while the article has unsaved changes). */
  recordUri?: string;
  /** Suggestions left to review. */
  suggestionsLeft: number;
  /** Whether there is an action to undo now. */
  canUndo: boolean;
  /** Next / previous suggestion: where it is (also sent as window/showDocument), for clients that move the cursor themselves. */
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

export const CodeActionKinds = {
  fixAll: "source.fixAll.articleAnnotator",
  emitRecord: "source.articleAnnotator.emitRecord",
  /** Curation on a selection or an entity ("Annotate as person", "Reject: not a person", "Accept all suggestions"). */
  curate: "refactor.articleAnnotator",
} as const;

/** `Diagnostic.code` of an annotation whose text can no longer be found. */
export const ORPHANED_CODE = "orphaned-annotation";

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
  /** Suggestions no one has decided on yet ("N to review"). */
  suggestionsLeft: number;
  /** Annotations whose text can no longer be found. */
  orphaned: number;
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

/** Request `articleAnnotator/reviewList` (client → server): every article of the workspace, for a Review view. No params. */
export const ReviewListRequest = "articleAnnotator/reviewList";

/** One article in the Review view. */
export interface ReviewArticle {
  uri: string;
  title: string;
  /** Per entity type, the number shown (people and forums once each, amounts and dates at every mention). */
  counts: Record<string, number>;
  suggestionsLeft: number;
  orphaned: number;
  hasRecord: boolean;
}

/** Request `articleAnnotator/reviewEntities` (client → server): the entities of one article as curated. Params: { uri }. */
export const ReviewEntitiesRequest = "articleAnnotator/reviewEntities";

/** One entity in the Review view. */
export interface ReviewEntity {
  id: string;
  type: string;
  text: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** "auto" (a suggestion), "manual" (a person's) — rejected ones are not listed. */
  origin: string;
  /** "accepted", "added" or "edited" for a person's. */
  decision?: string;
  orphaned?: boolean;
  attributes: Record<string, unknown>;
}

/** Request `articleAnnotator/prefill` (client → server): the attributes the engine reads for `range` as `type`, or null (an amount it cannot read). Params: { uri, range, type }. */
export const PrefillRequest = "articleAnnotator/prefill";

/**
 * What the server tells clients about itself at `initialize`, under `capabilities.experimental.articleAnnotator`:
 * the entity types in display order with their labels (for a type picker).
 */
export interface ServerDescription {
  /** Every entity type; `builtIn: false` for `custom`, whose labels are the person's (`articleAnnotator.labels`). */
  entityTypes: { type: string; label: string; plural: string; builtIn: boolean }[];
}

/**
 * A name folded for symbol search: case, diacritics and "đ" ignored ("Bùi Thanh Sơn" → "bui thanh son"),
 * and what a reader cannot see or tell apart: invisible characters, look-alikes of "đ" ("ð", "ɖ":
 * engine/text/chars.ts, which the client may not import), runs of whitespace.
 * The server matches workspace-symbol queries with it; a client whose own filter compares the query
 * with the symbol's name (VS Code) uses it to let an unaccented query through.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[đðɖ]/gu, "d")
    .replace(/\s+/gu, " ");
}
