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
import { lexicon } from "../lexicon";
import type { Token } from "../text/tokens";
import type { ArticleDocument } from "../document";
import type { Entity, PersonAttributes } from "../types";
import { isSentenceStart } from "./grammar";
import { matchName, readNameParts, type NameMatch } from "./names";

interface TitleInfo {
  titleStart: number; // token index
  titleEnd: number;
  roles: string[];
  portfolio?: string;
  country?: string;
}

interface Mention {
  line: number;
  name: NameMatch;
  start: number; // normalized offsets
  end: number;
  title?: TitleInfo;
  titleText?: string;
  rule: string;
}

/** Finds persons in the article lines of `doc`, avoiding spans already taken (forums). */
export function detectPersons(doc: ArticleDocument, taken: readonly { start: number; end: number }[]): Entity[] {
  const overlapsTaken = (start: number, end: number): boolean =>
    doc.isDebris(start, end) || taken.some((t) => t.start < end && start < t.end);
  const full: Mention[] = [];
  const partial: Mention[] = [];

  for (const line of doc.articleLines()) {
    const tokens = doc.tokens(line.index);
    let i = 0;
    while (i < tokens.length) {
      const trigger = matchTrigger(tokens, i);
      if (!trigger) {
        const bare = bareVietnameseName(tokens, i);
        if (bare && !overlapsTaken(tokens[bare.start]!.start, tokens[bare.end - 1]!.end)) {
          full.push({ line: line.index, name: bare, start: tokens[bare.start]!.start, end: tokens[bare.end - 1]!.end, rule: "person.name-shape" });
          i = bare.end;
        } else i++;
        continue;
      }
      if (overlapsTaken(tokens[i]!.start, tokens[trigger.nameAt - 1]!.end)) {
        i++;
        continue;
      }
      const name = matchName(tokens, trigger.nameAt) ?? (trigger.title ? nameAfterUnknownOrganization(tokens, trigger.nameAt) : undefined);
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
          mention.titleText = doc.text.slice(tokens[trigger.title.titleStart]!.start, tokens[trigger.title.titleEnd - 1]!.end);
        }
        (name.parts.length >= 2 ? full : partial).push(mention);
      }
      i = name.end;
    }
  }

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

/** The title or honorific at token `i`, and where the name should start. */
function matchTrigger(tokens: readonly Token[], i: number): { nameAt: number; title?: TitleInfo } | undefined {
  // "Phó" before a title the data does not list as a deputy one ("Phó Thị trưởng") makes it so.
  const deputy = lexicon.deputyPrefixes.has(tokens[i]?.folded ?? "") && !lexicon.titles.matchAt(tokens, i) ? lexicon.titles.matchAt(tokens, i + 1) : undefined;
  const title = deputy ? { ...deputy, value: { ...deputy.value, role: `deputy-${deputy.value.role}` } } : lexicon.titles.matchAt(tokens, i);
  if (title && isBlockedTitle(tokens, i)) return undefined;
  if (title) {
    const info: TitleInfo = { titleStart: i, titleEnd: title.end, roles: [title.value.role] };
    if (title.value.portfolio) info.portfolio = title.value.portfolio;
    const country = countryBefore(tokens, i);
    if (country) info.country = country;
    return { nameAt: readDescriptors(tokens, title.end, info), title: info };
  }
  const honorific = lexicon.honorifics.matchAt(tokens, i);
  if (honorific) {
    // Capitalized "Bà"/"Ông" mid-sentence is part of a place name ("Bà Rịa"), not an honorific.
    if (tokens[i]!.isCapitalized && !isSentenceStart(tokens, i) && tokens[i]!.folded.length <= 3) return undefined;
    return { nameAt: honorific.end };
  }
  return undefined;
}

/** "Phủ Chủ tịch": the title names a building or an office here. */
function isBlockedTitle(tokens: readonly Token[], i: number): boolean {
  for (let back = 1; back <= 2; back++) if (lexicon.titleBlockers.matchAt(tokens, i - back)?.end === i) return true;
  return false;
}

