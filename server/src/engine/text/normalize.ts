import { classAt, LETTER, MARK, unitClass } from "./charClass";
import { INVISIBLE_CLASS, isAsciiLetter, LOOKALIKE_CLASS, LOOKALIKE_LETTERS } from "./chars";
import { codePointEnd, isLetterAt, isLetterOrMarkBefore } from "./codePoints";
import { normalizeTonePlacement } from "./tone";

/**
 * The text the detectors read, and the way back to the document the editor holds.
 *
 * Detectors work on `text`: NFC, tone marks in one placement, look-alikes of "Đ" ("Ð" U+00D0, an
 * Icelandic letter some outlets use, and "Ɖ" U+0189, the African D) read as "Đ", line breaks as
 * "\n", no-break spaces as spaces, invisible characters (zero-width, soft hyphen, bidi marks, BOM)
 * removed — or read as one space where they separate two words (`WordBreak`). Every code unit of
 * `text` remembers the range of the original it came from, so offsets found in `text` map back exactly.
 */
export interface NormalizedText {
  /** The original document text, exactly as given. */
  readonly original: string;
  /** The normalized text the detectors read. */
  readonly text: string;
  /** Maps a half-open range of `text` to the corresponding range of `original`. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

/**
 * Whether the invisible characters at `start`..`end` of `text` (a run between two letters) stand
 * for a space between two words ("triệu⟨ZWSP⟩tấn") rather than sit inside one ("Tr⟨ZWSP⟩ần").
 * Normalization knows no words; the engine passes the lexicon's judgment (`separatesWords`, text/fold.ts).
 */
export type WordBreak = (text: string, start: number, end: number) => boolean;

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, "u");
const SPACE_LIKE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
const COMBINING = /\p{M}/u;
/** Anything that changes the text's length or layout; most documents have none of it. */
const NEEDS_MAPPING = new RegExp(`[\\r${INVISIBLE_CLASS}\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000${LOOKALIKE_CLASS}\\p{M}]`, "u");

const toneCache = new Map<string, string>();
function tone(word: string): string {
  let normalized = toneCache.get(word);
  if (normalized === undefined) {
    normalized = normalizeTonePlacement(word);
    if (toneCache.size < 100_000) toneCache.set(word, normalized);
  }
  return normalized;
}

/**
 * Where a tone mark can move: a vowel carrying one next to another vowel (a one-vowel syllable
 * keeps its mark where it is), or a letter that is no Vietnamese vowel. Built from the vowels and
 * the five tone marks, both cases: per BMP code unit, PLAIN_VOWEL, TONED_VOWEL, D_STROKE ("đ",
 * "Đ") or 0 (anything else).
 */
