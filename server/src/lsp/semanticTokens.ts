/** Semantic tokens for entities; `package.json` maps each type to TextMate scopes so every theme colors them. */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { ENTITY_KINDS, ENTITY_TYPES, type Analysis } from "../engine";

/** One token type per entity type (`ENTITY_KINDS[type].semanticToken`, declared in package.json's `semanticTokenTypes`). */
const TOKEN_TYPES = ENTITY_TYPES.map((type) => ENTITY_KINDS[type].semanticToken);
/**
 * Modifiers tell a person's entities from the engine's suggestions: `suggestion` (not reviewed),
 * `accepted` (a suggestion a person accepted), `manual` (added or edited by a person); declared in
 * package.json's `semanticTokenModifiers`.
 */
const MODIFIERS = ["suggestion", "accepted", "manual"] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: TOKEN_TYPES, tokenModifiers: [...MODIFIERS] };

/** The modifier bits of an entity (a record entity carries its origin and decision; a bare analysis entity is a suggestion). */
function modifiersOf(entity: object): number {
  const { origin, decision } = entity as { origin?: string; decision?: { action?: string } };
  if (origin === "manual") return 1 << MODIFIERS.indexOf(decision?.action === "accepted" ? "accepted" : "manual");
  return 1 << MODIFIERS.indexOf("suggestion");
}

export function semanticTokens(document: TextDocument, analysis: Analysis): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const entities = [...analysis.entities].sort((a, b) => a.start - b.start);
  let reach = 0;
  for (const entity of entities) {
    if (entity.start < reach) continue; // tokens may not overlap
    const type = TOKEN_TYPES.indexOf(ENTITY_KINDS[entity.type].semanticToken);
    // A token lies on one line: an entity across a line break is split.
    let start = entity.start;
    while (start < entity.end) {
      const position = document.positionAt(start);
      const lineEnd = document.offsetAt({ line: position.line + 1, character: 0 });
      const end = Math.min(entity.end, lineEnd > start ? lineEnd : entity.end);
      const text = document.getText().slice(start, end).replace(/[\r\n]+$/, "");
      if (text.length > 0) builder.push(position.line, position.character, text.length, type, modifiersOf(entity));
      start = end;
    }
    reach = entity.end;
  }
  return builder.build();
}
