/**
 * Incremental analysis of one document as it is edited: `IncrementalAnalyzer.analyze(text, options)`
 * returns exactly what `analyze(text, options)` returns (deep-equal, for every text and every
 * sequence of texts), doing less work when the previous text it saw shares most of its blocks.
 *
 * What is reused: the block stage (forums, English forums, the first pass of person mentions,
 * amounts and dates: `detectInBlock`), which in a large document runs on blocks of about 16,000
 * characters of article segments and holds the costliest token readers. A block's result is a function of its key (see
 * `blockKey`): the layout of its segments relative to the block's start, the normalized text they
 * cover with a few characters of context either side (tokenizing reads one character past a
 * segment), the original text that range came from (`doc.display`, which names titles, reads it),
 * the debris spans that touch the range, and the knowledge base. So a block whose key is unchanged
 * after an edit gets its previous result, moved to its new offsets and line numbers; an edit touches
 * one block, or two where it moves the boundary between them.
 *
 * What is recomputed on every text: normalization, the boilerplate rules (they read the page as a
 * whole: duplicate lines, related lists, the page layout, the first line), the second person pass
 * (coreference and repeats, which depend on every full name in the article), the headline and
 * metadata (and the dateline's year for dates written without one), the way back to original offsets and the knowledge base's links. These
 * are `analyzeWith`'s own passes, the ones `analyze` runs.
 *
 * Memory: the results of the blocks of the last text only (a map rebuilt on every analysis): keys
 * about the last text's size (twice where normalization changed it) plus its block results. An article-sized document
 * is one block: nothing is gained, nothing is lost. What is stored is frozen and shared with the
 * analyses handed out (their entities' attributes, mentions' names): read them, copy them, or post
 * them to another thread (as the analysis worker does), but do not change them — that throws.
 */
import { analyzeWith, detectInBlock, type AnalyzeOptions, type BlockDetections, type BlockDetector } from "./analyze";
import type { ArticleDocument } from "./document";
import type { KnowledgeBase } from "./kb/knowledgeBase";
import type { Line } from "./text/lines";
import type { Analysis } from "./types";

/** Characters of normalized text either side of a block that its key includes (tokenizing reads one past a segment's end). */
const CONTEXT = 8;

/** A block's detections in offsets relative to its first segment's start, lines relative to its first line. */
interface StoredBlock {
  readonly detections: BlockDetections;
}

export class IncrementalAnalyzer {
  private blocks = new Map<string, StoredBlock>();
  private knowledgeBase: KnowledgeBase | undefined;
  /** What the last `analyze` did with its blocks (for tests and measurements): taken from the previous text's, or computed. */
  lastStats = { reused: 0, computed: 0 };

  /**
   * The analysis of `text`, deep-equal to `analyze(text, options)`; reuses what it learnt from the
   * previous texts given to this analyzer. Throws what `analyze` throws (AnalysisCancelled); a
   * cancelled analysis leaves what was learnt before it intact.
   */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    // Block results depend on the knowledge base (names it knows are mentions): another one starts afresh.
    const previous = this.knowledgeBase === options.knowledgeBase ? this.blocks : new Map<string, StoredBlock>();
    const next = new Map<string, StoredBlock>();
    const stats = { reused: 0, computed: 0 };
    let debris: DebrisSpans | undefined;
    const detect: BlockDetector = (doc, block, knowledgeBase) => {
      // Debris is all marked before the first block is read.
      if (debris?.doc !== doc) debris = new DebrisSpans(doc);
      const key = blockKey(doc, block, debris);
      // Only from the previous text: a block repeated within one text (rare but for synthetic
      // benchmarks) is computed each time, so a first analysis costs what `analyze` costs.
      const stored = previous.get(key);
      if (stored) {
        stats.reused++;
        next.set(key, stored);
        return placed(stored.detections, block[0]!);
      }
      stats.computed++;
      const found = detectInBlock(doc, block, knowledgeBase);
      next.set(key, { detections: deepFreeze(relative(found, block[0]!)) });
      return found;
    };
    const analysis = analyzeWith(text, options, detect);
    this.blocks = next;
    this.knowledgeBase = options.knowledgeBase;
    this.lastStats = stats;
    return analysis;
  }
}

