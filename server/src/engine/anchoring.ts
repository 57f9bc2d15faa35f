/**
 * Anchoring: finding an annotation a person made again after the article's text changed (edited in
 * the editor, or on disk while the file was closed).
 *
 * An annotation remembers where it was (`start`/`end`, a TextPositionSelector) and what it quoted
 * with a little of its surroundings (a TextQuoteSelector: `exact`, `prefix`, `suffix`), as in the
 * W3C Web Annotation Data Model (§4.2.4 TextQuoteSelector, §4.2.5 TextPositionSelector,
 * https://www.w3.org/TR/annotation-model/#text-quote-selector). Finding it again follows the way the
 * Hypothesis client re-anchors (its `anchoring/match-quote.ts`: exact search first, then
 * approx-string-match with a score that weighs the quote, its context and the position), with
 * stricter acceptance, because an annotation moved onto other words is worse than one reported lost:
 *
 * 1. **In place.** The quote still stands at the expected place (`hint ?? start`) and its context
 *    agrees (similarity at least {@link IN_PLACE_SIMILARITY}, or at least
 *    {@link MIN_CONTEXT_SIMILARITY} and within {@link IN_PLACE_MARGIN} of the best occurrence
 *    elsewhere). Context is weighed, so the same words in a paragraph inserted before do not hold it.
 * 2. **Exact.** Among the exact occurrences of the quote, the one whose surroundings are most like
 *    the stored prefix and suffix, ties going to the nearest to the expected place; accepted only
 *    with context similarity at least {@link MIN_CONTEXT_SIMILARITY}. The search widens around the
 *    expected place and stops as soon as nothing farther can win, so it costs the distance moved,
 *    not the text's length. The quote is also looked for in the other Unicode normalization (NFC,
 *    NFD) and line-break convention (LF, CRLF) the text uses, as a text saved again may be.
 * 3. **Fuzzy.** approx-string-match (Myers' bit-parallel algorithm), first in a window of
 *    {@link FUZZY_WINDOW} code units either side of the expected place with at most a quarter of
 *    the quote's code units wrong (similarity at least {@link MIN_QUOTE_SIMILARITY}), then in the
 *    whole text with at most an eighth ({@link MIN_FAR_QUOTE_SIMILARITY}); never more than
 *    {@link MAX_QUOTE_ERRORS} errors. Only stretches holding one of k + 1 pieces of the quote
 *    exactly (k the errors allowed) with a plausible context are searched. A match is accepted only
 *    when its context agrees (at least {@link MIN_CONTEXT_SIMILARITY}); the highest score wins.
 * 4. **Orphaned** otherwise: never attached to different text.
 *
 * Similarities are 1 − (Levenshtein distance / length), in UTF-16 code units; the context's is
 * taken over prefix and suffix together. Every offset is a UTF-16 code unit offset, ranges are
 * end-exclusive, and every range returned starts and ends on code point boundaries.
 *
 * Pure: no I/O, no state kept between calls. Every loop makes progress (indexOf from one past the
 * last hit, a search radius that doubles, Myers' loops bounded by their input).
 */
import search from "approx-string-match";
import { boundaryAtOrAfter, boundaryAtOrBefore, isCodePointBoundary } from "./text/codePoints";

/** Code units of context kept on each side of a quote (Hypothesis keeps 32 too). */
export const CONTEXT_LENGTH = 32;

/**
 * Least context similarity (prefix and suffix together, 0..1) for an occurrence to be taken, in
 * place, exact or fuzzy. Measured on Vietnamese news: the 32-unit contexts of two unrelated
 * occurrences of the same words ("Việt Nam", "Bộ trưởng", " và ") are 0.15–0.2 alike (99th
 * percentile 0.35, highest seen 0.48), while a context with one side rewritten and the other intact
 * is about 0.6, and one with a few units changed is above 0.9.
 */
export const MIN_CONTEXT_SIMILARITY = 0.5;

/**
 * Least similarity (0..1) of the better side of the context, prefix or suffix alone, for a place
 * farther than {@link NEAR_MOVE} from the expected one: an annotation moves far only where one side
 * of its context is (nearly) intact — text inserted or deleted before or after it keeps one side —
 * so one whose sentence was deleted is not carried onto another mention that shares only some of
 * the words before it ("… Thủ tướng New Zealand Christopher Luxon" elsewhere in the article).
 */
export const MIN_SIDE_SIMILARITY = 0.9;

/** A move of at most this many code units (the stored context's length) is an edit next to the quote. */
export const NEAR_MOVE = 2 * 32;

