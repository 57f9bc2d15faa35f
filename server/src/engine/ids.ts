/** Entity ids in records: "e1", "e2"… for the engine's suggestions, "m1", "m2"… for a person's. */

/**
 * A maker of ids `${prefix}1`, `${prefix}2`… skipping every id in `used` and every one it made:
 * each call returns an id not used before. `used` is read once, at the start.
 */
export function idMaker(used: Iterable<string>, prefix: "e" | "m"): () => string {
  const taken = new Set(used);
  let next = 1;
  return () => {
    while (taken.has(`${prefix}${next}`)) next++;
    taken.add(`${prefix}${next}`);
    return `${prefix}${next}`;
  };
}

/**
 * The entities with every id used once: the second holder of an id (a record edited by hand) is
 * given a fresh one with `prefix`, unused by any of them.
 */
export function uniqueIds<T extends { id: string }>(entities: readonly T[], prefix: "e" | "m" = "m"): T[] {
  const fresh = idMaker(entities.map((e) => e.id), prefix);
  const seen = new Set<string>();
  return entities.map((entity) => {
    if (!seen.has(entity.id)) {
      seen.add(entity.id);
      return entity;
    }
    return { ...entity, id: fresh() };
  });
}
