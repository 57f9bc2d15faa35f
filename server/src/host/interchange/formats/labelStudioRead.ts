/**
 * Reading Label Studio's tasks JSON (the shapes labelStudio.ts writes, and Label Studio's own
 * exports). Rules, with their sources:
 *
 * - A file is a JSON array of tasks, or one task (https://labelstud.io/guide/tasks#Basic-Label-Studio-JSON-format).
 *   A task without a `data` key is its own data ("If there is no data key, Label Studio interprets
 *   the entire JSON file as one task", same page), which also reads the JSON-MIN export, whose
 *   tasks are flat objects with the regions under the control's name (`label`) and an `annotator`.
 * - The text is `data.text`; the document's name is `data.path` when present, else `task-<id>`
 *   (or `task-<n>`, 1-based, when the task has no id).
 * - `annotations` (before Label Studio 1.0: `completions`) are a person's: spans with
 *   `suggestion: false`; an annotation with `was_cancelled: true` was skipped and is left out
 *   (https://labelstud.io/guide/export#Relevant-JSON-property-descriptions). `predictions` are
 *   suggestions (`suggestion: true`) (https://labelstud.io/guide/predictions).
 * - A region is a result with `value.start`, `value.end` (code points, HumanSignal/label-studio#1559)
 *   and `value.labels`; one span per label. A text-area result of the same `id` whose first text
 *   is our JSON note `{"attributes":{…},"annotator":"…"}` gives its attributes and annotator; any
 *   other text (a person's free note) is left alone.
 * - The annotator of a region: the note's, else the annotation's `created_username`, else its
 *   `completed_by` (an object with `email`, or first and last names, as the API and the JSON export
 *   with `completed_by` expanded give it; a number is a user id: "user-<id>").
 * - A region whose offsets are not whole numbers, lie outside the text, or whose `value.text` is
 *   not the text at its offsets is a problem, and its whole task is left out; so is a task without
 *   a text. Malformed JSON is a problem of the file (at its line and column). Labels are passed on
 *   as written: the import resolves them.
 */
import * as l10n from "@vscode/l10n";
import { CodePointOffsets } from "../offsets";
import type { ImportProblem, InputFile, InterchangeDocument, InterchangeSpan, ReadResult } from "../types";
import { fitSpan, orderedSpans } from "./codePointSpans";
import { isObject, jsonOrProblem } from "../jsonInput";

/** Reads every task of every file but labeling configurations (`.xml`, written beside the tasks); never throws. */
export function readLabelStudio(files: readonly InputFile[]): ReadResult {
  const documents: InterchangeDocument[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files.filter((f) => !f.name.toLowerCase().endsWith(".xml"))) {
    const parsed = jsonOrProblem(file.content, file.path);
    if ("problem" in parsed) {
      problems.push(parsed.problem);
      continue;
    }
    const tasks = Array.isArray(parsed.value) ? (parsed.value as unknown[]) : [parsed.value];
    tasks.forEach((task, index) => {
      const read = readTask(task, index);
      if (typeof read === "string") problems.push({ file: file.path, message: l10n.t("task {0}: {1}", index + 1, read) });
      else documents.push(read);
    });
  }
  return { documents, problems };
}

/** The document of one task (`index` 0-based), or why it cannot be read. */
function readTask(task: unknown, index: number): InterchangeDocument | string {
  if (!isObject(task)) return l10n.t("not a JSON object");
  const data = isObject(task.data) ? task.data : task;
  const text = data.text;
  if (typeof text !== "string") return l10n.t("no text (data.text)");
  const id = typeof task.id === "number" || typeof task.id === "string" ? String(task.id) : String(index + 1);
  const name = typeof data.path === "string" && data.path !== "" ? data.path : `task-${id}`;
  const offsets = new CodePointOffsets(text);
  const spans: InterchangeSpan[] = [];
  for (const source of sourcesOf(task)) {
    const read = spansOf(source.results, offsets, text, source.suggestion, source.annotator);
    if (typeof read === "string") return `${name}: ${read}`;
    spans.push(...read);
  }
  return { name, text, spans: orderedSpans(withoutAcceptedPredictions(spans)) };
}

interface Source {
  results: unknown;
  suggestion: boolean;
  annotator?: string;
}

