/** CoNLL-2003 IOB2 export (issue 15): tokens rebuild every article, each span is B- then I- tokens, -DOCSTART- and blank lines, the golden file. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { conll, CONLL_FILE, iob2Spans } from "../../../server/src/host/interchange/formats/conll";
import type { InterchangeDocument } from "../../../server/src/host/interchange/types";
import { CONTEXT, reviewedDocument, roundTripArticles, trickyDocument } from "../../helpers/interchange";
import { assertGolden, goldenDocument } from "./golden";

interface Line {
  token: string;
  tag: string;
}

/** The articles of a CoNLL file, each a list of sentences; checks the file's shape on the way. */
function parse(content: string): Line[][][] {
  assert.ok(content.endsWith("\n\n"), "the last sentence ends with its blank line");
  assert.ok(!/\n\n\n/.test(content), "never two blank lines in a row");
  const articles: Line[][][] = [];
  for (const block of content.slice(0, -2).split("\n\n")) {
    if (block === "-DOCSTART- -X- -X- O") {
      articles.push([]);
      continue;
    }
    assert.ok(articles.length > 0, "the file begins with -DOCSTART-");
    articles[articles.length - 1]!.push(
      block.split("\n").map((line) => {
        const fields = line.split(" ");
        assert.equal(fields.length, 4, `four fields separated by one space: ${JSON.stringify(line)}`);
        assert.equal(fields[1], "-X-");
        assert.equal(fields[2], "-X-");
        assert.match(fields[3]!, /^(O|[BI]-\S+)$/);
        assert.notEqual(fields[0], "", "no empty token");
        return { token: fields[0]!, tag: fields[3]! };
      }),
    );
  }
  return articles;
}

/**
 * The tokens rebuild `document`'s text (only whitespace and invisible format characters, \p{Cf},
 * between them: tokens.ts drops both), and each kept span is exactly B-, I-, I-…
 */
function assertArticle(document: InterchangeDocument, sentences: readonly Line[][]): void {
  const lines = sentences.flat();
  // A format character inside a word (a soft hyphen) stays in its token: compare without any.
  const visible = (s: string): string => s.replace(/[\s\p{Cf}]+/gu, "");
  assert.equal(visible(lines.map((l) => l.token).join("")), visible(document.text), `${document.name}: the tokens are the text without its whitespace and format characters`);
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    const k = document.text.indexOf(line.token, at);
    assert.match(document.text.slice(at, k), /^[\s\p{Cf}]*$/u, `${document.name}: only whitespace and format characters before ${line.token}`);
    starts.push(k);
    at = k + line.token.length;
  }
  assert.match(document.text.slice(at), /^[\s\p{Cf}]*$/u);
  const { kept } = iob2Spans(document.spans);
  const expected = starts.map((start, k) => {
    const span = kept.find((s) => s.start <= start && start < s.end);
    if (!span) return "O";
    assert.ok(start + lines[k]!.token.length <= span.end, `${document.name}: no token crosses the end of ${span.text}`);
    return `${start === span.start ? "B" : "I"}-${span.label}`;
  });
  assert.deepEqual(lines.map((l) => l.tag), expected, `${document.name}: each span is a B- token then I- tokens, O elsewhere`);
  assert.equal(expected.filter((t) => t.startsWith("B-")).length, kept.length, `${document.name}: every kept span begins at a token`);
}

test("conll: every article: -DOCSTART- each, tokens rebuild the text, spans as B-/I- tokens", () => {
  const documents = roundTripArticles().map((a) => reviewedDocument(a.name, a.text));
  assert.ok(documents.length > 10 && documents.some((d) => d.spans.length > 0));
  const files = conll.write(documents, CONTEXT);
  assert.deepEqual(files.map((f) => f.path), [CONLL_FILE]);
  const articles = parse(files[0]!.content);
  assert.equal(articles.length, documents.length, "one -DOCSTART- per article");
  documents.forEach((document, k) => assertArticle(document, articles[k]!));
  assert.ok(articles.some((a) => a.length > 1), "sentences are separated by blank lines");
});