/**
 * Everything a block's detections depend on besides the knowledge base, as one string: segment
 * layout (line and offsets relative to the first segment), the normalized text from CONTEXT
 * characters before the first segment to CONTEXT after the last, the original text of that range,
 * and the debris spans touching it (relative).
 */
function blockKey(doc: ArticleDocument, block: readonly Line[], spans: DebrisSpans): string {
  const first = block[0]!;
  const last = block[block.length - 1]!;
  const start = Math.max(0, first.start - CONTEXT);
  const end = Math.min(doc.text.length, last.end + CONTEXT);
  const layout = block.map((segment) => `${segment.index - first.index},${segment.start - first.start},${segment.end - first.start}`).join(";");
  const debris = spans.touching(start, end, first.start);
  const range = doc.norm.toOriginal(start, end);
  const text = doc.text.slice(start, end);
  const originalText = doc.norm.original.slice(range.start, range.end);
  // Lengths first, so no part's text can pass for another's separator; "=" (no length, so never
  // read as one) where the original is the normalized text, as in most documents: half the memory.
  const original = originalText === text ? "=" : `${originalText.length}:${originalText}`;
  return `${first.start - start}|${layout}|${debris}|${text.length}:${text}|${original}`;
}

/** Detections moved so that `first` starts at 0 (offsets) and its line is line 0. */
function relative(found: BlockDetections, first: Line): BlockDetections {
  return shift(found, -first.start, -first.index);
}

/** Stored detections placed at `first`: new entities and mentions, their frozen parts shared. */
function placed(stored: BlockDetections, first: Line): BlockDetections {
  return shift(stored, first.start, first.index);
}

/**
 * Freezes `value` and every object and array in it (stopping at what is frozen already), so that
 * what is stored for reuse cannot be changed by the passes after the block stage or by a caller:
 * a change throws (strict mode) instead of leaking into a later analysis.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const item of Object.values(value as object)) deepFreeze(item);
  return value;
}

function shift(found: BlockDetections, by: number, lines: number): BlockDetections {
  return {
    forums: found.forums.map((entity) => ({ ...entity, start: entity.start + by, end: entity.end + by })),
    amounts: found.amounts.map((entity) => ({ ...entity, start: entity.start + by, end: entity.end + by })),
    dates: found.dates.map((entity) => ({ ...entity, start: entity.start + by, end: entity.end + by })),
    mentions: {
      full: found.mentions.full.map((mention) => ({ ...mention, start: mention.start + by, end: mention.end + by, line: mention.line + lines })),
      partial: found.mentions.partial.map((mention) => ({ ...mention, start: mention.start + by, end: mention.end + by, line: mention.line + lines })),
    },
  };
}

/** A document's debris spans sorted by start, for the part of them that touches a range. */
class DebrisSpans {
  private readonly spans: readonly { start: number; end: number }[];
  /** endsBefore[k]: the largest end among spans[0..k) (-1 for none). */
  private readonly endsBefore: Int32Array;

  constructor(readonly doc: ArticleDocument) {
    this.spans = [...doc.debrisSpans].sort((a, b) => a.start - b.start || a.end - b.end);
    this.endsBefore = new Int32Array(this.spans.length + 1);
    this.endsBefore[0] = -1;
    this.spans.forEach((span, k) => (this.endsBefore[k + 1] = Math.max(this.endsBefore[k]!, span.end)));
  }

  /**
   * The spans touching `start`..`end`, relative to `origin`, as a key. Spans that begin before
   * `start` are one run from `start` to the furthest end among them: to a range inside
   * `start`..`end` (a query past `start`) they are debris exactly where that run is.
   */
  touching(start: number, end: number, origin: number): string {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const parts: string[] = [];
    const before = this.endsBefore[lo]!;
    if (before >= start) parts.push(`<${before - origin}`);
    for (let k = lo; k < this.spans.length && this.spans[k]!.start <= end; k++) parts.push(`${this.spans[k]!.start - origin},${this.spans[k]!.end - origin}`);
    return parts.join(";");
  }
}
