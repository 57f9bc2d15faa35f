/**
 * Forum detection: named meetings, conferences, summits, dialogues and cooperation frameworks.
 *
 * Grammar (token level): HEAD (QUALIFIER | PARTY | CONNECTOR)* [ORDINAL] [(ABBREVIATION)], where the
 * name must contain a party (a country, grouping, acronym or capitalized name) or an ordinal, so a bare
 * "hội nghị" that refers back is not a forum. "khuôn khổ"/"cơ chế" followed by dash-joined party
 * groups ("khuôn khổ Mê Công - Lan Cang, Mê Công - Nhật Bản") names one framework per group.
 */
import { lexicon } from "../lexicon";
import type { Token } from "../text/tokens";
import type { ArticleDocument } from "../document";
import type { Entity, ForumAttributes } from "../types";
import { isDash, isProperWord, isSentenceStart, parseInteger } from "./grammar";

interface ForumMatch {
  start: number; // token index
  end: number; // token index, exclusive
  attributes: ForumAttributes;
  rule: string;
}

const GENERIC_KINDS = new Set(["conference", "meeting", "forum"]);

/** Finds forums in the article lines of `doc` (normalized offsets). */
export function detectForums(doc: ArticleDocument): Entity[] {
  const entities: Entity[] = [];
  for (const line of doc.articleLines()) {
    const tokens = doc.tokens(line.index);
    let i = 0;
    while (i < tokens.length) {
      const found = matchFrameworkList(tokens, i) ?? optional(matchForum(tokens, i));
      if (!found || found.length === 0) {
        i++;
        continue;
      }
      for (const match of found) {
        const start = tokens[match.start]!.start;
        const end = tokens[match.end - 1]!.end;
        if (doc.isDebris(start, end)) continue;
        entities.push({ type: "forum", start, end, text: doc.text.slice(start, end), attributes: match.attributes, rule: match.rule });
      }
      i = found[found.length - 1]!.end;
    }
  }
  return entities;
}

function optional<T>(value: T | undefined): T[] | undefined {
  return value === undefined ? undefined : [value];
}

