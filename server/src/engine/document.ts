import { normalizeText, type NormalizedText } from "./text/normalize";
import { splitLines, type Line } from "./text/lines";
import { tokenize, type Token } from "./text/tokens";

/**
 * The normalized document the detectors share: its lines, their tokens (computed once, on demand),
 * and which parts are debris (so entity detectors skip them).
 */
export class ArticleDocument {
  readonly norm: NormalizedText;
  readonly text: string;
  readonly lines: readonly Line[];
  private readonly tokenCache = new Map<number, Token[]>();
  /** Lines that are debris as a whole. */
  readonly debrisLines = new Set<number>();
  /** Debris spans inside article lines (normalized offsets). */
  readonly debrisSpans: { start: number; end: number }[] = [];

  constructor(original: string) {
    this.norm = normalizeText(original);
    this.text = this.norm.text;
    this.lines = splitLines(this.text);
  }

  tokens(line: number): Token[] {
    let tokens = this.tokenCache.get(line);
    if (!tokens) {
      const { start, end } = this.lines[line]!;
      tokens = tokenize(this.text, start, end);
      this.tokenCache.set(line, tokens);
    }
    return tokens;
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

  /** Whether a normalized range touches debris. */
  isDebris(start: number, end: number): boolean {
    return this.debrisSpans.some((span) => span.start < end && start < span.end);
  }
}
