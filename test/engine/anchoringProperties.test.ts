/**
 * Properties of re-anchoring (server/src/engine/anchoring.ts) on generated articles and edits.
 * Seeded: PROPERTY_SEED (default 20261130) and PROPERTY_RUNS (default 200) set the seed and the
 * number of runs; a failure prints the seed and the shrunk counterexample.
 *
 * To make the properties exact, the quote in (a) and (b) is written in an alphabet the rest of the
 * text never uses (capitals and a mathematical capital, against lower case, punctuation and emoji
 * whose surrogate halves differ from the capital's): the quote is unique, and once deleted nothing
 * in the text is even a fuzzy match for it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { anchor, anchorAll, CONTEXT_LENGTH, editDistance, MIN_QUOTE_SIMILARITY, quoteSelector, type AnchorTarget, type Anchoring } from "../../server/src/engine/anchoring";
import { isCodePointBoundary } from "../../server/src/engine/text/codePoints";

const SEED = Number(process.env.PROPERTY_SEED ?? 20261130);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>): void {
  fc.assert(property, { seed: SEED, numRuns: RUNS });
}

/** Code points of the article around the quote: lower case, spaces, punctuation, line breaks, emoji. */
const TEXT_CHARS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãềếệộớờựữ  ,.;–\n", "😀", "🌾"];
/** Code points of the quote ("-" between its words): none of them, nor their surrogate halves, stand in the text. */
const QUOTE_CHARS = [..."ABCDĐEGHKLMNOÔƠPQRSTUƯVXYẠẾỘ-", "𝐀"];

const codePoints = (chars: readonly string[], maxLength: number, minLength = 0): fc.Arbitrary<string[]> =>
  fc.array(fc.constantFrom(...chars), { minLength, maxLength });

/** An edit of a list of code points: delete `remove` of them at `at`, insert `insert` there. */
interface Edit {
  at: number;
  remove: number;
  insert: string[];
}
const edits = (maxLength: number): fc.Arbitrary<Edit[]> =>
  fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: codePoints(TEXT_CHARS, 16) }), { maxLength });

/** Applies `edits` to `points[0, limit)` only (positions taken modulo that stretch); returns the new list. */
function applyEdits(points: readonly string[], edits: readonly Edit[], from: number, to: number): string[] {
  const result = [...points];
  let end = to;
  for (const edit of edits) {
    const at = from + (edit.at % (end - from + 1));
    const remove = Math.min(edit.remove, end - at);
    result.splice(at, remove, ...edit.insert);
    end += edit.insert.length - remove;
  }
  return result;
}

/** Levenshtein distance by the textbook dynamic programme, to check the module's own against. */
function naiveDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** What holds for any answer: in range, on code point boundaries, and never on text unlike the quote. */
function checkAnswer(text: string, target: AnchorTarget, expected: number, found: Anchoring): void {
  if (found.kind === "orphaned") return;
  assert.ok(0 <= found.start && found.start < found.end && found.end <= text.length, `in range: ${found.start}-${found.end}`);
  assert.ok(isCodePointBoundary(text, found.start) && isCodePointBoundary(text, found.end), "on code point boundaries");
  assert.ok(found.score >= 0 && found.score <= 1, `score ${found.score}`);
  const covered = text.slice(found.start, found.end);
  if (found.kind === "fuzzy") {
    const exact = target.quote.exact;
    assert.ok(naiveDistance(covered, exact) <= exact.length * (1 - MIN_QUOTE_SIMILARITY), `${JSON.stringify(covered)} is mostly ${JSON.stringify(exact)}`);
  } else {
    assert.equal(covered, target.quote.exact);
    assert.equal(found.kind === "in-place", found.start === expected, "in place exactly when at the expected start");
  }
}

/** An article: text, a quote in its own alphabet, text. */
const article = fc.record({
  left: codePoints(TEXT_CHARS, 120),
  quote: codePoints(QUOTE_CHARS, 20, 1),
  right: codePoints(TEXT_CHARS, 120),
});

test("(a) edits that leave the quote and its context intact: found exactly at its new place", () => {
  check(
    fc.property(article, edits(6), edits(6), ({ left, quote, right }, leftEdits, rightEdits) => {
      const before = left.join("") + quote.join("") + right.join("");
      const start = left.join("").length;
      const target: AnchorTarget = { start, end: start + quote.join("").length, quote: quoteSelector(before, start, start + quote.join("").length) };
      // The context is whole code points (quoteSelector never splits one): leave those alone.
      const keptBefore = [...target.quote.prefix].length;
      const keptAfter = [...target.quote.suffix].length;
      const newLeft = applyEdits(left, leftEdits, 0, left.length - keptBefore);
      const newRight = applyEdits(right, rightEdits, keptAfter, right.length);
      const after = newLeft.join("") + quote.join("") + newRight.join("");
      const newStart = newLeft.join("").length;
      const found = anchor(after, target);
      checkAnswer(after, target, start, found);
      assert.deepEqual(found.kind === "orphaned" ? found : [found.kind, found.start], [newStart === start ? "in-place" : "exact", newStart]);
      const hinted = anchor(after, target, newStart);
      assert.deepEqual(hinted.kind === "orphaned" ? hinted : [hinted.kind, hinted.start, hinted.score], ["in-place", newStart, 1]);
    }),
  );
});