/** "Australian Foreign Minister …": English puts the country before the title. */
function countryBefore(tokens: readonly Token[], i: number): string | undefined {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const place = lexicon.places.matchAt(tokens, k);
    if (place?.end === i && place.value.kind === "country" && tokens[k]!.isCapitalized) return place.value.code;
  }
  return undefined;
}

/** Consumes stacked titles, portfolios, bodies, places and acronyms after a title. */
function readDescriptors(tokens: readonly Token[], j: number, info: TitleInfo): number {
  for (;;) {
    const token = tokens[j];
    if (!token) return j;
    if ((token.text === "," || token.folded === "kiêm") && lexicon.titles.matchAt(tokens, j + 1)) {
      const next = lexicon.titles.matchAt(tokens, j + 1)!;
      if (!info.roles.includes(next.value.role)) info.roles.push(next.value.role);
      if (next.value.portfolio) info.portfolio ??= next.value.portfolio;
      j = info.titleEnd = next.end;
      continue;
    }
    const ministry = token.folded === "bộ" ? lexicon.portfolios.matchAt(tokens, j + 1) : undefined;
    const portfolio = ministry ?? lexicon.portfolios.matchAt(tokens, j);
    const place = lexicon.places.matchAt(tokens, j);
    if (portfolio && (!place || portfolio.end > place.end)) {
      info.portfolio ??= portfolio.value;
      j = info.titleEnd = portfolio.end;
      continue;
    }
    if (place) {
      if (place.value.kind === "country") info.country ??= place.value.code;
      j = info.titleEnd = place.end;
      continue;
    }
    const connector = lexicon.placeConnectors.matchAt(tokens, j);
    const connected = connector ? lexicon.places.matchAt(tokens, connector.end) : undefined;
    if (connected) {
      if (connected.value.kind === "country") info.country ??= connected.value.code;
      j = info.titleEnd = connected.end;
      continue;
    }
    const placeNoun = lexicon.placeNouns.matchAt(tokens, j);
    if (placeNoun && !lexicon.places.matchAt(tokens, placeNoun.end)) {
      // "thành phố Toulouse Claire Dubois": a run of three or more foreign parts starts with the
      // place; a single part is the place alone ("Thống đốc tỉnh Cebu").
      const run = readNameParts(tokens, placeNoun.end);
      const skip = (run.length >= 3 && !run[0]!.vietnamese) || run.length === 1 ? run[0]!.end : placeNoun.end;
      if (skip === placeNoun.end && tokens[skip]?.kind !== "word") return j;
      j = info.titleEnd = skip;
      continue;
    }
    if (placeNoun) {
      j = placeNoun.end;
      continue;
    }
    const honorific = lexicon.titleHonorifics.matchAt(tokens, j);
    if (honorific) {
      j = honorific.end;
      continue;
    }
    const body = lexicon.bodies.matchAt(tokens, j);
    if (body) {
      j = info.titleEnd = body.end;
      continue;
    }
    const organization = lexicon.organizationHeads.matchAt(tokens, j);
    if (organization) {
      // "Hiệp hội Thương mại Quốc tế Hàn Quốc": the organization's name runs to the country it ends with.
      const place = findPlaceAhead(tokens, organization.end, 12);
      if (place) {
        if (place.country) info.country ??= place.country;
        j = info.titleEnd = place.end;
        continue;
      }
    }
    if (token.isAllCaps && readNameParts(tokens, j + 1).length > 0) {
      j = info.titleEnd = j + 1;
      continue;
    }
    if (token.text === "(" && tokens[j + 1]?.isAllCaps && tokens[j + 2]?.text === ")") {
      j = info.titleEnd = j + 3;
      continue;
    }
    return j;
  }
}

const ORGANIZATION_LOOKAHEAD = 10;

/**
 * "Trưởng Ban Tuyên giáo Trung ương Nguyễn Trọng Nghĩa", "Giám đốc Quỹ Tiền tệ Quốc tế Kristalina
 * Georgieva": an organization the data does not know stands between the title and the name. When
 * the words after the title start with a capital, look a few words ahead, without crossing
 * punctuation, for a full name: a Vietnamese one with its family name, or a foreign one.
 */
