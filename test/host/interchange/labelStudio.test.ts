/** Label Studio tasks JSON and labeling config (issue 15): round trips, code point offsets, golden files, the reader's problems. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { labelStudio, type LabelStudioTask } from "../../../server/src/host/interchange/formats/labelStudio";
import type { InputFile } from "../../../server/src/host/interchange/types";
import { assertGolden, codePointsOf, goldenDocument } from "../../helpers/goldenArticle";
import { assertRoundTrip, asInput, CONTEXT, reviewedDocument, roundTripArticles, TRICKY_TEXT, trickyDocument } from "../../helpers/interchange";

const tasksOf = (content: string): LabelStudioTask[] => JSON.parse(content) as LabelStudioTask[];
const file = (content: unknown, name = "tasks.json"): InputFile => ({ path: `/in/${name}`, name, content: typeof content === "string" ? content : JSON.stringify(content) });
const region = (id: string, start: number, end: number, label: string, text?: string): object => ({ id, from_name: "label", to_name: "text", type: "labels", value: { start, end, labels: [label], ...(text !== undefined ? { text } : {}) } });

test("labelstudio: every article round-trips, attributes included", () => {
  const documents = roundTripArticles().map((a) => reviewedDocument(a.name, a.text));
  assert.ok(documents.length > 0 && documents.some((d) => d.spans.length > 0));
  assert.equal(labelStudio.carriesAttributes, true);
  assertRoundTrip(labelStudio, documents);
});

test("labelstudio: emoji, NFD and CRLF before the entities: regions count code points", () => {
  const document = trickyDocument();
  const [tasksFile] = labelStudio.write([document], CONTEXT);
  const [task] = tasksOf(tasksFile!.content);
  const results = task!.annotations![0]!.result.filter((r) => r.type === "labels");
  assert.equal(results.length, document.spans.length);
  const points = [...TRICKY_TEXT];
  for (const result of results) {
    const { start, end, text } = result.value as { start: number; end: number; text: string };
    assert.equal(points.slice(start, end).join(""), text, `region ${result.id} covers its text in code points`);
    const span = document.spans.find((s) => s.id === result.id)!;
    assert.deepEqual({ start, end }, codePointsOf(TRICKY_TEXT, span.start, span.end));
  }
  // By hand: 😀, 👍 and 🏽 (three characters outside the BMP) come before "viện trợ": three units fewer.
  const custom = results.find((r) => r.id === "c1")!;
  assert.equal(custom.value.start, TRICKY_TEXT.indexOf("viện trợ") - 3);
  assertRoundTrip(labelStudio, [document]);
});

// Golden files. The rule each field follows:
// - tasks.json is a JSON array of tasks, text under data.text for <Text value="$text"> — https://labelstud.io/guide/tasks#Basic-Label-Studio-JSON-format
// - a person's spans: annotations[].result[]; suggestions: predictions[] with model_version — https://labelstud.io/guide/predictions
// - a region: {id, from_name, to_name, type: "labels", value: {start, end, text, labels}} — https://labelstud.io/tags/labels, https://labelstud.io/tags/text
// - start/end in code points — HumanSignal/label-studio#1559 (🌧️ is one code point outside the BMP plus U+FE0F)
// - attributes: a result of the same id from a perRegion TextArea, value.text [one JSON string] — https://labelstud.io/guide/export#How-Label-Studio-saves-results-in-annotations ("results for the same region share the same id"), https://labelstud.io/tags/textarea
// - no completed_by: Label Studio refuses an import whose completed_by is not a project member's email or id (tasks/serializers.py)
// - labeling-config.xml: <Labels name="label" toName="text"> with <Label value background hint> — https://labelstud.io/tags/labels, https://labelstud.io/tags/label; <Style> pre-wrap keeps spaces — https://labelstud.io/tags/text
test("labelstudio: golden tasks.json and labeling-config.xml", () => {
  const files = labelStudio.write([goldenDocument()], CONTEXT);
  assert.deepEqual(files.map((f) => f.path), ["tasks.json", "labeling-config.xml"]);
  assertGolden("labelstudio", files);
});

test("labelstudio: the golden export reads back: predictions as suggestions, annotators, attributes", () => {
  const back = labelStudio.read!(asInput(labelStudio.write([goldenDocument()], CONTEXT)));
  assert.deepEqual(back.problems, []);
  const spans = back.documents[0]!.spans;
  const byId = new Map(spans.map((s) => [s.id, s]));
  assert.equal(byId.get("e1")!.suggestion, true);
  assert.equal(byId.get("p1")!.suggestion, false);
  assert.equal(byId.get("p1")!.annotator, "lan");
  assert.equal(byId.get("l1")!.annotator, "minh");
  assert.equal(byId.get("d1")!.annotator, undefined);
  assert.deepEqual(byId.get("a1")!.attributes, { kind: "money", value: 120000000, unit: "USD" });
});

const TEXT = "Ông 😀 Lê Văn Tám đến Hà Nội.";
// In code points: "Lê Văn Tám" 6..16, "Hà Nội" 21..27 (the emoji is one).

test("labelstudio reader: a region that does not fit leaves its task out, with a problem; the others are read", () => {
  const tasks = [
    { id: 1, data: { text: TEXT, path: "a.txt" }, annotations: [{ completed_by: { email: "an@example.org" }, result: [region("r1", 6, 16, "PER", "Lê Văn Tám")] }] },
    { id: 2, data: { text: TEXT }, annotations: [{ result: [region("r1", 21, 99, "LOC")] }] },
    { id: 3, data: { text: TEXT }, annotations: [{ result: [region("r1", 21, 27, "LOC", "Hà Nộ")] }] },
    { id: 4, data: { text: TEXT }, annotations: [{ result: [region("r1", 6.5, 16, "PER")] }] },
    { id: 5, data: { text: TEXT } },
  ];
  const { documents, problems } = labelStudio.read!([file(tasks)]);
  assert.deepEqual(documents.map((d) => d.name), ["a.txt", "task-5"]);
  assert.deepEqual(documents[0]!.spans.map((s) => [s.start, s.end, s.text, s.label, s.annotator]), [[7, 17, "Lê Văn Tám", "PER", "an@example.org"]]);
  assert.equal(problems.length, 3);
  assert.match(problems[0]!.message, /^task 2: task-2: region r1: offsets 21\.\.99 are outside the text/);
  assert.match(problems[1]!.message, /^task 3: task-3: region r1: its text "Hà Nộ" is not the text at 21\.\.27/);
  assert.match(problems[2]!.message, /^task 4: .*not whole numbers/);
  assert.ok(problems.every((p) => p.file === "/in/tasks.json"));
});

test("labelstudio reader: malformed JSON is a problem at its line, never a throw; other files still read", () => {
  const bad = file('[\n  {"data": {"text": "x"}}\n  {"data": {"text": "y"}}\n]\n', "bad.json");
  const good = file({ data: { text: TEXT, path: "single.txt" }, annotations: [{ result: [region("r1", 21, 27, "LOC")] }] }, "single.json");
  const { documents, problems } = labelStudio.read!([bad, good]);
  assert.deepEqual(documents.map((d) => d.name), ["single.txt"], "a single task object is read too");
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, "/in/bad.json");
  assert.match(problems[0]!.message, /^not valid JSON/);
  assert.deepEqual([problems[0]!.line, problems[0]!.column], [3, 3], "the missing comma before the second task");
});

test("labelstudio reader: several annotators, predictions, cancelled annotations, JSON-MIN", () => {
  const task = {
    id: 9,
    data: { text: TEXT },
    annotations: [
      { created_username: "lan", result: [region("a", 6, 16, "PER")] },
      { completed_by: { id: 3, first_name: "Trần", last_name: "Minh" }, result: [region("b", 21, 27, "LOC")] },
      { completed_by: 7, result: [region("c", 6, 16, "Person")] },
      { was_cancelled: true, completed_by: 8, result: [region("d", 0, 3, "PER")] },
    ],
    predictions: [{ model_version: "m1", result: [region("a", 6, 16, "PER"), region("p", 17, 20, "ORG")] }],
  };
  const min = { id: 10, text: TEXT, annotator: "min@example.org", label: [{ start: 21, end: 27, text: "Hà Nội", labels: ["LOC"] }] };
  const { documents, problems } = labelStudio.read!([file([task, min])]);
  assert.deepEqual(problems, []);
  const rows = documents[0]!.spans.map((s) => [s.text, s.label, s.suggestion, s.annotator ?? null]);
  assert.deepEqual(rows, [
    ["Lê Văn Tám", "PER", false, "lan"],
    ["Lê Văn Tám", "Person", false, "user-7"],
    ["đến", "ORG", true, null],
    ["Hà Nội", "LOC", false, "Trần Minh"],
  ], "the accepted prediction (same place and label as an annotation) is not a suggestion any more; the cancelled annotation is left out");
  assert.equal(new Set(documents[0]!.spans.map((s) => s.id)).size, 4, "ids unique in the document");
  assert.deepEqual(documents[1]!.spans.map((s) => [s.start, s.end, s.label, s.annotator]), [[22, 28, "LOC", "min@example.org"]]);
  assert.equal(documents[1]!.name, "task-10");
});

test("labelstudio reader: regions without an id are numbered from 1 by their place among the regions", () => {
  const twoLabels = { from_name: "label", to_name: "text", type: "labels", value: { start: 6, end: 16, labels: ["PER", "policy"] } };
  const outside = { from_name: "label", to_name: "text", type: "labels", value: { start: 21, end: 99, labels: ["LOC"] } };
  const { documents, problems } = labelStudio.read!([file([{ data: { text: TEXT }, annotations: [{ result: [twoLabels, outside] }] }])]);
  assert.deepEqual(documents, []);
  assert.deepEqual(problems.map((p) => p.message), ["task 1: task-1: region r2: offsets 21..99 are outside the text (28 code points)"]);
});
