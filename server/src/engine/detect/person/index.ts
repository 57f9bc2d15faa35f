/**
 * Person detection, in two passes over the article lines.
 *
 * 1. Title triggers: TITLE ("," TITLE)* (PORTFOLIO | BODY | PLACE | ACRONYM)* NAME — "Phó Thủ tướng,
 *    Bộ trưởng Ngoại giao Campuchia Prak Sokhonn". Honorifics ("ông", "bà") followed by a name too.
 *    A full name found this way becomes known to the article.
 * 2. In-article reference: a single part after a title or honorific ("Bộ trưởng Motegi", "ông Sơn")
 *    resolves to the known full name containing it; every later occurrence of a known full name, and of
 *    a distinctive part of a foreign one, is a mention of that person.
 * No list of names is needed; `known-officials.json` only completes attributes.
 */
import { lexicon } from "../../lexicon";
import type { Token } from "../../text/tokens";
import type { ArticleDocument } from "../../document";
import type { Line } from "../../text/lines";
import type { Entity, PersonAttributes } from "../../types";
import { matchName, readNameParts, type NameMatch } from "../names";
import type { Mention } from "./mention";
import { PeopleIndex, canonicalOf } from "./people";
import { SpanIndex } from "../../text/spanIndex";
import { matchTrigger, nameAfterUnknownOrganization, nameAfterUnknownPortfolio } from "./titles";
import type { KnowledgeBase } from "../../kb/knowledgeBase";

/** Mentions read in the first pass: full names, and single parts still to resolve. */
export interface PersonMentions {
  readonly full: Mention[];
  readonly partial: Mention[];
}

/**
 * First pass, over some segments (the caller goes a block at a time): title triggers, honorifics
 * and bare Vietnamese names, avoiding spans already taken (forums); `taken` need only hold the
 * spans inside these segments.
 */
export function collectPersonMentions(doc: ArticleDocument, taken: readonly { start: number; end: number }[], segments: Iterable<Line>, into: PersonMentions, knowledgeBase?: KnowledgeBase): void {
  const takenIndex = new SpanIndex(taken);
  const overlapsTaken = (start: number, end: number): boolean => doc.isDebris(start, end) || takenIndex.overlaps(start, end);
  const { full, partial } = into;

  for (const line of segments) {
    const tokens = doc.tokens(line);
    let i = 0;
    while (i < tokens.length) {
      const trigger = matchTrigger(tokens, i);
      if (!trigger) {
        const known = knowledgeBase ? knownName(tokens, i, knowledgeBase) : undefined;
        if (known && !overlapsTaken(tokens[i]!.start, tokens[known.end - 1]!.end)) {
          full.push({ line: line.index, name: known, start: tokens[i]!.start, end: tokens[known.end - 1]!.end, rule: "person.knowledge-base" });
          i = known.end;
          continue;
        }
        const bare = bareVietnameseName(tokens, i);
        if (bare && !overlapsTaken(tokens[bare.start]!.start, tokens[bare.end - 1]!.end)) {
          full.push({ line: line.index, name: bare, start: tokens[bare.start]!.start, end: tokens[bare.end - 1]!.end, rule: "person.name-shape" });
          i = Math.max(i + 1, bare.end);
        } else i++;
        continue;
      }
      if (overlapsTaken(tokens[i]!.start, tokens[trigger.nameAt - 1]!.end)) {
        i++;
        continue;
      }
      const read = matchName(tokens, trigger.nameAt);
      // A single capitalized word followed by lowercase ones may be a portfolio the data does not know.
      const unknownPortfolio = trigger.title && (!read || read.parts.length === 1) ? nameAfterUnknownPortfolio(tokens, trigger.nameAt, trigger.title) : undefined;
      // An organization the data does not know ("Cơ quan Dịch vụ Thú y (DVS)") is not a name.
      const organization = trigger.title !== undefined && lexicon.organizationHeads.matchAt(tokens, trigger.nameAt) !== undefined;
      const name = unknownPortfolio ?? (organization ? undefined : read) ?? (trigger.title ? nameAfterUnknownOrganization(tokens, trigger.nameAt) : undefined);
      if (!name) {
        i = Math.max(i + 1, trigger.nameAt);
        continue;
      }
      const start = tokens[name.start]!.start;
      const end = tokens[name.end - 1]!.end;
      if (!overlapsTaken(start, end)) {
        const mention: Mention = { line: line.index, name, start, end, rule: trigger.title ? "person.title-trigger" : "person.honorific" };
        if (trigger.title) {
          mention.title = trigger.title;
          mention.titleText = doc.display(tokens[trigger.title.titleStart]!.start, tokens[trigger.title.titleEnd - 1]!.end);
        }
        (name.parts.length >= 2 ? full : partial).push(mention);
        // "Bốp Hoắc-cơ (Bob Hawke)": the original spelling in brackets is a second mention.
        const original = tokens[name.end]?.text === "(" ? matchName(tokens, name.end + 1) : undefined;
        if (original && original.start === name.end + 1 && original.parts.length >= 2 && tokens[original.end]?.text === ")") {
          const originalStart = tokens[original.start]!.start;
          const originalEnd = tokens[original.end - 1]!.end;
          if (!overlapsTaken(originalStart, originalEnd)) full.push({ ...mention, name: original, start: originalStart, end: originalEnd, rule: "person.original-spelling" });
        }
      }
      // The name ends past token i; the guard keeps the scan moving whatever a grammar returns.
      i = Math.max(i + 1, name.end);
    }
  }
}

