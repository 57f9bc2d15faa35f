/** A line of a text: `start` to `end` (exclusive, without the line break). */
export interface Line {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Splits text into lines on "\n", "\r\n" and "\r" (LSP's line breaks). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Without "\r" (a normalized text has none), the breaks are found by indexOf, not a character at a time.
  if (!text.includes("\r")) {
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
      start = end + 1;
    }
    lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
    return lines;
  }
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? -1 : text.charCodeAt(i);
    if (code === -1 || code === 10 || code === 13) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/**
 * Finds the LSP position (0-based line, UTF-16 character) of offsets in a text: the one mapping of
 * offsets to positions outside an editor (the CLI, records); in the server `TextDocument.positionAt`
 * gives the same answers. An offset inside a line break ("\r|\n") is placed at the end of its line,
 * as LSP requires (a position never splits "\r\n"), so CRLF and LF texts give the same positions.
 */
export class LineIndex {
  private readonly starts: number[];
  private readonly ends: number[];
  /** From a text, or from its lines when they are already split. */
  constructor(source: string | readonly Line[]) {
    const lines = typeof source === "string" ? splitLines(source) : source;
    this.starts = lines.map((line) => line.start);
    this.ends = lines.map((line) => line.end);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }
  /** Line containing `offset` (binary search). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  positionAt(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    return { line, character: Math.min(offset, this.ends[line]!) - this.starts[line]! };
  }
}
