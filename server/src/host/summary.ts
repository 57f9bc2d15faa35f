/**
 * The one summary of an article, for every place that shows counts (the CLI's table, the CodeLens,
 * the status bar, the outline's groups): what each number counts is fixed by `ENTITY_KINDS[type].counted`
 * — people and forums once each however often mentioned, amounts and dates at every mention.
 */
import * as l10n from "@vscode/l10n";
import { ENTITY_KINDS, ENTITY_TYPES, entityName, type BoilerplateFinding, type EntityType, type RecordBoilerplate } from "../engine";

export interface CountsSummary {
  /** Per type, the number shown: distinct entities or mentions, as `ENTITY_KINDS[type].counted` says. */
  counts: Record<EntityType, number>;
  /** Per type, every mention. */
  mentions: Record<EntityType, number>;
  /** Lines that are debris (whole-line findings), each counted once. */
  debrisLines: number;
}

/** Counts of `entities` and debris lines; accepts an analysis's or a record's entities and findings. */
export function summarizeCounts(
  entities: readonly { type: EntityType; text: string; attributes: object }[],
  boilerplate: readonly (Pick<BoilerplateFinding, "scope" | "startLine" | "endLine"> | RecordBoilerplate)[],
): CountsSummary {
  const names = new Map<EntityType, Set<string>>(ENTITY_TYPES.map((type) => [type, new Set()]));
  const mentions = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>;
  for (const entity of entities) {
    mentions[entity.type]++;
    names.get(entity.type)!.add(entityName(entity));
  }
  const counts = Object.fromEntries(ENTITY_TYPES.map((type) => [type, ENTITY_KINDS[type].counted === "distinct" ? names.get(type)!.size : mentions[type]])) as Record<EntityType, number>;
  const debris = new Set<number>();
  for (const finding of boilerplate) if (finding.scope === "lines") for (let line = finding.startLine; line <= finding.endLine; line++) debris.add(line);
  return { counts, mentions, debrisLines: debris.size };
}

/** "2 people · 3 forums · 4 amounts · 5 lines of debris": the types `ENTITY_KINDS[type].inSummaryLine` asks for. */
export function countsText(summary: CountsSummary): string {
  const shown = ENTITY_TYPES.filter((type) => ENTITY_KINDS[type].inSummaryLine === "always" || (ENTITY_KINDS[type].inSummaryLine === "when-present" && summary.mentions[type] > 0));
  const debris = summary.debrisLines === 1 ? l10n.t("1 line of debris") : l10n.t("{0} lines of debris", summary.debrisLines);
  return [...shown.map((type) => countOf(type, summary.counts[type])), debris].join(" · ");
}

/** "3 people", "1 forum": a count of one entity type, in the language in use (one template for 1, one for any other number). */
export function countOf(type: EntityType, n: number): string {
  switch (type) {
    case "person":
      return n === 1 ? l10n.t("1 person") : l10n.t("{0} people", n);
    case "forum":
      return n === 1 ? l10n.t("1 forum") : l10n.t("{0} forums", n);
    case "amount":
      return n === 1 ? l10n.t("1 amount") : l10n.t("{0} amounts", n);
    case "date":
      return n === 1 ? l10n.t("1 date") : l10n.t("{0} dates", n);
    case "organization":
      return n === 1 ? l10n.t("1 organization") : l10n.t("{0} organizations", n);
    case "location":
      return n === 1 ? l10n.t("1 location") : l10n.t("{0} locations", n);
    case "custom":
      return n === 1 ? l10n.t("1 label") : l10n.t("{0} labels", n);
  }
}

/** An entity type's plural as a column heading or in a list ("people", "forums"), in the language in use. */
export function typeHeading(type: EntityType): string {
  switch (type) {
    case "person":
      return l10n.t("people");
    case "forum":
      return l10n.t("forums");
    case "amount":
      return l10n.t("amounts");
    case "date":
      return l10n.t("dates");
    case "organization":
      return l10n.t("organizations");
    case "location":
      return l10n.t("locations");
    case "custom":
      return l10n.t("labels");
  }
}
