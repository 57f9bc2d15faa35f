/**
 * brat standoff (issue 15, host/interchange/formats/brat.ts): the round trip over every article,
 * exact code point offsets past emoji, NFD letters and CRLF, a golden export checked by hand, the
 * reader's problems, and suggestions and knowledge-base links.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brat } from "../../../server/src/host/interchange/formats/brat";
import { readInputFiles } from "../../../server/src/host/interchange/inputs";
import type { InputFile, InterchangeDocument, InterchangeSpan, OutputFile } from "../../../server/src/host/interchange/types";
import { asInput, assertRoundTrip, CONTEXT, reviewedDocument, roundTripArticles, trickyDocument } from "../../helpers/interchange";
import { repoRoot } from "../../helpers/paths";

const goldenDir = join(repoRoot, "test", "golden", "interchange", "brat");

function file(files: readonly OutputFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `${path} is written`);
  return found.content;
}

/** The T lines of an .ann: id, label, [start, end] code point pairs, text. */
function tLines(ann: string): { id: string; label: string; fragments: [number, number][]; text: string }[] {
  return ann
    .split("\n")
    .filter((l) => l.startsWith("T"))
    .map((l) => {
      const [id, data, text] = l.split("\t") as [string, string, string];
      const [label, ...rest] = data.split(" ");
      const fragments = rest.join(" ").split(";").map((p) => p.split(" ").map(Number) as [number, number]);
      return { id, label: label!, fragments, text };
    });
}

test("brat: every article round-trips with its spans, labels and attributes", () => {
  const articles = roundTripArticles();
  assert.ok(articles.length > 0, "there are articles to round-trip");
  const documents = articles.map((a) => reviewedDocument(a.name, a.text));
  assert.ok(documents.some((d) => d.spans.length > 0), "the articles have spans");
  assertRoundTrip(brat, documents);
});

test("brat: the tricky article's offsets are code points (emoji, NFD, CRLF before the entities) and round-trip", () => {
  const document = trickyDocument();
  const files = brat.write([document], CONTEXT);
  const ann = file(files, "tricky/emoji nfd.ann");
  assert.equal(file(files, "tricky/emoji nfd.txt"), document.text, "the text file is the text, untouched");
  const codePoints = [...document.text];
  const lines = tLines(ann);
  assert.equal(lines.length, document.spans.length);
  lines.forEach((line, k) => {
    const span = document.spans[k]!;
    // By hand: the T text is the code points at the offsets (fragments joined by one space).
    assert.equal(line.fragments.map(([s, e]) => codePoints.slice(s, e).join("")).join(" "), line.text, `${line.id}: text at its code point offsets`);
    assert.equal(line.text, span.text);
    // Two emoji before the PER span, the second with a skin-tone modifier: three code points fewer than UTF-16 units.
    assert.equal(line.fragments[0]![0], [...document.text.slice(0, span.start)].length, `${line.id}: start in code points`);
    assert.ok(line.fragments[0]![0] <= span.start - 3, `${line.id}: after the emoji, offsets differ from UTF-16`);
  });
  assertRoundTrip(brat, [document]);
});

// ---------------------------------------------------------------------------------------------
// The golden export: an article written for this test (not corpus text), its spans built by hand.

const GOLDEN_TEXT = "Hà Nội".normalize("NFD") + " 🌏 ngày 3/5\r\nThủ tướng Lê Văn A dự Hội nghị\r\nthượng đỉnh ASEAN lần thứ 46, cam kết khoảng 2 tỷ USD.\n";

function goldenSpan(id: string, text: string, label: string, attributes: Record<string, unknown>, more: Partial<InterchangeSpan> = {}): InterchangeSpan {
  const start = GOLDEN_TEXT.indexOf(text);
  assert.ok(start >= 0, `"${text}" is in the golden text`);
  return { id, start, end: start + text.length, text, label, attributes, suggestion: false, ...more };
}