/**
 * Context similarity at which the occurrence at the expected place stays without looking further:
 * at most a quarter of its context changed.
 */
export const IN_PLACE_SIMILARITY = 0.75;

/**
 * The occurrence at the expected place, with enough context (≥ {@link MIN_CONTEXT_SIMILARITY}),
 * stays unless another's context is better by more than this (16 of 64 code units): an edit next to
 * an annotation does not send it to a copy of the same sentence elsewhere (scraped articles often
 * repeat their lead), while the same words in an unrelated sentence do not hold it.
 */
export const IN_PLACE_MARGIN = 1 - IN_PLACE_SIMILARITY;

/**
 * Least similarity (0..1) between the quote and the text a fuzzy match covers: at most a quarter of
 * its code units changed, so a match is still mostly the same text. A quote shorter than 4 code
 * units allows no error, so it is only ever found exactly.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * Least quote similarity of a fuzzy match found beyond {@link FUZZY_WINDOW}: at most an eighth of
 * its code units changed (a quote shorter than 8 units is only found there exactly). Far from where
 * it was, a match must be closer to the quote; this also keeps the pieces the whole-text search
 * looks for long enough to be rare.
 */
export const MIN_FAR_QUOTE_SIMILARITY = 0.875;

/** Most errors a fuzzy match may have, however long the quote (Hypothesis allows more, up to 256). */
export const MAX_QUOTE_ERRORS = 32;

/** Code units searched on each side of the expected place before a fuzzy search of the whole text. */
export const FUZZY_WINDOW = 2048;

/** Weights of a match's score, as in Hypothesis's match-quote: quote, context (prefix + suffix), position. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const POSITION_WEIGHT = 2;

/** Code units searched on each side of the expected place in the first round of a search. */
const FIRST_RADIUS = 256;

/**
 * Exact occurrences weighed for one target before the search stops: a quote found more often
 * (a very common word, a pathological text) is judged among its nearest occurrences only.
 */
const MAX_WEIGHED = 4096;

/** Approximate matches, the nearest, weighed in one stretch of text the fuzzy search verifies. */
const MAX_REGION_MATCHES = 64;

/** Occurrences of each piece of the quote, the nearest, that the whole-text fuzzy search starts from. */
const MAX_PIECE_OCCURRENCES = 1024;

/** W3C TextQuoteSelector (§4.2.4): https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  /** The quoted text itself. */
  exact: string;
  /** Up to {@link CONTEXT_LENGTH} code units just before it ("" at the text's start). */
  prefix: string;
  /** Up to {@link CONTEXT_LENGTH} code units just after it ("" at the text's end). */
  suffix: string;
}

/**
 * The quote and context of `text[start, end)` (UTF-16 code units, end-exclusive). The range is
 * first clamped to the text (a non-finite `start` reads as 0, a non-finite `end` or one before
 * `start` as `start`, giving an empty quote) and widened to whole code points; prefix and suffix hold
 * up to {@link CONTEXT_LENGTH} code units, one fewer where the 32nd would split a surrogate pair.
 */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  const from = boundaryAtOrBefore(text, toOffset(text, start, 0));
  const to = boundaryAtOrAfter(text, Math.max(from, toOffset(text, end, from)));
  return {
    exact: text.slice(from, to),
    prefix: text.slice(boundaryAtOrAfter(text, from - CONTEXT_LENGTH), from),
    suffix: text.slice(to, boundaryAtOrBefore(text, to + CONTEXT_LENGTH)),
  };
}

/** An annotation to find again: where it was last (a TextPositionSelector) and what it quoted. */
export interface AnchorTarget {
  /** Where the quote started, in UTF-16 code units; only a hint, it may be out of range. */
  start: number;
  /** Where it ended (exclusive); not used, the quote's length counts. */
  end: number;
  quote: TextQuoteSelector;
}

/**
 * Where an annotation now stands, `text[start, end)` in UTF-16 code units, end-exclusive, on code
 * point boundaries:
 * - `in-place`: the quote, at the expected place;
 * - `exact`: the quote, elsewhere;
 * - `fuzzy`: text that differs from the quote in code units (a near match, or the same text in
 *   another normalization or line-break convention): the caller should store the new quote.
 * `score` (0..1) weighs the quote's similarity, its context's and the nearness to the expected place
 * (weights 50, 40 and 2, as Hypothesis); 1 is the same quote and context at the expected place.
 * `orphaned`: not found; the annotation keeps its old data and needs a person.
 */
export type Anchoring = { kind: "in-place" | "exact" | "fuzzy"; start: number; end: number; score: number } | { kind: "orphaned" };

