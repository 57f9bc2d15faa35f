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
  /** Whitespace-separated tokens that hold a letter (in a line longer than furniture, in its sample). */
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
/** A dateline or a time stamp is never longer (UTF-16 units). */
const MAX_DATELINE_LENGTH = 120;
const DIGIT = /\d/u;
const SPACE_ONLY = /^[^\t\n\r\f\v\u00a0\u2000-\u200a\u3000]*$/u;
const CAPITAL = /^\p{Lu}/u;
const EDGE_PUNCT = /^[^\p{L}\p{N}]|[^\p{L}\p{N}]$/u;
const EDGE_PUNCTS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const MIN_SENTENCE_WORDS = 6;
const MIN_SENTENCE_STOPWORDS = 0.1;
const MIN_SLUG_WORDS = 5;
/**
 * Furniture is never longer (UTF-16 units; the longest debris line in the gold sets is a footer of
 * about 250): a longer line is prose or nothing, judged by its first this many units, so shaping
 * costs the same whatever the article's paragraphs' length.
 */
const MAX_SHAPED_LINE = 320;
/** A long line's words are read from its first this many units (enough words for their density). */
const LONG_LINE_SAMPLE = 200;
/** A name has at least this many letters: "Po" left by a cut is a fragment, not a byline. */
const MIN_NAME_LETTERS = 4;
/** No byline is longer than this (UTF-16 units): longer lines are not split to look. */
const MAX_NAME_LINE = 160;
/** No outlet's name is longer than this (UTF-16 units). */
const MAX_OUTLET_LINE = 60;

/** The crawler's date stamp that opens a trimmed line ("date 2025-09-01"), with the space after it, or undefined. */
export function crawlerDatePrefix(line: string): string | undefined {
  const match = CRAWLER_DATE.exec(line);
  return match ? line.slice(0, match[0].length + (line.slice(match[0].length).match(/^\s*/u)?.[0].length ?? 0)) : undefined;
}

/** What every line is read for: its words, function words and capitals. */
interface Core {
  readonly tokens: readonly string[];
  readonly words: number;
  readonly stopwordDensity: number;
  readonly vietnamese: boolean;
  readonly capitalized: number;
}

function core(text: string): Core {
  // Normalized text separates words with spaces; a tab or a line's other white space is rare.
  const tokens = (SPACE_ONLY.test(text) ? text.split(" ") : text.split(/\s+/u)).filter((t) => t !== "");
  let words = 0;
  let stop = 0;
  let capitals = 0;
  for (const token of tokens) {
    if (!WORD.test(token)) continue;
    words++;
    // Punctuation around a word ("(Theo", "nước,") is trimmed only where there is some.
    const bare = EDGE_PUNCT.test(token) ? token.replace(EDGE_PUNCTS, "") : token;
    if (lexicon.stopwords.has(bare.toLowerCase())) stop++;
    if (CAPITAL.test(bare)) capitals++;
  }
  return {
    tokens,
    words,
    stopwordDensity: words === 0 ? 0 : stop / words,
    vietnamese: stop > 0 || VIETNAMESE_LETTER.test(text),
    capitalized: words === 0 ? 0 : capitals / words,
  };
}

/**
 * A line's shape, each feature computed the first time it is read: most lines are asked about a few
 * of them (a body line: is it prose), so a page costs little more than one pass over its words. A
 * line longer than any furniture (MAX_SHAPED_LINE) is prose or nothing: its length and sentence end
 * are read, its words, a contact and a slug from its first LONG_LINE_SAMPLE units, and the features
 * of short lines (dates, credits, captions, notes, menus, headings) are false.
 */
class Shape implements LineShape {
  private readonly long: boolean;
  private readonly sample: string;
  private coreCache: Core | undefined;
  /** Features read so far; created on the first (most lines are asked about their length alone). */
  private cache: Record<string, boolean | number> | undefined;

  constructor(private readonly line: string) {
    this.long = line.length > MAX_SHAPED_LINE;
    this.sample = this.long ? line.slice(0, LONG_LINE_SAMPLE) : line;
  }

  private get core(): Core {
    return (this.coreCache ??= core(this.sample));
  }

  private memo<T extends boolean | number>(key: string, compute: () => T): T {
    const cache = (this.cache ??= {});
    let value = cache[key] as T | undefined;
    if (value === undefined) {
      value = compute();
      cache[key] = value;
    }
    return value;
  }