function goldenDocument(): InterchangeDocument {
  return {
    name: "golden.txt",
    text: GOLDEN_TEXT,
    spans: [
      goldenSpan("e1", "3/5", "DATE", { day: 3, month: 5 }),
      goldenSpan("e2", "Lê Văn A", "PER", { title: "Thủ tướng", role: "prime-minister", roles: ["prime-minister"], country: "VN", canonical: "Lê Văn A", nameStyle: "vietnamese", kb: "Q123" }, { kb: "Q123" }),
      goldenSpan("e3", "Hội nghị\r\nthượng đỉnh ASEAN lần thứ 46", "FORUM", { kind: "summit", edition: 46, parties: ["ASEAN"], level: "regional", format: "in-person" }),
      goldenSpan("e4", "ASEAN", "ORG", {}),
      goldenSpan("c1", "cam kết", "treaty.v2", {}),
      goldenSpan("e5", "2 tỷ USD", "AMOUNT", { kind: "money", value: 2000000000, unit: "USD", approximate: true, qualifier: "khoảng" }, { suggestion: true }),
    ],
  };
}

/*
 * golden.ann, line by line, with the rule each follows (offsets checked by hand in code points:
 * "Hà Nội" in NFD is 9 code points, the emoji 🌏 one code point but two UTF-16 units, CRLF two):
 *   T1 DATE 17 20 "3/5"                — https://brat.nlplab.org/standoff.html "Text-bound annotations":
 *                                        ID<TAB>TYPE START END<TAB>TEXT, 0-based, end exclusive, in characters (code points)
 *   #1 AnnotatorNotes T1 {…}           — standoff.html "Note annotations": #ID<TAB>AnnotatorNotes TARGET<TAB>TEXT;
 *                                        the attributes brat cannot hold as values (numbers) as a JSON object
 *   T2 PER 32 40 "Lê Văn A"            — text-bound, after the emoji (UTF-16 33..41)
 *   A1 Role T2 prime-minister          — standoff.html "Attribute and modification annotations": ID<TAB>NAME TARGET VALUE
 *   A2 Country / A3 NameStyle          — the same, multi-valued attributes declared in annotation.conf
 *   N1 Reference T2 Wikidata:Q123      — standoff.html "Normalization annotations": ID<TAB>TYPE TARGET DB:ID<TAB>TEXT
 *   #2 … {"title","roles","canonical"} — note: strings with spaces, lists
 *   T3 FORUM 44 52;54 82               — standoff.html: discontinuous "START END;START END"; the span crosses
 *                                        CRLF (code points 52..54), which an .ann line cannot hold; its TEXT
 *                                        is the fragments joined by one space (brat annotation.py DISCONT_SEP)
 *   A4 ForumKind / A5 Level / A6 Format
 *   #3 {"edition":46,"parties":["ASEAN"]}
 *   T4 ORG 66 71 "ASEAN"               — nested in T3: allowed by annotation.conf's <OVERLAP> … <OVL-TYPE>:<ANY>
 *   T5 treaty_v2 84 91 "cam kết"       — https://brat.nlplab.org/configuration.html: types are stored as
 *                                        [a-zA-Z0-9_-]; the label "treaty.v2" goes in the note (#4 {"label":…})
 *   T6 AMOUNT 99 107 "2 tỷ USD"
 *   A7 AmountKind / A8 Unit            — valued attributes
 *   A9 Approximate T6                  — standoff.html: a binary attribute has no value
 *   A10 Suggestion T6                  — binary: an unreviewed suggestion (brat has no predictions)
 *   #5 {"value":2000000000,"qualifier":"khoảng"}
 * annotation.conf — configuration.html: the four sections [entities] [relations] [events] [attributes];
 *   an attribute is NAME<TAB>Arg:TYPES, Value:V1|V2 (binary: no Value); <OVERLAP> lets spans nest and cross.
 * visual.conf — configuration.html: [labels] TYPE | display name; [drawing] TYPE<TAB>bgColor:#…
 * tools.conf — configuration.html: [normalization] DB<TAB><URL>:…, <URLBASE>:…%s…
 * Regenerate only by checking each line by hand against these rules.
 */
const GOLDEN_FILES = ["annotation.conf", "visual.conf", "tools.conf", "golden.txt", "golden.ann"];

test("brat: the golden export, byte for byte", () => {
  const files = brat.write([goldenDocument()], CONTEXT);
  assert.deepEqual(files.map((f) => f.path).sort(), [...GOLDEN_FILES].sort(), "the files written");
  for (const path of GOLDEN_FILES) {
    assert.equal(file(files, path), readFileSync(join(goldenDir, path), "utf8"), `${path} as in test/golden/interchange/brat`);
  }
  // The hand-checked offsets, independently of the golden files.
  const lines = tLines(file(files, "golden.ann"));
  assert.deepEqual(lines.map((l) => [l.label, l.fragments]), [
    ["DATE", [[17, 20]]],
    ["PER", [[32, 40]]],
    ["FORUM", [[44, 52], [54, 82]]],
    ["ORG", [[66, 71]]],
    ["treaty_v2", [[84, 91]]],
    ["AMOUNT", [[99, 107]]],
  ]);
});