test("conll: the tricky article (emoji, NFD, CRLF, a custom label)", () => {
  const document = trickyDocument();
  const [article] = parse(conll.write([document], CONTEXT)[0]!.content);
  assertArticle(document, article!);
  const tags = article!.flat().map((l) => l.tag);
  assert.ok(tags.includes("B-policy") && tags.includes("I-policy"), "a custom label's id as the tag");
  assert.ok(article!.flat().some((l) => l.token === "😀"), "the emoji is a token of its own");
});

test("conll: overlapping spans: the first (longest) is kept, the others counted", () => {
  const document = goldenDocument();
  const { kept, dropped } = iob2Spans(document.spans);
  assert.deepEqual(dropped.map((s) => s.text), ["Việt Nam"], "the LOC inside the FORUM");
  assert.equal(kept.length, document.spans.length - 1);
  const nested = { ...document, spans: [...document.spans, { ...document.spans[1]!, id: "same-start", end: document.spans[1]!.start + "Diễn đàn".length, label: "ORG" }] };
  assert.deepEqual(iob2Spans(nested.spans).dropped.map((s) => s.label).sort(), ["LOC", "ORG"], "of two starting together the longer is kept");
});

test("conll: a span of invisible characters only (a zero-width space) has no token: left out and counted", () => {
  const text = "Hà\u200bNội\n";
  const document: InterchangeDocument = { name: "zw.txt", text, spans: [
    { id: "z", start: 2, end: 3, text: "\u200b", label: "X", attributes: {}, suggestion: false },
    { id: "l", start: 3, end: 6, text: "Nội", label: "LOC", attributes: {}, suggestion: false },
  ] };
  assert.deepEqual(iob2Spans(document.spans).dropped.map((s) => s.id), ["z"]);
  assert.equal(conll.leftOut!(document), 1);
  const [article] = parse(conll.write([document], CONTEXT)[0]!.content);
  assert.deepEqual(article!.flat().map((l) => [l.token, l.tag]), [["Hà", "O"], ["Nội", "B-LOC"]]);
  assertArticle(document, article!);
});

test("conll: a span across a sentence boundary keeps its sentences together", () => {
  const text = "Ông An nói. Bộ trưởng về.\n";
  const start = text.indexOf("nói");
  const document: InterchangeDocument = { name: "x.txt", text, spans: [{ id: "s", start, end: text.indexOf(" về"), text: text.slice(start, text.indexOf(" về")), label: "X", attributes: {}, suggestion: false }] };
  const [article] = parse(conll.write([document], CONTEXT)[0]!.content);
  assert.equal(article!.length, 1, "one sentence");
  assertArticle(document, article!);
});

/*
 * The golden file, line by line, and the rule each follows (Tjong Kim Sang & De Meulder 2003,
 * https://aclanthology.org/W03-0419/; data files https://www.clips.uantwerpen.be/conll2003/ner/):
 * - "-DOCSTART- -X- -X- O" then an empty line at each article's start: the shared task's files.
 * - "TOKEN -X- -X- TAG": four space-separated fields (word, part of speech, chunk, entity); "-X-" is
 *   CoNLL-2003's placeholder for a field without a value (we have no POS or chunk tags).
 * - an empty line after each sentence: "sentences are separated by empty lines".
 * - tags in IOB2, B- on a span's first token, I- on the rest, O outside: Tjong Kim Sang & Veenstra 1999,
 *   https://aclanthology.org/E99-1023/ (CoNLL-2003 itself wrote IOB1).
 * - tokens: UAX #29 words (https://www.unicode.org/reports/tr29/), Vietnamese syllables and
 *   punctuation; the emoji is one token; "Đà Nẵng" stays in NFD; the CRLF ends the first sentence.
 * - "Việt Nam" (LOC) inside the FORUM is dropped: one tag per token; the FORUM is kept (it starts first).
 */
test("conll: the golden file, byte for byte", () => {
  const files = conll.write([goldenDocument()], CONTEXT);
  assertGolden("conll", files);
  const [article] = parse(files[0]!.content);
  assertArticle(goldenDocument(), article!);
  assert.equal(article!.length, 2, "two sentences");
});
