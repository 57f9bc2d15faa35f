/**
 * English forum names, which put the head noun last: "5th Australia - Việt Nam Foreign Ministers'
 * Meeting", "ASEAN-Australia Special Summit", "Shangri-La Dialogue". From a capitalized head noun the
 * name runs left over capitalized words, places, acronyms and connectors ("and", "-", "'"), and takes
 * an ordinal in front ("5th", "2nd"). It must contain a party, an acronym or an ordinal.
 */
import { lexicon } from "../lexicon";
import type { Token } from "../text/tokens";
import type { ArticleDocument } from "../document";
import type { Line } from "../text/lines";
import type { Entity, ForumAttributes } from "../types";
import { isDash } from "./grammar";
import { SpanIndex } from "../text/spanIndex";

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;
const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };

/** English forum names in the article lines of `doc` (or some of its segments), outside `taken` spans. */
export function detectEnglishForums(doc: ArticleDocument, taken: readonly { start: number; end: number }[], segments: Iterable<Line> = doc.articleSegments()): Entity[] {
  const entities: Entity[] = [];
  const takenIndex = new SpanIndex(taken);
  for (const line of segments) {
    const tokens = doc.tokens(line);
    for (let i = 0; i < tokens.length; i++) {
      const head = lexicon.englishForumHeads.matchAt(tokens, i);
      if (!head) continue;
      const found = readLeft(tokens, i);
      if (!found) continue;
      const start = tokens[found.start]!.start;
      // "… Climate Change Conference (COP29)": an abbreviation in parentheses right after belongs to the name.
      const abbreviation = tokens[head.end]?.text === "(" && tokens[head.end + 1]?.isAllCaps === true && tokens[head.end + 2]?.text === ")";
      const last = abbreviation ? head.end + 2 : head.end - 1;
      const end = tokens[last]!.end;
      if (doc.isDebris(start, end) || takenIndex.overlaps(start, end)) continue;
      const attributes: ForumAttributes = { kind: head.value.kind };
      for (let k = found.start; k < head.end; k++) {
        const hint = lexicon.englishKindHints.matchAt(tokens, k);
        if (hint && (attributes.kind === "meeting" || attributes.kind === "conference")) {
          attributes.kind = hint.value.kind;
          if (hint.value.level) attributes.level = hint.value.level;
        }
      }
      if (found.edition !== undefined) attributes.edition = found.edition;
      if (found.parties.length > 0) attributes.parties = found.parties;
      if (abbreviation) attributes.abbreviation = tokens[head.end + 1]!.text;
      entities.push({ type: "forum", start, end, text: doc.text.slice(start, end), attributes, rule: "forum.english-head" });
      i = Math.max(i, last);
    }
  }
  return entities;
}

function readLeft(tokens: readonly Token[], headAt: number): { start: number; edition?: number; parties: string[] } | undefined {
  let start = headAt;
  const parties: string[] = [];
  let named = false;
  let k = headAt - 1;
  while (k >= 0) {
    const token = tokens[k]!;
    const place = placeEndingAt(tokens, k + 1);
    if (place) {
      parties.unshift(place.en);
      named = true;
      start = k = place.start;
      k--;
      continue;
    }
    if (token.kind === "word" && token.isCapitalized && token.folded !== "the") {
      if (token.isAllCaps) {
        parties.unshift(token.text);
        named = true;
      }
      start = k--;
      continue;
    }
    if ((isDash(token) || lexicon.englishConnectors.has(token.text)) && k > 0 && tokens[k - 1]!.kind !== "punct") {
      k--;
      continue;
    }
    break;
  }
  // Trailing connectors at the left edge ("and Summit") are not part of the name.
  while (start < headAt && (isDash(tokens[start]) || lexicon.englishConnectors.has(tokens[start]!.text))) start++;
  const ordinal = ordinalBefore(tokens, start);
  if (ordinal) return { start: ordinal.start, edition: ordinal.value, parties };
  return named && start < headAt ? { start, parties } : undefined;
}

function placeEndingAt(tokens: readonly Token[], end: number): { start: number; en: string } | undefined {
  for (let k = Math.max(0, end - 4); k < end; k++) {
    const place = lexicon.places.matchAt(tokens, k);
    if (place?.end === end && tokens[k]!.isCapitalized) return { start: k, en: place.value.en };
  }
  return undefined;
}

/** "5th", "2nd" (a number with an attached suffix) or "Fifth" just before the name. */
function ordinalBefore(tokens: readonly Token[], start: number): { start: number; value: number } | undefined {
  const suffix = tokens[start - 1];
  const number = tokens[start - 2];
  if (suffix && number && number.kind === "number" && ORDINAL_SUFFIX.test(suffix.text) && suffix.gap === "") {
    return { start: start - 2, value: Number(number.text) };
  }
  const word = tokens[start - 1];
  if (word && ORDINAL_WORDS[word.folded] !== undefined && word.isCapitalized) return { start: start - 1, value: ORDINAL_WORDS[word.folded]! };
  return undefined;
}
