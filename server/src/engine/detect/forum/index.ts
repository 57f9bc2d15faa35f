/**
 * Forum detection: named meetings, conferences, summits, dialogues and cooperation frameworks.
 *
 * Grammar (token level): HEAD (QUALIFIER | PARTY | CONNECTOR)* [ORDINAL] [(ABBREVIATION)], where the
 * name must contain a party (a country, grouping, acronym or capitalized name) or an ordinal, so a bare
 * "hội nghị" that refers back is not a forum. "khuôn khổ"/"cơ chế" followed by dash-joined party
 * groups ("khuôn khổ Mê Công - Lan Cang, Mê Công - Nhật Bản") names one framework per group.
 */
import { lexicon } from "../../lexicon";
import type { Token } from "../../text/tokens";
import type { ArticleDocument } from "../../document";
import type { Line } from "../../text/lines";
import type { Entity, ForumAttributes } from "../../types";
import { isDash, isProperWord, isSentenceStart, parseInteger } from "../grammar";
import { matchFrameworkList } from "./frameworks";
import { IntroducedAbbreviations, matchForumAcronym } from "./acronyms";
import type { ForumMatch } from "./match";
import {
  consumeAttachedSuffix,
  countPlaces,
  extendName,
  isLowercaseWord,
  isPluralOrOtherNoun,
  isStrongEnd,
  matchOrdinal,
  matchParenthetical,
  nameGoesOnOrEnds,
} from "./nameParts";

const GENERIC_KINDS = new Set(["conference", "meeting", "forum"]);