/** HEAD … at token `i`. */
function matchForum(tokens: readonly Token[], i: number): ForumMatch | undefined {
  const head = lexicon.forumHeads.matchAt(tokens, i);
  if (!head) return undefined;
  const first = tokens[i]!;
  const headFolded = tokens.slice(i, head.end).map((t) => t.folded).join(" ");
  if (!first.isCapitalized && !lexicon.lowercaseForumHeads.has(headFolded)) return undefined;
  if (isPluralOrOtherNoun(tokens, i, head.value.framework)) return undefined;
  if (head.value.framework && isSentenceStart(tokens, i) && !tokens[head.end]?.isAllCaps) return undefined;

  const parties: string[] = [];
  const hints: { kind: string; level?: string }[] = [];
  let edition: number | undefined;
  let abbreviation: string | undefined;
  let hasProper = false;
  let lastGood = head.end; // end of the name so far (a bare head is not yet a name)
  let named = false;
  let j = head.end;
  // A framework is named by its parties right after the head ("Hợp tác Mekong - Lan Thương",
  // "Cơ chế COVAX"); "… và Hợp tác quốc tế" in a ministry's name is not one.
  if (head.value.framework && !lexicon.places.matchAt(tokens, j) && !tokens[j]?.isAllCaps) return undefined;
  while (j < tokens.length) {
    const token = tokens[j]!;
    const ordinal = matchOrdinal(tokens, j);
    if (ordinal) {
      edition = ordinal.value;
      j = lastGood = ordinal.end;
      named = true;
      const abbr = matchParenthetical(tokens, j);
      if (abbr?.acronym) {
        abbreviation = abbr.text;
        j = lastGood = abbr.end;
      }
      break;
    }
    const hint = lexicon.kindHints.matchAt(tokens, j);
    const qualifier = lexicon.forumQualifiers.matchAt(tokens, j);
    const place = lexicon.places.matchAt(tokens, j);
    if (place && (!qualifier || place.end >= qualifier.end)) {
      parties.push(place.value.en);
      j = lastGood = place.end;
      hasProper = named = true;
      j = lastGood = consumeAttachedSuffix(tokens, j, parties);
      continue;
    }
    if (qualifier) {
      if (hint) hints.push(hint.value);
      j = qualifier.end;
      continue;
    }
    if (token.kind === "word" && token.isAllCaps) {
      parties.push(token.text);
      j = lastGood = consumeAttachedSuffix(tokens, j + 1, parties);
      hasProper = named = true;
      continue;
    }
    if (isProperWord(token) && !lexicon.notForumNouns.matchAt(tokens, j) && !lexicon.titles.matchAt(tokens, j)) {
      let k = j;
      while (isProperWord(tokens[k]) && !lexicon.places.matchAt(tokens, k) && tokens[k]!.gap === " ") k++;
      if (k === j) k = j + 1;
      // Vietnamese capitalizes a name's words by their first syllable ("Kinh tế Thế giới"): the
      // lowercase syllable after a capital belongs to it when the name goes on or ends there.
      if (isLowercaseWord(tokens[k]) && !lexicon.clauseWords.matchAt(tokens, k) && !lexicon.ordinalIntroducers.matchAt(tokens, k) && nameGoesOnOrEnds(tokens, k + 1)) k++;
      parties.push(tokens.slice(j, k).map((t) => t.text).join(" "));
      j = lastGood = k;
      hasProper = named = true;
      continue;
    }
    if (hasProper && (isDash(token) || token.text === "+") && (isProperWord(tokens[j + 1]) || lexicon.places.matchAt(tokens, j + 1))) {
      j++;
      continue;
    }
    if (j > head.end && token.folded === "và" && isProperWord(tokens[j + 1]) && !lexicon.forumHeads.matchAt(tokens, j + 1)) {
      j++;
      continue;
    }
    if (token.text === "(" && hasProper) {
      const paren = matchParenthetical(tokens, j);
      if (paren) {
        if (paren.acronym) abbreviation = paren.text;
        j = lastGood = paren.end;
        if (paren.acronym) break;
        continue;
      }
    }
    if (hasProper && token.kind === "number" && /^\d{1,3}$/.test(token.text) && j === lastGood && nameGoesOnOrEnds(tokens, j + 1)) {
      edition = parseInteger(token);
      j = lastGood = j + 1;
      break;
    }
    if (hasProper && token.kind === "number" && /^(19|20)\d\d$/.test(token.text)) {
      j = lastGood = j + 1;
      continue;
    }
    break;
  }
  const afterOrdinal = edition !== undefined && j === lastGood;
  const endsWeak = edition === undefined && lastGood > head.end && !isStrongEnd(tokens, lastGood);
  const extended = edition !== undefined && !afterOrdinal ? undefined : extendName(tokens, lastGood, afterOrdinal, parties, endsWeak);
  if (extended) {
    lastGood = extended.end;
    edition ??= extended.edition;
    abbreviation ??= extended.abbreviation;
    named = true;
  }
  if (!named) return undefined;
  // "Hợp tác X" names a framework only with several parties ("Hợp tác Mekong - Lan Thương") or an
  // acronym; "… Quan hệ quốc tế và Hợp tác Nam Phi" is a ministry's name.
  if (headFolded === "hợp tác" && countPlaces(tokens, head.end, lastGood) < 2 && !tokens[head.end]?.isAllCaps) return undefined;
  const post = lexicon.forumPostQualifiers.matchAt(tokens, lastGood);
  if (post && hasProper) lastGood = post.end;
  for (let k = head.end; k < lastGood; k++) {
    const hint = lexicon.kindHints.matchAt(tokens, k);
    if (hint && !hints.includes(hint.value)) hints.push(hint.value);
  }
  const attributes: ForumAttributes = { kind: classify(head.value.kind, hints) };
  if (edition !== undefined) attributes.edition = edition;
  if (parties.length > 0) attributes.parties = [...new Set(parties)];
  const level = hints.find((h) => h.level)?.level;
  if (level) attributes.level = level;
  const format = findFormat(tokens, i, lastGood);
  if (format) attributes.format = format;
  if (abbreviation) attributes.abbreviation = abbreviation;
  return { start: i, end: lastGood, attributes, rule: head.value.framework ? "forum.framework" : "forum.head-noun" };
}

function countPlaces(tokens: readonly Token[], start: number, end: number): number {
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

function isLowercaseWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === "word" && !token.isCapitalized;
}

