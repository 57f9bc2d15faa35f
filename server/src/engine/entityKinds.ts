/**
 * The entity types as every front door shows them: one entry per type, so a new type is one entry
 * here (the `Record` makes the compiler ask for it) plus its attributes in `EntityAttributesByType`.
 */
import { foldValue } from "./text/fold";
import type { EntityType } from "./types";

/** LSP symbol kinds by name (the engine does not import LSP; front doors map the name to the number). */
export type SymbolKindName = "Object" | "Event" | "Number" | "Key" | "Class" | "Field" | "Property";

export interface EntityKind {
  type: EntityType;
  /** Singular label ("person"). */
  label: string;
  /** Plural label ("people"); also the outline group, capitalized. */
  plural: string;
  /** The semantic token type (LSP `SemanticTokenTypes`-style id, declared in package.json). */
  semanticToken: string;
  /** The symbol kind of its outline and workspace-symbol entries. */
  symbolKind: SymbolKindName;
  /**
   * How a summary counts it: "distinct" counts each person (by canonical name) or forum (by text)
   * once however often it is mentioned; "mentions" counts every occurrence.
   */
  counted: "distinct" | "mentions";
  /** Listed in workspace symbol search. */
  inWorkspaceSymbols: boolean;
  /** In the one-line summary (CodeLens, status bar): always, only when the article has one, or never (dates: every dateline has one). */
  inSummaryLine: "always" | "when-present" | "never";
}

export const ENTITY_KINDS: Readonly<Record<EntityType, EntityKind>> = {
  person: { type: "person", label: "person", plural: "people", semanticToken: "person", symbolKind: "Object", counted: "distinct", inWorkspaceSymbols: true, inSummaryLine: "always" },
  forum: { type: "forum", label: "forum", plural: "forums", semanticToken: "forum", symbolKind: "Event", counted: "distinct", inWorkspaceSymbols: true, inSummaryLine: "always" },
  amount: { type: "amount", label: "amount", plural: "amounts", semanticToken: "amount", symbolKind: "Number", counted: "mentions", inWorkspaceSymbols: false, inSummaryLine: "always" },
  date: { type: "date", label: "date", plural: "dates", semanticToken: "date", symbolKind: "Key", counted: "mentions", inWorkspaceSymbols: false, inSummaryLine: "never" },
  organization: { type: "organization", label: "organization", plural: "organizations", semanticToken: "organization", symbolKind: "Class", counted: "distinct", inWorkspaceSymbols: true, inSummaryLine: "when-present" },
  location: { type: "location", label: "location", plural: "locations", semanticToken: "location", symbolKind: "Field", counted: "distinct", inWorkspaceSymbols: false, inSummaryLine: "when-present" },
  // A person's own labels (articleAnnotator.labels): one type, the label in its attributes.
  custom: { type: "custom", label: "label", plural: "labels", semanticToken: "label", symbolKind: "Property", counted: "distinct", inWorkspaceSymbols: false, inSummaryLine: "when-present" },
};

/** The entity types in display order. */
export const ENTITY_TYPES = Object.keys(ENTITY_KINDS) as EntityType[];

/** The types the engine's entities can have and a person picks from a list: all but `custom`, whose labels come from the settings. */
export const BUILT_IN_TYPES = ENTITY_TYPES.filter((type) => type !== "custom");

/** Whether `value` names an entity type. */
export function isEntityType(value: unknown): value is EntityType {
  return typeof value === "string" && Object.hasOwn(ENTITY_KINDS, value);
}

/**
 * The name an entity is counted and listed under: a person's canonical name, another entity's
 * canonical name when it has one, else its text; folded as a value (`foldValue`: no invisible
 * characters, no look-alike letters, single spaces), so spellings a reader cannot tell apart are one name.
 */
export function entityName(entity: { type: EntityType; text: string; attributes: object }): string {
  const canonical = (entity.attributes as { canonical?: unknown }).canonical;
  return foldValue(typeof canonical === "string" && canonical !== "" ? canonical : entity.text).trim();
}