/** Finds forums in the article lines of `doc` (normalized offsets), or in some of its segments. */
export function detectForums(doc: ArticleDocument, segments: Iterable<Line> = doc.articleSegments()): Entity[] {
  const entities: Entity[] = [];
  const introduced = new IntroducedAbbreviations();
  for (const line of segments) {
    const tokens = doc.tokens(line);
    let i = 0;
    while (i < tokens.length) {
      const found = matchFrameworkList(tokens, i) ?? optional(matchForum(tokens, i) ?? matchForumAcronym(tokens, i, introduced));
      if (!found || found.length === 0) {
        i++;
        continue;
      }
      for (const match of found) {
        const start = tokens[match.start]!.start;
        const end = tokens[match.end - 1]!.end;
        if (doc.isDebris(start, end)) continue;
        const { abbreviation } = match.attributes;
        if (abbreviation && match.rule !== "forum.abbreviation" && match.rule !== "forum.acronym") introduced.add(abbreviation, match.attributes);
        entities.push({ type: "forum", start, end, text: doc.text.slice(start, end), attributes: match.attributes, rule: match.rule });
      }
      // A match ends past token i; the guard keeps the scan moving whatever a grammar returns.
      i = Math.max(i + 1, found[found.length - 1]!.end);
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
  // A forum named inside a person's title ("Chủ tịch Hội nghị …", "Trưởng SOM …") is the title's.
  if ([1, 2, 3].some((back) => i - back >= 0 && lexicon.titles.matchAt(tokens, i - back)?.end === i)) return undefined;
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
    // "cuộc họp nội các chung", "cuộc họp liên chính phủ": a standing mechanism named by its qualifier.
    const naming = lexicon.namingQualifiers.matchAt(tokens, j);
    if (naming) {
      j = lastGood = naming.end;
      named = true;
      continue;
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
      // "Diễn đàn Thanh niên": a capitalized word after a capitalized head is a short name when the name ends there.
      if (first.isCapitalized && token.isCapitalized && !hint && qualifier.start === head.end && nameEndsAt(tokens, j)) {
        lastGood = j;
        named = true;
      }
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
  // "Hội nghị Ngoại trưởng lần thứ 7 Hợp tác Lan Thương - Mê Công": the framework it belongs to is in the name.
  if (afterOrdinal && lastGood === j) {
    const framework = tokens[lastGood]?.isCapitalized ? matchForum(tokens, lastGood) : undefined;
    if (framework?.rule === "forum.framework") {
      lastGood = framework.end;
      for (const party of framework.attributes.parties ?? []) parties.push(party);
    }
  }
  // Named by lowercase words after a capitalized head: when introduced as an event ("tham dự Hội
  // nghị xúc tiến đầu tư"), as a list item after a colon, or, as an object, closed by a pair of
  // parties ("khai mạc Diễn đàn hợp tác sầu riêng Trung Quốc - ASEAN"); not the meeting as a subject
  // ("Tại đây, Hội nghị nhấn mạnh vai trò Việt Nam - Lào").
  if (!named && first.isCapitalized) {
    const described = describedName(tokens, head.end);
    const introduced = tokens[i - 1]?.text === ":" || [1, 2].some((back) => i - back >= 0 && lexicon.eventIntroducers.matchAt(tokens, i - back)?.end === i);
    // A head right after a lowercase word is an object ("khai mạc Diễn đàn …"), not the sentence's subject.
    const object = tokens[i - 1]?.kind === "word" && !tokens[i - 1]!.isCapitalized;
    if (described && (introduced || (described.pairedParties && object))) {
      lastGood = described.end;
      named = true;
    }
  }
  if (!named) return undefined;
  // A party's congress or plenum ("Đại hội lần thứ 20 của Đảng …") is not a forum.
  if (lexicon.forumOwnersExcluded.matchAt(tokens, tokens[lastGood]?.folded === "của" ? lastGood + 1 : lastGood)) return undefined;
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

const MIN_DESCRIBED_WORDS = 2;
const MAX_DESCRIBED_WORDS = 7;

/**
 * A name made of lowercase words after a capitalized head ("Hội nghị xúc tiến đầu tư", "Diễn đàn
 * tư vấn kinh tế cấp bộ trưởng ở châu Á - Thái Bình Dương", "Diễn đàn Đầu tư xanh Việt Nam -
 * Singapore"): two to seven words (a qualifier may be capitalized) with no clause word, closed by
 * punctuation, a clause word, the line's end or a group of parties (then maybe "năm 2025", an
 * ordinal, an acronym in brackets). "ở" and a region (a grouping, not a country: that is the venue)
 * stay in the name. Its end (token index, exclusive) and whether two or more parties close it.
 */
function describedName(tokens: readonly Token[], from: number): { end: number; pairedParties: boolean } | undefined {
  let k = from;
  let words = 0;
  while (k < tokens.length && words <= MAX_DESCRIBED_WORDS) {
    const token = tokens[k]!;
    // Another forum's capitalized head begins another name; a lowercase one ("hợp tác") is a word of this one.
    if (token.kind !== "word" || lexicon.clauseWords.matchAt(tokens, k) || (token.isCapitalized && lexicon.forumHeads.matchAt(tokens, k))) break;
    if (token.isCapitalized) {
      const qualifier = lexicon.forumQualifiers.matchAt(tokens, k);
      if (!qualifier || lexicon.places.matchAt(tokens, k)) break;
      words += qualifier.end - k;
      k = qualifier.end;
      continue;
    }
    words++;
    k++;
  }
  if (words < MIN_DESCRIBED_WORDS || words > MAX_DESCRIBED_WORDS) return undefined;
  const next = tokens[k];
  if (next?.folded === "ở") {
    const region = lexicon.places.matchAt(tokens, k + 1);
    if (region?.value.kind === "grouping") {
      let end = region.end;
      // "châu Á - Thái Bình Dương": a dash-joined region is one.
      while (isDash(tokens[end]) && lexicon.places.matchAt(tokens, end + 1)) end = lexicon.places.matchAt(tokens, end + 1)!.end;
      return { end, pairedParties: false };
    }
  }
  // "Diễn đàn các đô thị ven biển ASEAN - Nhật Bản": the lowercase words end in the parties.
  if (next && next.kind === "word" && next.isCapitalized) return partyGroup(tokens, k);
  return next && next.kind === "number" ? undefined : { end: k, pairedParties: false };
}

/**
 * Dash-joined places and acronyms from token `k` ("ASEAN - Nhật Bản"), then maybe a year ("năm
 * 2025"), an ordinal and an acronym in brackets, ending the name; undefined when none starts there.
 */
function partyGroup(tokens: readonly Token[], k: number): { end: number; pairedParties: boolean } | undefined {
  const party = (at: number): number => lexicon.places.matchAt(tokens, at)?.end ?? (tokens[at]?.isAllCaps ? at + 1 : 0);
  let end = party(k);
  if (end === 0) return undefined;
  let count = 1;
  while (isDash(tokens[end]) && party(end + 1) > 0) {
    end = party(end + 1);
    count++;
  }
  if (tokens[end]?.folded === "năm" && /^(19|20)\d\d$/u.test(tokens[end + 1]?.text ?? "")) end += 2;
  const ordinal = matchOrdinal(tokens, end);
  if (ordinal) end = ordinal.end;
  const abbreviation = matchParenthetical(tokens, end);
  if (abbreviation?.acronym) end = abbreviation.end;
  // "… Việt Nam - Singapore lần đầu tiên": words that are not an ordinal end the name too.
  return nameEndsAt(tokens, end) || lexicon.ordinalIntroducers.matchAt(tokens, end) ? { end, pairedParties: count >= 2 } : undefined;
}

/** Nothing after token `k - 1` continues a name: punctuation, a clause word or the line's end. */
function nameEndsAt(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k];
  return !next || (next.kind === "punct" && !isDash(next)) || lexicon.clauseWords.matchAt(tokens, k) !== undefined;
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
