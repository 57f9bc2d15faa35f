/** Document symbols (the outline): the title, then entities by type, one symbol per person. */
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis, Entity, EntityType, PersonAttributes } from "../engine";
import { toRange } from "./convert";

const GROUPS: { type: EntityType; name: string; kind: SymbolKind }[] = [
  { type: "person", name: "People", kind: SymbolKind.Object },
  { type: "forum", name: "Forums", kind: SymbolKind.Event },
  { type: "amount", name: "Amounts", kind: SymbolKind.Number },
  { type: "date", name: "Dates", kind: SymbolKind.Key },
];

export function documentSymbols(document: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const whole = toRange(document, 0, document.getText().length);
  const children: DocumentSymbol[] = [];
  for (const group of GROUPS) {
    const entities = distinct(analysis.entities.filter((e) => e.type === group.type));
    if (entities.length === 0) continue;
    const symbols = entities.map(({ entity, count }) => {
      const range = toRange(document, entity.start, entity.end);
      return { name: nameOf(entity), detail: detailOf(entity, count), kind: group.kind, range, selectionRange: range };
    });
    children.push({ name: group.name, detail: String(entities.length), kind: SymbolKind.Namespace, range: whole, selectionRange: symbols[0]!.range, children: symbols });
  }
  const title = analysis.article.title ?? "Article";
  const titleRange = analysis.article.titleSpan ? toRange(document, analysis.article.titleSpan.start, analysis.article.titleSpan.end) : toRange(document, 0, 0);
  return [{ name: title, detail: analysis.article.published ?? "", kind: SymbolKind.File, range: whole, selectionRange: titleRange, children }];
}

/** One entry per person (by full name) and per distinct text for other types, with how many times it occurs. */
function distinct(entities: Entity[]): { entity: Entity; count: number }[] {
  const byKey = new Map<string, { entity: Entity; count: number }>();
  for (const entity of entities) {
    const key = entity.type === "person" ? (entity.attributes as PersonAttributes).canonical : entity.text;
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { entity, count: 1 });
  }
  return [...byKey.values()];
}

function nameOf(entity: Entity): string {
  return entity.type === "person" ? (entity.attributes as PersonAttributes).canonical : entity.text;
}

function detailOf(entity: Entity, count: number): string {
  const person = entity.type === "person" ? (entity.attributes as PersonAttributes) : undefined;
  return [person?.role, person?.country, count > 1 ? `${count}×` : ""].filter(Boolean).join(" · ");
}