function nameAfterUnknownOrganization(tokens: readonly Token[], j: number): NameMatch | undefined {
  // English: "Deputy Governor of the State Bank of Việt Nam Lại Thị Thu Hương".
  if (tokens[j]?.folded === "of") j += tokens[j + 1]?.folded === "the" ? 2 : 1;
  // The title's own lowercase words ("Trưởng đoàn đàm phán Việt Nam Lê Sĩ Dũng"), not a clause.
  let lowercase = 0;
  while (tokens[j]?.kind === "word" && !tokens[j]!.isCapitalized && lowercase < 4 && !lexicon.clauseWords.matchAt(tokens, j) && tokens[j]!.folded !== "và") {
    j++;
    lowercase++;
  }
  if (!tokens[j]?.isCapitalized) return undefined;
  if (lowercase > 0) {
    const place = lexicon.places.matchAt(tokens, j);
    if (place) j = place.end;
    const name = matchName(tokens, j);
    return name && name.start === j && name.parts.length >= 2 && (name.style === "foreign" || lexicon.surnames.has(name.parts[0]!.folded)) ? name : undefined;
  }
  for (let k = j + 1; k < Math.min(tokens.length, j + ORGANIZATION_LOOKAHEAD); k++) {
    const token = tokens[k]!;
    if (token.kind === "punct" && token.text !== "-" && token.text !== "&") return undefined;
    if (!token.isCapitalized || token.gap !== " ") continue;
    const place = lexicon.places.matchAt(tokens, k);
    if (place) {
      k = place.end - 1;
      continue;
    }
    const name = matchName(tokens, k);
    if (!name || name.start !== k || name.parts.length < 2) continue;
    if (name.style === "foreign" || lexicon.surnames.has(name.parts[0]!.folded)) return name;
  }
  return undefined;
}

/** The first place within `limit` tokens of `j`, not across punctuation (an organization's name ends with it). */
function findPlaceAhead(tokens: readonly Token[], j: number, limit: number): { end: number; country?: string } | undefined {
  for (let k = j; k < Math.min(tokens.length, j + limit); k++) {
    const token = tokens[k]!;
    if (token.kind === "punct" && token.text !== "-" && token.text !== "&") return undefined;
    const place = lexicon.places.matchAt(tokens, k);
    if (place) return { end: place.end, ...(place.value.kind === "country" ? { country: place.value.code } : {}) };
  }
  return undefined;
}

/**
 * "Nguyễn Thị Minh Châu" with no title: a family name and two or three more Vietnamese syllables,
 * no more and no less, not after a capitalized word (part of a longer name) nor after a word that
 * makes it a street or a school ("đường Trần Hưng Đạo").
 */
function bareVietnameseName(tokens: readonly Token[], i: number): NameMatch | undefined {
  const token = tokens[i]!;
  if (!token.isCapitalized || !lexicon.surnames.has(token.folded)) return undefined;
  const previous = tokens[i - 1];
  if (previous && previous.kind === "word" && previous.isCapitalized && previous.gap !== "") return undefined;
  for (let back = 1; back <= 2; back++) if (lexicon.nameBlockers.matchAt(tokens, i - back)?.end === i) return undefined;
  if (lexicon.places.matchAt(tokens, i)) return undefined;
  const parts = readNameParts(tokens, i);
  if (parts.length < 3 || parts.length > 4 || !parts.every((p) => p.vietnamese)) return undefined;
  if (parts.some((p) => lexicon.places.matchAt(tokens, p.start) || lexicon.titles.matchAt(tokens, p.start) || lexicon.bodies.matchAt(tokens, p.start))) return undefined;
  return { start: i, end: parts[parts.length - 1]!.end, parts, style: "vietnamese" };
}

/** Known full names of the article, with what every mention says about them. */
class PeopleIndex {
  private readonly byCanonical = new Map<string, { mentions: Mention[]; style: NameMatch["style"]; display: string; parts: string[] }>();
  private readonly byPart = new Map<string, Set<string>>();
  /** A shorter full name of the same person ("Nikolai Sorokin") → the longest ("Nikolai Vladimirovich Sorokin"). */
  private readonly roots = new Map<string, string>();