test("brat: the golden export reads back whole (discontinuous span, stored label, suggestion, kb)", () => {
  const document = goldenDocument();
  const back = brat.read!(asInput(brat.write([document], CONTEXT)));
  assert.deepEqual(back.problems, []);
  assert.equal(back.documents.length, 1);
  const read = back.documents[0]!;
  assert.equal(read.name, "golden.txt");
  assert.equal(read.text, GOLDEN_TEXT);
  const shape = (s: InterchangeSpan): unknown => ({ start: s.start, end: s.end, text: s.text, label: s.label, attributes: s.attributes, suggestion: s.suggestion, kb: s.kb });
  assert.deepEqual(read.spans.map(shape), document.spans.map(shape));
  assert.ok(read.spans.every((s) => s.annotator === undefined), "brat has no annotator");
});

// ---------------------------------------------------------------------------------------------
// Reading others' files

function input(name: string, content: string): InputFile {
  return { path: `/in/${name}`, name, content };
}

test("brat: reader problems carry file, line and column, and leave only that document out", () => {
  const text = "Xin chào Hà Nội\n";
  const result = brat.read!([
    input("good.txt", text),
    // R, E, M and * lines and notes in words are ignored; A lines outside the mapping too.
    input("good.ann", "T1\tLOC 9 15\tHà Nội\nA1\tCountry T1 VN\nA2\tNegated T1\nR1\tLocated Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T1\tcheck the spelling\nM1\tSpeculation T1\n"),
    input("range.txt", text),
    input("range.ann", "T1\tPER 0 999\tXYZ\n"),
    input("mismatch.txt", text),
    input("mismatch.ann", "T1\tLOC 9 15\tHà Nội\nT2\tPER 0 3\tabc\n"),
    input("sub/orphan.ann", "T1\tPER 0 3\tXin\n"),
    input("kind.txt", text),
    input("kind.ann", "X1\tPER 0 3\tXin\n"),
    input("target.txt", text),
    input("target.ann", "T1\tLOC 9 15\tHà Nội\nA1\tCountry T7 VN\n"),
  ]);
  assert.deepEqual(result.documents.map((d) => d.name), ["good.txt"]);
  assert.deepEqual(result.documents[0]!.spans.map((s) => ({ label: s.label, start: s.start, end: s.end, attributes: s.attributes })), [{ label: "LOC", start: 9, end: 15, attributes: { country: "VN" } }]);
  const where = result.problems.map((p) => `${p.file}:${p.line ?? "-"}:${p.column ?? "-"}`).sort();
  assert.deepEqual(where, [
    "/in/kind.ann:1:1", // an unknown annotation kind
    "/in/mismatch.ann:2:12", // "abc" is not the text at 0 3 ("Xin")
    "/in/range.ann:1:10", // 999 is past the end of the text
    "/in/sub/orphan.ann:-:-", // no sub/orphan.txt
    "/in/target.ann:2:12", // T7 is not there
  ]);
  const message = (file: string): string => result.problems.find((p) => p.file === file)!.message;
  assert.match(message("/in/range.ann"), /offset 999 is outside the text of 16 characters/);
  assert.match(message("/in/mismatch.ann"), /"abc" is not the text at 0 3: "Xin"/);
  assert.match(message("/in/sub/orphan.ann"), /sub\/orphan\.txt is not there/);
});

test("brat: a .txt without its .ann is a document with no spans; code point offsets come back as UTF-16", () => {
  const text = "😀 Hà Nội\n";
  const result = brat.read!([input("a.txt", text), input("b.txt", text), input("b.ann", "T1\tLOC 2 8\tHà Nội\n")]);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.documents.map((d) => [d.name, d.spans.map((s) => [s.start, s.end, s.text])]), [
    ["a.txt", []],
    ["b.txt", [[3, 9, "Hà Nội"]]],
  ]);
});

