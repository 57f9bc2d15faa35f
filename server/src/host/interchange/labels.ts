/**
 * The labels other tools see, and the way back. Built-in entity types take CoNLL-2003's names where
 * it has one (PER, ORG, LOC: Tjong Kim Sang & De Meulder 2003) and an upper-case name of their own
 * otherwise; a span of a person's own label (`articleAnnotator.labels`, entity type `custom`) is
 * exported under the label's id. On import, the usual names of other tools' default label sets
 * (spaCy's and OntoNotes' PERSON, GPE, MONEY, …; Label Studio's "Person") are read too, in any case.
 */
import type { EntityType } from "../../engine";
import type { LabelDefinition } from "../settings";

export type BuiltInType = Exclude<EntityType, "custom">;

/** The label each built-in type is exported under, in display order. */
export const TYPE_LABELS: Readonly<Record<BuiltInType, string>> = {
  person: "PER",
  forum: "FORUM",
  amount: "AMOUNT",
  date: "DATE",
  organization: "ORG",
  location: "LOC",
};

/** Other names for the built-in types that imports accept (upper case). OntoNotes 5 / spaCy: PERSON, ORG, GPE, LOC, MONEY, PERCENT, QUANTITY, DATE, EVENT. */
const SYNONYMS: Readonly<Record<string, BuiltInType>> = {
  PERSON: "person",
  ORGANIZATION: "organization",
  ORGANISATION: "organization",
  LOCATION: "location",
  GPE: "location",
  MONEY: "amount",
  PERCENT: "amount",
  QUANTITY: "amount",
  EVENT: "forum",
};

/** The label of an entity: its type's, or a custom entity's own label id. */
export function labelOf(entity: { type: EntityType; attributes: object }): string {
  if (entity.type === "custom") {
    const label = (entity.attributes as { label?: unknown }).label;
    return typeof label === "string" && label !== "" ? label : "custom";
  }
  return TYPE_LABELS[entity.type];
}

/** What a label from another tool means here. */
export type ResolvedLabel = { type: BuiltInType } | { type: "custom"; label: string };

/**
 * The entity type of `label`: a custom label of the settings by id (exactly) or by name (any
 * case), else a built-in label or synonym (any case). Undefined when it is none of them: the
 * caller reports it, naming the settings' `labels` where it can be defined.
 */
export function resolveLabel(label: string, custom: readonly LabelDefinition[]): ResolvedLabel | undefined {
  const own = custom.find((l) => l.id === label) ?? custom.find((l) => l.name.toLowerCase() === label.toLowerCase());
  if (own) return { type: "custom", label: own.id };
  const builtIn = builtInType(label);
  if (builtIn) return { type: builtIn };
  const synonym = SYNONYMS[label.trim().toUpperCase()];
  return synonym ? { type: synonym } : undefined;
}

/**
 * Whether `id` is a built-in type's label or name in any case ("PER", "per", "person"): a label of
 * a person's own by that id would be exported as the built-in one. (The other tools' synonyms,
 * "EVENT" or "MONEY", may be one's own labels: on import one's own label wins.)
 */
export function isBuiltInLabel(id: string): boolean {
  return builtInType(id) !== undefined;
}

/** The built-in type whose label or name `label` is, in any case. */
function builtInType(label: string): BuiltInType | undefined {
  const upper = label.trim().toUpperCase();
  return (Object.keys(TYPE_LABELS) as BuiltInType[]).find((type) => TYPE_LABELS[type] === upper || type.toUpperCase() === upper);
}

/** Every label an export may use, for formats that declare them (brat's annotation.conf, Label Studio's config). */
export function exportLabels(custom: readonly LabelDefinition[]): { label: string; name: string; color?: string }[] {
  return [
    ...(Object.keys(TYPE_LABELS) as BuiltInType[]).map((type) => ({ label: TYPE_LABELS[type], name: type })),
    ...custom.map((l) => ({ label: l.id, name: l.name, ...(l.color ? { color: l.color } : {}) })),
  ];
}
