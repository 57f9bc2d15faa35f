/**
 * Title triggers: TITLE ("," TITLE)* (PORTFOLIO | BODY | PLACE | ORGANIZATION | ACRONYM)* before a
 * name ("Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao và Hợp tác quốc tế Campuchia …"), honorifics
 * ("ông", "bà", "Ms"), and the English order with the country first ("Australian Foreign Minister").
 */
import { isVietnameseSyllable, lexicon } from "../../lexicon";
import type { Token } from "../../text/tokens";
import { isSentenceStart } from "../grammar";
import { matchName, readNameParts, type NameMatch } from "../names";

/** What a title says about the person named after it. */
export interface TitleInfo {
  titleStart: number; // token index
  titleEnd: number;
  roles: string[];
  portfolio?: string;
  country?: string;
}

/** The title or honorific at token `i`, and where the name should start. */
export function matchTrigger(tokens: readonly Token[], i: number): { nameAt: number; title?: TitleInfo } | undefined {
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
    if (honorific.end === i + 1 && tokens[i]!.isCapitalized && !isSentenceStart(tokens, i) && tokens[i]!.folded.length <= 3) return undefined;
    // "Phu nhân Dato’ Seri Dr. Wan Azizah …": titles of honour after the honorific stay outside the name.
    let nameAt = honorific.end;
    for (let honour = lexicon.titleHonorifics.matchAt(tokens, nameAt); honour; honour = lexicon.titleHonorifics.matchAt(tokens, nameAt)) nameAt = honour.end;
    return { nameAt };
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
    // "GS. Daniel Morris": an abbreviated title's dot.
    if (token.text === "." && token.gap === "" && j === info.titleEnd && tokens[j - 1]?.isAllCaps) {
      j = info.titleEnd = j + 1;
      continue;
    }
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
    // "Cộng hòa Ả Rập Ai Cập", "Vương quốc Bahrain": a country's long form ends the title with the country.
    const form = lexicon.stateForms.matchAt(tokens, j);
    const formPlace = form ? lexicon.places.matchAt(tokens, form.end) : undefined;
    if (formPlace) {
      if (formPlace.value.kind === "country") info.country ??= formPlace.value.code;
      j = info.titleEnd = formPlace.end;
      continue;
    }
    const connector = lexicon.placeConnectors.matchAt(tokens, j);
    // "Minister of State for Foreign Trade …": a portfolio after the connector.
    const connectedPortfolio = connector ? lexicon.portfolios.matchAt(tokens, connector.end) : undefined;
    if (connectedPortfolio && tokens[connector!.end]!.isCapitalized) {
      info.portfolio ??= connectedPortfolio.value;
      j = info.titleEnd = connectedPortfolio.end;
      continue;
    }
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
        // "Ủy ban hợp tác Việt Nam - Lào": the organization's parties, joined by dashes.
        let end = place.end;
        while (tokens[end]?.kind === "punct" && /^[-–]$/u.test(tokens[end]!.text) && lexicon.places.matchAt(tokens, end + 1)) end = lexicon.places.matchAt(tokens, end + 1)!.end;
        j = info.titleEnd = end;
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
    // "Trung tướng (nghỉ hưu) …": a remark in brackets, in lowercase words, belongs to the title.
    const close = token.text === "(" ? lowercaseRemarkEnd(tokens, j + 1) : -1;
    if (close > 0) {
      j = close;
      continue;
    }
    return j;
  }
}

const ORGANIZATION_LOOKAHEAD = 10;
const MAX_PORTFOLIO_WORDS = 5;
const MAX_REMARK_WORDS = 4;

/** End (after ")") of a bracketed remark of one to four lowercase words starting at `k`, or -1. */
function lowercaseRemarkEnd(tokens: readonly Token[], k: number): number {
  let words = 0;
  for (let at = k; at < tokens.length && words <= MAX_REMARK_WORDS; at++) {
    const token = tokens[at]!;
    if (token.text === ")") return words > 0 ? at + 1 : -1;
    if (token.kind !== "word" || token.isCapitalized) return -1;
    words++;
  }
  return -1;
}

/**
 * "Bộ trưởng Lâm nghiệp Indonesia Siti Nurbaya Bakar", "Bộ trưởng Phát triển Kinh tế Nga …": a
 * portfolio the data does not know (one to five words), then a country, then the name. Returns the name and sets
 * the title's portfolio as written and its country; undefined when the words are not so shaped.
 */
export function nameAfterUnknownPortfolio(tokens: readonly Token[], j: number, info: TitleInfo): NameMatch | undefined {
  if (!tokens[j]?.isCapitalized || tokens[j].isAllCaps) return undefined;
  // The portfolio's words, in any case ("Lâm nghiệp", "Phát triển Kinh tế"), up to the country.
  let k = j + 1;
  while (k < tokens.length && k - j <= MAX_PORTFOLIO_WORDS && tokens[k]!.kind === "word" && !lexicon.places.matchAt(tokens, k) && !lexicon.clauseWords.matchAt(tokens, k) && tokens[k]!.folded !== "và") k++;
  if (k - j > MAX_PORTFOLIO_WORDS) return undefined;
  const place = lexicon.places.matchAt(tokens, k);
  if (!place || place.value.kind !== "country") return undefined;
  const name = matchName(tokens, place.end);
  if (!name || name.start !== place.end || name.parts.length < 2 || (name.style === "vietnamese" && !lexicon.surnames.has(name.parts[0]!.folded))) return undefined;
  info.portfolio ??= tokens.slice(j, k).map((t) => t.text).join(" ");
  info.country ??= place.value.code;
  info.titleEnd = place.end;
  return name;
}

/**
 * "Trưởng Ban Tuyên giáo Trung ương Nguyễn Trọng Nghĩa", "Giám đốc Quỹ Tiền tệ Quốc tế Kristalina
 * Georgieva": an organization the data does not know stands between the title and the name. When
 * the words after the title start with a capital, look a few words ahead, without crossing
 * punctuation, for a full name: a Vietnamese one with its family name, or a foreign one.
 */
export function nameAfterUnknownOrganization(tokens: readonly Token[], j: number): NameMatch | undefined {
  // English: "Deputy Governor of the State Bank of Việt Nam Lại Thị Thu Hương".
  if (tokens[j]?.folded === "of") j += tokens[j + 1]?.folded === "the" ? 2 : 1;
  // "Bộ Nông nghiệp và An ninh Lương thực Chan Foong Hin": a second portfolio joined by "và" is the ministry's.
  if (tokens[j]?.folded === "và" && tokens[j + 1]?.isCapitalized) j++;
  // The title's own lowercase words ("Trưởng đoàn đàm phán Việt Nam Lê Sĩ Dũng"), not a clause.
  let lowercase = 0;
  while (
    tokens[j]?.kind === "word" &&
    !tokens[j]!.isCapitalized &&
    lowercase < 4 &&
    isVietnameseSyllable(tokens[j]!.folded) && // a Vietnamese title's own words, not an English verb ("the PM met …")
    !lexicon.clauseWords.matchAt(tokens, j) &&
    tokens[j]!.folded !== "và"
  ) {
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
    // "Cơ quan Dịch vụ Thú y (DVS) Akma binti Ngah Hamid": the organization's acronym in brackets.
    if (token.text === "(" && tokens[k + 1]?.isAllCaps && tokens[k + 2]?.text === ")") {
      k += 2;
      continue;
    }
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

