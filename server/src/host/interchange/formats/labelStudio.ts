/**
 * Label Studio (https://labelstud.io/): the tasks JSON it imports and exports, and the labeling
 * configuration that shows them. Export writes two files:
 *
 * - `tasks.json`: a JSON array of tasks (https://labelstud.io/guide/tasks#Basic-Label-Studio-JSON-format:
 *   "Label Studio expects the JSON-formatted list of tasks"), each
 *   `{ data: { text, path }, annotations?: [{ result }], predictions?: [{ model_version, result }] }`.
 *   `data` holds the article's text under the key the `<Text value="$text">` tag names, and its path
 *   (any other key of `data` is kept and exported as it is). A person's spans are the results of one
 *   annotation; unreviewed suggestions are the results of one prediction whose `model_version` is
 *   the generator (https://labelstud.io/guide/predictions).
 * - `labeling-config.xml`: `<Labels name="label" toName="text">` with one `<Label>` per label of the
 *   export (https://labelstud.io/tags/labels), `<Text name="text" value="$text">`
 *   (https://labelstud.io/tags/text) and a per-region `<TextArea name="attributes">`
 *   (https://labelstud.io/tags/textarea, `perRegion`).
 *
 * Each span is a region: a result `{ id, from_name: "label", to_name: "text", type: "labels", value:
 * { start, end, text, labels: [LABEL] } }`, offsets in code points (Label Studio counts them since
 * HumanSignal/label-studio#1559), and, when the span has attributes or an annotator, a second
 * result of the same `id` from the text area whose `value.text` is one JSON string
 * `{"attributes":{…},"annotator":"…"}` ("results for the same region share the same id",
 * https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks). The annotator goes
 * there, not in `completed_by`: on import Label Studio takes `completed_by` as the email or id of a
 * member of the project and refuses the tasks otherwise (label_studio/tasks/serializers.py,
 * `_insert_valid_completed_by_id_or_raise`). The reader reads `completed_by` too (see labelStudioRead.ts).
 */
import { CodePointOffsets } from "../offsets";
import type { ExportContext, InterchangeDocument, InterchangeFormat, InterchangeSpan } from "../types";
import { readLabelStudio } from "./labelStudioRead";

/** The names the labeling configuration gives its tags; results refer to them (`from_name`, `to_name`). */
export const LS_NAMES = { labels: "label", text: "text", attributes: "attributes" } as const;

/** One result of a region, as Label Studio writes it. Offsets in code points. */
export interface LabelStudioResult {
  id: string;
  from_name: string;
  to_name: string;
  type: "labels" | "textarea";
  value: { start: number; end: number; text: string; labels: string[] } | { start: number; end: number; text: string[] };
}

/** One task of `tasks.json`. */
export interface LabelStudioTask {
  data: { text: string; path: string };
  annotations?: { result: LabelStudioResult[] }[];
  predictions?: { model_version: string; result: LabelStudioResult[] }[];
}

/** Colors of the built-in labels in the configuration (a person's own labels keep their settings' color). */
const BUILT_IN_COLORS: Readonly<Record<string, string>> = {
  PER: "#2563eb",
  FORUM: "#7c3aed",
  AMOUNT: "#059669",
  DATE: "#d97706",
  ORG: "#dc2626",
  LOC: "#0891b2",
};
const OTHER_COLOR = "#6b7280";

export const labelStudio: InterchangeFormat = {
  id: "labelstudio",
  title: "Label Studio tasks JSON",
  carriesAttributes: true,
  inputSuffixes: [".json"],
  write(documents, context) {
    const tasks = documents.map((d) => taskOf(d, context));
    return [
      { path: "tasks.json", content: JSON.stringify(tasks, null, 2) + "\n" },
      { path: "labeling-config.xml", content: labelingConfig(context) },
    ];
  },
  read: readLabelStudio,
};

/** The task of `document`: a person's spans in one annotation, suggestions in one prediction. */
export function taskOf(document: InterchangeDocument, context: ExportContext): LabelStudioTask {
  const offsets = new CodePointOffsets(document.text);
  const results = (spans: InterchangeSpan[]): LabelStudioResult[] => spans.flatMap((s) => resultsOf(s, offsets));
  const reviewed = document.spans.filter((s) => !s.suggestion);
  const suggested = document.spans.filter((s) => s.suggestion);
  return {
    data: { text: document.text, path: document.name },
    ...(reviewed.length > 0 ? { annotations: [{ result: results(reviewed) }] } : {}),
    ...(suggested.length > 0 ? { predictions: [{ model_version: context.generator, result: results(suggested) }] } : {}),
  };
}

/** A region's results: its label, and its attributes and annotator when it has either. */
function resultsOf(span: InterchangeSpan, offsets: CodePointOffsets): LabelStudioResult[] {
  const id = regionId(span.id);
  const start = offsets.toCodePoint(span.start);
  const end = offsets.toCodePoint(span.end);
  const label: LabelStudioResult = { id, from_name: LS_NAMES.labels, to_name: LS_NAMES.text, type: "labels", value: { start, end, text: span.text, labels: [span.label] } };
  const hasAttributes = Object.keys(span.attributes).length > 0;
  if (!hasAttributes && span.annotator === undefined) return [label];
  const note = JSON.stringify({ attributes: span.attributes, ...(span.annotator !== undefined ? { annotator: span.annotator } : {}) });
  return [label, { id, from_name: LS_NAMES.attributes, to_name: LS_NAMES.text, type: "textarea", value: { start, end, text: [note] } }];
}

/** A region id of the characters Label Studio uses (`A-Za-z0-9_-`, https://labelstud.io/guide/export#How-Label-Studio-saves-results-in-annotations). */
function regionId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The labeling configuration matching the tasks: every label of `context`, the text, the per-region attributes. */
/* eslint-disable i18next/no-literal-string -- Label Studio's labeling configuration (XML): the format's own text */
export function labelingConfig(context: ExportContext): string {
  const labels = context.labels.map(({ label, name, color }) => `    <Label value="${xml(label)}" hint="${xml(name)}" background="${xml(color ?? BUILT_IN_COLORS[label] ?? OTHER_COLOR)}"/>`);
  return [
    "<View>",
    // Without pre-wrap Label Studio trims spaces when it shows and saves text (https://labelstud.io/tags/text).
    "  <Style>.htx-text { white-space: pre-wrap; }</Style>",
    `  <Labels name="${LS_NAMES.labels}" toName="${LS_NAMES.text}">`,
    ...labels,
    "  </Labels>",
    `  <Text name="${LS_NAMES.text}" value="$text"/>`,
    `  <TextArea name="${LS_NAMES.attributes}" toName="${LS_NAMES.text}" perRegion="true" editable="true" displayMode="region-list" rows="2" placeholder="attributes (JSON)"/>`,
    "</View>",
    "",
  ].join("\n");
}
/* eslint-enable i18next/no-literal-string */

function xml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
