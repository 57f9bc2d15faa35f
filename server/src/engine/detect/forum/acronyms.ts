/**
 * A forum named by its acronym alone (guidelines, Refinements 2026-11-30): a forum's acronym that
 * stands for the forum itself ("tại APEC", "G20 đã thống nhất", "coi trọng APEC"), and an abbreviation a forum's name
 * introduced in parentheses, used alone later ("… (AEM-56) … AEM-56 thông qua"). As a modifier of
 * people or countries ("các nền kinh tế G20", "các Bộ trưởng APEC") an acronym is not a forum.
 */
import { lexicon } from "../../lexicon";
import type { Token } from "../../text/tokens";
import type { ForumAttributes } from "../../types";
import { isSentenceStart } from "../grammar";
import type { ForumMatch } from "./match";

/**
 * Abbreviations introduced so far in a document, with the attributes of the forum they stand for,
 * filed under the text of their first token ("AEM" for "AEM-56") so a token is checked against only
 * the abbreviations it can start.
 */
export class IntroducedAbbreviations {
  private readonly byFirstToken = new Map<string, Map<string, ForumAttributes>>();

  /** Files `abbreviation` ("AEM-56") unless it is already known. */
  add(abbreviation: string, attributes: ForumAttributes): void {
    const first = /^[\p{L}\p{N}]+/u.exec(abbreviation)?.[0];
    if (!first) return;
    const known = this.byFirstToken.get(first) ?? new Map<string, ForumAttributes>();
    if (!known.has(abbreviation)) known.set(abbreviation, { ...attributes });
    this.byFirstToken.set(first, known);
  }

  /** The abbreviations that start with a token written `text`. */
  startingWith(text: string): ReadonlyMap<string, ForumAttributes> | undefined {
    return this.byFirstToken.get(text);
  }
}

/**
 * The acronym at token `i` when it stands for a forum: one of the data's standing acronyms, unless it
 * modifies a noun of people or countries or is part of a longer name; or an abbreviation `introduced`
 * earlier, anywhere it stands alone. Tokens are one line's; `i` is 0-based.
 */
export function matchForumAcronym(tokens: readonly Token[], i: number, introduced: IntroducedAbbreviations): ForumMatch | undefined {
  const token = tokens[i]!;
  if (token.kind !== "word" && token.kind !== "number") return undefined;
  // Most tokens start no abbreviation: no iteration is set up for them.
  const introducedHere = introduced.startingWith(token.text);
  if (introducedHere) {
    for (const [abbreviation, attributes] of introducedHere) {
      const end = spells(tokens, i, abbreviation);
      if (end > 0) return standsAlone(tokens, i, end) ? { start: i, end, attributes: { ...attributes, abbreviation }, rule: "forum.abbreviation" } : undefined;
    }
  }
  const standing = lexicon.standingAcronyms.matchAt(tokens, i);
  if (!standing) return undefined;
  const next = tokens[standing.end];
  // "G20" inside a longer word or code ("G20-2024") is not the acronym alone.
  if (next && next.gap === "" && next.kind !== "punct") return undefined;
  if (!standsAlone(tokens, i, standing.end)) return undefined;
  return { start: i, end: standing.end, attributes: { kind: standing.value.kind, abbreviation: tokens.slice(i, standing.end).map((t) => t.text).join("") }, rule: "forum.acronym" };
}

/**
 * Whether the acronym at tokens `start`–`end` stands for the forum: not a modifier of people or
 * countries ("các nền kinh tế G20", "các Bộ trưởng ADMM", "G7 countries"), not part of a longer name
 * ("Quỹ APEC").
 */
function standsAlone(tokens: readonly Token[], start: number, end: number): boolean {
  if ([1, 2, 3].some((back) => start - back >= 0 && lexicon.acronymModifiedNouns.matchAt(tokens, start - back)?.end === start)) return false;
  if (lexicon.acronymModifiedAfter.matchAt(tokens, end)) return false;
  const previous = tokens[start - 1];
  return !(previous && previous.kind === "word" && previous.isCapitalized && !isSentenceStart(tokens, start));
}

/** End of the tokens from `i` that spell `text` exactly (their gaps included), or 0. */
function spells(tokens: readonly Token[], i: number, text: string): number {
  let written = "";
  for (let k = i; k < tokens.length && written.length < text.length; k++) {
    written += (k === i ? "" : tokens[k]!.gap) + tokens[k]!.text;
    if (written === text) {
      const after = tokens[k + 1];
      return after && after.gap === "" && after.kind !== "punct" ? 0 : k + 1;
    }
  }
  return 0;
}
