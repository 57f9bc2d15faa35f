import { normalizeText, type NormalizedText } from "./text/normalize";
import { LineIndex, splitLines, type Line } from "./text/lines";
import { tokenize, type Token } from "./text/tokens";
import { SpanIndex } from "./text/spanIndex";
import { foldValue, separatesWords } from "./text/fold";
import { boundaryAtOrBefore, codePointEnd } from "./text/codePoints";
import { SPACE, unitClass } from "./text/charClass";

const MAX_SEGMENT = 4000;
const MAX_CACHED_TEXT = 200_000;
const SEGMENT_SLACK = 200;
/**
 * Block size in a large document: small enough that a block's tokens die young (cheap to collect).
 * A block ends at the first segment past BLOCK_TEXT that is a cut point, or past BLOCK_TEXT_MAX.
 * Cut points depend on a segment's own text only (`isCutPoint`), so an edit moves the blocks
 * around it and no others: the blocks after it start where they started (engine/incremental.ts
 * reuses their results).
 */
const BLOCK_TEXT = 12_000;
const BLOCK_TEXT_MAX = 32_000;

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
  /** Whether every segment's tokens are kept (an article-sized document). */
  private readonly cachesAllTokens: boolean;
  /** Inside `segmentBlocks`: the current block's tokens are kept. */
  private inBlock = false;

  constructor(original: string) {
    this.norm = normalizeText(original, separatesWords);
    this.text = this.norm.text;
    this.lines = splitLines(this.text);
    this.lineIndex = new LineIndex(this.lines);
    this.cachesAllTokens = this.text.length <= MAX_CACHED_TEXT;
  }

  /**
   * Tokens of a line or segment, kept for the next detector in an article-sized document, or while
   * a block of a large one is worked on; otherwise tokenizing again is cheaper than holding every
   * token of a large document alive (about 150 bytes a token).
   */
  tokens(segment: Line): Token[] {
    if (!this.cachesAllTokens && !this.inBlock) return tokenize(this.text, segment.start, segment.end);
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
   * A line with no space near the cut is cut between two code points, never inside a surrogate pair.
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
        // Back to the pair's start when the cut falls inside one; never back to `start`.
        if (end < line.end) end = Math.max(boundaryAtOrBefore(this.text, end), codePointEnd(this.text, start));
        const space = end < line.end ? this.text.indexOf(" ", end) : -1;
        if (space >= 0 && space < end + SEGMENT_SLACK && space < line.end) end = space;
        yield { index: line.index, start, end, text: this.text.slice(start, end) };
        start = end;
      }
    }
  }

  /**
   * The article segments in blocks of about BLOCK_TEXT characters (one block for an
   * article-sized document). Each block's tokens are kept while the caller works on it, so several
   * detectors can read a block with one tokenization and memory stays bounded on any size.
   */
  *segmentBlocks(): Iterable<Line[]> {
    let block: Line[] = [];
    let size = 0;
    const release = (): void => {
      this.inBlock = false;
      if (!this.cachesAllTokens) this.tokenCache.clear();
    };
    try {
      for (const segment of this.articleSegments()) {
        block.push(segment);
        size += segment.end - segment.start;
        if (this.cachesAllTokens || size < BLOCK_TEXT || (size < BLOCK_TEXT_MAX && !isCutPoint(segment))) continue;
        this.inBlock = true;
        yield block;
        release();
        block = [];
        size = 0;
      }
      if (block.length > 0) {
        this.inBlock = true;
        yield block;
      }
    } finally {
      release();
    }
  }

  /** Lines that carry article text (not debris as a whole), in order. */
  *articleLines(): Iterable<Line> {
    for (const line of this.lines) if (!this.debrisLines.has(line.index) && !isBlank(line.text)) yield line;
  }

  /**
   * How a normalized range is written in the original, as a value (for attributes): NFC with single
   * spaces, no invisible characters, no look-alike letters (`foldValue`); tone placement as written.
   */
  display(start: number, end: number): string {
    const range = this.norm.toOriginal(start, end);
    return foldValue(this.norm.original.slice(range.start, range.end));
  }

  /** Whether a normalized range touches debris (spans are all known once boilerplate is detected). */
  isDebris(start: number, end: number): boolean {
    if (this.debrisSpans.length === 0) return false;
    this.debrisIndex ??= new SpanIndex(this.debrisSpans);
    return this.debrisIndex.overlaps(start, end);
  }
}

/** `text.trim() === ""` without making the trimmed copy: every code unit is white space (`\s`). */
function isBlank(text: string): boolean {
  for (let k = 0; k < text.length; k++) if ((unitClass(text.charCodeAt(k)) & SPACE) === 0) return false;
  return true;
}

/**
 * Whether a block may end after `segment`: about one segment in eight, chosen by a hash of its
 * first characters and its length (content-defined, as in rsync's chunking).
 */
function isCutPoint(segment: Line): boolean {
  let hash = 0x811c9dc5 ^ (segment.end - segment.start);
  const text = segment.text;
  for (let k = 0; k < text.length && k < 32; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return ((hash >>> 0) & 7) === 0;
}
