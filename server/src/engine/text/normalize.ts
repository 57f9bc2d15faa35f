import { normalizeTonePlacement } from "./tone";

/**
 * The text the detectors read, and the way back to the document the editor holds.
 *
 * Detectors work on `text`: NFC, tone marks in one placement, "Ð" (U+00D0, an Icelandic look-alike
 * some outlets use) read as "Đ", line breaks as "\n", no-break spaces as spaces, invisible
 * characters (zero-width, soft hyphen, bidi marks, BOM) removed. Every code unit of `text` remembers
 * the range of the original it came from, so offsets found in `text` map back exactly.
 */
export interface NormalizedText {
  /** The original document text, exactly as given. */
  readonly original: string;
  /** The normalized text the detectors read. */
  readonly text: string;
  /** Maps a half-open range of `text` to the corresponding range of `original`. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const SPACE_LIKE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
const COMBINING = /\p{M}/u;
const LETTERS = /\p{L}/u;

/** Builds the normalized view of `original`; linear in its length. */
export function normalizeText(original: string): NormalizedText {
  const out: string[] = [];
  // origStart[k], origEnd[k]: the original range of normalized code unit k.
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let wordStart = -1; // index in `out` where the current letter run starts

  const flushWord = (): void => {
    if (wordStart < 0) return;
    const word = out.slice(wordStart).join("");
    const normalized = normalizeTonePlacement(word);
    if (normalized !== word) for (let k = 0; k < normalized.length; k++) out[wordStart + k] = normalized[k]!;
    wordStart = -1;
  };
  const push = (units: string, start: number, end: number): void => {
    for (let k = 0; k < units.length; k++) {
      out.push(units[k]!);
      origStart.push(start);
      origEnd.push(end);
    }
  };

  let i = 0;
  const n = original.length;
  while (i < n) {
    const ch = original[i]!;
    if (ch === "\r") {
      flushWord();
      const end = original[i + 1] === "\n" ? i + 2 : i + 1;
      push("\n", i, end);
      i = end;
      continue;
    }
    if (INVISIBLE.test(ch)) {
      i++;
      continue;
    }
    // A cluster: one code point (surrogate pairs kept together) and its combining marks.
    let j = i + (isHighSurrogate(original.charCodeAt(i)) && i + 1 < n ? 2 : 1);
    while (j < n && COMBINING.test(original[j]!)) j++;
    let cluster = original.slice(i, j);
    if (SPACE_LIKE.test(cluster)) cluster = " ";
    else if (cluster === "\u00D0") cluster = "\u0110";
    else if (cluster === "\u00F0") cluster = "\u0111";
    cluster = cluster.normalize("NFC");
    const isLetter = LETTERS.test(cluster[0]!);
    if (isLetter && wordStart < 0) wordStart = out.length;
    if (!isLetter) flushWord();
    push(cluster, i, j);
    i = j;
  }
  flushWord();
  const text = out.join("");
  return {
    original,
    text,
    toOriginal(start: number, end: number) {
      if (start >= end) {
        const at = start < origStart.length ? origStart[start]! : original.length;
        return { start: at, end: at };
      }
      return { start: origStart[start]!, end: origEnd[end - 1]! };
    },
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
