/**
 * The one summary of an article, for every place that shows counts (the CLI's table, the CodeLens,
 * the status bar, the outline's groups): what each number counts is fixed by `ENTITY_KINDS[type].counted`
 * — people and forums once each however often mentioned, amounts and dates at every mention.
 */
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
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const shown = ENTITY_TYPES.filter((type) => ENTITY_KINDS[type].inSummaryLine === "always" || (ENTITY_KINDS[type].inSummaryLine === "when-present" && summary.mentions[type] > 0));
  return [...shown.map((type) => plural(summary.counts[type], ENTITY_KINDS[type].label, ENTITY_KINDS[type].plural)), plural(summary.debrisLines, "line of debris", "lines of debris")].join(" · ");
}
