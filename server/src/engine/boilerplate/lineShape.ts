/**
 * The shape of one line of scraped text: what the page-layout classifier reads, in the manner of
 * jusText's paragraph features (Pomikálek 2011: length, stop-word density, link density), adapted to
 * plain-text lines: words, Vietnamese function-word density (stopwords-iso `vi`), sentence
 * punctuation, capitalization, date and time stamps, and the marks of credits, captions and footers.
 * Pure and linear in the line's length; every test reads a trimmed, normalized line.
 */
import data from "../data/boilerplate.json";
import { lexicon } from "../lexicon";
import { normalizeText } from "../text/normalize";

export interface LineShape {
  /** Whitespace-separated tokens that hold a letter. */
  readonly words: number;
  /** Length in UTF-16 code units. */
  readonly length: number;
  /** Share of words (0–1) that are Vietnamese function words ("của", "và", "đã"). */
  readonly stopwordDensity: number;
  /** Holds a Vietnamese letter with a diacritic or a Vietnamese function word. */
  readonly vietnamese: boolean;
  /** Share of words (0–1) that start with a capital letter. */
  readonly capitalized: number;
  /** Ends a sentence: ".", "!", "?", "…", maybe inside a closing quote or bracket. */
  readonly sentenceEnd: boolean;
  /** A sentence of six or more words with function words in it: article prose, however short. */
  readonly sentence: boolean;
  /** Holds a date or a clock time ("27/11/2025", "2024-05-01", "23:22"). */
  readonly dateStamp: boolean;
  /** A date or time stamp with at most a few other words around it ("Thứ Năm, 27/11/2025 23:22 GMT+7"). */
  readonly dateline: boolean;
  /** A clock time or a relative time with no date ("10:45", "15 phút trước"). */
  readonly timeOnly: boolean;
  /** Starts with a crawler's date stamp ("date 2025-09-01 …"). */
  readonly crawlerDate: boolean;
  /** Starts with five or more unaccented lowercase words: a URL slug or a tag list in a Vietnamese page. */
  readonly slugWords: number;
  /** An address, phone number or e-mail. */
  readonly contact: boolean;
  /** A credit line: "Theo …", "Nguồn: …", an outlet, a name or a name in capitals. */
  readonly byline: boolean;
  /** A credit that closes an article: a lead word ("Theo …"), an outlet, or capitals. */
  readonly closingCredit: boolean;
  /** A caption or photo credit mark ("Ảnh: …", "(Ảnh …)"). */
  readonly caption: boolean;
  /** A note in brackets: "(Znews đặt lại tiêu đề bài viết)". */
  readonly note: boolean;
  /** Items split by a menu's wide gaps or bars ("Tin tức   Chính trị   Kinh tế"); 1 when there are none. */
  readonly menuItems: number;
  /** The line as a heading could be: 3–40 words, starting with a capital, a digit or a quote. */
  readonly titleLike: boolean;
}