  constructor(private readonly doc: ArticleDocument, full: readonly Mention[]) {
    for (const mention of full) this.add(mention);
    for (const [canonical, entry] of this.byCanonical) {
      const longer = [...this.byCanonical.entries()].filter(([other, o]) => other !== canonical && o.parts.length > entry.parts.length && isSubsequence(entry.parts, o.parts));
      if (longer.length === 1) this.roots.set(canonical, longer[0]![0]);
    }
  }

  /** The longest known name of the person `canonical` names. */
  root(canonical: string): string {
    return this.roots.get(canonical) ?? canonical;
  }

  /** The one person whose known name has these consecutive parts ("Ruiz Montoya"), if exactly one. */
  resolveParts(folded: readonly string[]): string | undefined {
    const people = new Set<string>();
    for (const [canonical, entry] of this.byCanonical) if (containsRun(entry.parts, folded)) people.add(this.root(canonical));
    return people.size === 1 ? [...people][0] : undefined;
  }

  add(mention: Mention): void {
    const canonical = canonicalOf(mention.name);
    const entry = this.byCanonical.get(canonical) ?? {
      mentions: [],
      style: mention.name.style,
      display: this.doc.display(mention.start, mention.end),
      parts: mention.name.parts.map((p) => p.folded),
    };
    entry.mentions.push(mention);
    this.byCanonical.set(canonical, entry);
    for (const part of mention.name.parts) {
      const set = this.byPart.get(part.folded) ?? new Set<string>();
      set.add(canonical);
      this.byPart.set(part.folded, set);
    }
  }

  /** The one full name containing this part, if exactly one does. */
  resolvePart(folded: string): string | undefined {
    const people = new Set([...(this.byPart.get(folded) ?? [])].map((c) => this.root(c)));
    return people.size === 1 ? [...people][0] : undefined;
  }

  canonicals(): string[] {
    return [...this.byCanonical.keys()];
  }

  /** The full name as the article first writes it. */
  display(canonical: string): string | undefined {
    return this.byCanonical.get(canonical)?.display;
  }

  style(canonical: string): NameMatch["style"] | undefined {
    return this.byCanonical.get(canonical)?.style;
  }

  /** Roles, portfolio and country gathered from every titled mention of a person. */
  merged(canonical: string): { roles: string[]; portfolio?: string; country?: string } {
    const roles: string[] = [];
    let portfolio: string | undefined;
    let country: string | undefined;
    const mentions = [...this.byCanonical.entries()].filter(([c]) => this.root(c) === canonical).flatMap(([, e]) => e.mentions);
    for (const mention of mentions) {
      for (const role of mention.title?.roles ?? []) if (!roles.includes(role)) roles.push(role);
      portfolio ??= mention.title?.portfolio;
      country ??= mention.title?.country;
    }
    const known = lexicon.knownOfficials.get(canonical.toLowerCase());
    country ??= known?.country;
    for (const role of known?.roles ?? []) if (!roles.includes(role)) roles.push(role);
    if (!country && this.style(canonical) === "vietnamese" && roles.length > 0) country = "VN";
    return { roles, ...(portfolio ? { portfolio } : {}), ...(country ? { country } : {}) };
  }
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let k = 0;
  for (const part of long) if (part === short[k]) k++;
  return k === short.length;
}

function containsRun(parts: readonly string[], run: readonly string[]): boolean {
  for (let k = 0; k + run.length <= parts.length; k++) if (run.every((p, n) => parts[k + n] === p)) return true;
  return false;
}

function canonicalOf(name: NameMatch): string {
  return name.parts.map((p) => p.text).join(" ");
}

/** Untitled occurrences of known full names, and of distinctive parts of foreign names. */
function findRepeats(
  doc: ArticleDocument,
  people: PeopleIndex,
  existing: readonly Mention[],
  overlapsTaken: (start: number, end: number) => boolean,
): Mention[] {
  const found: Mention[] = [];
  const covered = (start: number, end: number): boolean =>
    overlapsTaken(start, end) || [...existing, ...found].some((m) => m.start < end && start < m.end);
  const fullNames = new Set(people.canonicals().map((c) => c.toLowerCase()));
  for (const line of doc.articleLines()) {
    const tokens = doc.tokens(line.index);
    for (let i = 0; i < tokens.length; i++) {
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
      i = match.end - 1;
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