test("brat: a suggestion and a knowledge-base link are written and read back", () => {
  const text = "Ông Nguyễn Văn B gặp đại diện Liên Hợp Quốc tại Geneva.\n";
  const at = (s: string): { start: number; end: number; text: string } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const document: InterchangeDocument = {
    name: "kb/suggested.txt",
    text,
    spans: [
      { id: "p", ...at("Nguyễn Văn B"), label: "PER", attributes: { canonical: "Nguyễn Văn B", nameStyle: "vietnamese", kb: "Q123" }, suggestion: true, kb: "Q123" },
      { id: "o", ...at("Liên Hợp Quốc"), label: "ORG", attributes: { kb: "un office" }, suggestion: false, kb: "un office" },
      { id: "l", ...at("Geneva"), label: "LOC", attributes: { country: "CH", kb: "GeoNames:2660646" }, suggestion: false, kb: "GeoNames:2660646" },
    ],
  };
  const files = brat.write([document], CONTEXT);
  const ann = file(files, "kb/suggested.ann");
  assert.match(ann, /^A\d+\tSuggestion T1$/m);
  assert.match(ann, /^N1\tReference T1 Wikidata:Q123\tNguyễn Văn B$/m);
  assert.match(ann, /^N2\tReference T3 GeoNames:2660646\tGeneva$/m);
  assert.doesNotMatch(ann, /Suggestion T[23]/);
  assert.match(ann, /^#1\tAnnotatorNotes T1\t\{"canonical":"Nguyễn Văn B"\}$/m);
  assert.match(ann, /^#2\tAnnotatorNotes T2\t\{"kb":"un office"\}$/m);
  assert.match(file(files, "tools.conf"), /^Wikidata\t<URL>:https:\/\/www\.wikidata\.org\/, <URLBASE>:https:\/\/www\.wikidata\.org\/wiki\/%s$/m);
  assert.match(file(files, "annotation.conf"), /^Suggestion\tArg:<ENTITY>$/m);
  const back = brat.read!(asInput(files));
  assert.deepEqual(back.problems, []);
  const spans = back.documents[0]!.spans;
  assert.deepEqual(spans.map((s) => ({ label: s.label, suggestion: s.suggestion, kb: s.kb, attributes: s.attributes })), [
    { label: "PER", suggestion: true, kb: "Q123", attributes: { canonical: "Nguyễn Văn B", nameStyle: "vietnamese", kb: "Q123" } },
    // A link with no DB:ID form (whitespace) cannot be an N line: it travels in the note.
    { label: "ORG", suggestion: false, kb: "un office", attributes: { kb: "un office" } },
    { label: "LOC", suggestion: false, kb: "GeoNames:2660646", attributes: { country: "CH", kb: "GeoNames:2660646" } },
  ]);
});

test("brat: annotation.conf declares every label and the values used, so brat can open the folder", () => {
  const files = brat.write([trickyDocument(), goldenDocument()], CONTEXT);
  const conf = file(files, "annotation.conf");
  for (const section of ["[entities]", "[relations]", "[events]", "[attributes]"]) assert.ok(conf.includes(`\n${section}\n`), `${section} is there`);
  for (const { label } of CONTEXT.labels) assert.match(conf, new RegExp(`^${label}$`, "m"));
  assert.match(conf, /^Unit\tArg:AMOUNT, Value:USD$/m);
  assert.match(conf, /^NameStyle\tArg:PER, Value:vietnamese$/m);
  assert.match(conf, /^Country\tArg:PER\|LOC, Value:VN$/m);
  // Every A line's value is declared for its attribute.
  const declared = new Map([...conf.matchAll(/^(\w+)\tArg:\S+, Value:(\S+)$/gm)].map((m) => [m[1]!, new Set(m[2]!.split("|"))]));
  for (const f of files.filter((f) => f.path.endsWith(".ann"))) {
    for (const m of f.content.matchAll(/^A\d+\t(\w+) T\d+ (\S+)$/gm)) assert.ok(declared.get(m[1]!)?.has(m[2]!), `${m[1]!} ${m[2]!} is declared`);
  }
});

test("brat: a .txt saved with a byte order mark: brat counts it, so the offsets are one more; the spans come back in the text without it", async () => {
  const text = "😀 Hà Nội và Huế\n";
  // As brat writes them over "\uFEFF" + text: the mark is code point 0, the emoji 1, "Hà Nội" 3..9.
  const ann = "T1\tLOC 3 9\tHà Nội\nT2\tLOC 13 16\tHuế\n";
  const folder = mkdtempSync(join(tmpdir(), "aa-brat-bom-"));
  writeFileSync(join(folder, "a.txt"), "\uFEFF" + text);
  writeFileSync(join(folder, "a.ann"), ann);
  writeFileSync(join(folder, "plain.txt"), text);
  const { files, problems } = await readInputFiles([folder], brat.inputSuffixes!);
  assert.deepEqual(problems, []);
  assert.deepEqual(files.map((f) => [f.name, f.bom === true, f.content.startsWith("\uFEFF")]), [["a.ann", false, false], ["a.txt", true, false], ["plain.txt", false, false]]);
  const result = brat.read!(files);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.documents.map((d) => [d.name, d.text, d.spans.map((s) => [s.start, s.end, s.text])]), [
    ["a.txt", text, [[3, 9, "Hà Nội"], [13, 16, "Huế"]]],
    ["plain.txt", text, []],
  ]);
  // Without the mark the same .ann is one off: every span is a problem.
  const shifted = brat.read!([input("a.txt", text), input("a.ann", ann)]);
  assert.equal(shifted.documents.length, 0);
  assert.equal(shifted.problems.length, 2);
});

test("brat: with a byte order mark, a span over the mark alone is a problem; one that starts on it begins at the text", () => {
  const text = "Hà Nội\n";
  const bom = (name: string, content: string): InputFile => ({ ...input(name, content), bom: true });
  const over = brat.read!([bom("a.txt", text), input("a.ann", "T1\tLOC 0 1\t\uFEFF\n")]);
  assert.deepEqual(over.documents, []);
  assert.deepEqual(over.problems.map((p) => [p.file, p.line, p.column]), [["/in/a.ann", 1, 8]]);
  assert.match(over.problems[0]!.message, /the span 0 1 covers only the byte order mark \(U\+FEFF\)/);
  const from = brat.read!([bom("b.txt", text), input("b.ann", "T1\tLOC 0 7\t\uFEFFHà Nội\n")]);
  assert.deepEqual(from.problems, []);
  assert.deepEqual(from.documents[0]!.spans.map((s) => [s.start, s.end, s.text]), [[0, 6, "Hà Nội"]]);
});

test("brat: an empty or reversed span is a problem at its line and column, and only its document is left out", () => {
  const text = "Xin chào Hà Nội\n";
  const result = brat.read!([
    input("empty.txt", text),
    input("empty.ann", "T1\tLOC 9 15\tHà Nội\nT2\tPER 5 5\t\n"),
    input("reversed.txt", text),
    input("reversed.ann", "T1\tPER 15 9\tHà Nội\n"),
    input("good.txt", text),
    input("good.ann", "T1\tLOC 9 15\tHà Nội\n"),
  ]);
  assert.deepEqual(result.documents.map((d) => d.name), ["good.txt"]);
  assert.deepEqual(result.problems.map((p) => `${p.file}:${p.line}:${p.column}`), ["/in/empty.ann:2:8", "/in/reversed.ann:1:8"]);
  assert.match(result.problems[0]!.message, /the span 5 5 covers no text/);
  assert.match(result.problems[1]!.message, /the span 15 9 covers no text: it ends before it starts/);
});

test("brat: a line whose tabs became spaces is said to be one, not read with the whole line as its id", () => {
  const text = "Xin chào Hà Nội\n";
  const result = brat.read!([input("spaces.txt", text), input("spaces.ann", "T1 LOC 9 15 Hà Nội\nT2 LOC 9 15\tHà Nội\nT3\tLOC 9 15\tHà Nội\nTx\tLOC 9 15\tHà Nội\n")]);
  assert.deepEqual(result.documents, []);
  assert.deepEqual(result.problems.map((p) => `${p.line}:${p.column}`), ["1:3", "2:3", "4:1"]);
  for (const problem of result.problems.slice(0, 2)) {
    assert.match(problem.message, /^not a brat annotation line: brat's form is ID<TAB>…, and here T[12] is followed by a space, not a tab/);
    assert.doesNotMatch(problem.message, /LOC/, "the line is not quoted as an id");
  }
  assert.match(result.problems[2]!.message, /expected an id \(T1, A1, N1, #1, …\) and a tab/);
});
