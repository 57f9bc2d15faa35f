/** W3C Web Annotation export and import (issue 15): round trips, code point selectors, the golden file, reader problems. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInputFiles } from "../../../server/src/host/interchange/inputs";
import { w3c, W3C_FILE, type W3cAnnotation, type W3cCollection } from "../../../server/src/host/interchange/formats/w3c";
import type { InterchangeDocument } from "../../../server/src/host/interchange/types";
import { asInput, assertRoundTrip, CONTEXT, reviewedDocument, roundTripArticles, trickyDocument } from "../../helpers/interchange";
import { assertGolden, goldenDocument } from "./golden";

function collectionOf(documents: readonly InterchangeDocument[]): W3cCollection {
  const [file] = w3c.write(documents, CONTEXT);
  assert.equal(file?.path, W3C_FILE);
  return JSON.parse(file.content) as W3cCollection;
}

test("w3c: every article round-trips (spans, labels, attributes)", () => {
  const documents = roundTripArticles().map((a) => reviewedDocument(a.name, a.text));
  assert.ok(documents.length > 10 && documents.some((d) => d.spans.length > 0));
  assertRoundTrip(w3c, documents);
});

test("w3c: the tricky article: positions in code points, the quote exact, and the round trip", () => {
  const document = trickyDocument();
  const collection = collectionOf([document]);
  const codePoints = [...document.text];
  assert.equal(collection.first.items.length, document.spans.length);
  collection.first.items.forEach((annotation, k) => {
    const [quote, position] = annotation.target.selector;
    const span = document.spans[k]!;
    assert.equal(quote.exact, span.text);
    assert.equal(codePoints.slice(position.start, position.end).join(""), quote.exact, `${span.text}: the TextPositionSelector counts code points`);
    assert.ok(position.start < span.start, "the emoji before the entities makes code points and UTF-16 units differ");
    assert.ok(document.text.slice(0, span.start).endsWith(quote.prefix) && document.text.slice(span.end).startsWith(quote.suffix), "prefix and suffix are the text around it");
    assert.ok(quote.prefix.length > 0 && quote.prefix.length <= 32 && quote.suffix.length <= 32);
  });
  assert.deepEqual(collection.sources, [{ id: "tricky/emoji%20nfd.txt", type: "Text", format: "text/plain", value: document.text }], "the text travels exactly (NFD, CRLF, emoji)");
  assertRoundTrip(w3c, [document]);
});

/*
 * The golden file, field by field, and the rule each follows:
 * - "@context": ["http://www.w3.org/ns/anno.jsonld", {own terms}]: https://www.w3.org/TR/annotation-model/#annotations
 *   ("The Annotation MUST have 1 or more @context values and http://www.w3.org/ns/anno.jsonld MUST be one of them");
 *   our terms (`attributes` a JSON literal, `sources`) in the URN namespace urn:article-annotator:,
 *   JSON literals per https://www.w3.org/TR/json-ld11/#json-literals ("@type": "@json", "@version": 1.1).
 * - "type": "AnnotationCollection", "label", "total", "first": an embedded AnnotationPage with "partOf",
 *   "startIndex" 0 and "items": https://www.w3.org/TR/annotation-model/#annotation-collection and #annotation-page.
 * - every "id" an IRI ("MUST have exactly 1 IRI"): name-based urn:uuid (UUID version 5, RFC 9562 §5.5).
 * - "motivation": "classifying" and the body's "purpose": "classifying":
 *   https://www.w3.org/TR/annotation-model/#motivation-and-purpose ("the user intends to classify the Target as something").
 * - "body": a TextualBody whose "value" is the label: https://www.w3.org/TR/annotation-model/#embedded-textual-body.
 * - "creator" {type Person|Software, name}: https://www.w3.org/TR/annotation-model/#agents
 *   (the suggestion FORUM span has the Software creator, the generator).
 * - "target": a SpecificResource with "source" (the document name as a relative IRI, %20 for the
 *   space, %E1%BA%AF… for "ắ") and two equivalent selectors: https://www.w3.org/TR/annotation-model/#selectors
 *   ("each of which … MUST select the same segment").
 * - TextQuoteSelector "exact"/"prefix"/"suffix": https://www.w3.org/TR/annotation-model/#text-quote-selector
 *   (the prefix/suffix "immediately before/after", here up to 32 UTF-16 units on code point boundaries).
 * - TextPositionSelector "start" (inclusive) / "end" (exclusive), code points: https://www.w3.org/TR/annotation-model/#text-position-selector
 *   ("The selection of the text MUST be in terms of unicode code points"): the emoji counts one.
 * - "sources": each article as a "Text" resource with "format" "text/plain" (dc:format) and its text as "value" (rdf:value).
 */
test("w3c: the golden file, byte for byte", () => {
  const document = goldenDocument();
  const files = w3c.write([document], CONTEXT);
  assertGolden("w3c", files);
  const collection = JSON.parse(files[0]!.content) as W3cCollection;
  const items: W3cAnnotation[] = collection.first.items;
  assert.equal(collection.total, items.length);
  assert.deepEqual(items[1]?.creator, { type: "Software", name: CONTEXT.generator });
  assert.deepEqual(items[0]?.creator, { type: "Person", name: "tester" });
  assert.equal(items[0]?.target.source, "golden/tin%20ng%E1%BA%AFn.txt");
});

