/** Document symbols (the outline): the title, then entities by type, one symbol per person; words in the language in use. */
import * as l10n from "@vscode/l10n";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { ENTITY_KINDS, ENTITY_TYPES, entityName, type Analysis, type Entity } from "../engine";
import { toRange } from "./convert";
import { entityTypeLabel, officeLabel } from "../host/labels";

/** One outline group per entity type, named by its plural in the language in use ("People"). */
function groups(): { type: (typeof ENTITY_TYPES)[number]; name: string; kind: SymbolKind }[] {
  return ENTITY_TYPES.map((type) => {
    const plural = entityTypeLabel(type, true);
    return { type, name: plural.charAt(0).toLocaleUpperCase() + plural.slice(1), kind: SymbolKind[ENTITY_KINDS[type].symbolKind] };
  });
}

export function documentSymbols(document: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const whole = toRange(document, 0, document.getText().length);
  const children: DocumentSymbol[] = [];
  for (const group of groups()) {
    const entities = distinct(analysis.entities.filter((e) => e.type === group.type));
    if (entities.length === 0) continue;
    const symbols = entities.map(({ entity, count }) => {
      const range = toRange(document, entity.start, entity.end);
      return { name: entityName(entity), detail: detailOf(entity, count), kind: group.kind, range, selectionRange: range };
    });
    children.push({ name: group.name, detail: String(entities.length), kind: SymbolKind.Namespace, range: whole, selectionRange: symbols[0]!.range, children: symbols });
  }
  const title = analysis.article.title ?? l10n.t("Article");
  const titleRange = analysis.article.titleSpan ? toRange(document, analysis.article.titleSpan.start, analysis.article.titleSpan.end) : toRange(document, 0, 0);
  return [{ name: title, detail: analysis.article.published ?? "", kind: SymbolKind.File, range: whole, selectionRange: titleRange, children }];
}

/** One entry per name (a person's canonical name, else the text), with how many times it occurs. */
function distinct(entities: Entity[]): { entity: Entity; count: number }[] {
  const byKey = new Map<string, { entity: Entity; count: number }>();
  for (const entity of entities) {
    const key = entityName(entity);
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { entity, count: 1 });
  }
  return [...byKey.values()];
}

function detailOf(entity: Entity, count: number): string {
  const person = entity.type === "person" ? entity.attributes : undefined;
  const office = person && (person.role || person.portfolio || person.country) ? officeLabel({ role: person.role, portfolio: person.portfolio, country: person.country }) : "";
  return [office, count > 1 ? `${count}×` : ""].filter(Boolean).join(" · ");
}