const PLAIN_VOWEL = 1;
const TONED_VOWEL = 2;
const D_STROKE = 3;
const VOWEL_KIND = (() => {
  const vowels = [..."aăâeêioôơuưy"].flatMap((v) => [v, v.toUpperCase()]);
  const toned = vowels.flatMap((v) => ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"].map((mark) => (v + mark).normalize("NFC")));
  const kinds = new Uint8Array(0x10000);
  for (const v of vowels) kinds[v.charCodeAt(0)] = PLAIN_VOWEL;
  for (const v of toned) kinds[v.charCodeAt(0)] = TONED_VOWEL;
  kinds["đ".charCodeAt(0)] = D_STROKE;
  kinds["Đ".charCodeAt(0)] = D_STROKE;
  return kinds;
})();

/**
 * Rewrites every word to one tone placement; the length never changes. Only the words where a tone
 * mark can move are looked at — a toned vowel next to another vowel, or a letter outside ASCII that
 * is neither a Vietnamese vowel nor "đ" — so text in one placement costs one pass over its letters,
 * read by hand through the class tables. A word is a run of letters read by code points (an astral
 * letter such as "𝐀" is one letter, not two halves).
 */
function normalizeTones(text: string): string {
  let result = "";
  let copied = 0;
  const n = text.length;
  let k = 0;
  while (k < n) {
    if ((classAt(text, k) & LETTER) === 0) {
      k = codePointEnd(text, k);
      continue;
    }
    const start = k;
    let movable = false;
    let previous = 0;
    while (k < n) {
      const code = text.charCodeAt(k);
      let kind: number;
      if (code < 128) {
        if (!isAsciiLetter(code)) break;
        kind = VOWEL_KIND[code]!;
        k++;
      } else {
        if ((classAt(text, k) & LETTER) === 0) break;
        kind = VOWEL_KIND[code]!;
        const next = codePointEnd(text, k);
        // A letter outside ASCII that is no vowel and not "đ" (astral letters included).
        if (kind === 0) movable = true;
        k = next;
      }
      if (kind === D_STROKE) kind = 0;
      if (previous !== 0 && kind !== 0 && (previous === TONED_VOWEL || kind === TONED_VOWEL)) movable = true;
      previous = kind;
    }
    if (!movable) continue;
    const word = text.slice(start, k);
    const normalized = tone(word);
    if (normalized !== word) {
      result += text.slice(copied, start) + normalized;
      copied = k;
    }
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/**
 * Builds the normalized view of `original`; linear in its length. Without `wordBreak`, invisible
 * characters are always removed (data phrases, which have none).
 */
export function normalizeText(original: string, wordBreak?: WordBreak): NormalizedText {
  if (!NEEDS_MAPPING.test(original)) {
    // Only tone placement may change, letter for letter: offsets are the same in both texts.
    return { original, text: normalizeTones(original), toOriginal: (start, end) => ({ start, end }) };
  }
  return normalizeWithMapping(original, wordBreak);
}

/** Per BMP code unit: 0 not yet known, 1 copied as it is, 2 handled one by one. */
const passThrough = new Uint8Array(0x10000);

/**
 * Whether a code unit, not followed by a combining mark, is copied as it is: not a line break,
 * invisible, space-like, a look-alike letter, a combining mark or a surrogate half, and its own NFC.
 */
function passesThrough(code: number): boolean {
  let known = passThrough[code]!;
  if (known === 0) {
    const char = String.fromCharCode(code);
    const copied =
      code !== 13 && !(code >= 0xd800 && code <= 0xdfff) && !INVISIBLE.test(char) && !SPACE_LIKE.test(char) && LOOKALIKE_LETTERS[char] === undefined && !COMBINING.test(char) && char.normalize("NFC") === char;
    known = copied ? 1 : 2;
    passThrough[code] = known;
  }
  return known === 1;
}

/** A combining mark as one code unit (as COMBINING tests `original[i]`); false past the end (NaN). */
function isMarkUnit(code: number): boolean {
  return code >= 0x300 && (unitClass(code) & MARK) !== 0;
}

function normalizeWithMapping(original: string, wordBreak: WordBreak | undefined): NormalizedText {
  const n = original.length;
  const pieces: string[] = [];
  // origStart[k], origEnd[k]: the original range of normalized code unit k.
  let capacity = n + 16;
  let origStart = new Int32Array(capacity);
  let origEnd = new Int32Array(capacity);
  let length = 0;
  const grow = (needed: number): void => {
    capacity = needed * 2;
    const grownStart = new Int32Array(capacity);
    const grownEnd = new Int32Array(capacity);
    grownStart.set(origStart);
    grownEnd.set(origEnd);
    origStart = grownStart;
    origEnd = grownEnd;
  };
  const push = (units: string, start: number, end: number): void => {
    if (length + units.length > capacity) grow(length + units.length);
    pieces.push(units);
    for (let k = 0; k < units.length; k++) {
      origStart[length] = start;
      origEnd[length] = end;
      length++;
    }
  };

  let i = 0;
  while (i < n) {
    // A run of characters that stay as they are, one unit for one (most of any text), copied whole.
    const runStart = i;
    while (i < n && passesThrough(original.charCodeAt(i)) && !isMarkUnit(original.charCodeAt(i + 1))) i++;
    if (i > runStart) {
      const units = i - runStart;
      if (length + units > capacity) grow(length + units);
      pieces.push(original.slice(runStart, i));
      for (let k = runStart; k < i; k++) {
        origStart[length] = k;
        origEnd[length] = k + 1;
        length++;
      }
      continue;
    }
    const code = original.charCodeAt(i);
    if (code === 13) {
      const end = original.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      push("\n", i, end);
      i = end;
      continue;
    }
    const nextIsMark = i + 1 < n && original.charCodeAt(i + 1) >= 0x300 && COMBINING.test(original[i + 1]!);
    if (code < 0x80 && !nextIsMark) {
      push(original[i]!, i, i + 1);
      i++;
      continue;
    }
    const ch = original[i]!;
    if (INVISIBLE.test(ch)) {
      // The whole run: between two words it is one space, inside a word nothing.
      let j = i + 1;
      while (j < n && INVISIBLE.test(original[j]!)) j++;
      if (wordBreak && isLetterOrMarkBefore(original, i) && isLetterAt(original, j) && wordBreak(original, i, j)) push(" ", i, j);
      i = j;
      continue;
    }
    // A cluster: one code point (a surrogate pair kept together, a lone half alone) and its combining marks.
    let j = codePointEnd(original, i);
    while (j < n && COMBINING.test(original[j]!)) j++;
    let cluster = original.slice(i, j);
    if (SPACE_LIKE.test(cluster)) cluster = " ";
    else cluster = LOOKALIKE_LETTERS[cluster[0]!] !== undefined ? LOOKALIKE_LETTERS[cluster[0]!]! + cluster.slice(1) : cluster;
    push(cluster.normalize("NFC"), i, j);
    i = j;
  }
  const text = normalizeTones(pieces.join(""));
  const mappedStart = origStart;
  const mappedEnd = origEnd;
  return {
    original,
    text,
    toOriginal(start: number, end: number) {
      if (start >= end) {
        const at = start < length ? mappedStart[start]! : original.length;
        return { start: at, end: at };
      }
      return { start: mappedStart[start]!, end: mappedEnd[end - 1]! };
    },
  };
}
