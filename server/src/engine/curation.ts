/**
 * Curation: what a person does to a record, as pure functions from a record (and the article's
 * text) to the next record. Every decision is stamped with who and when (`Decision`); any change a
 * person makes to an entity makes it theirs (`origin: "manual"`), a rejection keeps the detection
 * from coming back (DESIGN.md, "Curation"). The caller merges the result with a fresh analysis
 * (`mergeRecords`), which also brings the review state and the selectors up to date.
 *
 * Entities are named by `EntityTarget` (type and span, as shown in the editor; or the id, which
 * orphans need). Offsets are UTF-16 code units into `text`, ranges end-exclusive. A target that is
 * not in the record leaves it unchanged (`changed: false`), so a stale request does no harm.
 */
import { quoteSelector } from "./anchoring";
import type { AnnotatedRecord, Decision, RecordEntity } from "./record";
import { idMaker } from "./ids";
import { reviewState } from "./recordMerge";
import { boundaryAtOrAfter, boundaryAtOrBefore, isCodePointBoundary, isWordCharAt, isWordCharBefore } from "./text/codePoints";
import { LineIndex } from "./text/lines";
import { foldValue } from "./text/fold";
import type { EntityAttributesByType, EntityType } from "./types";

/** An entity of the record: its id, or its type and span. */
export type EntityTarget = { id: string } | { type: EntityType; start: number; end: number };

/** Who decides and when: `by` the annotator's name, `at` an ISO 8601 date-time. */
export type Decider = Omit<Decision, "action">;

export interface CurationResult {
  record: AnnotatedRecord;
  /** Whether anything changed. */
  changed: boolean;
  /** How many entities the action touched (all occurrences: each one). */
  count: number;
}

/** Finds the entity a target names (an orphan only by id). */
export function findEntity(record: AnnotatedRecord, target: EntityTarget): RecordEntity | undefined {
  if ("id" in target) return record.entities.find((e) => e.id === target.id);
  return record.entities.find((e) => !e.orphaned && e.type === target.type && e.start === target.start && e.end === target.end);
}

/**
 * Where `needle` stands in `text` as a whole word sequence: not inside a longer word (a letter,
 * mark or digit on either side), never splitting a surrogate pair. Offsets in UTF-16 code units.
 */
export function occurrences(text: string, needle: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (needle === "") return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (!isCodePointBoundary(text, at) || !isCodePointBoundary(text, end)) continue;
    if ((isWordCharAt(needle, 0) && isWordCharBefore(text, at)) || (isWordCharBefore(needle, needle.length) && isWordCharAt(text, end))) continue;
    found.push({ start: at, end });
  }
  return found;
}

/**
 * Annotates `text[start, end)` as `type` (with `attributes`), and with `allOccurrences` every other
 * place the same text stands as whole words. Spans already holding a person's entity of that type
 * are left alone. Throws RangeError for an empty or out-of-range span.
 */
export function annotateSpan<T extends EntityType>(
  record: AnnotatedRecord,
  text: string,
  span: { start: number; end: number },
  type: T,
  attributes: EntityAttributesByType[T],
  decider: Decider,
  options: { allOccurrences?: boolean } = {},
): CurationResult {
  span = tidySpan(text, span);
  if (!(0 <= span.start && span.start < span.end && span.end <= text.length)) throw new RangeError(`no text to annotate at ${span.start}..${span.end}`);
  const quote = text.slice(span.start, span.end);
  const spans = options.allOccurrences ? occurrences(text, quote) : [span];
  if (!spans.some((s) => s.start === span.start)) spans.push(span);
  const index = new LineIndex(text);
  const ids = idMaker(record.entities.map((e) => e.id), "m");
  const added: RecordEntity[] = [];
  for (const { start, end } of spans) {
    if (record.entities.some((e) => e.origin === "manual" && !e.orphaned && e.type === type && e.start === start && e.end === end)) continue;
    const { prefix, suffix } = quoteSelector(text, start, end);
    const entity = {
      id: ids(),
      type,
      text: text.slice(start, end),
      start,
      end,
      ...index.positionAt(start),
      attributes: structuredClone(attributes),
      origin: "manual",
      rule: "manual",
      decision: { action: "added", ...decider },
      selector: { prefix, suffix },
    } as RecordEntity;
    added.push(entity);
  }
  return result(record, [...record.entities, ...added], added.length);
}

