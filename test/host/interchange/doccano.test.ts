/** doccano sequence labeling JSON Lines (issue 15): round trips, code point offsets, golden file, the reader's problems. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { doccano, type DoccanoLine } from "../../../server/src/host/interchange/formats/doccano";
import type { InputFile } from "../../../server/src/host/interchange/types";
import { assertGolden, codePointsOf, goldenDocument } from "../../helpers/goldenArticle";
import { assertRoundTrip, CONTEXT, reviewedDocument, roundTripArticles, TRICKY_TEXT, trickyDocument } from "../../helpers/interchange";

const file = (lines: readonly unknown[], name = "doccano.jsonl"): InputFile => ({ path: `/in/${name}`, name, content: lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n" });

test("doccano: every article round-trips (labels and spans; doccano carries no attributes)", () => {
  const documents = roundTripArticles().map((a) => reviewedDocument(a.name, a.text));
  assert.ok(documents.length > 0 && documents.some((d) => d.spans.length > 0));
  assert.equal(doccano.carriesAttributes, false);
  assertRoundTrip(doccano, documents);
});

test("doccano: emoji, NFD and CRLF before the entities: offsets count code points", () => {
  const document = trickyDocument();
  const [out] = doccano.write([document], CONTEXT);
  const line = JSON.parse(out!.content.trim()) as DoccanoLine;
  const points = [...TRICKY_TEXT];
  assert.equal(line.entities.length, document.spans.length);
  line.entities.forEach((entity, k) => {
    const span = document.spans[k]!;
    assert.equal(points.slice(entity.start_offset, entity.end_offset).join(""), span.text, `entity ${entity.id} covers its text in code points`);
    assert.deepEqual({ start: entity.start_offset, end: entity.end_offset }, codePointsOf(TRICKY_TEXT, span.start, span.end));
  });
  // By hand: 😀, 👍 and 🏽 (three characters outside the BMP) come before "viện trợ": three units fewer.
  const custom = line.entities.find((e) => e.label === "policy")!;
  assert.equal(custom.start_offset, TRICKY_TEXT.indexOf("viện trợ") - 3);
  assertRoundTrip(doccano, [document]);
});

// Golden file. The rule each field follows:
// - one JSON object a line, text under "text" — doccano's JSONL import, default text column "text" (backend/data_import/pipeline/catalog.py ArgColumn)
// - "entities": [{id, label, start_offset, end_offset}] and "relations": [] — doccano's export with relations (backend/data_export/models.py ExportedSpan.to_dict)
//   and its "JSONL(Relation)" import example (backend/data_import/pipeline/examples/relation_extraction/example.jsonl); id an integer (data_import/pipeline/label.py Label.id: int)
// - offsets in code points, start_offset < end_offset — Python str indexes (doccano/doccano#99), SpanLabel's validator
// - "path": an extra key, kept as the example's metadata and exported back — backend/data_export/models.py ExportedExample.to_dict ({"id", "text", **meta})
// - no attributes, the suggestion "e1" written as a span like the others: doccano has neither
test("doccano: golden doccano.jsonl", () => {
  const files = doccano.write([goldenDocument()], CONTEXT);
  assert.deepEqual(files.map((f) => f.path), ["doccano.jsonl"]);
  assertGolden("doccano", files);
});

const TEXT = "Ông 😀 Lê Văn Tám đến Hà Nội.";
// In code points: "Lê Văn Tám" 6..16, "Hà Nội" 21..27 (the emoji is one).

test("doccano reader: a span that does not fit, or a malformed line, is a problem at its line; the other lines are read", () => {
  const lines = [
    { id: 1, text: TEXT, entities: [{ id: 11, label: "PER", start_offset: 6, end_offset: 16 }], relations: [], path: "a.txt" },
    { text: TEXT, entities: [{ id: 12, label: "LOC", start_offset: 21, end_offset: 40 }] },
    '{"text": "broken", "label": [[0, 2, "PER"]',
    { text: TEXT, label: [[6, 16.5, "PER"]] },
    { text: TEXT, label: [[16, 6, "PER"]] },
    "",
    { id: 7, text: TEXT, label: [[21, 27, "LOC"]] },
  ];
  const { documents, problems } = doccano.read!([file(lines)]);
  assert.deepEqual(documents.map((d) => d.name), ["a.txt", "example-7"]);
  assert.deepEqual(documents[0]!.spans.map((s) => [s.id, s.start, s.end, s.text, s.label]), [["11", 7, 17, "Lê Văn Tám", "PER"]]);
  assert.deepEqual(documents[1]!.spans.map((s) => [s.start, s.end, s.text]), [[22, 28, "Hà Nội"]]);
  assert.deepEqual(problems.map((p) => [p.file, p.line]), [["/in/doccano.jsonl", 2], ["/in/doccano.jsonl", 3], ["/in/doccano.jsonl", 4], ["/in/doccano.jsonl", 5]]);
  assert.match(problems[0]!.message, /line-2: span 12: offsets 21\.\.40 are outside the text \(28 code points\)/);
  assert.match(problems[1]!.message, /^not valid JSON/);
  assert.match(problems[2]!.message, /not whole numbers/);
  assert.match(problems[3]!.message, /cover no text/);
});

test("doccano reader: older forms and the annotator", () => {
  const lines = [
    { doc_id: 33, text: TEXT, labels: [[6, 16, "Person"]], username: "admin" },
    { text: TEXT, entities: [{ id: 1, label: "LOC", start_offset: 21, end_offset: 27, user: 4 }], Comments: ["ok"] },
  ];
  const { documents, problems } = doccano.read!([file(lines)]);
  assert.deepEqual(problems, []);
  assert.deepEqual(documents.map((d) => d.spans.map((s) => [s.text, s.label, s.annotator, s.suggestion])), [[["Lê Văn Tám", "Person", "admin", false]], [["Hà Nội", "LOC", "4", false]]]);
});

test("doccano reader: spans of the older `label` form (no ids) are numbered from 1 in messages", () => {
  const { documents, problems } = doccano.read!([file([{ text: TEXT, label: [[6, 16, "PER"], [16, 6, "LOC"]] }, { text: TEXT, label: [[6, 16.5, "PER"]] }])]);
  assert.deepEqual(documents, []);
  assert.deepEqual(problems.map((p) => [p.line, p.message]), [
    [1, "line-1: span 2: offsets 16..6 cover no text"],
    [2, "line-2: span 1: offsets 6..16.5 are not whole numbers"],
  ]);
  const good = doccano.read!([file([{ text: TEXT, label: [[21, 27, "LOC"], [6, 16, "PER"]] }])]);
  assert.deepEqual(good.documents[0]!.spans.map((s) => [s.id, s.text]), [["2", "Lê Văn Tám"], ["1", "Hà Nội"]]);
});
