/** The Review view's data (protocol.ts `ReviewListRequest`, `ReviewEntitiesRequest`): articles with what is left to review, and one article's entities. */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnnotatedRecord } from "../engine";
import type { ReviewArticle, ReviewEntity } from "./protocol";
import type { IndexedArticle } from "./symbolEntries";

/** The indexed articles, by uri, in path order. */
export function reviewArticles(articles: readonly [string, IndexedArticle][]): ReviewArticle[] {
  return articles
    .map(([uri, a]): ReviewArticle => ({ uri, title: a.title, counts: a.counts, suggestionsLeft: a.suggestionsLeft, orphaned: a.orphaned, hasRecord: a.hasRecord }))
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** The entities of a curated record as the view lists them (rejected ones left out), with LSP ranges in `document`. */
export function reviewEntities(document: TextDocument, record: AnnotatedRecord | undefined): ReviewEntity[] {
  return (record?.entities ?? [])
    .filter((e) => e.origin !== "rejected")
    .map((e): ReviewEntity => {
      const entity: ReviewEntity = { id: e.id, type: e.type, text: e.text, range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, origin: e.origin, attributes: { ...e.attributes } };
      if (e.decision) entity.decision = e.decision.action;
      if (e.orphaned) entity.orphaned = true;
      return entity;
    });
}