test("(b) edits that delete the quote and some of its context: orphaned", () => {
  check(
    fc.property(article, fc.nat({ max: CONTEXT_LENGTH + 8 }), fc.nat({ max: CONTEXT_LENGTH + 8 }), edits(4), ({ left, quote, right }, cutBefore, cutAfter, more) => {
      const before = left.join("") + quote.join("") + right.join("");
      const start = left.join("").length;
      const target: AnchorTarget = { start, end: start + quote.join("").length, quote: quoteSelector(before, start, start + quote.join("").length) };
      const remaining = [...left.slice(0, Math.max(0, left.length - cutBefore)), ...right.slice(Math.min(right.length, cutAfter))];
      const after = applyEdits(remaining, more, 0, remaining.length).join("");
      assert.deepEqual(anchor(after, target), { kind: "orphaned" });
      assert.deepEqual(anchor(after, target, start), { kind: "orphaned" });
    }),
  );
});

/** Few syllables, so quotes recur, near matches abound, and edits make new ones. */
const SYLLABLES = ["ba ", "bà ", "na ", "minh ", "mính ", "hà ", "nội ", "\n", "😀", "ả", "a"];
const syllableText = (maxLength: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...SYLLABLES), { maxLength }).map((s) => s.join(""));

test("(c) any edits, many targets: anchorAll answers as anchor does, and never on text unlike the quote", () => {
  check(
    fc.property(
      syllableText(80),
      // `shift`: the stored start may be stale (the quote and context are what count).
      fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 0, max: 24 }), shift: fc.integer({ min: -3, max: 3 }), hint: fc.option(fc.integer({ min: -5, max: 400 }), { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: syllableText(6) }), { maxLength: 4 }),
      (before, spans, textEdits) => {
        const targets: AnchorTarget[] = spans.map(({ at, length, shift }) => {
          const start = before.length === 0 ? 0 : at % before.length;
          const quote = quoteSelector(before, start, start + length);
          return { start: start + shift, end: start + shift + quote.exact.length, quote };
        });
        let after = before;
        for (const edit of textEdits) {
          const at = edit.at % (after.length + 1);
          after = after.slice(0, at) + edit.insert + after.slice(at + edit.remove);
        }
        const hints = spans.map((span) => span.hint);
        const all = anchorAll(after, targets, hints);
        assert.deepEqual(all, targets.map((target, i) => anchor(after, target, hints[i])));
        all.forEach((found, i) => checkAnswer(after, targets[i]!, hints[i] ?? targets[i]!.start, found));
      },
    ),
  );
});

test("(d) editDistance is the Levenshtein distance, bit-parallel or not", () => {
  const units = fc.array(fc.constantFrom("a", "b", "ă", "\uD835", "\uDC00", " "), { maxLength: 45 }).map((s) => s.join(""));
  check(fc.property(units, units, (a, b) => assert.equal(editDistance(a, b), naiveDistance(a, b))));
});

test("(e) quoteSelector: the quote and up to 32 code units each side, as many as whole code points allow", () => {
  check(
    fc.property(codePoints([...TEXT_CHARS, "𝐀"], 100), fc.nat(), fc.nat({ max: 30 }), (points, at, length) => {
      const text = points.join("");
      // Offsets of code points, so the range is on boundaries and the expected quote is known.
      const first = at % (points.length + 1);
      const last = Math.min(points.length, first + length);
      const start = points.slice(0, first).join("").length;
      const end = start + points.slice(first, last).join("").length;
      const { exact, prefix, suffix } = quoteSelector(text, start, end);
      assert.equal(exact, text.slice(start, end));
      assert.equal(text.slice(start - prefix.length, start), prefix);
      assert.equal(text.slice(end, end + suffix.length), suffix);
      assert.ok(prefix.length <= CONTEXT_LENGTH && suffix.length <= CONTEXT_LENGTH);
      // As long as the text allows, one short only where the 32nd unit would be half a pair.
      assert.ok(prefix.length >= Math.min(start, CONTEXT_LENGTH - 1), `prefix of ${prefix.length}`);
      assert.ok(suffix.length >= Math.min(text.length - end, CONTEXT_LENGTH - 1), `suffix of ${suffix.length}`);
      assert.ok(isCodePointBoundary(text, start - prefix.length) && isCodePointBoundary(text, end + suffix.length));
    }),
  );
});
