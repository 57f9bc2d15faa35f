/** spaCy / Prodigy JSONL export and import (issue 15): round trips, code point offsets and tokens, the golden file, reader problems. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spacy, SPACY_FILE, type ProdigyTask } from "../../../server/src/host/interchange/formats/spacy";
import type { InterchangeDocument } from "../../../server/src/host/interchange/types";
import { assertRoundTrip, CONTEXT, reviewedDocument, roundTripArticles, trickyDocument } from "../../helpers/interchange";
import { assertGolden, goldenDocument } from "./golden";

function tasksOf(documents: readonly InterchangeDocument[]): ProdigyTask[] {
  const [file] = spacy.write(documents, CONTEXT);
  assert.equal(file?.path, SPACY_FILE);
  assert.ok(file.content.endsWith("\n"));
  return file.content.trimEnd().split("\n").map((line) => JSON.parse(line) as ProdigyTask);
}

/**
 * The text spaCy's `Doc(vocab, words, spaces)` holds (https://spacy.io/api/doc#init): each word
 * followed by one space where its `spaces` entry is true.
 */
function docText(task: ProdigyTask): string {
  return task.tokens.map((t) => t.text + (t.ws ? " " : "")).join("");
}

/**
 * The task's tokens and spans agree with its text, counted in code points, and `token_end` is
 * inclusive; the tokens rebuild the text exactly as spaCy does (`Doc(words, spaces)`), so each
 * token's and span's offsets are the same in the rebuilt text.
 */
function assertTaskConsistent(task: ProdigyTask): void {
  assert.equal(docText(task), task.text, "Doc(words, spaces) rebuilds the text exactly");
  const points = [...task.text];
  let at = 0; // in code points, where the next token starts in the rebuilt text
  task.tokens.forEach((token, k) => {
    assert.equal(token.id, k);
    assert.equal(token.start, at, `token ${k} (${JSON.stringify(token.text)}) starts where the one before and its space end`);
    assert.equal(points.slice(token.start, token.end).join(""), token.text, `token ${k} is text[start, end) in code points`);
    assert.ok(token.end > token.start, `token ${k} is not empty`);
    if (token.ws) assert.equal(points[token.end], " ", `token ${k}: ws is one space`);
    // A word never leaves the space after it to a token of its own (spaCy's tokenizer gives it to the word).
    if (!/^[\s\p{Cf}]+$/u.test(token.text)) assert.ok(token.ws || points[token.end] !== " ", `token ${k} (${token.text}): a space after a word is its ws`);
    at = token.end + (token.ws ? 1 : 0);
  });
  assert.equal(at, points.length, "the tokens cover the whole text");
  for (const span of task.spans) {
    assert.equal(points.slice(span.start, span.end).join(""), span.text, `${span.label}: text[start, end) in code points`);
    assert.equal(task.tokens[span.token_start]!.start, span.start, "token_start is the span's first token");
    assert.equal(task.tokens[span.token_end]!.end, span.end, "token_end is the span's last token (inclusive)");
  }
}

test("spacy: every article and the tricky one (CRLF): Doc(words, spaces) rebuilds the text exactly, token and span offsets line up in it", () => {
  const documents = [...roundTripArticles().map((a) => reviewedDocument(a.name, a.text)), trickyDocument()];
  for (const task of tasksOf(documents)) {
    const rebuilt = [...docText(task)];
    assert.equal(rebuilt.join(""), task.text, `${task.meta.path}: the rebuilt text`);
    for (const span of task.spans) assert.equal(rebuilt.slice(span.start, span.end).join(""), span.text, `${task.meta.path}: ${span.text} at its offsets in the rebuilt text`);
  }
});

test("spacy: whitespace other than one space after a word is a token of its own, as spaCy's tokenizer makes it", () => {
  const text = "\n Ông  An\r\nđến\tHuế \u200b Lào.\n\n";
  const document: InterchangeDocument = { name: "ws.txt", text, spans: [{ id: "p", start: text.indexOf("An"), end: text.indexOf("An") + 2, text: "An", label: "PER", attributes: {}, suggestion: false }] };
  const [task] = tasksOf([document]);
  assert.deepEqual(task!.tokens.map((t) => [t.text, t.ws]), [
    ["\n ", false], // at the start: the whole run
    ["Ông", true],
    [" ", false], // the second of two spaces
    ["An", false],
    ["\r\n", false],
    ["đến", false],
    ["\t", false],
    ["Huế", true],
    ["\u200b ", false], // a zero-width space is no word: it sits with the whitespace
    ["Lào", false],
    [".", false],
    ["\n\n", false],
  ]);
  assertTaskConsistent(task!);
  assert.deepEqual(task!.spans.map((s) => [s.token_start, s.token_end]), [[3, 3]]);
  assertRoundTrip(spacy, [document]);
});

test("spacy reader: a task with spaCy's whitespace tokens is read, token indexes counting them", () => {
  const text = "Ông An\n\nđến Huế.";
  const tokens = [["Ông", 0, 3, true], ["An", 4, 6, false], ["\n\n", 6, 8, false], ["đến", 8, 11, true], ["Huế", 12, 15, false], [".", 15, 16, false]].map(([t, start, end, ws], id) => ({ text: t, start, end, id, ws }));
  const back = readLines([JSON.stringify({ text, tokens, spans: [{ start: 12, end: 15, token_start: 4, token_end: 4, label: "LOC" }], meta: { path: "w.txt" } })]);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.documents[0]!.spans.map((s) => [s.start, s.end, s.text]), [[12, 15, "Huế"]]);
});

