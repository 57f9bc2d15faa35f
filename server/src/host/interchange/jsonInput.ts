/**
 * Reading JSON input for the interchange readers (W3C Web Annotation, spaCy/Prodigy, Label Studio, doccano): where in the
 * file a value or a syntax error is, as a 1-based line and column (columns in UTF-16 code units of
 * the line, as an editor's "Go to line" counts them).
 */
import * as l10n from "@vscode/l10n";
import { LineIndex } from "../../engine";
import type { ImportProblem } from "./types";

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The 1-based line and column of UTF-16 offset `index` in `content` (the engine's `LineIndex`, as every front door places an offset). */
export function lineColumnAt(content: string, index: number): { line: number; column: number } {
  const { line, character } = new LineIndex(content).positionAt(index);
  return { line: line + 1, column: character + 1 };
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

/**
 * `content` parsed as JSON, or the problem of `file`, placed where `parseJson` can place it —
 * counted from `firstLine` when `content` is that line of the file (JSON Lines). A message without
 * a place ("Unexpected token …" on Node 20) is placed at the end for "end of JSON input", at
 * `firstLine` for a one-line input, else nowhere.
 */
export function jsonOrProblem(content: string, file: string, firstLine = 1): { value: unknown } | { problem: ImportProblem } {
  const parsed = parseJson(content);
  if (parsed.ok) return { value: parsed.value };
  const lines = content.split("\n").length;
  const place = parsed.line !== undefined ? { line: parsed.line + firstLine - 1, ...(parsed.column !== undefined ? { column: parsed.column } : {}) } : /end of JSON input/.test(parsed.message) ? { line: lines + firstLine - 1 } : lines === 1 ? { line: firstLine } : {};
  return { problem: { file, ...place, message: l10n.t("not valid JSON: {0}", parsed.message) } };
}