  get length(): number {
    return this.line.length;
  }
  get words(): number {
    return this.core.words;
  }
  get stopwordDensity(): number {
    return this.core.stopwordDensity;
  }
  get vietnamese(): boolean {
    return this.core.vietnamese;
  }
  get capitalized(): number {
    return this.core.capitalized;
  }
  get sentenceEnd(): boolean {
    return this.memo("sentenceEnd", () => SENTENCE_END.test(this.line));
  }
  get sentence(): boolean {
    return this.words >= MIN_SENTENCE_WORDS && this.sentenceEnd && this.stopwordDensity >= MIN_SENTENCE_STOPWORDS;
  }
  get dateStamp(): boolean {
    // Dates matter only on short lines (a dateline, a time stamp).
    return this.memo("dateStamp", () => this.line.length <= MAX_DATELINE_LENGTH && DIGIT.test(this.line) && DATE.test(this.line));
  }
  get dateline(): boolean {
    return this.memo("dateline", () => this.dateStamp && this.line.replace(DATES, " ").split(/\s+/u).filter((t) => WORD.test(t)).length <= MAX_DATELINE_WORDS);
  }
  get timeOnly(): boolean {
    return this.memo("timeOnly", () => {
      if (this.line.length > MAX_DATELINE_LENGTH) return false;
      const bare = this.line.replace(BULLET, "");
      return CLOCK.test(bare) || RELATIVE_TIME.test(bare);
    });
  }
  get crawlerDate(): boolean {
    return this.memo("crawlerDate", () => CRAWLER_DATE.test(this.line));
  }
  get slugWords(): number {
    return this.memo("slugWords", () => slugWords(this.core.tokens));
  }
  get contact(): boolean {
    return this.memo("contact", () => CONTACT.some((pattern) => pattern.test(this.sample)));
  }
  get closingCredit(): boolean {
    return this.memo("closingCredit", () => {
      if (this.long) return false;
      const line = this.line;
      if (BYLINE_LEAD.test(line)) return true;
      if (line.length <= MAX_OUTLET_LINE && (isOutlet(line) || line.split(/\s*[-/|]\s*/u).some((part) => part !== "" && isOutlet(part)))) return true;
      if (line.length > MAX_NAME_LINE) return false;
      const letters = line.replace(/[^\p{L}]/gu, "");
      if (this.words <= 6 && !this.sentenceEnd && letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
      // "Thu Phương (TTXVN)", "Hồng Lĩnh (Theo Thanh Niên)": a name with its credit in brackets.
      const credited = CREDITED_NAME.exec(line);
      return credited !== null && isName(credited[1]!);
    });
  }
  get byline(): boolean {
    return this.memo("byline", () => this.closingCredit || (!this.long && this.line.length <= MAX_NAME_LINE && isName(this.line)));
  }
  get caption(): boolean {
    return this.memo("caption", () => !this.long && CAPTION.some((pattern) => pattern.test(this.line)));
  }
  get note(): boolean {
    return this.memo("note", () => !this.long && NOTE.test(this.line));
  }
  get menuItems(): number {
    return this.memo("menuItems", () => (this.long ? 1 : this.line.split(MENU_SEPARATOR).filter((item) => /\p{L}/u.test(item)).length));
  }
  get titleLike(): boolean {
    return this.memo("titleLike", () => {
      if (this.long || this.words < 3 || this.words > 40) return false;
      const line = this.line;
      return CAPITAL_START.test(this.crawlerDate ? line.replace(CRAWLER_DATE, "").trim() : line) && (this.crawlerDate || !DIGIT.test(line) || !FULL_DATE.test(line));
    });
  }
}

/** The shape of a trimmed, normalized line ("" gives a shape of nothing); features are computed when read. */
export function lineShape(line: string): LineShape {
  return new Shape(line);
}

const OUTLET_NAMES = new Set(lexicon.outletNames.map((name) => foldOutlet(normalizeText(name).text)));

function foldOutlet(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, " ").trim();
}

/** An outlet's name, matched ignoring case and spacing (data/outlets.json). */
function isOutlet(text: string): boolean {
  return OUTLET_NAMES.has(foldOutlet(text));
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
  const parts = line.split(/\s*[-/|,]\s*/u).filter((part) => part !== "");
  if (parts.length === 0 || parts.length > 3 || line.replace(/[^\p{L}]/gu, "").length < MIN_NAME_LETTERS) return false;
  return parts.every((part) => {
    if (isOutlet(part)) return true;
    const words = part.split(/\s+/u);
    return words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}.]*$/u.test(w));
  });
}
