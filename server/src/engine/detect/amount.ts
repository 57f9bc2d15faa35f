/**
 * Amount detection: money, percentages and counted quantities.
 *
 * [APPROX] [CURRENCY-BEFORE] NUMBER [RANGE NUMBER] MULTIPLIER* (CURRENCY-AFTER | PERCENT | MEASURE)
 * An amount needs a currency, a percent sign or word, or a measure noun, so years, dates, ordinals,
 * durations and counts of abstract things ("5 phương hướng") are never amounts. A conversion in
 * parentheses ("750 triệu Yên (6,8 triệu USD)") is simply a second amount.
 */
import { lexicon } from "../lexicon";
import { normalizeText } from "../text/normalize";
import type { ArticleDocument } from "../document";
import type { AmountAttributes, Entity } from "../types";
import type { Line } from "../text/lines";
import { parseNumber, scale } from "./numbers";
import { escapeRegExp } from "../text/regex";
import { boundaryAtOrBefore, codePointStart, isLetterBefore, isLetterOrNumberBefore } from "../text/codePoints";

const NUMBER = /\d+(?:[.,]\d+)*/gu;
/** The next number of a compound amount ("3 tỷ [370] triệu"), read where the first one's multiplier ends. */
const COMPOUND_PART = /[ \t]+(\d+(?:[.,]\d+)*)/uy;
/** A minus or plus sign written against the number, at the start of a line or after a space or bracket. */
const SIGN = /(?:^|[\s(])([-−+])$/u;
/** The word for "negative" before a number ("âm 0,7%"); "lịch âm 6/12" is a date, which is never read as a number. */
const NEGATIVE_WORD = /(?:^|[^\p{L}])(âm)[ \t]+$/iu;
const RANGE = /[ \t]*(?:-|–|—|đến|tới|to)[ \t]*(\d+(?:[.,]\d+)*)/iuy;

/** A sticky, case-insensitive alternation of words at a position, longest first, ending at a word boundary. */
function alternation<T>(entries: readonly (readonly [string, T])[], leadingSpace: "required" | "optional" | "none"): (text: string, at: number) => { end: number; value: T } | undefined {
  const normalized = entries.map(([word, value]) => [normalizeText(word).text, value] as const).sort((a, b) => b[0].length - a[0].length);
  const lookup = new Map(normalized.map(([word, value]) => [word.toLowerCase(), value]));
  const escaped = normalized.map(([word]) => escapeRegExp(word));
  const space = leadingSpace === "required" ? "[ \\t]+" : leadingSpace === "optional" ? "[ \\t]*" : "";
  const pattern = new RegExp(`${space}(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "iuy");
  return (text, at) => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return undefined;
    const value = lookup.get(match[1]!.toLowerCase());
    return value === undefined ? undefined : { end: at + match[0].length, value };
  };
}

const isShortLatin = (word: string): boolean => /^[A-Za-z]{1,3}$/.test(word);
const multiplierSpaced = alternation(lexicon.multipliers.filter((m) => !isShortLatin(m.word)).map((m) => [m.word, m.value] as const), "optional");
const multiplierAttached = alternation(lexicon.multipliers.filter((m) => isShortLatin(m.word)).map((m) => [m.word, m.value] as const), "none");
const currencyAfter = alternation(
  [...lexicon.currencyAfterWords.map((c) => [c.word, c.code] as const), ...lexicon.currencySuffixSymbols.map((c) => [c.symbol, c.code] as const)],
  "optional",
);
const currencyAfterMultiplier = alternation(lexicon.currencyAfterMultiplierWords.map((c) => [c.word, c.code] as const), "optional");
const percent = alternation(lexicon.percentWords.map((w) => [w, "%"] as const), "optional");
/** Percentage points ("điểm phần trăm") are unit "pp", never "%" (guidelines, Refinements 2026-11-30). */
const percentPoints = alternation(lexicon.percentPointWords.map((w) => [w, "pp"] as const), "required");
const measure = alternation(lexicon.measureWords.map((m) => [m.word, m] as const), "required");
const approximator = new RegExp(
  `(?:^|[^\\p{L}])(${lexicon.approximatorWords.map((a) => normalizeText(a.word).text).sort((a, b) => b.length - a.length).join("|")})[ \\t]+$`,
  "iu",
);
const approximatorQualifier = new Map(lexicon.approximatorWords.map((a) => [normalizeText(a.word).text.toLowerCase(), a.qualifier]));
const currencyBefore = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${lexicon.currencyBefore.map((c) => escapeRegExp(c.symbol)).sort((a, b) => b.length - a.length).join("|")})[ \\t]?$`,
  "u",
);
const currencyBeforeCode = new Map(lexicon.currencyBefore.map((c) => [c.symbol, c.code]));

/** Finds amounts in the article lines of `doc` (normalized offsets), or in some of its segments. */
export function detectAmounts(doc: ArticleDocument, segments: Iterable<Line> = doc.articleSegments()): Entity[] {
  const entities: Entity[] = [];
  for (const line of segments) {
    const text = line.text;
    let consumedUntil = 0;
    let lastMoney: { unit: string; end: number } | undefined;
    for (const match of numbersIn(text)) {
      const numberStart = match.index;
      if (numberStart < consumedUntil || (match.value === undefined && !standsAlone(text, numberStart, numberStart + match.written.length))) continue;
      // "300 triệu đồng … và 100 triệu": the currency stated last in the sentence is elided.
      const elided = lastMoney && numberStart - lastMoney.end <= MAX_ELIDED_GAP && !SENTENCE_BREAK.test(text.slice(lastMoney.end, numberStart)) ? lastMoney.unit : undefined;
      const found = readAmount(text, numberStart, match.written, consumedUntil, { elidedCurrency: elided, value: match.value });
      if (!found) continue;
      consumedUntil = found[found.length - 1]!.end;
      const last = found[found.length - 1]!.attributes;
      if (last.kind === "money") lastMoney = { unit: last.unit, end: consumedUntil };
      for (const amount of found) {
        const start = line.start + amount.start;
        const end = line.start + amount.end;
        if (doc.isDebris(start, end)) continue;
        entities.push({ type: "amount", start, end, text: doc.text.slice(start, end), attributes: amount.attributes, rule: `amount.${amount.attributes.kind}` });
      }
    }
  }
  return entities;
}

const SENTENCE_BREAK = /[.!?;]\s/u;
/** A currency is elided only right after the amount that stated it (UTF-16 units between them). */
const MAX_ELIDED_GAP = 200;
const WORD_NUMBER = lexicon.wordNumbers.length > 0
  ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${lexicon.wordNumbers.map((n) => escapeRegExp(normalizeText(n.word).text)).sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}\\p{N}])`, "giu")
  : undefined;
/** Each number word as written in lowercase and capitalized ("nửa", "Nửa"), for a cheap look before the regex. */
const WORD_NUMBER_SPELLINGS = lexicon.wordNumbers.flatMap((n) => {
  const word = normalizeText(n.word).text.toLowerCase();
  return [word, word.charAt(0).toUpperCase() + word.slice(1)];
});
const wordNumberValue = new Map(lexicon.wordNumbers.map((n) => [normalizeText(n.word).text.toLowerCase(), n.value]));

/** Numbers in a line, in order: digits ("1.500"), and number words ("nửa") with their value. */
function* numbersIn(text: string): Iterable<{ index: number; written: string; value?: number }> {
  // Number words are rare: a line is searched for them only when it holds one's spelling.
  const words = WORD_NUMBER && WORD_NUMBER_SPELLINGS.some((spelling) => text.includes(spelling)) ? [...text.matchAll(WORD_NUMBER)] : [];
  let next = 0;
  // exec on the one compiled pattern (matchAll would copy it for every segment); the one caller
  // reads a segment's numbers to the end before the next segment's.
  const number = NUMBER;
  number.lastIndex = 0;
  for (let m = number.exec(text); m !== null; m = number.exec(text)) {
    const index = m.index;
    const written = m[0];
    for (; next < words.length && words[next]!.index < index; next++) yield wordNumber(words[next]!);
    yield { index, written };
  }
  for (; next < words.length; next++) yield wordNumber(words[next]!);
}

function wordNumber(match: RegExpExecArray | RegExpMatchArray): { index: number; written: string; value: number } {
  return { index: match.index!, written: match[0], value: wordNumberValue.get(match[0].toLowerCase())! };
}

/** A number not glued to letters (of any script, astral ones too), dates or times ("G20", "Covid-19", "6/8", "14:15"). */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  if (isLetterOrNumberBefore(text, start) && !lexicon.currencyBefore.some((c) => text.slice(0, start).endsWith(c.symbol))) return false;
  if ((before === "-" || before === "+" || before === "/") && isLetterOrNumberBefore(text, start - 1)) return false;
  if (before === "/" || after === "/" || (after === ":" && /\d/.test(text[end + 1] ?? ""))) return false;
  return true;
}

interface FoundAmount {
  start: number;
  end: number;
  attributes: AmountAttributes;
}

/**
 * The amount whose number starts at `numberStart` (offsets in the line, UTF-16), or undefined. A range
 * gives one amount per endpoint, the bare first number taking the second's multiplier and unit
 * ("0,9-1,1 điểm phần trăm" → "0,9" 0.9 pp and "1,1 điểm phần trăm" 1.1 pp; guidelines, Refinements
 * 2026-11-30); each keeps the whole range in `range`.
 */
function readAmount(
  text: string,
  numberStart: number,
  written: string,
  consumedUntil: number,
  { elidedCurrency, value }: { elidedCurrency?: string | undefined; value?: number | undefined } = {},
): FoundAmount[] | undefined {
  const first = value ?? parseNumber(written);
  if (first === undefined) return undefined;
  let pos = numberStart + written.length;
  let second: number | undefined;
  let secondStart = 0;
  RANGE.lastIndex = pos;
  const range = RANGE.exec(text);
  if (range && !/[/:]/.test(text[RANGE.lastIndex] ?? "")) {
    second = parseNumber(range[1]!);
    if (second !== undefined) {
      pos = RANGE.lastIndex;
      secondStart = pos - range[1]!.length;
    }
  }
  let factor = 1;
  for (let k = 0; k < 2; k++) {
    const multiplier = multiplierSpaced(text, pos) ?? multiplierAttached(text, pos);
    if (!multiplier) break;
    factor *= multiplier.value;
    pos = multiplier.end;
  }
  // "3 tỷ 370 triệu đôla": a number with a smaller multiplier right after is the same amount.
  let extra = 0;
  if (second === undefined && factor > 1) {
    COMPOUND_PART.lastIndex = pos;
    const part = COMPOUND_PART.exec(text);
    const partValue = part ? parseNumber(part[1]!) : undefined;
    const partMultiplier = part && partValue !== undefined ? multiplierSpaced(text, COMPOUND_PART.lastIndex) : undefined;
    if (partValue !== undefined && partMultiplier && partMultiplier.value < factor) {
      extra = scale(partValue, partMultiplier.value);
      pos = partMultiplier.end;
    }
  }

  let start = numberStart;
  let kind: AmountAttributes["kind"] | undefined;
  let unit: string | undefined;
  // Windows start on a code point (a letter just before a symbol is read whole, not as half a pair).
  const before = currencyBefore.exec(text.slice(Math.max(consumedUntil, boundaryAtOrBefore(text, numberStart - 6)), numberStart));
  if (before) {
    kind = "money";
    unit = currencyBeforeCode.get(before[1]!);
    start = numberStart - before[0].length + before[0].indexOf(before[1]!);
  }
  const money = currencyAfter(text, pos) ?? (factor > 1 ? currencyAfterMultiplier(text, pos) : undefined);
  const pct = percentPoints(text, pos) ?? percent(text, pos);
  const noun = measure(text, pos);
  if (money) {
    kind = "money";
    unit = money.value;
    pos = money.end;
  } else if (!kind && pct) {
    kind = "percent";
    unit = pct.value;
    pos = pct.end;
  } else if (!kind && noun) {
    kind = "quantity";
    unit = noun.value.unit;
    // "5,6 triệu liều vaccine": only the measure noun belongs to the span, unless the data says the compound does.
    pos = noun.value.inSpan ? noun.end : pos + text.slice(pos).search(/\S/) + noun.value.word.split(" ")[0]!.length;
  }
  // A number word ("nửa") is an amount only with a multiplier ("nửa tỷ người").
  if (value !== undefined && factor === 1) return undefined;
  // A bare number with a multiplier right after money takes its currency (guidelines, Refinements 2026-11-30).
  if (!kind && elidedCurrency && factor > 1) {
    kind = "money";
    unit = elidedCurrency;
  }
  if (!kind || !unit) return undefined;

  // A sign belongs to the value and the span ("-0,4%", "âm 0,7%"; guidelines, Refinements 2026-11-30).
  const sign = signBefore(text, start, consumedUntil);
  if (sign) start = sign.start;
  const signed = (value: number): number => (sign?.negative ? -value : value);
  const attributes: AmountAttributes = { kind, value: signed(scale(first, factor) + extra), unit };
  if (second !== undefined) attributes.range = { min: signed(scale(first, factor)), max: signed(scale(second, factor)) };
  const window = text.slice(boundaryAtOrBefore(text, start - 20), start);
  const approx = approximator.exec(window);
  // "cao hơn 5%": "hơn" after a comparative compares; it does not qualify the amount.
  const compared = approx ? wordBefore(text, start - window.length + approx.index + approx[0].indexOf(approx[1]!)) : undefined;
  if (approx && !(compared !== undefined && lexicon.comparatives.has(compared.toLowerCase()))) {
    attributes.approximate = true;
    const qualifier = approximatorQualifier.get(approx[1]!.toLowerCase());
    if (qualifier) attributes.qualifier = qualifier;
  }
  if (second === undefined) return [{ start, end: pos, attributes }];
  const firstEnd = numberStart + written.length;
  return [
    { start, end: firstEnd, attributes: { ...attributes, value: signed(scale(first, factor)) } },
    { start: secondStart, end: pos, attributes: { ...attributes, value: signed(scale(second, factor)) } },
  ];
}

/**
 * The word of letters that ends, before spaces or tabs, at offset `end` ("cao" before "hơn" in
 * "cao hơn"), or undefined when no space or no letter is there. Read backwards over the gap and the
 * word only, so a line of many qualified amounts is still read in linear time.
 */
function wordBefore(text: string, end: number): string | undefined {
  let gap = end;
  while (gap > 0 && (text[gap - 1] === " " || text[gap - 1] === "\t")) gap--;
  if (gap === end) return undefined;
  let start = gap;
  while (isLetterBefore(text, start)) start = codePointStart(text, start);
  return start < gap ? text.slice(start, gap) : undefined;
}

/** The sign written before `start` (not inside text already read): where it starts and whether it is negative. */
function signBefore(text: string, start: number, consumedUntil: number): { start: number; negative: boolean } | undefined {
  const window = text.slice(Math.max(consumedUntil, start - 8), start);
  // The sign's own left neighbour is looked at in the whole line: "5%-7%" is a range, not minus 7%.
  const symbol = start - 1 >= consumedUntil ? SIGN.exec(text.slice(Math.max(0, start - 2), start)) : null;
  if (symbol) return { start: start - 1, negative: symbol[1] !== "+" };
  const word = NEGATIVE_WORD.exec(window);
  if (word) return { start: start - window.length + word.index + word[0].indexOf(word[1]!), negative: true };
  return undefined;
}