const ORPHANED: Anchoring = { kind: "orphaned" };

/**
 * Finds one annotation again in `text`. `hint` (optional) is where it is expected to start now, for
 * instance its old start mapped through the edits the editor reported; without one its old `start`
 * is expected. An empty quote is `orphaned`; offsets out of range, fractional or not finite only
 * weaken the hint. The same answer as {@link anchorAll} gives for this target.
 */
export function anchor(text: string, target: AnchorTarget, hint?: number): Anchoring {
  return anchorOne(new Haystack(text), target, hint);
}

/**
 * Finds many annotations in `text` at once: `result[i]` is `anchor(text, targets[i], hints?.[i])`.
 * Work on the text is shared: the list of occurrences of a quote, once the whole text was searched
 * for it, and of the pieces fuzzy search looks for. A target still in place costs two 32-unit
 * comparisons; one that moved, a search out to where it went.
 */
export function anchorAll(text: string, targets: readonly AnchorTarget[], hints?: readonly (number | undefined)[]): Anchoring[] {
  const haystack = new Haystack(text);
  return targets.map((target, i) => anchorOne(haystack, target, hints?.[i]));
}

/**
 * Levenshtein distance between `a` and `b` (insertions, deletions, substitutions of UTF-16 code
 * units). Bit-parallel (Myers 1999, in Hyyrö's form for a whole-string distance) when the shorter
 * is at most 32 units, as a context always is; a plain dynamic programme otherwise.
 */
export function editDistance(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length <= 32) return new ContextPattern(short).distance(long, 0, long.length);
  let row = Uint32Array.from({ length: short.length + 1 }, (_, i) => i);
  for (let j = 1; j <= long.length; j++) {
    const next = new Uint32Array(short.length + 1);
    next[0] = j;
    for (let i = 1; i <= short.length; i++) {
      const substitution = row[i - 1]! + (short.charCodeAt(i - 1) === long.charCodeAt(j - 1) ? 0 : 1);
      next[i] = Math.min(substitution, row[i]! + 1, next[i - 1]! + 1);
    }
    row = next;
  }
  return row[short.length]!;
}

// ---------------------------------------------------------------------------------------------
// One target

function anchorOne(haystack: Haystack, target: AnchorTarget, hint: number | undefined): Anchoring {
  const selector = cleanSelector(target.quote);
  if (selector.exact === "") return ORPHANED;
  const text = haystack.text;
  const wanted = typeof hint === "number" && Number.isFinite(hint) ? hint : target.start;
  // The place searches start from: a code unit offset inside the text.
  const expected = Number.isFinite(wanted) ? Math.min(Math.max(Math.round(wanted), 0), text.length) : 0;
  const identity = compileVariant(selector);
  const inPlace = wanted === expected ? inPlaceCandidate(text, identity, expected) : undefined;
  if (inPlace && inPlace.contextSimilarity >= IN_PLACE_SIMILARITY) return result(text, selector, wanted, inPlace);
  const variants = variantsOf(selector, identity, haystack);
  const best = bestExact(haystack, variants, expected);
  const stays = inPlace && inPlace.contextSimilarity >= MIN_CONTEXT_SIMILARITY && (!best || inPlace.contextSimilarity >= best.contextSimilarity - IN_PLACE_MARGIN);
  if (stays) return result(text, selector, wanted, inPlace);
  if (best && best.contextSimilarity >= MIN_CONTEXT_SIMILARITY) return result(text, selector, wanted, best);
  const fuzzy = bestFuzzy(haystack, variants, expected);
  return fuzzy ? result(text, selector, wanted, fuzzy) : ORPHANED;
}

/** A place found for a target, with what its choice rests on. */
interface Candidate {
  start: number;
  end: number;
  /** 1 − errors / quote length (1 for an exact occurrence, also of a normalized variant). */
  quoteSimilarity: number;
  /** 1 − errors / stored context length, prefix and suffix together (1 when none was stored). */
  contextSimilarity: number;
  /** |start − expected| in code units. */
  distance: number;
}

/** The answer for `found`: in place when the quote stands exactly where it was wanted. */
function result(text: string, selector: TextQuoteSelector, wanted: number, found: Candidate): Anchoring {
  const same = text.slice(found.start, found.end) === selector.exact;
  const kind = !same ? "fuzzy" : found.start === wanted ? "in-place" : "exact";
  return { kind, start: found.start, end: found.end, score: score(text, found) };
}