/** Accepts a suggestion as it is (it becomes the person's); `changed: false` if it is not a suggestion. */
export function accept(record: AnnotatedRecord, target: EntityTarget, decider: Decider): CurationResult {
  const entity = findEntity(record, target);
  if (!entity || entity.origin !== "auto") return result(record, record.entities, 0);
  return replace(record, entity, { ...entity, origin: "manual", decision: { action: "accepted", ...decider } });
}

/** Accepts every suggestion of the article. */
export function acceptAll(record: AnnotatedRecord, decider: Decider): CurationResult {
  let count = 0;
  const entities = record.entities.map((e): RecordEntity => {
    if (e.origin !== "auto") return e;
    count++;
    return { ...e, origin: "manual", decision: { action: "accepted", ...decider } };
  });
  return result(record, entities, count);
}

/**
 * Rejects an entity ("not a person"): a suggestion or a person's entity detected by the engine
 * becomes `rejected`; one a person added is removed. With `allOccurrences`, every entity of the
 * same type and text is rejected too.
 */
export function reject(record: AnnotatedRecord, target: EntityTarget, decider: Decider, options: { allOccurrences?: boolean } = {}): CurationResult {
  const entity = findEntity(record, target);
  if (!entity) return result(record, record.entities, 0);
  const hit = (e: RecordEntity): boolean => e === entity || (options.allOccurrences === true && !e.orphaned && e.origin !== "rejected" && e.type === entity.type && e.text === entity.text);
  let count = 0;
  const entities = record.entities.flatMap((e): RecordEntity[] => {
    if (!hit(e)) return [e];
    count++;
    if (e.rule === "manual") return []; // a person's own: nothing to keep from coming back
    return [{ ...e, origin: "rejected", decision: { action: "rejected", ...decider } }];
  });
  return result(record, entities, count);
}

/**
 * Gives an entity another type, with `attributes` for it; the entity becomes the person's. The old
 * detection is kept rejected, so the engine does not suggest the old type again.
 */
export function changeType<T extends EntityType>(record: AnnotatedRecord, target: EntityTarget, type: T, attributes: EntityAttributesByType[T], decider: Decider): CurationResult {
  const entity = findEntity(record, target);
  if (!entity || entity.type === type) return result(record, record.entities, 0);
  const ids = idMaker(record.entities.map((e) => e.id), "m");
  const retyped = { ...entity, id: entity.origin === "auto" ? ids() : entity.id, type, attributes: structuredClone(attributes), origin: "manual", decision: { action: "edited", ...decider } } as RecordEntity;
  const entities = record.entities.flatMap((e): RecordEntity[] => {
    if (e !== entity) return [e];
    if (e.rule === "manual") return [retyped];
    // The detection of the old type stays rejected, so it does not come back beside the new one.
    return [{ ...e, origin: "rejected", decision: { action: "rejected", ...decider } }, retyped];
  });
  return result(record, entities, 1);
}

/**
 * Sets (or, with `value` undefined, removes) one attribute of an entity; it becomes the person's.
 * The caller checks the value against the schema (the record is validated before it is written).
 */
export function setAttribute(record: AnnotatedRecord, target: EntityTarget, name: string, value: unknown, decider: Decider): CurationResult {
  const entity = findEntity(record, target);
  if (!entity || entity.origin === "rejected") return result(record, record.entities, 0);
  const attributes: Record<string, unknown> = { ...entity.attributes };
  if (value === undefined) delete attributes[name];
  else attributes[name] = value;
  const action = entity.decision?.action === "added" ? "added" : "edited";
  return replace(record, entity, { ...entity, attributes, origin: "manual", decision: { action, ...decider } } as RecordEntity);
}

/**
 * Takes back a decision: a person's entity they added is removed; an accepted, edited or rejected
 * detection is removed from the record, so the engine's suggestion (if it still makes one) returns.
 * Orphans are deleted this way too.
 */
