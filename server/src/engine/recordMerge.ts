/**
 * Emitting a record again (DESIGN.md, "Curation"): the fresh detections replace the old automatic
 * ones, and what a person decided survives. Entities of a person (`manual`: added, accepted,
 * retyped, edited) and rejected detections are kept and found again in the new text by their quote
 * and context (engine/anchoring.ts: in place, else the occurrence whose context matches, else a
 * fuzzy match above a threshold); one that cannot be found is kept as `orphaned` with its last known
 * quote and place, never dropped and never moved onto other text. A rejected detection keeps its
 * twin from coming back; a person's entity suppresses every automatic one it overlaps.
 */
import { anchorAll, quoteSelector, type AnchorTarget, type Anchoring } from "./anchoring";
import type { AnnotatedRecord, RecordEntity, ReviewState } from "./record";
import { idMaker, uniqueIds } from "./ids";
import { LineIndex } from "./text/lines";

/** The entities a person decided on: everything but the engine's unreviewed suggestions. */
export function isDecided(entity: RecordEntity): boolean {
  return entity.origin !== "auto";
}

/**
 * Merges a previous record into a fresh one of `text` (the text `fresh` was built from). Without a
 * previous record, `fresh` is returned with its review state. `hints` (optional, by entity id) give
 * where a decided entity is expected now, e.g. its old start mapped through an editor's edits.
 */
export function mergeRecords(previous: AnnotatedRecord | undefined, fresh: AnnotatedRecord, text: string, hints?: ReadonlyMap<string, number>): AnnotatedRecord {
  const kept = uniqueIds(reanchor(previous?.entities.filter(isDecided) ?? [], text, hints));
  const placed = kept.filter((e) => !e.orphaned);
  const rejected = new Set(placed.filter((e) => e.origin === "rejected").map(key));
  const personal = placed.filter((e) => e.origin === "manual");
  const nextId = idMaker(kept.map((e) => e.id), "e");
  const auto = fresh.entities
    .filter((e) => e.origin === "auto")
    // A rejected detection stays rejected; a person's entity suppresses every automatic one it overlaps.
    .filter((e) => !rejected.has(key(e)) && !personal.some((p) => p.start < e.end && e.start < p.end))
    .map((e) => ({ ...e, id: nextId() }));
  const entities = [...kept, ...auto].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  return { ...fresh, review: reviewState(entities), entities };
}

/** The review state of a record's entities: suggestions left, who decided and when last. */
export function reviewState(entities: readonly RecordEntity[]): ReviewState {
  const decisions = entities.flatMap((e) => (e.decision ? [e.decision] : []));
  const state: ReviewState = { suggestionsLeft: entities.filter((e) => e.origin === "auto").length };
  if (decisions.length > 0) {
    state.reviewedBy = [...new Set(decisions.map((d) => d.by))].sort();
    state.reviewedAt = decisions.map((d) => d.at).sort().at(-1)!;
  }
  return state;
}

/**
 * Each decided entity where its quote now stands in `text`, with its position, quote and context
 * brought up to date; `orphaned: true` (old quote and place kept) when it cannot be found.
 */
export function reanchor(entities: readonly RecordEntity[], text: string, hints?: ReadonlyMap<string, number>): RecordEntity[] {
  const targets: AnchorTarget[] = entities.map((e) => ({ start: e.start, end: e.end, quote: { exact: e.text, prefix: e.selector?.prefix ?? "", suffix: e.selector?.suffix ?? "" } }));
  const found = anchorAll(text, targets, entities.map((e) => hints?.get(e.id)));
  const index = new LineIndex(text);
  return entities.map((entity, k) => placeAt(entity, found[k]!, text, index));
}

function placeAt(entity: RecordEntity, anchoring: Anchoring, text: string, index: LineIndex): RecordEntity {
  if (anchoring.kind === "orphaned") {
    if (entity.orphaned) return entity;
    return { ...entity, orphaned: true, selector: entity.selector ?? { prefix: "", suffix: "" } };
  }
  const { orphaned: _orphaned, ...rest } = entity;
  const { prefix, suffix } = quoteSelector(text, anchoring.start, anchoring.end);
  return { ...rest, text: text.slice(anchoring.start, anchoring.end), start: anchoring.start, end: anchoring.end, ...index.positionAt(anchoring.start), selector: { prefix, suffix } };
}

function key(entity: RecordEntity): string {
  return `${entity.type}:${entity.start}:${entity.end}`;
}