function score(text: string, candidate: Candidate): number {
  const position = 1 - Math.min(1, candidate.distance / Math.max(1, text.length));
  const total = QUOTE_WEIGHT * candidate.quoteSimilarity + CONTEXT_WEIGHT * candidate.contextSimilarity + POSITION_WEIGHT * position;
  return total / (QUOTE_WEIGHT + CONTEXT_WEIGHT + POSITION_WEIGHT);
}

/** Whether `a` is a better exact candidate than `b`: more alike context, then nearer, then earlier. */
function betterExact(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.contextSimilarity !== b.contextSimilarity) return a.contextSimilarity > b.contextSimilarity;
  return a.distance !== b.distance ? a.distance < b.distance : a.start < b.start;
}

/** The exact quote at `expected` (on code point boundaries), with its context's similarity. */
function inPlaceCandidate(text: string, variant: Variant, expected: number): Candidate | undefined {
  const end = expected + variant.quote.length;
  if (end > text.length || !text.startsWith(variant.quote, expected)) return undefined;
  if (!isCodePointBoundary(text, expected) || !isCodePointBoundary(text, end)) return undefined;
  return { start: expected, end, quoteSimilarity: 1, contextSimilarity: contextSimilarity(text, variant, expected, end), distance: 0 };
}

// ---------------------------------------------------------------------------------------------
// Selectors and their variants

/** The selector as strings (a record read from disk may hold anything), contexts cut to 32 units. */
function cleanSelector(quote: TextQuoteSelector | undefined): TextQuoteSelector {
  const read = (value: unknown): string => (typeof value === "string" ? value : "");
  return { exact: read(quote?.exact), prefix: lastUnits(read(quote?.prefix)), suffix: firstUnits(read(quote?.suffix)) };
}

/** The last {@link CONTEXT_LENGTH} code units of `s`, one fewer rather than half a pair. */
function lastUnits(s: string): string {
  return s.length <= CONTEXT_LENGTH ? s : s.slice(boundaryAtOrAfter(s, s.length - CONTEXT_LENGTH));
}

/** The first {@link CONTEXT_LENGTH} code units of `s`, one fewer rather than half a pair. */
function firstUnits(s: string): string {
  return s.length <= CONTEXT_LENGTH ? s : s.slice(0, boundaryAtOrBefore(s, CONTEXT_LENGTH));
}

/** A form of the selector to look for, its contexts compiled for comparison. */
interface Variant {
  quote: string;
  prefix: ContextPattern;
  suffix: ContextPattern;
}

function compileVariant(selector: TextQuoteSelector): Variant {
  return { quote: selector.exact, prefix: new ContextPattern(selector.prefix), suffix: new ContextPattern(selector.suffix) };
}

type Transform = (s: string) => string;
const same: Transform = (s) => s;
const toNfc: Transform = (s) => s.normalize("NFC");
const toNfd: Transform = (s) => s.normalize("NFD");
const toLf: Transform = (s) => s.replace(/\r\n?/gu, "\n");
const toCrlf: Transform = (s) => toLf(s).replace(/\n/gu, "\r\n");

/**
 * The selector as stored, and as it would read if the text had been saved again in NFC or (when the
 * text holds combining marks) NFD, with LF or (when the text holds CR) CRLF line breaks. Usually the
 * selector alone.
 */
function variantsOf(selector: TextQuoteSelector, identity: Variant, haystack: Haystack): Variant[] {
  const parts = [selector.exact, selector.prefix, selector.suffix];
  const forms: Transform[] = [same];
  if (parts.some((p) => p !== p.normalize("NFC"))) forms.push(toNfc);
  if (haystack.hasCombiningMarks()) forms.push(toNfd);
  const breaks: Transform[] = [same];
  if (parts.some((p) => p.includes("\r"))) breaks.push(toLf);
  if (haystack.hasCarriageReturns() && parts.some((p) => p.includes("\n"))) breaks.push(toCrlf);
  const variants = [identity];
  const seen = new Set([parts.join("\u0000")]);
  for (const form of forms) {
    for (const lineBreaks of breaks) {
      const [exact, prefix, suffix] = parts.map((p) => lineBreaks(form(p))) as [string, string, string];
      const key = [exact, prefix, suffix].join("\u0000");
      if (exact === "" || seen.has(key)) continue;
      seen.add(key);
      variants.push(compileVariant({ exact, prefix: lastUnits(prefix), suffix: firstUnits(suffix) }));
    }
  }
  return variants;
}