test("w3c: suggestions come back as suggestions, reviewed spans with their annotator", () => {
  const back = w3c.read!(asInput(w3c.write([goldenDocument()], CONTEXT)));
  assert.deepEqual(back.problems, []);
  const spans = back.documents[0]!.spans;
  assert.deepEqual(spans.map((s) => [s.label, s.suggestion, s.annotator]), [
    ["PER", false, "tester"],
    ["FORUM", true, undefined],
    ["LOC", false, "tester"],
    ["LOC", false, "tester"],
    ["AMOUNT", false, "tester"],
    ["DATE", false, "tester"],
  ]);
  assert.deepEqual(spans[0]!.attributes, { title: "Ông", canonical: "Nguyễn Văn An", nameOrder: "vietnamese" });
});

/** Two documents written, then one annotation changed by `change`; the read result. */
function readChanged(change: (collection: W3cCollection) => void): ReturnType<NonNullable<typeof w3c.read>> {
  const other: InterchangeDocument = { name: "other.txt", text: "Bộ Ngoại giao họp.", spans: [{ id: "o1", start: 0, end: 13, text: "Bộ Ngoại giao", label: "ORG", attributes: {}, suggestion: false, annotator: "tester" }] };
  const collection = collectionOf([goldenDocument(), other]);
  change(collection);
  return w3c.read!([{ path: "/in/annotations.jsonld", name: "annotations.jsonld", content: JSON.stringify(collection, null, 2) }]);
}

test("w3c: a TextPositionSelector that disagrees with the quote is found again by the quote", () => {
  const back = readChanged((c) => {
    const position = c.first.items[0]!.target.selector[1];
    position.start += 3;
    position.end += 3;
  });
  assert.deepEqual(back.problems, []);
  const golden = goldenDocument();
  const read = back.documents.find((d) => d.name === golden.name)!;
  assert.deepEqual(read.spans.map((s) => [s.start, s.end]), golden.spans.map((s) => [s.start, s.end]));
});

test("w3c: without a position selector the quote alone places the span", () => {
  const back = readChanged((c) => {
    for (const item of c.first.items) (item.target as { selector: unknown }).selector = [item.target.selector[0]];
  });
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.documents.find((d) => d.name === "golden/tin ngắn.txt")!.spans.map((s) => s.text), goldenDocument().spans.map((s) => s.text));
});

test("w3c: a span that does not fit is a problem naming the annotation, with its line; the other document is still read", () => {
  let id = "";
  const back = readChanged((c) => {
    const item = c.first.items[2]!;
    id = item.id;
    item.target.selector[0].exact = "Singapore";
    item.target.selector[1].end = 1000;
  });
  assert.equal(back.problems.length, 1);
  const [problem] = back.problems;
  assert.equal(problem!.file, "/in/annotations.jsonld");
  assert.match(problem!.message, new RegExp(`annotation ${id}: its TextPositionSelector .* does not fit the text, and its quote "Singapore" is not in it; the document "golden/tin%20ng%E1%BA%AFn.txt" is left out`));
  assert.ok(problem!.line! > 1 && problem!.column! > 1, "the line and column of the annotation's id");
  assert.deepEqual(back.documents.map((d) => d.name), ["other.txt"]);
});

test("w3c: an annotation whose text is nowhere, and a file that is not JSON, are problems", () => {
  const missing = readChanged((c) => {
    c.sources = c.sources.filter((s) => s.id === "other.txt");
  });
  assert.ok(missing.problems.length > 0 && missing.problems.every((p) => /is neither in the collection's "sources" nor an input file/.test(p.message)));
  assert.deepEqual(missing.documents.map((d) => d.name), ["other.txt"]);
  const broken = w3c.read!([{ path: "/in/bad.jsonld", name: "bad.jsonld", content: '{"type": "AnnotationCollection",' }]);
  assert.equal(broken.documents.length, 0);
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0]!.message, /^not JSON: /);
});

test("w3c: a sibling text file serves a source not embedded (as brat keeps its .txt)", () => {
  const document = goldenDocument();
  const collection = collectionOf([document]);
  const { sources: _sources, ...withoutSources } = collection;
  const back = w3c.read!([
    { path: "/in/x/annotations.jsonld", name: "x/annotations.jsonld", content: JSON.stringify(withoutSources) },
    { path: "/in/x/golden/tin ngắn.txt", name: "x/golden/tin ngắn.txt", content: document.text },
  ]);
  assert.deepEqual(back.problems, []);
  assert.equal(back.documents[0]?.name, document.name);
  assert.equal(back.documents[0]?.spans.length, document.spans.length);
});

test("w3c: importing a folder reads the .txt beside annotations.jsonld without sources; a .txt no annotation names is ignored", async () => {
  const text = "Ông Lê Văn Tám đến Hà Nội.\n";
  const at = (s: string): { start: number; end: number; text: string } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const document: InterchangeDocument = { name: "a.txt", text, spans: [{ id: "p", ...at("Lê Văn Tám"), label: "PER", attributes: {}, suggestion: false, annotator: "tester" }, { id: "l", ...at("Hà Nội"), label: "LOC", attributes: {}, suggestion: false, annotator: "tester" }] };
  const { sources: _sources, ...withoutSources } = collectionOf([document]);
  const folder = mkdtempSync(join(tmpdir(), "aa-w3c-folder-"));
  writeFileSync(join(folder, W3C_FILE), JSON.stringify(withoutSources));
  writeFileSync(join(folder, "a.txt"), text);
  writeFileSync(join(folder, "unrelated.txt"), "Không ai chú thích tệp này.\n");
  const { files, problems } = await readInputFiles([folder], w3c.inputSuffixes!);
  assert.deepEqual(problems, []);
  assert.deepEqual(files.map((f) => f.name), ["a.txt", W3C_FILE, "unrelated.txt"]);
  const back = w3c.read!(files);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.documents.map((d) => [d.name, d.text, d.spans.map((s) => [s.label, s.text])]), [["a.txt", text, [["PER", "Lê Văn Tám"], ["LOC", "Hà Nội"]]]]);
});
