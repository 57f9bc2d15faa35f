/**
 * The pieces of a forum name after its head: ordinals ("lần thứ 14"), abbreviations in parentheses,
 * attached suffixes ("ASEAN+3"), and the look-ahead that lets lowercase words inside a name reach
 * the ordinal, party or abbreviation that closes it.
 */
import { lexicon } from "../../lexicon";
import type { Token } from "../../text/tokens";
import { isDash, isProperWord, parseInteger } from "../grammar";

export function countPlaces(tokens: readonly Token[], start: number, end: number): number {
  let count = 0;
  for (let k = start; k < end; k++) {
    const place = lexicon.places.matchAt(tokens, k);
    if (place) {
      count++;
      k = place.end - 1;
    } else if (tokens[k]!.isAllCaps) count++;
  }
  return count;
}

export function isLowercaseWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === "word" && !token.isCapitalized;
}

/** After token `k - 1` the name either goes on (a capital, a place, "(", an ordinal) or ends (punctuation, a clause word, the line's end). */
export function nameGoesOnOrEnds(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k];
  if (!next) return true;
  if (next.kind === "punct") return next.text !== "-" || isProperWord(tokens[k + 1]);
  if (next.kind === "number") return false;
  return next.isCapitalized || lexicon.clauseWords.matchAt(tokens, k) !== undefined || lexicon.ordinalIntroducers.matchAt(tokens, k) !== undefined;
}

const NAME_PUNCT = new Set(["-", "–", "+", "'", "’", "&"]);
const LOOKAHEAD = 20;

/**
 * Lowercase words inside a name ("Hội thảo quốc tế về an ninh nguồn nước Mekong lần thứ ba",
 * "Kỳ họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam - Lào") are accepted when the name goes on to an
 * ordinal, or, after an ordinal, to an organization ending with its parties. The look-ahead stops at
 * punctuation and at clause words ("do", "tại", "đã"), which end a name.
 */
export function extendName(
  tokens: readonly Token[],
  from: number,
  afterOrdinal: boolean,
  parties: string[],
  endsWeak: boolean,
): { end: number; edition?: number; abbreviation?: string } | undefined {
  if (afterOrdinal && !lexicon.organizationHeads.matchAt(tokens, from)) return undefined;
  let lastPlaceEnd = -1;
  const found: string[] = [];
  for (let k = from; k < Math.min(tokens.length, from + LOOKAHEAD); k++) {
    const token = tokens[k]!;
    if (!afterOrdinal && token.text === "(") {
      // "Hội nghị quốc tế các đảng chính trị châu Á (ICAPP)": an abbreviation closes the name.
      const abbr = matchParenthetical(tokens, k);
      if (abbr?.acronym && k > from) {
        parties.push(...found);
        return { end: abbr.end, abbreviation: abbr.text };
      }
    }
    if (token.kind === "punct" && !NAME_PUNCT.has(token.text)) break;
    if (lexicon.clauseWords.matchAt(tokens, k)) break;
    // Another forum begins: "phiên họp mở rộng của Hội nghị thượng đỉnh BRICS …" names that one.
    if (token.isCapitalized && lexicon.forumHeads.matchAt(tokens, k) && k > from) break;
    if (endsWeak && token.kind === "number" && /^(19|20)\d\d$/.test(token.text)) {
      lastPlaceEnd = k + 1;
      continue;
    }
    if (!afterOrdinal) {
      const ordinal = matchOrdinal(tokens, k);
      if (ordinal) {
        parties.push(...found);
        const abbr = matchParenthetical(tokens, ordinal.end);
        const result: { end: number; edition?: number; abbreviation?: string } = { end: abbr?.acronym ? abbr.end : ordinal.end };
        if (ordinal.value !== undefined) result.edition = ordinal.value;
        if (abbr?.acronym) result.abbreviation = abbr.text;
        return result;
      }
    }
    const place = lexicon.places.matchAt(tokens, k);
    if (place) {
      found.push(place.value.en);
      lastPlaceEnd = place.end;
      k = place.end - 1;
    } else if (token.isAllCaps) {
      found.push(token.text);
      lastPlaceEnd = k + 1;
    }
  }
  if (lastPlaceEnd < 0 || !(afterOrdinal || endsWeak)) return undefined;
  parties.push(...found);
  // "Hội nghị Quan chức kinh tế cao cấp ASEAN (SEOM)": a name that stopped on a common word runs on to its party.
  const abbr = matchParenthetical(tokens, lastPlaceEnd);
  return abbr?.acronym ? { end: abbr.end, abbreviation: abbr.text } : { end: lastPlaceEnd };
}

