/**
 * Workspace-symbol entries of one article: each person (by canonical name) and forum once, at its
 * first mention, shown with the article's title. Plain data, so the index worker can post them to
 * the main thread and the persistent cache can keep them (`CachedArticle`).
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

/**
 * An IndexedArticle as the persistent cache stores it (lsp/workspaceIndex.ts): short keys and each
 * entry a tuple [name, folded, type, line, character, length], since a large workspace's cache is
 * read whole when the server starts.
 */
export interface CachedArticle {
  t: string;
  c: Record<string, number>;
  s: number;
  o: number;
  r: boolean;
  e: [string, string, EntityType, number, number, number][];
}

export function toCached(article: IndexedArticle): CachedArticle {
  return {
    t: article.title,
    c: article.counts,
    s: article.suggestionsLeft,
    o: article.orphaned,
    r: article.hasRecord,
    e: article.entries.map((e) => [e.name, e.folded, e.type, e.line, e.character, e.length]),
  };
}

export function fromCached(cached: CachedArticle): IndexedArticle {
  return {
    entries: cached.e.map(([name, folded, type, line, character, length]) => ({ name, folded, type, line, character, length })),
    title: cached.t,
    counts: cached.c,
    suggestionsLeft: cached.s,
    orphaned: cached.o,
    hasRecord: cached.r,
  };
}

/** Whether `value` (read back from the persistent cache, so never trusted) has the shape of a CachedArticle. */
export function isCachedArticle(value: unknown): value is CachedArticle {
  const article = value as Partial<CachedArticle> | null;
  return (
    typeof article === "object" &&
    article !== null &&
    typeof article.t === "string" &&
    typeof article.c === "object" &&
    article.c !== null &&
    Object.values(article.c).every((n) => typeof n === "number") &&
    typeof article.s === "number" &&
    typeof article.o === "number" &&
    typeof article.r === "boolean" &&
    Array.isArray(article.e) &&
    article.e.every(isCachedEntry)
  );
}

function isCachedEntry(value: unknown): value is CachedArticle["e"][number] {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [name, folded, type, ...numbers] = value as unknown[];
  return typeof name === "string" && typeof folded === "string" && isEntityType(type) && numbers.every((n) => Number.isInteger(n) && (n as number) >= 0);
}
