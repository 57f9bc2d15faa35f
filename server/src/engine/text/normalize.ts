import { INVISIBLE_CLASS, LOOKALIKE_CLASS, LOOKALIKE_LETTERS } from "./chars";
import { codePointEnd, codePointStart, isLetterAt, isLetterBefore, isLetterOrMarkBefore } from "./codePoints";
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
 * the five tone marks, both cases.
 */
const MOVABLE_TONE = (() => {
  const vowels = [..."aăâeêioôơuưy"].flatMap((v) => [v, v.toUpperCase()]);
  const toned = vowels.flatMap((v) => ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"].map((mark) => (v + mark).normalize("NFC")));
  const any = [...vowels, ...toned].join("");
  // A letter outside ASCII that is neither a vowel nor "đ" (a tone mark on a consonant, a foreign letter) is looked at too.
  return new RegExp(`[${toned.join("")}][${any}]|[${any}][${toned.join("")}]|(?=\\p{L})[^\\p{ASCII}${any}đĐ]`, "gu");
})();
/**
 * Rewrites every word to one tone placement; the length never changes. Only the words around a
 * movable tone mark are looked at, so text in one placement already costs one regex scan. A word
 * is a run of letters read by code points (an astral letter such as "𝐀" is one letter, not two
 * halves), so the scan resumes on a code-point boundary past the match.
 */
function normalizeTones(text: string): string {
  const pattern = MOVABLE_TONE;
  pattern.lastIndex = 0;
  let result = "";
  let copied = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start > 0 && isLetterBefore(text, start)) start = codePointStart(text, start);
    while (end < text.length && isLetterAt(text, end)) end = codePointEnd(text, end);
    const word = text.slice(start, end);
    const normalized = tone(word);
    if (normalized !== word) {
      result += text.slice(copied, start) + normalized;
      copied = end;
    }
    pattern.lastIndex = Math.max(end, codePointEnd(text, match.index));
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

function normalizeWithMapping(original: string, wordBreak: WordBreak | undefined): NormalizedText {
  const n = original.length;
  const pieces: string[] = [];
  // origStart[k], origEnd[k]: the original range of normalized code unit k.
  let capacity = n + 16;
  let origStart = new Int32Array(capacity);
  let origEnd = new Int32Array(capacity);
  let length = 0;
  const push = (units: string, start: number, end: number): void => {
    if (length + units.length > capacity) {
      capacity = (length + units.length) * 2;
      const grownStart = new Int32Array(capacity);
      const grownEnd = new Int32Array(capacity);
      grownStart.set(origStart);
      grownEnd.set(origEnd);
      origStart = grownStart;
      origEnd = grownEnd;
    }
    pieces.push(units);
    for (let k = 0; k < units.length; k++) {
      origStart[length] = start;
      origEnd[length] = end;
      length++;
    }
  };

  let i = 0;
  while (i < n) {
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
