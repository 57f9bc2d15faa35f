/**
 * Reading JSON input for the interchange readers (W3C Web Annotation, spaCy/Prodigy): where in the
 * file a value or a syntax error is, as a 1-based line and column (columns in UTF-16 code units of
 * the line, as an editor's "Go to line" counts them).
 */

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The 1-based line and column of UTF-16 offset `index` in `content` (a line ends at "\n"). */
export function lineColumnAt(content: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = content.indexOf("\n"); k !== -1 && k < index; k = content.indexOf("\n", k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * `JSON.parse(content)`, or where and why it fails, as a line and column of `content`: V8's
 * message names the offset ("at position 12") or, since Node 22, the line and column ("(line 1
 * column 13)").
 */
export function parseJson(content: string): { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number } {
  try {
    return { ok: true, value: JSON.parse(content) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return { ok: false, message, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
    const position = /position (\d+)/.exec(message);
    if (position) return { ok: false, message, ...lineColumnAt(content, Number(position[1])) };
    return { ok: false, message };
  }
}
