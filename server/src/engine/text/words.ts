/**
 * Counting words of a line without splitting it: `text.split(/\s+/)` on a 1 MB line makes an array
 * of every word, which a rule that only compares the count with a small number does not need.
 */

/** JavaScript's `\s` (ECMAScript WhiteSpace and LineTerminator), by code unit. */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * `Math.min(text.split(/\s+/).length, atMost)`: one more than the number of whitespace runs, the
 * way that split counts (a leading or trailing run counts, as an empty piece). Stops reading once
 * `atMost` is reached, so a huge line costs no more than a short one; without `atMost`, the exact count.
 */
export function splitCount(text: string, atMost = Infinity): number {
  let count = 1;
  let inRun = false;
  for (let k = 0; k < text.length && count < atMost; k++) {
    const white = isWhitespace(text.charCodeAt(k));
    if (white && !inRun) count++;
    inRun = white;
  }
  return Math.min(count, atMost);
}

/** Spacing other than single spaces (two in a row, or a tab, a line break, a no-break space…). */
const IRREGULAR_SPACE = /\s\s|[^\S ]/u;

/**
 * `text.replace(/\s+/gu, " ")`, made only when some spacing is not a single space already: a global
 * replace builds one piece per match, which on a huge line of single-spaced words is a great deal of
 * garbage for an unchanged string.
 */
export function collapseSpaces(text: string): string {
  return IRREGULAR_SPACE.test(text) ? text.replace(/\s+/gu, " ") : text;
}