const layout = data.layout;
const SENTENCE_END = /[.!?…]["”’)\]]*$/u;
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
const DATE_SOURCE = String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[:h]\d{2}(?::\d{2})?\b|\bGMT\s*[+-]?\d*`;
const DATE = new RegExp(DATE_SOURCE, "iu");
const DATES = new RegExp(DATE_SOURCE, "giu");
const FULL_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b/u;
const CLOCK = /^\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s?(?:AM|PM|SA|CH))?$/iu;
const BULLET = /^[•·*–-]+\s*/u;
const RELATIVE_TIME = new RegExp(layout.relativeTime, "iu");
const CRAWLER_DATE = new RegExp(layout.crawlerDate, "iu");
const CONTACT = layout.contact.map((p) => new RegExp(p, "iu"));
const CAPTION = layout.captionMarks.map((p) => new RegExp(normalizeText(p).text, "iu"));
const BYLINE_LEAD = new RegExp(`^\\(?(?:${layout.bylineLeads.map((w) => normalizeText(w).text).join("|")})(?:\\s*[:：]|\\s)`, "iu");
const MENU_SEPARATOR = new RegExp(data.menuSeparators, "gu");
const NOTE = /^\(.{3,}\)\.?$/u;
const CREDITED_NAME = /^([^()]{2,60}?)\s*\([^()]{2,80}\)\.?$/u;
const WORD = /[\p{L}]/u;
const CAPITAL_START = /^["“'‘(]*[\p{Lu}\p{N}]/u;
const MAX_DATELINE_WORDS = 6;
const MIN_SENTENCE_WORDS = 6;
const MIN_SENTENCE_STOPWORDS = 0.1;
const MIN_SLUG_WORDS = 5;
/** Furniture is never longer (UTF-16 units); a longer line is judged by its first this many. */
const MAX_SHAPED_LINE = 2000;
/** A name has at least this many letters: "Po" left by a cut is a fragment, not a byline. */
const MIN_NAME_LETTERS = 4;
/** No byline is longer than this (UTF-16 units): longer lines are not split to look. */
const MAX_NAME_LINE = 160;

/** The crawler's date stamp that opens a trimmed line ("date 2025-09-01"), with the space after it, or undefined. */
export function crawlerDatePrefix(line: string): string | undefined {
  const match = CRAWLER_DATE.exec(line);
  return match ? line.slice(0, match[0].length + (line.slice(match[0].length).match(/^\s*/u)?.[0].length ?? 0)) : undefined;
}

/** The shape of a trimmed, normalized line ("" gives a shape of nothing). */
export function lineShape(line: string): LineShape {
  if (line.length > MAX_SHAPED_LINE) return longLineShape(line);
  const tokens = line.split(/\s+/u).filter((t) => t !== "");
  const words = tokens.filter((t) => WORD.test(t));
  let stop = 0;
  let capitals = 0;
  for (const word of words) {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (lexicon.stopwords.has(bare.toLowerCase())) stop++;
    if (/^\p{Lu}/u.test(bare)) capitals++;
  }
  const stopwordDensity = words.length === 0 ? 0 : stop / words.length;
  const sentenceEnd = SENTENCE_END.test(line);
  const bare = line.replace(BULLET, "");
  const dateStamp = DATE.test(line);
  const undated = dateStamp ? line.replace(DATES, " ") : line;
  const dateline = dateStamp && undated.split(/\s+/u).filter((t) => WORD.test(t)).length <= MAX_DATELINE_WORDS;
  const crawlerDate = CRAWLER_DATE.test(line);
  const letters = line.replace(/[^\p{L}]/gu, "");
  const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const outlet = line.length <= 60 && (lexicon.outlets.has(line) || line.split(/\s*[-/|]\s*/u).some((part) => part !== "" && lexicon.outlets.has(part)));
  // "Thu Phương (TTXVN)", "Hồng Lĩnh (Theo Thanh Niên)": a name with its credit in brackets.
  const credited = CREDITED_NAME.exec(line);
  const closingCredit = BYLINE_LEAD.test(line) || outlet || (allCaps && words.length <= 6 && !sentenceEnd) || (credited !== null && isName(credited[1]!));
  return {
    words: words.length,
    length: line.length,
    stopwordDensity,
    vietnamese: VIETNAMESE_LETTER.test(line) || stop > 0,
    capitalized: words.length === 0 ? 0 : capitals / words.length,
    sentenceEnd,
    sentence: words.length >= MIN_SENTENCE_WORDS && sentenceEnd && stopwordDensity >= MIN_SENTENCE_STOPWORDS,
    dateStamp,
    dateline,
    timeOnly: CLOCK.test(bare) || RELATIVE_TIME.test(bare),
    crawlerDate,
    slugWords: slugWords(tokens),
    contact: CONTACT.some((pattern) => pattern.test(line)),
    byline: closingCredit || isName(line),
    closingCredit,
    caption: CAPTION.some((pattern) => pattern.test(line)),
    note: NOTE.test(line),
    menuItems: line.split(MENU_SEPARATOR).filter((item) => /\p{L}/u.test(item)).length,
    titleLike: words.length >= 3 && words.length <= 40 && CAPITAL_START.test(crawlerDate ? line.replace(CRAWLER_DATE, "").trim() : line) && (crawlerDate || !FULL_DATE.test(line)),
  };
}

/**
 * A line longer than any furniture is prose or nothing: only its length, sentence end and the
 * function-word density of its first MAX_SHAPED_LINE units are read, so the cost per line is bounded.
 */
function longLineShape(line: string): LineShape {
  const sample = lineShape(line.slice(0, MAX_SHAPED_LINE));
  const sentenceEnd = SENTENCE_END.test(line);
  return {
    ...sample,
    length: line.length,
    sentenceEnd,
    sentence: sample.words >= MIN_SENTENCE_WORDS && sentenceEnd && sample.stopwordDensity >= MIN_SENTENCE_STOPWORDS,
    dateline: false,
    timeOnly: false,
    slugWords: 0,
    contact: false,
    byline: false,
    closingCredit: false,
    caption: false,
    note: false,
    titleLike: false,
    menuItems: 1,
  };
}

/** How many unaccented lowercase words open the line (0 when fewer than five). */
function slugWords(tokens: readonly string[]): number {
  let count = 0;
  let letters = 0;
  for (const token of tokens) {
    if (!/^[a-z0-9]+$/u.test(token)) break;
    count++;
    if (/[a-z]/u.test(token)) letters++;
  }
  return letters >= MIN_SLUG_WORDS - 1 && count >= MIN_SLUG_WORDS ? count : 0;
}

/** One to four capitalized words, or such names joined by "/", "-" or ",": a byline ("Hà Văn/ Báo Chính phủ"). */
function isName(line: string): boolean {
  if (line.length > MAX_NAME_LINE) return false;
  const parts = line.split(/\s*[-/|,]\s*/u).filter((part) => part !== "");
  if (parts.length === 0 || parts.length > 3 || line.replace(/[^\p{L}]/gu, "").length < MIN_NAME_LETTERS) return false;
  return parts.every((part) => {
    if (lexicon.outlets.has(part)) return true;
    const words = part.split(/\s+/u);
    return words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}.]*$/u.test(w));
  });
}
