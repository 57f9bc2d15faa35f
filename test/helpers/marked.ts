import assert from "node:assert/strict";
import { analyze, type Entity, type EntityType } from "../../server/src/engine";

/**
 * Data-driven detector checks: the text marks the expected spans with [[…]]; the check asserts that
 * exactly those spans, and no others, are found for `type`. Returns the entities for further asserts.
 */
export function check(marked: string, type: EntityType): Entity[] {
  const expected: string[] = [];
  let text = "";
  let last = 0;
  for (const match of marked.matchAll(/\[\[(.+?)\]\]/gu)) {
    text += marked.slice(last, match.index);
    expected.push(`${text.length}:${match[1]}`);
    text += match[1];
    last = match.index + match[0].length;
  }
  text += marked.slice(last);
  const found = analyze(text).entities.filter((e) => e.type === type);
  assert.deepEqual(
    found.map((e) => `${e.start}:${e.text}`),
    expected,
    `${type} spans in: ${text}`,
  );
  return found;
}
