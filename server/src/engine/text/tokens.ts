/**
 * Word and punctuation tokens of one line of normalized text. Whitespace is not a token; each token
 * records how it is separated from the previous one, which the name and forum grammars need
 * ("Eui-yong" is one name part, "Mekong - Nhật Bản" two parties).
 */
import { boundaryAtOrAfter, boundaryAtOrBefore, codePointEnd, codePointLength, codePointText, isLetterAt, isNumberAt } from "./codePoints";

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

// Words (letters, then letters or digits: "G20", "McDonald's"); numbers; any other character alone.
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu;

/**
 * Tokenizes `text` from `offset` to `end` (one line). Offsets are into the whole text. A bound
 * inside a surrogate pair is moved inwards to the pair's edge (a u-flag regex started inside a pair
 * would match from its start, before `offset`): no token holds half a pair.
 */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  offset = boundaryAtOrAfter(text, offset);
  end = boundaryAtOrBefore(text, end);
  // A segment cut inside a long run of letters (no space near the cut): matched in place, its last
  // token would be read to the run's end for every segment, quadratic in one huge word. A copy of
  // the segment bounds it; the token is cut where the segment ends either way.
  if (end < text.length && !SPACE.test(text[end]!)) return scan(text.slice(offset, end), 0, end - offset, offset);
  return scan(text, offset, end, 0);
}

const SPACE = /\s/u;

/** The tokens of `source` from `offset` to `end`, their offsets moved by `shift`. */
function scan(source: string, offset: number, end: number, shift: number): Token[] {
  const tokens: Token[] = [];
  // Matching in place, not on a slice: no copy of the line, and the regex state is reused.
  const pattern = TOKEN;
  pattern.lastIndex = offset;
  let last = offset;
  for (let match = pattern.exec(source); match !== null && match.index < end; match = pattern.exec(source)) {
    let value = match[0];
    const at = match.index;
    // A token running past `end` (a segment cut inside a long line) is cut where the segment ends.
    if (at + value.length > end) value = source.slice(at, end).match(TOKEN_AT_START)?.[0] ?? source.slice(at, codePointEnd(source, at));
    tokens.push(makeToken(value, at + shift, gapOf(source, last, at)));
    last = at + value.length;
    if (last >= end) break;
  }
  pattern.lastIndex = 0;
  return tokens;
}

/** The whitespace from `start` to `end`, a run of spaces read as one. */
function gapOf(source: string, start: number, end: number): string {
  if (end - start <= 1) return end === start ? "" : source[start]!;
  for (let k = start; k < end; k++) if (source.charCodeAt(k) !== 32) return source.slice(start, end);
  return " ";
}

const TOKEN_AT_START = new RegExp(`^(?:${TOKEN.source})`, "u");

/** The kind of a token by its first code point (ASCII answered without a regular expression). */
function kindOf(first: string): Token["kind"] {
  return isLetterAt(first, 0) ? "word" : isNumberAt(first, 0) ? "number" : "punct";
}

function makeToken(value: string, start: number, gap: string): Token {
  // The first code point, whole: an astral letter ("𝐀") is a word's capital, not punctuation.
  const first = codePointText(value, 0);
  const kind = kindOf(first);
  const folded = value.toLowerCase();
  const isWord = kind === "word";
  return {
    text: value,
    folded,
    start,
    end: start + value.length,
    kind,
    gap,
    isCapitalized: isWord && first !== first.toLowerCase(),
    // All letters uppercase (marks, digits and apostrophes have no case) and at least two letters or digits.
    isAllCaps: isWord && value.length >= 2 && folded !== value && value.toUpperCase() === value && codePointLength(value.replace(/[^\p{L}\p{N}]/gu, "")) >= 2,
  };
}

/** True when `token` follows its predecessor with no space ("Eui" + "-" + "yong"). */
export function isAttached(token: Token): boolean {
  return token.gap === "";
}
