/**
 * Reading doccano's sequence labeling JSON Lines (the shape doccano.ts writes, and doccano's own
 * exports). Rules, with their sources:
 *
 * - One JSON object a line; blank lines are skipped. A line that is not valid JSON is a problem at
 *   its line (and the column V8 reports) and the other lines are still read.
 * - The text is `text` (doccano's default text column, data_import/pipeline/catalog.py `ArgColumn`).
 * - Spans: `entities` as `[{id, label, start_offset, end_offset}]` (data_export/models.py
 *   `ExportedSpan.to_dict`), or `label` (doccano 1.0's tutorial export: `labels`) as
 *   `[[start_offset, end_offset, label], …]` or as objects (data_import/pipeline/label.py
 *   `SpanLabel.parse` takes both). Offsets count code points (Python `str` indexes, doccano/doccano#99).
 * - The name: `path` (our metadata key), else `example-<id>` (doccano's export writes the example's
 *   `id`), else `line-<n>`.
 * - The annotator: an entity's `user` (doccano 1.x), else the line's `username` (the tutorial's
 *   export, https://github.com/doccano/doccano/blob/master/docs/tutorial.md) or `user`. doccano's
 *   present export has none: it writes one file per member named after them (`<username>.jsonl`,
 *   data_export/celery_tasks.py), which this reader does not guess from.
 * - A span whose offsets are not whole numbers, lie outside the text or cover nothing is a problem
 *   at its line, and that line's document is left out. Messages name a span by its doccano `id`,
 *   or (the older form, which has none) by its place in the line's list, counted from 1. Labels are passed on as written.
 * - Every span is a person's (`suggestion: false`): doccano has no predictions; no attributes.
 */
import * as l10n from "@vscode/l10n";
import { CodePointOffsets } from "../offsets";
import type { ImportProblem, InputFile, InterchangeDocument, InterchangeSpan, ReadResult } from "../types";
import { fitSpan, orderedSpans } from "./codePointSpans";
import { isObject, jsonOrProblem } from "../jsonInput";

/** Reads every line of every file; never throws. */
export function readDoccano(files: readonly InputFile[]): ReadResult {
  const documents: InterchangeDocument[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    file.content.split("\n").forEach((raw, k) => {
      const content = raw.replace(/\r$/, "");
      if (content.trim() === "") return;
      const parsed = jsonOrProblem(content, file.path, k + 1);
      if ("problem" in parsed) return void problems.push({ ...parsed.problem, line: parsed.problem.line ?? k + 1 });
      const read = readLine(parsed.value, k + 1);
      if (typeof read === "string") problems.push({ file: file.path, line: k + 1, message: read });
      else documents.push(read);
    });
  }
  return { documents, problems };
}

/** The document of one line (`line` 1-based), or why it cannot be read. */
function readLine(value: unknown, line: number): InterchangeDocument | string {
  if (!isObject(value)) return l10n.t("not a JSON object");
  const text = value.text;
  if (typeof text !== "string") return l10n.t("no text");
  const name = typeof value.path === "string" && value.path !== "" ? value.path : typeof value.id === "number" || typeof value.id === "string" ? `example-${value.id}` : `line-${line}`;
  const lineAnnotator = [value.username, value.user].find((u): u is string => typeof u === "string" && u !== "");
  const offsets = new CodePointOffsets(text);
  const spans: InterchangeSpan[] = [];
  const raws = rawSpans(value);
  for (const [k, raw] of raws.entries()) {
    const fit = fitSpan(offsets, text, { start: raw.start, end: raw.end });
    const id = raw.id ?? String(k + 1); // the older form has no ids: the span's place, from 1
    if (typeof fit === "string") return l10n.t("{0}: span {1}: {2}", name, id, fit);
    if (typeof raw.label !== "string" || raw.label === "") return l10n.t("{0}: span {1} has no label", name, id);
    const annotator = raw.user ?? lineAnnotator;
    spans.push({ id, ...fit, label: raw.label, attributes: {}, suggestion: false, ...(annotator !== undefined ? { annotator } : {}) });
  }
  return { name, text, spans: orderedSpans(spans) };
}

interface RawSpan {
  id?: string;
  start: unknown;
  end: unknown;
  label: unknown;
  user?: string;
}

/** The spans of a line in either form, unchecked. */
function rawSpans(value: Record<string, unknown>): RawSpan[] {
  const list = [value.entities, value.label, value.labels].find(Array.isArray) as unknown[] | undefined;
  return (list ?? []).map((item): RawSpan => {
    if (Array.isArray(item)) return { start: item[0], end: item[1], label: item[2] };
    if (!isObject(item)) return { start: undefined, end: undefined, label: undefined };
    const user = typeof item.user === "string" || typeof item.user === "number" ? String(item.user) : undefined;
    const id = typeof item.id === "string" || typeof item.id === "number" ? String(item.id) : undefined;
    return { start: item.start_offset, end: item.end_offset, label: item.label, ...(id !== undefined ? { id } : {}), ...(user !== undefined ? { user } : {}) };
  });
}