/** The name so far ends on a place, an acronym or a parenthesis, not on a capitalized common word. */
export function isStrongEnd(tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1];
  if (!last) return false;
  if (last.isAllCaps || last.text === ")" || last.kind === "number") return true;
  for (let k = Math.max(0, end - 4); k < end; k++) if (lexicon.places.matchAt(tokens, k)?.end === end) return true;
  return false;
}

/** "ASEAN+3", "Mekong-Nhật Bản": an attached "+N" or "-PARTY" continues the party. */
export function consumeAttachedSuffix(tokens: readonly Token[], j: number, parties: string[]): number {
  if (tokens[j]?.text === "+" && tokens[j].gap === "" && tokens[j + 1]?.kind === "number" && tokens[j + 1]!.gap === "") {
    const last = parties.pop() ?? "";
    parties.push(`${last.replace(/\+\d+$/, "")}+${tokens[j + 1]!.text}`);
    return j + 2;
  }
  return j;
}

/** A noun before the head that makes the name something else ("Quỹ hợp tác…"), or a plural ("các cơ chế"). */
export function isPluralOrOtherNoun(tokens: readonly Token[], i: number, framework: boolean): boolean {
  for (let back = 1; back <= 2 && i - back >= 0; back++) {
    const plural = lexicon.pluralMarkers.matchAt(tokens, i - back);
    if (plural && plural.end === i) return true;
    if (framework) {
      const other = lexicon.notForumNouns.matchAt(tokens, i - back);
      if (other && other.end === i) return true;
    }
  }
  return false;
}

/** "lần thứ 14", "lần thứ ba", "thứ 8", "khóa XV". */
export function matchOrdinal(tokens: readonly Token[], j: number): { end: number; value?: number } | undefined {
  const intro = lexicon.ordinalIntroducers.matchAt(tokens, j);
  if (!intro) return undefined;
  const next = tokens[intro.end];
  if (!next) return undefined;
  const number = parseInteger(next);
  if (number !== undefined) return { end: intro.end + 1, value: number };
  const word = lexicon.ordinalWords.matchAt(tokens, intro.end);
  if (word) return { end: word.end, value: word.value };
  if (next.isAllCaps && /^[IVXLC]+$/.test(next.text)) return { end: intro.end + 1, value: romanToNumber(next.text) };
  return undefined;
}

function romanToNumber(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let k = 0; k < roman.length; k++) {
    const value = values[roman[k]!]!;
    const next = values[roman[k + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** "(AMM)", "(Lan Thương)": a parenthesis of an acronym or of capitalized words. */
export function matchParenthetical(tokens: readonly Token[], j: number): { end: number; text: string; acronym: boolean } | undefined {
  if (tokens[j]?.text !== "(") return undefined;
  let k = j + 1;
  const inner: Token[] = [];
  while (k < tokens.length && tokens[k]!.text !== ")" && inner.length < 8) inner.push(tokens[k++]!);
  if (tokens[k]?.text !== ")" || inner.length === 0) return undefined;
  const words = inner.filter((t) => t.kind === "word");
  const acronym = words.length === 1 && words[0]!.isAllCaps && inner.every((t) => t.kind !== "punct" || t.text === "+" || t.text === "-");
  const capitalized = words.length > 0 && words.every((t) => t.isCapitalized) && inner.every((t) => t.kind === "word" || isDash(t));
  if (!acronym && !capitalized) return undefined;
  return { end: k + 1, text: inner.map((t) => t.gap + t.text).join("").trim(), acronym };
}