/** The variants grouped by the quote they look for, so each distinct quote is searched once. */
function byQuote(variants: readonly Variant[]): Map<string, Variant[]> {
  const groups = new Map<string, Variant[]>();
  for (const variant of variants) {
    const group = groups.get(variant.quote);
    if (group) group.push(variant);
    else groups.set(variant.quote, [variant]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Context similarity

/**
 * A stored prefix or suffix (at most 32 code units), compiled for Myers' bit-parallel edit
 * distance: one 32-bit word holds a column of the dynamic programme, so comparing it with up to
 * n code units costs n steps.
 */
class ContextPattern {
  readonly length: number;
  /** For each code unit of the pattern, the bits of the positions where it stands. */
  private readonly masks = new Map<number, number>();

  constructor(pattern: string) {
    if (pattern.length > 32) throw new RangeError("a context pattern holds at most 32 code units");
    this.length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      this.masks.set(code, (this.masks.get(code) ?? 0) | (1 << i));
    }
  }

  /** Levenshtein distance between the pattern and `text[from, to)`. */
  distance(text: string, from: number, to: number): number {
    const m = this.length;
    if (m === 0) return Math.max(0, to - from);
    const last = 1 << (m - 1);
    // Vertical deltas of the current column: all +1 in column 0 (D[i][0] = i).
    let plus = -1;
    let minus = 0;
    let score = m;
    for (let j = from; j < to; j++) {
      const eq = this.masks.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | minus;
      // The sum may pass 32 bits; `^` truncates it, as the algorithm's word arithmetic does.
      const xh = (((eq & plus) + plus) ^ plus) | eq;
      let hPlus = minus | ~(xh | plus);
      let hMinus = plus & xh;
      if (hPlus & last) score++;
      else if (hMinus & last) score--;
      // Row 0 grows by one per column (D[0][j] = j): a whole-string distance, not a search.
      hPlus = (hPlus << 1) | 1;
      hMinus <<= 1;
      plus = hMinus | ~(xv | hPlus);
      minus = hPlus & xv;
    }
    return score;
  }
}

/**
 * How alike the text around `text[start, end)` is to the variant's stored context: 1 − (edit
 * distance of the prefix to the same number of code units before `start`, plus the suffix's to
 * those after `end`) / (their stored lengths). 1 when no context was stored.
 */
function contextSimilarity(text: string, variant: Variant, start: number, end: number): number {
  const total = variant.prefix.length + variant.suffix.length;
  if (total === 0) return 1;
  const errors = contextErrors(text, variant, start, end);
  return Math.max(0, 1 - (errors.prefix + errors.suffix) / total);
}

/** The edit distances of the stored prefix and suffix to the text just before `start` and just after `end`. */
function contextErrors(text: string, variant: Variant, start: number, end: number): { prefix: number; suffix: number } {
  return {
    prefix: variant.prefix.distance(text, Math.max(0, start - variant.prefix.length), start),
    suffix: variant.suffix.distance(text, end, Math.min(text.length, end + variant.suffix.length)),
  };
}

// ---------------------------------------------------------------------------------------------
// The text, and what targets share about it

/** The text searched, with what is learned about it once and shared by every target. */
class Haystack {
  private readonly complete = new Map<string, readonly number[]>();
  private carriageReturns: boolean | undefined;
  private combiningMarks: boolean | undefined;

  constructor(readonly text: string) {}

  hasCarriageReturns(): boolean {
    this.carriageReturns ??= this.text.includes("\r");
    return this.carriageReturns;
  }

  /** Whether the text holds combining diacritics (U+0300–U+036F), as NFD Vietnamese does. */
  hasCombiningMarks(): boolean {
    this.combiningMarks ??= /[\u0300-\u036f]/u.test(this.text);
    return this.combiningMarks;
  }

  /**
   * The starts of the occurrences of `needle` (non-empty) that lie in [from, to), ascending: from
   * the whole text's list when it is known, else by indexOf in that stretch alone.
   */
  occurrences(needle: string, from: number, to: number): number[] {
    const last = Math.min(to, this.text.length - needle.length + 1);
    const first = Math.max(0, from);
    if (first >= last) return [];
    const known = this.complete.get(needle);
    if (known) return known.slice(lowerBound(known, first), lowerBound(known, last));
    const found: number[] = [];
    const stretch = this.text.slice(first, last + needle.length - 1);
    // From one past each hit: always forward, overlapping occurrences included.
    for (let at = stretch.indexOf(needle); at >= 0; at = stretch.indexOf(needle, at + 1)) found.push(first + at);
    return found;
  }

  /**
   * The occurrences of `needle` nearest to `center`, ascending: all those within the smallest
   * radius (doubling from {@link FIRST_RADIUS}) that holds at least `limit` of them, or every one.
   * A search that covered the whole text is remembered.
   */
  nearest(needle: string, center: number, limit: number): number[] {
    const known = this.complete.get(needle);
    if (known) {
      const at = lowerBound(known, center);
      return known.slice(Math.max(0, at - limit), at + limit);
    }
    const found: number[] = [];
    let lo = center;
    let hi = center;
    for (let radius = FIRST_RADIUS; found.length < limit && (lo > 0 || hi <= this.text.length); radius *= 2) {
      const nextLo = Math.max(0, center - radius);
      const nextHi = Math.min(this.text.length + 1, center + radius);
      append(found, this.occurrences(needle, nextLo, lo));
      append(found, this.occurrences(needle, hi, nextHi));
      [lo, hi] = [nextLo, nextHi];
    }
    found.sort((a, b) => a - b);
    if (lo === 0 && hi > this.text.length) this.remember(needle, found);
    return found;
  }

  /** Remembers every occurrence of `needle` (ascending), found by a search that covered the text. */
  remember(needle: string, starts: readonly number[]): void {
    if (!this.complete.has(needle)) this.complete.set(needle, starts);
  }
}

/** Adds `items` to the end of `list` (a loop: spreading many thousands into push overflows the stack). */
function append(list: number[], items: readonly number[]): void {
  for (const item of items) list.push(item);
}

/** The first index of the ascending `values` whose value is at least `value`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Exact occurrences

/**
 * The best exact occurrence of any variant (see {@link betterExact}), searched in rings around
 * `expected` whose radius doubles. It stops once the best has a perfect context and every start not
 * yet looked at is farther than it, or once {@link MAX_WEIGHED} occurrences were weighed (a quote
 * that common is judged among its nearest); else it covers the whole text, and the occurrences found
 * are remembered for the next target quoting the same words.
 */
function bestExact(haystack: Haystack, variants: readonly Variant[], expected: number): Candidate | undefined {
  const text = haystack.text;
  const groups = byQuote(variants);
  const seen = new Map<string, number[]>([...groups.keys()].map((quote) => [quote, []]));
  let best: Candidate | undefined;
  let weighed = 0;
  // Starts in [lo, hi) have been looked at.
  let lo = expected;
  let hi = expected;
  for (let radius = FIRST_RADIUS; ; radius *= 2) {
    const nextLo = Math.max(0, expected - radius);
    const nextHi = Math.min(text.length + 1, expected + radius);
    for (const [quote, group] of groups) {
      const starts = [...haystack.occurrences(quote, nextLo, lo), ...haystack.occurrences(quote, hi, nextHi)];
      append(seen.get(quote)!, starts);
      weighed += starts.length;
      for (const start of starts) {
        const candidate = exactCandidate(text, group, start, expected);
        if (candidate && betterExact(candidate, best)) best = candidate;
      }
    }
    [lo, hi] = [nextLo, nextHi];
    if (lo === 0 && hi === text.length + 1) break;
    const unseen = Math.min(lo === 0 ? Infinity : expected - lo + 1, hi === text.length + 1 ? Infinity : hi - expected);
    if ((best && best.contextSimilarity === 1 && best.distance < unseen) || weighed >= MAX_WEIGHED) return best;
  }
  for (const [quote, starts] of seen) haystack.remember(quote, starts.sort((a, b) => a - b));
  return best;
}

/** The occurrence at `start` scored with the best context of the variants quoting it. */
function exactCandidate(text: string, group: readonly Variant[], start: number, expected: number): Candidate | undefined {
  const end = start + group[0]!.quote.length;
  if (!isCodePointBoundary(text, start) || !isCodePointBoundary(text, end)) return undefined;
  return { start, end, quoteSimilarity: 1, contextSimilarity: movedContext(text, group, start, end, expected), distance: Math.abs(start - expected) };
}

// ---------------------------------------------------------------------------------------------
// Fuzzy matches

/** The errors a match near the expected place may have: a quarter of the quote, at most 32. */
function nearErrors(length: number): number {
  return Math.min(MAX_QUOTE_ERRORS, Math.floor(length * (1 - MIN_QUOTE_SIMILARITY)));
}

/** The errors a match farther away may have: an eighth of the quote, at most 32. */
function farErrors(length: number): number {
  return Math.min(MAX_QUOTE_ERRORS, Math.floor(length * (1 - MIN_FAR_QUOTE_SIMILARITY)));
}

/**
 * The best acceptable approximate match of any variant: in the window around `expected` first,
 * then, if none there is acceptable, in the whole text with fewer errors allowed. Best is the
 * highest score, then the nearest.
 */
function bestFuzzy(haystack: Haystack, variants: readonly Variant[], expected: number): Candidate | undefined {
  const text = haystack.text;
  const groups = [...byQuote(variants)];
  const windowStart = Math.max(0, expected - FUZZY_WINDOW);
  const windowEnd = Math.min(text.length, expected + FUZZY_WINDOW);
  const near = groups.flatMap(([quote, group]) => fuzzyCandidates(haystack, quote, group, expected, [windowStart, windowEnd], nearErrors(quote.length)));
  const inWindow = bestOf(text, near);
  if (inWindow || (windowStart === 0 && windowEnd === text.length)) return inWindow;
  return bestOf(text, groups.flatMap(([quote, group]) => fuzzyCandidates(haystack, quote, group, expected, [0, text.length], farErrors(quote.length))));
}

/** The candidate with the highest score, then the nearest, then the earliest. */
function bestOf(text: string, candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -1;
  for (const candidate of candidates) {
    const candidateScore = score(text, candidate);
    const better = !best || (candidateScore !== bestScore ? candidateScore > bestScore : candidate.distance !== best.distance ? candidate.distance < best.distance : candidate.start < best.start);
    if (better) {
      best = candidate;
      bestScore = candidateScore;
    }
  }
  return best;
}

/**
 * The acceptable approximate matches of `quote`, with at most `limit` errors, that lie in `range`:
 * quote and context similar enough, on code point boundaries. approx-string-match gives where
 * matches end and their error counts; the start it gives may belong to a worse alignment, so the
 * start, and the errors once widened to whole code points, are measured here ({@link alignEnding}).
 */
function fuzzyCandidates(haystack: Haystack, quote: string, group: readonly Variant[], expected: number, range: [number, number], limit: number): Candidate[] {
  if (limit <= 0) return [];
  const text = haystack.text;
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  // A match starts and ends within limit + 1 units (widening included) of where a piece puts it,
  // and each unit the context's window moves changes its distance by at most 2.
  const slack = (4 * (limit + 1)) / shortestContext(group);
  const plausible = (start: number): boolean => bestContext(text, group, start, start + quote.length) >= MIN_CONTEXT_SIMILARITY - slack;
  for (const [regionStart, regionEnd] of regions(haystack, quote, limit, range, expected, plausible)) {
    for (const match of nearestMatches(search(text.slice(regionStart, regionEnd), quote, limit), expected - regionStart + quote.length)) {
      const aligned = alignEnding(text, quote, regionStart + match.end, limit);
      if (!aligned) continue;
      const start = boundaryAtOrBefore(text, aligned.start);
      const end = boundaryAtOrAfter(text, regionStart + match.end);
      const key = `${start}:${end}`;
      if (start >= end || seen.has(key)) continue;
      seen.add(key);
      const errors = start === aligned.start && end === regionStart + match.end ? aligned.errors : alignEnding(text, quote, end, limit, start)?.errors;
      if (errors === undefined) continue;
      const similarity = movedContext(text, group, start, end, expected);
      if (similarity < MIN_CONTEXT_SIMILARITY) continue;
      candidates.push({ start, end, quoteSimilarity: 1 - errors / quote.length, contextSimilarity: similarity, distance: Math.abs(start - expected) });
    }
  }
  return candidates;
}

/**
 * The matches (of one region) whose ends are nearest `end`, at most {@link MAX_REGION_MATCHES}: in
 * natural text a region holds a few, in a periodic one (a run of one letter) thousands.
 */
function nearestMatches<T extends { end: number }>(matches: T[], end: number): T[] {
  if (matches.length <= MAX_REGION_MATCHES) return matches;
  return matches.sort((a, b) => Math.abs(a.end - end) - Math.abs(b.end - end) || a.end - b.end).slice(0, MAX_REGION_MATCHES);
}

/** The context similarity of `text[start, end)` to the best of the variants' contexts. */
function bestContext(text: string, group: readonly Variant[], start: number, end: number): number {
  return Math.max(...group.map((variant) => contextSimilarity(text, variant, start, end)));
}

/**
 * The context similarity of a place other than the expected one: as `bestContext`, but, farther
 * than {@link NEAR_MOVE}, 0 for a variant neither of whose stored sides agrees at least
 * {@link MIN_SIDE_SIMILARITY} on its own.
 */
function movedContext(text: string, group: readonly Variant[], start: number, end: number, expected: number): number {
  if (Math.abs(start - expected) <= NEAR_MOVE) return bestContext(text, group, start, end);
  return Math.max(
    ...group.map((variant) => {
      const total = variant.prefix.length + variant.suffix.length;
      if (total === 0) return 1;
      // Each distance is computed once: the sides are judged alone, then together.
      const errors = contextErrors(text, variant, start, end);
      const side = (errors: number, length: number): number => (length === 0 ? 1 : 1 - errors / length);
      if (Math.max(side(errors.prefix, variant.prefix.length), side(errors.suffix, variant.suffix.length)) < MIN_SIDE_SIMILARITY) return 0;
      return Math.max(0, 1 - (errors.prefix + errors.suffix) / total);
    }),
  );
}

/** The shortest stored context (prefix and suffix) of the variants, at least 1. */
function shortestContext(group: readonly Variant[]): number {
  return Math.max(1, Math.min(...group.map((variant) => variant.prefix.length + variant.suffix.length)));
}

/**
 * The best alignment of all of `quote` with text ending at `end`: its start and its errors
 * (Levenshtein distance, code units), or undefined if it needs more than `limit` errors. With
 * `start` given, that start is taken; else the one with the fewest errors, then the length nearest
 * the quote's. A dynamic programme run backwards from `end`, kept to the band of alignments within
 * `limit` errors: O(quote length × limit).
 */
function alignEnding(text: string, quote: string, end: number, limit: number, start?: number): { start: number; errors: number } | undefined {
  const m = quote.length;
  const width = Math.min(end, m + limit);
  const over = limit + 1;
  // row[j]: errors aligning the last i units of the quote with the j units of text before `end`.
  let row = new Int32Array(width + 2).fill(over);
  let next = new Int32Array(width + 2).fill(over);
  for (let j = 0; j <= Math.min(width, limit); j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(0, i - limit);
    const hi = Math.min(width, i + limit);
    const unit = quote.charCodeAt(m - i);
    if (lo > 0) next[lo - 1] = over;
    for (let j = lo; j <= hi; j++) {
      const diagonal = j > 0 ? row[j - 1]! + (text.charCodeAt(end - j) === unit ? 0 : 1) : over;
      const left = j > 0 ? next[j - 1]! + 1 : over;
      next[j] = Math.min(j === 0 ? i : over, diagonal, row[j]! + 1, left, over);
    }
    next[hi + 1] = over;
    [row, next] = [next, row];
  }
  // Only the band of the last row is current; the array holds older rows' values outside it.
  const first = Math.max(0, m - limit);
  const last = Math.min(width, m + limit);
  if (start !== undefined) {
    const errors = end - start >= first && end - start <= last ? row[end - start]! : over;
    return errors <= limit ? { start, errors } : undefined;
  }
  let best = -1;
  for (let j = first; j <= last; j++) {
    if (best < 0 || row[j]! < row[best]! || (row[j] === row[best] && Math.abs(j - m) < Math.abs(best - m))) best = j;
  }
  return best >= 0 && row[best]! <= limit ? { start: end - best, errors: row[best]! } : undefined;
}

/**
 * Stretches of `range` that may hold a match of `quote` with at most `errors` errors, merged where
 * they overlap. A match with k errors holds one of k + 1 disjoint pieces of the quote exactly (each
 * error spoils at most one piece), so it starts within k of where a piece's occurrence puts the
 * quote's start, and ends within k of where it puts the end. Such a start is kept only if
 * `plausible` (the caller checks the context there, allowing for the match being that far off).
 */
function regions(haystack: Haystack, quote: string, errors: number, [from, to]: [number, number], center: number, plausible: (start: number) => boolean): [number, number][] {
  const pieceLength = Math.floor(quote.length / (errors + 1));
  const whole = from === 0 && to === haystack.text.length;
  const checked = new Map<number, boolean>();
  const found: [number, number][] = [];
  for (let piece = 0; piece <= errors; piece++) {
    const offset = piece * pieceLength;
    const needle = quote.slice(offset, offset + pieceLength);
    const starts = whole ? haystack.nearest(needle, center + offset, MAX_PIECE_OCCURRENCES) : haystack.occurrences(needle, from, to);
    for (const at of starts) {
      const start = at - offset;
      let keep = checked.get(start);
      if (keep === undefined) checked.set(start, (keep = plausible(start)));
      if (keep) found.push([Math.max(from, start - errors), Math.min(to, start + quote.length + errors)]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of found) {
    const previous = merged[merged.length - 1];
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else if (start < end) merged.push([start, end]);
  }
  return merged;
}

/** `value` as an offset into `text`: truncated and clamped to [0, text.length]; `fallback` if not finite. */
function toOffset(text: string, value: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), text.length) : fallback;
}
