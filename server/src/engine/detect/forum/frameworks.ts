/**
 * Frameworks introduced by "khuôn khổ"/"cơ chế": dash-joined party groups ("khuôn khổ Mê Công - Lan
 * Cang, Mê Công - Nhật Bản"), one forum each, or a capitalized name running to its group ("khuôn khổ
 * Tam giác phát triển Campuchia - Lào - Việt Nam").
 */
import { lexicon } from "../../lexicon";
import type { Token } from "../../text/tokens";
import type { ForumAttributes } from "../../types";
import { isDash, isProperWord } from "../grammar";
import { matchParenthetical } from "./nameParts";
import type { ForumMatch } from "./match";

/** "khuôn khổ X - Y, Z - W và …": one framework per dash-joined party group. */
export function matchFrameworkList(tokens: readonly Token[], i: number): ForumMatch[] | undefined {
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