test("spacy: every article round-trips (spans and labels), its tokens consistent with the text", () => {
  const documents = roundTripArticles().map((a) => reviewedDocument(a.name, a.text));
  assert.ok(documents.length > 10 && documents.some((d) => d.spans.length > 0));
  tasksOf(documents).forEach(assertTaskConsistent);
  assertRoundTrip(spacy, documents);
});

test("spacy: the tricky article: code point offsets checked by hand, and the round trip", () => {
  const document = trickyDocument();
  const [task] = tasksOf([document]);
  assertTaskConsistent(task!);
  assert.equal(task!.spans.length, document.spans.length);
  task!.spans.forEach((span, k) => {
    assert.equal([...task!.text].slice(span.start, span.end).join(""), document.spans[k]!.text);
    assert.ok(span.start < document.spans[k]!.start, "the emoji before the entities counts one code point, two UTF-16 units");
  });
  assert.equal(task!.text, document.text, "NFD, CRLF and emoji unchanged");
  assertRoundTrip(spacy, [document]);
});

/*
 * The golden file, field by field, and the rule each follows:
 * - one JSON object per line, UTF-8, "\n" after each: https://jsonlines.org/ .
 * - "text", "tokens", "spans": Prodigy's ner_manual task, https://prodi.gy/docs/api-interfaces#ner_manual
 *   ("start" and "end" are the character offsets into the text, "token_start" and "token_end" the
 *   indexes of the first and last token, both inclusive); character offsets are Python string
 *   indexes, code points: "😀" counts one.
 * - tokens[].ws: "whether the token is followed by a space", spaCy's Token.whitespace_ (one " "):
 *   https://support.prodi.gy/t/3421 and https://spacy.io/api/doc#init (words and spaces). The
 *   CRLF is a token of its own ({"text":"\r\n","start":58,"end":60,"ws":false}, after "." at 57..58
 *   with ws false), and so is the final "\n" (99..100), as spaCy's tokenizer makes whitespace other
 *   than one space after a word: the tokens rejoined are the text, 100 code points, exactly;
 *   every token after the CRLF has index one more (Đà Nẵng is tokens 17..18).
 * - offsets by hand: "Hà Nội 😀 – Ông " is 15 code points (the emoji one), so "Nguyễn Văn An" is 15..28.
 * - spans[].text: the span's text, as Prodigy's db-out writes it for spans made in the interface.
 * - "meta": {"path": …}: shown in the annotation card and kept by db-out, https://prodi.gy/docs/api-interfaces .
 * - "answer": "accept": the answer db-out writes for an accepted task, https://prodi.gy/docs/api-interfaces .
 * - "_annotator_id": Prodigy's annotator of the task (named multi-user sessions; the review recipe
 *   tells annotators apart by it), https://prodi.gy/docs/review .
 * The nested LOC "Việt Nam" inside the FORUM is kept (Prodigy's spans interface allows overlaps;
 * spaCy's Doc.ents would need them filtered, spacy.util.filter_spans).
 */
test("spacy: the golden file, byte for byte", () => {
  const files = spacy.write([goldenDocument()], CONTEXT);
  assertGolden("spacy", files);
  const [task] = tasksOf([goldenDocument()]);
  assertTaskConsistent(task!);
  assert.equal(task!._annotator_id, "tester");
  assert.deepEqual(task!.meta, { path: "golden/tin ngắn.txt" });
});

function readLines(lines: readonly string[]): ReturnType<NonNullable<typeof spacy.read>> {
  return spacy.read!([{ path: "/in/tasks.jsonl", name: "tasks.jsonl", content: lines.join("\n") + "\n" }]);
}

test("spacy: reader problems name the line; the other lines are still read", () => {
  const good = JSON.stringify({ text: "Ông An đến.", meta: { path: "a.txt" }, spans: [{ start: 4, end: 6, label: "PER" }], _annotator_id: "ann-1" });
  const golden = tasksOf([goldenDocument()])[0]!;
  const exclusive = structuredClone(golden);
  exclusive.spans[0]!.token_end += 1; // token_end written exclusive: one token too far
  const outside = { text: "Hà Nội", meta: { path: "b.txt" }, spans: [{ start: 3, end: 9, label: "LOC" }] };
  const back = readLines([good, "{not json", JSON.stringify(exclusive), JSON.stringify(outside), JSON.stringify({ ...golden, answer: "reject" }), "", JSON.stringify(golden)]);
  assert.deepEqual(
    back.problems.map((p) => [p.file, p.line]),
    [["/in/tasks.jsonl", 2], ["/in/tasks.jsonl", 3], ["/in/tasks.jsonl", 4], ["/in/tasks.jsonl", 5]],
  );
  assert.match(back.problems[0]!.message, /^not a JSON line/);
  assert.match(back.problems[1]!.message, /spans\[0\]: its tokens \d+\.\.\d+ cover .* \(token_end is inclusive\); the document is left out/);
  assert.match(back.problems[2]!.message, /spans\[0\] \(LOC\) does not fit the text: start 3, end 9 \(code points; the text has 6\)/);
  assert.match(back.problems[3]!.message, /answered "reject"/);
  assert.deepEqual(back.documents.map((d) => d.name), ["a.txt", "golden/tin ngắn.txt"]);
  assert.deepEqual(back.documents[0]!.spans.map((s) => [s.text, s.label, s.annotator, s.suggestion]), [["An", "PER", "ann-1", false]]);
});

test("spacy: a task without meta is named after its file and line (a byte order mark before it is skipped)", () => {
  const back = readLines(["\uFEFF" + JSON.stringify({ text: "Lào", spans: [] })]);
  assert.deepEqual(back.problems, []);
  assert.equal(back.documents[0]?.name, "tasks.jsonl#1");
});