export function remove(record: AnnotatedRecord, target: EntityTarget): CurationResult {
  const entity = findEntity(record, target);
  if (!entity || entity.origin === "auto") return result(record, record.entities, 0);
  return result(record, record.entities.filter((e) => e !== entity), 1);
}

/** Re-attaches an orphan to `text[start, end)`, the text a person chose for it; it is no longer orphaned. Not an orphan: unchanged. */
export function reattach(record: AnnotatedRecord, text: string, id: string, span: { start: number; end: number }, decider: Decider): CurationResult {
  const entity = record.entities.find((e) => e.id === id);
  span = tidySpan(text, span);
  if (!entity?.orphaned || !(0 <= span.start && span.start < span.end && span.end <= text.length)) return result(record, record.entities, 0);
  const { orphaned: _orphaned, ...rest } = entity;
  const { prefix, suffix } = quoteSelector(text, span.start, span.end);
  const action = entity.origin === "rejected" ? "rejected" : entity.decision?.action === "added" ? "added" : "edited";
  const moved = { ...rest, text: text.slice(span.start, span.end), start: span.start, end: span.end, ...new LineIndex(text).positionAt(span.start), decision: { action, ...decider }, selector: { prefix, suffix } } as RecordEntity;
  return replace(record, entity, moved);
}

/**
 * A person's selection as an entity's span: white space at either end left out (a double click or
 * a sloppy drag takes it along), and ends moved out to whole code points (never half an emoji).
 * Offsets are clamped to the text.
 */
export function tidySpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let start = boundaryAtOrBefore(text, Math.max(0, Math.min(span.start, text.length)));
  let end = boundaryAtOrAfter(text, Math.max(start, Math.min(span.end, text.length)));
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

function replace(record: AnnotatedRecord, old: RecordEntity, next: RecordEntity): CurationResult {
  return result(
    record,
    record.entities.map((e) => (e === old ? next : e)),
    1,
  );
}

function result(record: AnnotatedRecord, entities: RecordEntity[], count: number): CurationResult {
  if (count === 0) return { record, changed: false, count };
  const sorted = [...entities].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  return { record: { ...record, review: reviewState(sorted), entities: sorted }, changed: true, count };
}

/**
 * Attributes for a new entity of `type` whose text is `text`, when the engine parsed nothing more:
 * what the schema requires, filled from the text (a person's or an organization's canonical name is
 * the text itself). Amounts (a value and a unit) and a person's labels (which label) have no blank
 * attributes: undefined.
 */
/**
 * The attributes of a detection copied onto a span a person chose (`quote`, where the engine found
 * `detected`): a person's or an organization's canonical name follows the chosen text when it was
 * the detected text (so "Bùi Thanh" chosen over the detection "Bùi Thanh Sơn" is its own name), and
 * is kept when it came from elsewhere (a short form's full name). A deep copy.
 */
export function attributesForSpan(attributes: object, type: EntityType, quote: string, detected: string): Record<string, unknown> {
  const copy = structuredClone(attributes) as Record<string, unknown>;
  if ((type === "person" || type === "organization") && (copy.canonical === undefined || copy.canonical === detected)) copy.canonical = foldValue(quote).trim();
  return copy;
}

export function blankAttributes<T extends EntityType>(type: T, text: string): EntityAttributesByType[T] | undefined;
export function blankAttributes(type: EntityType, text: string): EntityAttributesByType[EntityType] | undefined {
  const name = text.replace(/\s+/g, " ").trim();
  switch (type) {
    case "person":
      return { canonical: name, nameStyle: /^\p{Lu}[\p{Ll}\p{M}]*( \p{Lu}[\p{Ll}\p{M}]*){1,4}$/u.test(name) && /[\u00C0-\u1EF9]/u.test(name) ? "vietnamese" : "foreign" };
    case "forum":
      return { kind: "other" };
    case "amount":
      return undefined;
    case "date":
    case "location":
      return {};
    case "organization":
      return { canonical: name };
    case "custom":
      return undefined; // the label must be named
    default: {
      const missing: never = type;
      return missing;
    }
  }
}
