/**
 * Emitting a record again: the fresh detections replace the old automatic ones, and what a person
 * did survives — entities added or corrected by hand (`origin: "manual"`) are kept, and a detection
 * marked wrong (`origin: "rejected"`) is kept and keeps its twin from coming back. When the text
 * changed, a kept entity moves to the nearest place its text still stands.
 */
import type { AnnotatedRecord, RecordEntity } from "./record";
import { isCodePointBoundary } from "./text/codePoints";

export function mergeRecords(previous: AnnotatedRecord | undefined, fresh: AnnotatedRecord, text: string): AnnotatedRecord {
  if (!previous) return fresh;
  const kept = previous.entities.filter((e) => e.origin === "manual" || e.origin === "rejected").map((e) => relocate(e, text));
  const rejected = new Set(kept.filter((e) => e.origin === "rejected").map(key));
  const manual = new Set(kept.filter((e) => e.origin === "manual").map((e) => `${e.start}:${e.end}`));
  const usedIds = new Set(kept.map((e) => e.id));
  let next = 1;
  const nextId = (): string => {
    while (usedIds.has(`e${next}`)) next++;
    usedIds.add(`e${next}`);
    return `e${next}`;
  };
  const auto = fresh.entities
    // A rejected detection stays rejected; a span a person annotated by hand is theirs.
    .filter((e) => !rejected.has(key(e)) && !manual.has(`${e.start}:${e.end}`))
    .map((e) => ({ ...e, id: nextId() }));
  return { ...fresh, entities: [...kept, ...auto].sort((a, b) => a.start - b.start || a.end - b.end) };
}

function key(entity: RecordEntity): string {
  return `${entity.type}:${entity.start}:${entity.end}`;
}

/**
 * The entity where its text now stands: in place, or at the nearest occurrence that starts and
 * ends between code points (not inside a surrogate pair); else unchanged. An empty text has no place.
 */
function relocate(entity: RecordEntity, text: string): RecordEntity {
  if (text.slice(entity.start, entity.end) === entity.text || entity.text === "") return entity;
  let best = -1;
  // indexOf moves on from `at + 1`: strictly forward, so the search ends.
  for (let at = text.indexOf(entity.text); at >= 0; at = text.indexOf(entity.text, at + 1)) {
    if (!isCodePointBoundary(text, at) || !isCodePointBoundary(text, at + entity.text.length)) continue;
    if (best < 0 || Math.abs(at - entity.start) < Math.abs(best - entity.start)) best = at;
  }
  if (best < 0) return entity;
  const before = text.slice(0, best);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const character = best - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) - 1;
  return { ...entity, start: best, end: best + entity.text.length, line, character };
}
