import { normalizeText, type NormalizedText } from "./text/normalize";
import { LineIndex, splitLines, type Line } from "./text/lines";
import { tokenize, type Token } from "./text/tokens";
import { SpanIndex } from "./text/spanIndex";

const MAX_SEGMENT = 4000;
const MAX_CACHED_TEXT = 200_000;
const SEGMENT_SLACK = 200;

/**
 * The normalized document the detectors share: its lines, their tokens (computed once, on demand),
 * and which parts are debris (so entity detectors skip them).
 */
export class ArticleDocument {
  readonly norm: NormalizedText;
  readonly text: string;
  readonly lines: readonly Line[];
  /** Line of an offset of `text`. */
  readonly lineIndex: LineIndex;
  /** Lines that are debris as a whole. */
  readonly debrisLines = new Set<number>();
  /** Debris spans inside article lines (normalized offsets). */
  readonly debrisSpans: { start: number; end: number }[] = [];
  private debrisIndex: SpanIndex | undefined;
  private readonly tokenCache = new Map<number, Token[]>();

  constructor(original: string) {
    this.norm = normalizeText(original);
    this.text = this.norm.text;
    this.lines = splitLines(this.text);
    this.lineIndex = new LineIndex(this.lines);
  }

  /**
   * Tokens of a line or segment, kept for the next detector in an article-sized document; in a
   * large one, tokenizing again is cheaper than holding every token alive (garbage collection
   * would grow faster than the text).
   */
  tokens(segment: Line): Token[] {
    if (this.text.length > MAX_CACHED_TEXT) return tokenize(this.text, segment.start, segment.end);
    let tokens = this.tokenCache.get(segment.start);
    if (!tokens) {
      tokens = tokenize(this.text, segment.start, segment.end);
      this.tokenCache.set(segment.start, tokens);
    }
    return tokens;
  }

  /**
   * Article lines for the entity detectors, a very long line cut into segments at spaces: a
   * paragraph is never this long, and bounded pieces keep the work linear on pathological input.
   */
  *articleSegments(): Iterable<Line> {
    for (const line of this.articleLines()) {
      if (line.text.length <= MAX_SEGMENT) {
        yield line;
        continue;
      }
      let start = line.start;
      while (start < line.end) {
        let end = Math.min(line.end, start + MAX_SEGMENT);
        const space = end < line.end ? this.text.indexOf(" ", end) : -1;
        if (space >= 0 && space < end + SEGMENT_SLACK && space < line.end) end = space;
        yield { index: line.index, start, end, text: this.text.slice(start, end) };
        start = end;
      }
    }
  }

  /** Lines that carry article text (not debris as a whole), in order. */
  *articleLines(): Iterable<Line> {
    for (const line of this.lines) if (!this.debrisLines.has(line.index) && line.text.trim() !== "") yield line;
  }

  /** How a normalized range is written in the original, in NFC with single spaces (for attributes). */
  display(start: number, end: number): string {
    const range = this.norm.toOriginal(start, end);
    return this.norm.original.slice(range.start, range.end).normalize("NFC").replace(/\s+/gu, " ");
  }

  /** Whether a normalized range touches debris (spans are all known once boilerplate is detected). */
  isDebris(start: number, end: number): boolean {
    if (this.debrisSpans.length === 0) return false;
    this.debrisIndex ??= new SpanIndex(this.debrisSpans);
    return this.debrisIndex.overlaps(start, end);
  }
}
