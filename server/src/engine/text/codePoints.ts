/**
 * Stepping through text by code points. Every offset in the engine is a UTF-16 code unit, and a
 * character outside the Basic Multilingual Plane (U+1D400 "𝐀", Deseret "𐐀", most emoji) takes two
 * of them, a surrogate pair. A scan that moves an index or a regular expression's `lastIndex` by
 * hand steps with these helpers, so it moves by whole code points, never stops between the two
 * halves of a pair, and always moves forward.
 *
 * Conventions, for every function here:
 * - `k` is a code-unit offset; a *boundary* is an offset not between the halves of a pair. 0 and
 *   `text.length` are boundaries, and so is every offset outside the text.
 * - A lone surrogate (a high half not followed by a low one, a low half not preceded by a high one)
 *   is a code point of its own, one unit long, as `codePointAt` and `u`-flag regular expressions
 *   read it. It is never a letter.
 * Pure functions: no state, no allocation on the ASCII path.
 */
import { classAt, isHigh, isLow, LETTER, MARK, NUMBER } from "./charClass";

/** Whether `k` is a boundary: not between the high and the low half of a surrogate pair. */
export function isCodePointBoundary(text: string, k: number): boolean {
  // Out of range, charCodeAt is NaN and both tests are false.
  return !(isLow(text.charCodeAt(k)) && isHigh(text.charCodeAt(k - 1)));
}

/**
 * The end of the code point that starts at `k`: `k + 2` when a pair starts there, else `k + 1`.
 * Inside a pair (`k` on its low half) it is `k + 1`, the pair's end. Always greater than `k`, also
 * at or past the text's end (`k + 1`), so a loop stepping with it always makes progress.
 */
export function codePointEnd(text: string, k: number): number {
  return isHigh(text.charCodeAt(k)) && isLow(text.charCodeAt(k + 1)) ? k + 2 : k + 1;
}

/**
 * The start of the code point that ends at `k`: `k - 2` when a pair ends there, else `k - 1`.
 * Inside a pair (`k` on its low half) it is `k - 1`, the pair's start. Always less than `k`; at the
 * text's start (`k` = 0) it is -1: no code point ends there, so callers test `k > 0` first.
 */
export function codePointStart(text: string, k: number): number {
  return isLow(text.charCodeAt(k - 1)) && isHigh(text.charCodeAt(k - 2)) ? k - 2 : k - 1;
}

/** `k`, or the start of the pair `k` falls inside (`k - 1`). Clamped to [0, text.length]. */
export function boundaryAtOrBefore(text: string, k: number): number {
  if (k <= 0) return 0;
  if (k >= text.length) return text.length;
  return isCodePointBoundary(text, k) ? k : k - 1;
}

/** `k`, or the end of the pair `k` falls inside (`k + 1`). Clamped to [0, text.length]. */
export function boundaryAtOrAfter(text: string, k: number): number {
  if (k <= 0) return 0;
  if (k >= text.length) return text.length;
  return isCodePointBoundary(text, k) ? k : k + 1;
}

/** The code point starting at `k` as a string (two units for a pair); "" outside the text. */
export function codePointText(text: string, k: number): string {
  if (k < 0 || k >= text.length) return "";
  const end = codePointEnd(text, k);
  return end === k + 1 ? text[k]! : text.slice(k, end);
}

/** The number of code points of `text` (its length when it holds no pair). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k = codePointEnd(text, k)) count++;
  return count;
}

/** A test of the code point at an offset. */
export type CodePointTest = (text: string, k: number) => boolean;

/** The same test of the code point that ends at `k` (false at the text's start). */
export function before(test: CodePointTest): CodePointTest {
  return (text, k) => k > 0 && test(text, codePointStart(text, k));
}

/** A test of the code point starting at `k` by its class bits (charClass.ts): any of `bits`. */
function classTest(bits: number): CodePointTest {
  return (text, k) => (classAt(text, k) & bits) !== 0;
}

/** A letter (\p{L}) starts at `k`. */
export const isLetterAt = classTest(LETTER);
/** A letter ends at `k`. */
export const isLetterBefore = before(isLetterAt);
/** A letter or a combining mark (\p{L}, \p{M}) starts at `k`. */
export const isLetterOrMarkAt = classTest(LETTER | MARK);
/** A letter or a combining mark ends at `k`. */
export const isLetterOrMarkBefore = before(isLetterOrMarkAt);
/** A digit or other number of any script (\p{N}: "5", "²", "𝟏") starts at `k`. */
export const isNumberAt = classTest(NUMBER);
/** A letter or a digit of any script (\p{L}, \p{N}) starts at `k`. */
export const isLetterOrNumberAt = classTest(LETTER | NUMBER);
/** A letter or a digit of any script ends at `k`. */
export const isLetterOrNumberBefore = before(isLetterOrNumberAt);
/** A letter, mark or digit of any script (\p{L}, \p{M}, \p{N}) starts at `k`. */
export const isWordCharAt = classTest(LETTER | MARK | NUMBER);
/** A letter, mark or digit of any script ends at `k`. */
export const isWordCharBefore = before(isWordCharAt);