/** Second pass, over the whole article: resolves single parts, finds repeats of known names. */
export function resolvePersons(doc: ArticleDocument, { full, partial }: PersonMentions, taken: readonly { start: number; end: number }[]): Entity[] {
  const takenIndex = new SpanIndex(taken);
  const overlapsTaken = (start: number, end: number): boolean => doc.isDebris(start, end) || takenIndex.overlaps(start, end);
  const people = new PeopleIndex(doc, full);
  const mentions: Mention[] = [...full];
  for (const mention of partial) {
    const canonical = people.resolvePart(mention.name.parts[0]!.folded);
    if (canonical) mentions.push({ ...mention, rule: "person.coreference" });
    else if (mention.name.style === "foreign") mentions.push(mention);
  }
  mentions.push(...findRepeats(doc, people, mentions, overlapsTaken));
  return mentions.sort((a, b) => a.start - b.start).map((m) => toEntity(doc, m, people));
}

/**
 * A name of the knowledge base starting at token `i`, with no title before it (issue 16: a person
 * corrected once is recognized in the whole corpus): capitalized, read as name parts that end
 * exactly where the known name does.
 */
function knownName(tokens: readonly Token[], i: number, knowledgeBase: KnowledgeBase): NameMatch | undefined {
  if (!tokens[i]!.isCapitalized) return undefined;
  const end = knowledgeBase.nameAt(tokens, i);
  if (end === undefined || namedAfter(tokens, i)) return undefined;
  const parts = readNameParts(tokens, i).filter((p) => p.end <= end);
  if (parts.length === 0 || parts[parts.length - 1]!.end !== end) return undefined;
  return { start: i, end, parts, style: parts.every((p) => p.vietnamese) ? "vietnamese" : "foreign" };
}

/**
 * Whether a name at token `i` with no title is part of something else: a longer name (a
 * capitalized word before it), or a street, school, fund, place or organization named after a
 * person ("đường Lê Duẩn", "Quỹ Hun Sen", "phường Tô Lâm", "Đại học Muhammad V").
 */
function namedAfter(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  if (previous && previous.kind === "word" && previous.isCapitalized && previous.gap !== "") return true;
  for (let back = 1; back <= 3; back++) {
    for (const set of [lexicon.nameBlockers, lexicon.placeNouns, lexicon.organizationHeads]) if (set.matchAt(tokens, i - back)?.end === i) return true;
  }
  return false;
}

/**
 * "Nguyễn Thị Minh Châu" with no title: a family name and two or three more Vietnamese syllables,
 * no more and no less, not after a capitalized word (part of a longer name) nor after a word that
 * makes it a street or a school ("đường Trần Hưng Đạo").
 */
