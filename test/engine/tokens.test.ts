import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tokenize } from "../../server/src/engine/text/tokens";
import { isLetterAt, isLetterOrMarkAt, isNumberAt, isWordCharAt } from "../../server/src/engine/text/codePoints";

/**
 * The tokenizer is read by hand for speed; what it must give is what this regular expression gives
 * (words, apostrophes between letters, numbers, any other character alone), each token cut where a
 * segment ends. This reference is the tokenizer as it was written before (issue 17).
 */
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu;
const TOKEN_AT_START = new RegExp(`^(?:${TOKEN.source})`, "u");

function reference(text: string, offset: number, end: number): { text: string; folded: string; start: number; gap: string }[] {
  // Bounds moved inwards out of a surrogate pair, and the segment read on its own (as a copy).
  const inside = (k: number): boolean => k > 0 && k < text.length && /[\uDC00-\uDFFF]/.test(text[k]!) && /[\uD800-\uDBFF]/.test(text[k - 1]!);
  if (inside(offset)) offset++;
  if (inside(end)) end--;
  const source = text.slice(offset, end);
  const tokens: { text: string; folded: string; start: number; gap: string }[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const value = match[0].match(TOKEN_AT_START)![0];
    const gap = source.slice(last, match.index);
    tokens.push({ text: value, folded: value.toLowerCase(), start: match.index + offset, gap: /^ +$/.test(gap) ? " " : gap });
    last = match.index + value.length;
  }
  return tokens;
}

/** Letters, marks, digits, apostrophes, spaces of several kinds, astral letters and lone surrogate halves. */
const piece = fc.constantFrom("a", "B", "Σ", "ΟΔΟΣ", "Ⅻ", "ǅ", "K", "ệ", "Đ", "\u0301", "5", "²", "'", "’", " ", "  ", "\t", "\u00A0", "\u3000", "-", "(", ".", "𝐀", "𝟏", "😀", "\uD835", "\uDC00", "ǅ", "İ", "ß", "G20", "McDonald's");
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));

test("tokenize reads what the token regular expression reads, also inside a segment and across surrogate pairs", () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (value, a, b) => {
      const offset = Math.min(a, b) % (value.length + 1);
      const end = offset + (Math.max(a, b) % (value.length - offset + 1));
      const got = tokenize(value, offset, end).map((t) => ({ text: t.text, folded: t.folded, start: t.start, gap: t.gap }));
      assert.deepEqual(got, reference(value, offset, end));
    }),
    { numRuns: 3000 },
  );
});

test("a token's kind and case flags follow its first code point and letters", () => {
  const [word, number, punct, astral, styled, acronym, digits] = tokenize("Hà 2025 ( 𐐀bc 𝐀bc G20 McDONALD'S");
  assert.deepEqual([word?.kind, word?.isCapitalized, word?.isAllCaps], ["word", true, false]);
  assert.equal(number?.kind, "number");
  assert.equal(punct?.kind, "punct");
  // A Deseret capital has a lowercase; a mathematical bold letter has none, so it is no capital.
  assert.deepEqual([astral?.text, astral?.kind, astral?.isCapitalized], ["𐐀bc", "word", true]);
  assert.deepEqual([styled?.kind, styled?.isCapitalized], ["word", false]);
  assert.deepEqual([acronym?.text, acronym?.isAllCaps], ["G20", true]);
  assert.deepEqual([digits?.text, digits?.isAllCaps], ["McDONALD'S", false]);
});

test("the code point tests answer as the Unicode classes do, for every BMP character and astral ones", () => {
  const checks: [(t: string, k: number) => boolean, RegExp][] = [
    [isLetterAt, /^\p{L}$/u],
    [isLetterOrMarkAt, /^[\p{L}\p{M}]$/u],
    [isNumberAt, /^\p{N}$/u],
    [isWordCharAt, /^[\p{L}\p{M}\p{N}]$/u],
  ];
  const chars = [...Array.from({ length: 0xd800 }, (_, k) => String.fromCharCode(k)), ...Array.from({ length: 0x2000 }, (_, k) => String.fromCharCode(0xe000 + k)), "𝐀", "𝟏", "😀", "\uD835", "\uDC00"];
  for (const [test, pattern] of checks) for (const char of chars) assert.equal(test(char, 0), pattern.test(char), `${test.name} U+${char.codePointAt(0)!.toString(16)}`);
});
