/**
 * Word and punctuation tokens of one line of normalized text. Whitespace is not a token; each token
 * records how it is separated from the previous one, which the name and forum grammars need
 * ("Eui-yong" is one name part, "Mekong - Nhật Bản" two parties).
 */
import { classAt, HAS_LOWER, LETTER, MARK, NUMBER, SPACE } from "./charClass";
import { boundaryAtOrAfter, boundaryAtOrBefore, codePointEnd } from "./codePoints";

export interface Token {
  readonly text: string;
  /** Lowercase form used for look-ups (the text is already NFC with normalized tone placement). */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly kind: "word" | "number" | "punct";
  /**
   * Whitespace between the previous token (or line start) and this one; a run of spaces is one
   * space, so "Đào  Quang  Huy" is spaced like "Đào Quang Huy" for the grammars.
   */
  readonly gap: string;
  /** First letter is uppercase. */
  readonly isCapitalized: boolean;
  /** Two or more letters or digits, the letters all uppercase (an acronym such as ASEAN, G20). */
  readonly isAllCaps: boolean;
}

/*
 * The tokens are what this regular expression matches, whitespace skipped:
 *   /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu
 * — words (a letter, then letters, marks or digits: "G20"; apostrophes between letters:
 * "McDonald's"), numbers, and any other character alone. It is read by hand, a code point at a
 * time through the class cache (charClass.ts): one pass, no match objects.
 */
const WORD_PART = LETTER | MARK | NUMBER;
const AFTER_APOSTROPHE = LETTER | MARK;

/**
 * Tokenizes `text` from `offset` to `end` (one line). Offsets are into the whole text. A bound
 * inside a surrogate pair is moved inwards to the pair's edge: no token holds half a pair. A token
 * never runs past `end` (a segment cut inside a long line ends its last token there).
 */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  offset = boundaryAtOrAfter(text, offset);
  end = boundaryAtOrBefore(text, end);
  const tokens: Token[] = [];
  let k = offset;
  let last = offset;
  while (k < end) {
    const bits = classAt(text, k);
    if ((bits & SPACE) !== 0) {
      k++; // white space is never a surrogate pair
      continue;
    }
    const at = k;
    k = codePointEnd(text, k);
    let kind: Token["kind"];
    // Every class bit of the token's code points: HAS_LOWER among them or not tells whether
    // lowercasing would change it.
    let seen = bits;
    if ((bits & LETTER) !== 0) {
      kind = "word";
      for (let b = classAt(text, k); k < end && (b & WORD_PART) !== 0; b = classAt(text, k)) {
        seen |= b;
        k = codePointEnd(text, k);
      }
      for (;;) {
        const code = text.charCodeAt(k);
        if (k + 1 >= end || (code !== 39 && code !== 0x2019)) break;
        const letter = classAt(text, k + 1);
        if ((letter & LETTER) === 0) break;
        seen |= letter;
        k = codePointEnd(text, k + 1);
        for (let b = classAt(text, k); k < end && (b & AFTER_APOSTROPHE) !== 0; b = classAt(text, k)) {
          seen |= b;
          k = codePointEnd(text, k);
        }
      }
    } else if ((bits & NUMBER) !== 0) {
      kind = "number";
      for (let b = classAt(text, k); k < end && (b & NUMBER) !== 0; b = classAt(text, k)) {
        seen |= b;
        k = codePointEnd(text, k);
      }
    } else kind = "punct";
    tokens.push(makeToken(text.slice(at, k), at, gapOf(text, last, at), kind, bits, seen));
    last = k;
  }
  return tokens;
}

/** The whitespace from `start` to `end`, a run of spaces read as one. */
function gapOf(source: string, start: number, end: number): string {
  if (end - start <= 1) return end === start ? "" : source[start]!;
  for (let k = start; k < end; k++) if (source.charCodeAt(k) !== 32) return source.slice(start, end);
  return " ";
}

/** `value`'s token, `firstBits` the class of its first code point, `seen` the classes of all of them. */
function makeToken(value: string, start: number, gap: string, kind: Token["kind"], firstBits: number, seen: number): Token {
  // Lowercasing a string that has no character to lowercase would copy it for nothing.
  const folded = (seen & HAS_LOWER) !== 0 ? value.toLowerCase() : value;
  const isWord = kind === "word";
  return {
    text: value,
    folded,
    start,
    end: start + value.length,
    kind,
    gap,
    // The first code point, whole: an astral capital ("𝐀") counts.
    isCapitalized: isWord && (firstBits & HAS_LOWER) !== 0,
    // All letters uppercase (marks, digits and apostrophes have no case) and at least two letters or digits.
    isAllCaps: isWord && value.length >= 2 && folded !== value && value.toUpperCase() === value && hasTwoLettersOrDigits(value),
  };
}

/** At least two code points of `value` are letters or digits. */
function hasTwoLettersOrDigits(value: string): boolean {
  let count = 0;
  for (let k = 0; k < value.length; k = codePointEnd(value, k)) if ((classAt(value, k) & (LETTER | NUMBER)) !== 0 && ++count >= 2) return true;
  return false;
}

/** True when `token` follows its predecessor with no space ("Eui" + "-" + "yong"). */
export function isAttached(token: Token): boolean {
  return token.gap === "";
}
