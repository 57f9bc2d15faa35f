/**
 * Offsets in code points for the formats that count them: brat, doccano, spaCy and Prodigy (Python
 * string indexes), W3C Web Annotation (its TextPositionSelector counts "characters": code points,
 * https://www.w3.org/TR/annotation-model/#text-position-selector) and Label Studio (code points since
 * its fix for emoji, HumanSignal/label-studio#1559). Our records count UTF-16 code units; the two
 * differ by one for every character outside the Basic Multilingual Plane (an emoji) before the
 * offset. Decomposed letters (NFD) are several code points and several code units alike: nothing is
 * normalized, the text is carried exactly.
 */
export class CodePointOffsets {
  /** UTF-16 offsets of the low halves of surrogate pairs, ascending (each one unit more than its code point count). */
  private readonly lowHalves: number[] = [];
  /** The text's length in code points. */
  readonly length: number;

  constructor(private readonly text: string) {
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(k + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.lowHalves.push(++k);
      }
    }
    this.length = text.length - this.lowHalves.length;
  }

  /** The code point index of UTF-16 offset `k` (0 ≤ k ≤ text length; an offset inside a pair counts as the pair's start). */
  toCodePoint(k: number): number {
    return k - countBelow(this.lowHalves, k + 1);
  }

  /**
   * The UTF-16 offset of code point index `cp`, or undefined when `cp` is not an integer in
   * 0..length (a span from another tool that does not fit the text).
   */
  toUtf16(cp: number): number | undefined {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) return undefined;
    // The k-th low half (0-based) sits at code point index low - k; each one before `cp` adds a unit.
    let lo = 0;
    let hi = this.lowHalves.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lowHalves[mid]! - mid <= cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Whether the text was all in the Basic Multilingual Plane (then both units agree). */
  get sameAsUtf16(): boolean {
    return this.lowHalves.length === 0 && this.text.length === this.length;
  }
}

/** How many of the ascending `values` are < `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