/** The annotations (not cancelled) and predictions of a task; a JSON-MIN task's regions as one annotation. */
function sourcesOf(task: Record<string, unknown>): Source[] {
  if (!isObject(task.data) && Array.isArray(task.label)) {
    // JSON-MIN: the regions' values only, under the control's name.
    const results = (task.label as unknown[]).map((value, k) => ({ id: `r${k + 1}`, type: "labels", value }));
    return [{ results, suggestion: false, ...annotatorField(task.annotator) }];
  }
  const annotations = Array.isArray(task.annotations) ? task.annotations : Array.isArray(task.completions) ? task.completions : [];
  const predictions = Array.isArray(task.predictions) ? task.predictions : [];
  return [
    ...annotations.filter((a): a is Record<string, unknown> => isObject(a) && a.was_cancelled !== true).map((a) => ({ results: a.result, suggestion: false, ...annotatorOf(a) })),
    ...predictions.filter(isObject).map((p) => ({ results: p.result, suggestion: true })),
  ];
}

/** Who made an annotation: `created_username`, else `completed_by`. */
function annotatorOf(annotation: Record<string, unknown>): { annotator?: string } {
  if (typeof annotation.created_username === "string" && annotation.created_username.trim() !== "") return { annotator: annotation.created_username.trim() };
  return annotatorField(annotation.completed_by);
}

/** A `completed_by` (or JSON-MIN `annotator`): an email or name, an object with one, or a user id. */
function annotatorField(value: unknown): { annotator?: string } {
  if (typeof value === "string" && value.trim() !== "") return { annotator: value.trim() };
  if (typeof value === "number") return { annotator: `user-${value}` };
  if (!isObject(value)) return {};
  if (typeof value.email === "string" && value.email !== "") return { annotator: value.email };
  const name = [value.first_name, value.last_name].filter((n): n is string => typeof n === "string" && n !== "").join(" ");
  if (name !== "") return { annotator: name };
  return typeof value.id === "number" ? { annotator: `user-${value.id}` } : {};
}

/** The spans of one result list, or why one of its regions does not fit the text. */
function spansOf(results: unknown, offsets: CodePointOffsets, text: string, suggestion: boolean, annotator: string | undefined): InterchangeSpan[] | string {
  if (!Array.isArray(results)) return results === undefined ? [] : l10n.t("a result that is not a list");
  const items = results.filter(isObject);
  const notes = notesOf(items);
  const spans: InterchangeSpan[] = [];
  let regions = 0;
  for (const item of items) {
    const value = item.value;
    if (!isObject(value) || !Array.isArray(value.labels)) continue; // choices, relations, text areas: not regions
    regions++;
    // A region without an id (hand-made tasks) is named by its place among the regions, from 1.
    const id = typeof item.id === "string" || typeof item.id === "number" ? String(item.id) : `r${regions}`;
    const fit = fitSpan(offsets, text, { start: value.start, end: value.end, text: value.text });
    if (typeof fit === "string") return l10n.t("region {0}: {1}", id, fit);
    const note = notes.get(id);
    const who = note?.annotator ?? annotator;
    const labels = value.labels.filter((l): l is string => typeof l === "string");
    for (const label of labels) {
      spans.push({ id: labels.length > 1 ? `${id}-${label}` : id, ...fit, label, attributes: note?.attributes ?? {}, suggestion, ...(who !== undefined ? { annotator: who } : {}) });
    }
  }
  return spans;
}

interface Note {
  attributes: Record<string, unknown>;
  annotator?: string;
}

/** Our JSON notes in the text-area results, by region id. */
function notesOf(items: readonly Record<string, unknown>[]): Map<string, Note> {
  const notes = new Map<string, Note>();
  for (const item of items) {
    const value = item.value;
    if (item.type !== "textarea" || !isObject(value) || !Array.isArray(value.text) || typeof value.text[0] !== "string") continue;
    const note = noteOf(value.text[0]);
    if (note && (typeof item.id === "string" || typeof item.id === "number")) notes.set(String(item.id), note);
  }
  return notes;
}

function noteOf(text: string): Note | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // a person's free text
  }
  if (!isObject(value) || !isObject(value.attributes)) return undefined;
  return { attributes: value.attributes, ...(typeof value.annotator === "string" ? { annotator: value.annotator } : {}) };
}

/**
 * The spans without the predictions a person already took over: Label Studio copies a prediction's
 * regions (same offsets and label) into the annotation made from it, and those are no longer
 * open suggestions.
 */
function withoutAcceptedPredictions(spans: readonly InterchangeSpan[]): InterchangeSpan[] {
  const key = (s: InterchangeSpan): string => `${s.start}:${s.end}:${s.label}`;
  const reviewed = new Set(spans.filter((s) => !s.suggestion).map(key));
  return spans.filter((s) => !s.suggestion || !reviewed.has(key(s)));
}