/** After token `k - 1` the name either goes on (a capital, a place, "(", an ordinal) or ends (punctuation, a clause word, the line's end). */
function nameGoesOnOrEnds(tokens: readonly Token[], k: number): boolean {
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
function extendName(
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
function isStrongEnd(tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1];
  if (!last) return false;
  if (last.isAllCaps || last.text === ")" || last.kind === "number") return true;
  for (let k = Math.max(0, end - 4); k < end; k++) if (lexicon.places.matchAt(tokens, k)?.end === end) return true;
  return false;
}

/** "ASEAN+3", "Mekong-Nhật Bản": an attached "+N" or "-PARTY" continues the party. */
function consumeAttachedSuffix(tokens: readonly Token[], j: number, parties: string[]): number {
  if (tokens[j]?.text === "+" && tokens[j].gap === "" && tokens[j + 1]?.kind === "number" && tokens[j + 1]!.gap === "") {
    const last = parties.pop() ?? "";
    parties.push(`${last.replace(/\+\d+$/, "")}+${tokens[j + 1]!.text}`);
    return j + 2;
  }
  return j;
}

/** A noun before the head that makes the name something else ("Quỹ hợp tác…"), or a plural ("các cơ chế"). */
function isPluralOrOtherNoun(tokens: readonly Token[], i: number, framework: boolean): boolean {
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
function matchOrdinal(tokens: readonly Token[], j: number): { end: number; value?: number } | undefined {
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
function matchParenthetical(tokens: readonly Token[], j: number): { end: number; text: string; acronym: boolean } | undefined {
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

function classify(headKind: string, hints: readonly { kind: string }[]): string {
  if (!GENERIC_KINDS.has(headKind)) return headKind;
  const specific = hints.find((h) => h.kind !== "consultation");
  return specific?.kind ?? hints[0]?.kind ?? headKind;
}

/** "trực tuyến" inside the name or "theo hình thức trực tuyến" just after it. */
function findFormat(tokens: readonly Token[], start: number, end: number): ForumAttributes["format"] {
  for (let k = start; k < Math.min(tokens.length, end + 6); k++) {
    const format = lexicon.formats.matchAt(tokens, k);
    if (format) return format.value.format as ForumAttributes["format"];
  }
  return undefined;
}

/** "khuôn khổ X - Y, Z - W và …": one framework per dash-joined party group. */
function matchFrameworkList(tokens: readonly Token[], i: number): ForumMatch[] | undefined {
  const intro = lexicon.frameworkIntroducers.matchAt(tokens, i);
  if (!intro) return undefined;
  const found: ForumMatch[] = [];
  let j = intro.end;
  const named = namedGroup(tokens, j);
  if (named) return [named];
  for (;;) {
    const group = matchPartyGroup(tokens, j);
    if (!group) break;
    found.push({ start: j, end: group.end, attributes: { kind: "framework", parties: group.parties }, rule: "forum.framework-list" });
    j = group.end;
    if (tokens[j]?.text === "," || tokens[j]?.folded === "và") j++;
    else break;
  }
  return found.length > 0 ? found : undefined;
}

const NAMED_GROUP_LOOKAHEAD = 6;

/**
 * "khuôn khổ Tam giác phát triển Campuchia - Lào - Việt Nam": a capitalized name (not a fund, a
 * partnership…) running to a group of parties, and its abbreviation.
 */
function namedGroup(tokens: readonly Token[], j: number): ForumMatch | undefined {
  const first = tokens[j];
  const grouping = lexicon.places.matchAt(tokens, j);
  // A grouping whose own name joins several parties ("Tam giác phát triển Campuchia - Lào - Việt Nam").
  if (grouping?.value.kind === "grouping" && tokens.slice(j, grouping.end).some(isDash)) {
    const abbr = matchParenthetical(tokens, grouping.end);
    const attributes: ForumAttributes = { kind: "framework", parties: [grouping.value.en] };
    if (abbr?.acronym) attributes.abbreviation = abbr.text;
    return { start: j, end: abbr?.acronym ? abbr.end : grouping.end, attributes, rule: "forum.framework-list" };
  }
  if (!isProperWord(first) || grouping || lexicon.notForumNouns.matchAt(tokens, j) || first!.isAllCaps) return undefined;
  for (let k = j + 1; k < Math.min(tokens.length, j + NAMED_GROUP_LOOKAHEAD); k++) {
    if (tokens[k]!.kind !== "word" || lexicon.clauseWords.matchAt(tokens, k)) return undefined;
    const group = matchPartyGroup(tokens, k);
    if (!group) continue;
    const abbr = matchParenthetical(tokens, group.end);
    const attributes: ForumAttributes = { kind: "framework", parties: group.parties };
    if (abbr?.acronym) attributes.abbreviation = abbr.text;
    return { start: j, end: abbr?.acronym ? abbr.end : group.end, attributes, rule: "forum.framework-list" };
  }
  return undefined;
}

/** "Mê Công - Lan Cang (Lan Thương)": two or more parties joined by dashes. */
function matchPartyGroup(tokens: readonly Token[], j: number): { end: number; parties: string[] } | undefined {
  const parties: string[] = [];
  let k = j;
  for (;;) {
    const place = lexicon.places.matchAt(tokens, k);
    if (place) {
      parties.push(place.value.en);
      k = place.end;
    } else if (tokens[k]?.isAllCaps) {
      parties.push(tokens[k]!.text);
      k++;
    } else break;
    const paren = matchParenthetical(tokens, k);
    if (paren && !paren.acronym) k = paren.end;
    if (isDash(tokens[k]) && (lexicon.places.matchAt(tokens, k + 1) || tokens[k + 1]?.isAllCaps)) k++;
    else break;
  }
  return parties.length >= 2 ? { end: k, parties } : undefined;
}