function bareVietnameseName(tokens: readonly Token[], i: number): NameMatch | undefined {
  const token = tokens[i]!;
  if (!token.isCapitalized || !lexicon.surnames.has(token.folded)) return undefined;
  if (namedAfter(tokens, i)) return undefined;
  if (lexicon.places.matchAt(tokens, i)) return undefined;
  const parts = readNameParts(tokens, i);
  if (parts.length < 3 || parts.length > 4 || !parts.every((p) => p.vietnamese)) return undefined;
  if (parts.some((p) => lexicon.places.matchAt(tokens, p.start) || lexicon.titles.matchAt(tokens, p.start) || lexicon.bodies.matchAt(tokens, p.start))) return undefined;
  return { start: i, end: parts[parts.length - 1]!.end, parts, style: "vietnamese" };
}

/** Untitled occurrences of known full names, and of distinctive parts of foreign names. */
function findRepeats(
  doc: ArticleDocument,
  people: PeopleIndex,
  existing: readonly Mention[],
  overlapsTaken: (start: number, end: number) => boolean,
): Mention[] {
  const found: Mention[] = [];
  // Repeats are found left to right and the scan resumes after each: only earlier mentions can overlap one.
  const mentioned = new SpanIndex(existing);
  const covered = (start: number, end: number): boolean => overlapsTaken(start, end) || mentioned.overlaps(start, end);
  const fullNames = new Set(people.canonicals().map((c) => c.toLowerCase()));
  for (const line of doc.articleSegments()) {
    const tokens = doc.tokens(line);
    for (let i = 0; i < tokens.length; i++) {
      // Only a part of a known name can start a repeat: a cheap test before reading a name. An
      // honorific ("Tengku", "Dato’") is never a repeat of the name it belongs to.
      if (!people.hasPart(tokens[i]!.folded) || lexicon.titleHonorifics.matchAt(tokens, i)) continue;
      const name = matchName(tokens, i);
      if (!name || name.start !== i) continue;
      // The longest known full name starting here, else a distinctive single part of a foreign name.
      let match: NameMatch | undefined;
      for (let n = name.parts.length; n >= 1 && !match; n--) {
        const parts = name.parts.slice(0, n);
        const folded = parts.map((p) => p.folded).join(" ");
        const foreignRun = n >= 2 && people.resolveParts(parts.map((p) => p.folded)) !== undefined && parts.some((p) => !p.vietnamese);
        if (n >= 2 && (fullNames.has(folded) || foreignRun)) match = { ...name, parts, end: parts[n - 1]!.end };
        else if (n === 1 && isDistinctivePart(parts[0]!.folded, parts[0]!.vietnamese, people)) match = { ...name, parts, end: parts[0]!.end };
      }
      if (!match) continue;
      const start = tokens[match.start]!.start;
      const end = tokens[match.end - 1]!.end;
      if (covered(start, end)) continue;
      found.push({ line: line.index, name: match, start, end, rule: match.parts.length >= 2 ? "person.repeat" : "person.coreference" });
      i = Math.max(i, match.end - 1);
    }
  }
  return found;
}

/** A part of exactly one foreign full name, long enough not to be a common word ("Motegi"). */
function isDistinctivePart(folded: string, vietnamese: boolean, people: PeopleIndex): boolean {
  if (vietnamese || folded.length < 4) return false;
  const canonical = people.resolvePart(folded);
  return canonical !== undefined && people.style(canonical) === "foreign";
}

function toEntity(doc: ArticleDocument, mention: Mention, people: PeopleIndex): Entity {
  const own = canonicalOf(mention.name);
  const canonical =
    mention.name.parts.length >= 2
      ? people.resolveParts(mention.name.parts.map((p) => p.folded)) ?? people.root(own)
      : people.resolvePart(mention.name.parts[0]!.folded) ?? own;
  const merged = people.merged(canonical);
  const roles = merged.roles.length > 0 ? merged.roles : mention.title?.roles ?? [];
  const attributes: PersonAttributes = {
    canonical: people.display(canonical) ?? doc.display(mention.start, mention.end),
    nameStyle: people.style(canonical) ?? mention.name.style,
  };
  if (mention.titleText) attributes.title = mention.titleText;
  if (roles.length > 0) {
    attributes.role = roles[0]!;
    attributes.roles = roles;
  }
  const portfolio = merged.portfolio ?? mention.title?.portfolio;
  if (portfolio) attributes.portfolio = portfolio;
  const country = merged.country ?? mention.title?.country;
  if (country) attributes.country = country;
  return { type: "person", start: mention.start, end: mention.end, text: doc.text.slice(mention.start, mention.end), attributes, rule: mention.rule };
}
