/**
 * Workspace-symbol entries of one article: each person (by canonical name) and forum once, at its
 * first mention, shown with the article's title. Plain data, so the index worker can post them to
 * the main thread and the persistent cache can keep them.
 */
import { ENTITY_KINDS, entityName, isEntityType, LineIndex, type AnnotatedRecord, type Analysis, type EntityType } from "../engine";
import { summarizeCounts } from "../host/summary";
import { foldForSearch } from "./protocol";

export { foldForSearch } from "./protocol";

export interface Entry {
  name: string;
  /** `name` folded for matching queries. */
  folded: string;
  type: EntityType;
  line: number;
  character: number;
  length: number;
}

export function entriesOf(text: string, analysis: Analysis): Entry[] {
  const index = new LineIndex(text);
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const entity of analysis.entities) {
    if (!ENTITY_KINDS[entity.type].inWorkspaceSymbols) continue;
    const name = entityName(entity);
    if (seen.has(name)) continue;
    seen.add(name);
    entries.push({ name: detached(name), folded: foldForSearch(name), type: entity.type, ...index.positionAt(entity.start), length: entity.end - entity.start });
  }
  return entries;
}

/**
 * A copy of `text` that does not keep the string it was sliced from alive: an entity's text is a
 * slice of its whole document, and the index outlives the document.
 */
function detached(text: string): string {
  return (" " + text).slice(1);
}


/** What the index keeps of one article: its symbols, and what the Review view lists. Plain data (it crosses threads). */
export interface IndexedArticle {
  entries: Entry[];
  title: string;
  /** Per entity type, the number shown (host/summary.ts). */
  counts: Record<string, number>;
  /** Suggestions no one has decided on. */
  suggestionsLeft: number;
  /** Annotations whose text is gone. */
  orphaned: number;
  /** Whether the article has a record. */
  hasRecord: boolean;
}

/** The index's view of an article: `analysis` as curated by `record` (when it has one). */
export function indexArticle(text: string, analysis: Analysis, record: AnnotatedRecord | undefined, hasRecord: boolean): IndexedArticle {
  return {
    entries: entriesOf(text, analysis),
    title: detached(analysis.article.title ?? ""),
    counts: summarizeCounts(analysis.entities, analysis.boilerplate).counts,
    suggestionsLeft: record?.review.suggestionsLeft ?? analysis.entities.length,
    orphaned: record?.entities.filter((e) => e.orphaned).length ?? 0,
    hasRecord,
  };
}

/** Whether `value` (read back from the persistent cache, so never trusted) has the shape of an IndexedArticle. */
export function isIndexedArticle(value: unknown): value is IndexedArticle {
  const article = value as Partial<IndexedArticle> | null;
  return (
    typeof article === "object" &&
    article !== null &&
    typeof article.title === "string" &&
    typeof article.counts === "object" &&
    article.counts !== null &&
    Object.values(article.counts).every((n) => typeof n === "number") &&
    typeof article.suggestionsLeft === "number" &&
    typeof article.orphaned === "number" &&
    typeof article.hasRecord === "boolean" &&
    Array.isArray(article.entries) &&
    article.entries.every(isEntry)
  );
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof entry.name === "string" &&
    typeof entry.folded === "string" &&
    isEntityType(entry.type) &&
    Number.isInteger(entry.line) &&
    Number.isInteger(entry.character) &&
    Number.isInteger(entry.length) &&
    (entry.line as number) >= 0 &&
    (entry.character as number) >= 0 &&
    (entry.length as number) >= 0
  );
}
