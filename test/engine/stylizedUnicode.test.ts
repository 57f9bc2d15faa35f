/**
 * Stylized Unicode: letters outside the Basic Multilingual Plane (mathematical bold and italic,
 * Deseret, Garay or Osage), fullwidth letters, small capitals and emoji sequences, placed where a
 * scan reading one code unit at a time goes wrong — right after a lowercase letter ("ở𝐀", "x𝐀"),
 * inside words, at line ends and across the 4000-unit cut of a long line. Every analysis must end
 * (a scan that stops between the two halves of a surrogate pair used to loop forever), and its
 * spans and fixes must be well-formed and never split a pair.
 *
 * The analyses run in a child process under a deadline per input: a hang fails in seconds and names
 * the input, instead of stalling the test run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { applyFixes, buildRecord, type Analysis, type AnnotatedRecord, type BoilerplateFinding } from "../../server/src/engine";
import { ArticleDocument } from "../../server/src/engine/document";
import { tokenize } from "../../server/src/engine/text/tokens";
import {
  boundaryAtOrAfter,
  boundaryAtOrBefore,
  codePointEnd,
  codePointLength,
  codePointStart,
  codePointText,
  isCodePointBoundary,
  isLetterOrMarkAt,
  isLetterOrMarkBefore,
} from "../../server/src/engine/text/codePoints";

/** The compiled engine, by absolute path, for the child process. */
const ENGINE = join(__dirname, "..", "..", "server", "src", "engine");
/** Time one analysis may take (the first one also loads the engine) before it counts as a hang. */
const DEADLINE_MS = 5000;
const MAX_SEGMENT = 4000;

/** Code points as text: `cps(0x1d400, 3)` is "𝐀𝐁𝐂". */
function cps(first: number, count: number): string {
  return Array.from({ length: count }, (_, k) => String.fromCodePoint(first + k)).join("");
}

/** A script outside the BMP with cased letters: Garay where this Node's Unicode knows it, else Osage. */
const ASTRAL_SCRIPT = /\p{Lu}/u.test("\u{10D50}") ? { name: "Garay", capitals: cps(0x10d50, 3), small: cps(0x10d70, 3) } : { name: "Osage", capitals: cps(0x104b0, 3), small: cps(0x104d8, 3) };

/** Stylized pieces: [name, text]. */
const STYLIZED: [string, string][] = [
  ["mathematical bold capital A", "\u{1D400}"],
  ["mathematical bold capitals", cps(0x1d400, 5)],
  ["mathematical bold small letters", cps(0x1d41a, 5)],
  ["mathematical italic capitals", cps(0x1d434, 5)],
  ["mathematical italic small letters", cps(0x1d44e, 4)],
  ["mathematical bold digits", cps(0x1d7ce, 4)],
  ["fullwidth capitals", cps(0xff21, 5)],
  ["fullwidth small letters", cps(0xff41, 5)],
  ["small capitals", "\u1D00\u0299\u1D04\u1D05\u1D07"],
  ["Deseret capitals", cps(0x10400, 4)],
  ["Deseret small letters", cps(0x10428, 4)],
  [`${ASTRAL_SCRIPT.name} capitals`, ASTRAL_SCRIPT.capitals],
  [`${ASTRAL_SCRIPT.name} small letters`, ASTRAL_SCRIPT.small],
  ["emoji with a skin tone", "\u{1F44D}\u{1F3FD}"],
  ["ZWJ sequence with skin tone", "\u{1F469}\u{1F3FE}\u200D\u{1F4BB}"],
  ["ZWJ family", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}"],
  ["flag", "\u{1F1FB}\u{1F1F3}"],
  ["mixed bold word", "\u{1D407}\u00E0 \u{1D40D}\u1ED9\u{1D422}"],
];

/** Where a piece goes: [name, text around it]. */
const PLACEMENTS: [string, (s: string) => string][] = [
  ["alone after x", (s) => `x${s}`],
  ["alone after ở", (s) => `ở${s}`],
  ["alone after ư", (s) => `ư${s}`],
  ["after ở in a sentence", (s) => `Hai bên hợp tác ở${s} và tạiHà Nội, xây dựngCộng đồng ASEANvà khu vực.`],
  ["after ư and x in a sentence", (s) => `Thủ tướng Nguyễn Văn An tiếp Bộ trưởng Ngoại giao ư${s}x${s} Motegi tại Hội nghị Cấp cao ASEAN lần thứ 38.`],
  ["inside words", (s) => `Hai nước xây${s}dựng quan hệ, ký thỏa thuận trị giá 3${s} triệu USD ngày 12/3/2024${s} tại Hà${s}Nội.`],
  ["between run-together syllables", (s) => `Hai bên cam kết tăngcường${s}hợptáckinhtế${s}vàthươngmại trong thời gian tới.`],
  ["at line ends", (s) => `Bộ trưởng Ngoại giao Nhật Bản Motegi ở${s}\nx${s}\r\nHội nghị Bộ trưởng Ngoại giao ASEAN ư${s}\n${s}`],
  ["a line of its own, repeated", (s) => `${s}${s}${s}\n\nTin liên quan\n${s} ${s}\nĐọc thêm ${s}`],
  ["after spam and a bracket", (s) => `Thủ tướng phát biểu tại hội nghị【kết quả xsmb${s}】hôm qua ở${s}.`],
];

/** Texts that cut a long line at MAX_SEGMENT (no space near the cut) with a pair right across the cut. */
function segmentCuts(piece: string): [string, string][] {
  const pad = (n: number, unit: string): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return [
    // The cut at 4000 falls between the halves of the piece's first code point.
    ["pair across the cut after x", pad(MAX_SEGMENT - 1, "x") + piece + "b".repeat(400) + " đuôi"],
    ["pair across the cut after ở", pad(MAX_SEGMENT - 1, "ở") + piece + "ư".repeat(400) + " đuôi"],
    ["pair across the cut, words before", pad(MAX_SEGMENT - 1, "Hội nghị ASEAN ").replace(/ $/, "x") + piece + "y".repeat(300)],
    // A line of nothing but the piece, started off by one unit so some cut falls inside a pair.
    ["a long line of the piece", "x" + piece.repeat(Math.ceil((3 * MAX_SEGMENT) / piece.length))],
    ["a long line of the piece after ở", "ở" + piece.repeat(Math.ceil((2 * MAX_SEGMENT) / piece.length)) + "\nxây dựngCộng đồng"],
  ];
}

interface Case {
  readonly name: string;
  readonly text: string;
}

const CASES: Case[] = [
  { name: "x then U+1D400 (the reported hang)", text: "x\u{1D400}" },
  ...STYLIZED.flatMap(([pieceName, piece]) => [
    ...PLACEMENTS.map(([where, place]) => ({ name: `${pieceName}, ${where}`, text: place(piece) })),
    ...segmentCuts(piece).map(([where, text]) => ({ name: `${pieceName}, ${where}`, text })),
  ]),
];
// The same texts decomposed (NFD), which takes the normalization path with an offset map.
const ALL_CASES: Case[] = [...CASES, ...CASES.filter((c) => c.text.normalize("NFD") !== c.text).map((c) => ({ name: `${c.name} (NFD)`, text: c.text.normalize("NFD") }))];

/** A call of an engine function the child makes: its name and arguments (JSON). */
interface Call {
  readonly name: string;
  readonly call: "analyze" | "mergeRecords";
  readonly args: readonly unknown[];
}

/** The child: makes each call of the JSON list on stdin, one JSON line of output per call. */
const CHILD = `
const engine = require(${JSON.stringify(ENGINE)});
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  for (const { call, args } of JSON.parse(input)) process.stdout.write(JSON.stringify(engine[call](...args)) + "\\n");
});
`;

/** Analyzes every case in one child process; rejects, naming the input, when one takes longer than the deadline. */
function analyzeUnderDeadline(cases: readonly Case[]): Promise<Analysis[]> {
  return callUnderDeadline<Analysis>(cases.map(({ name, text }) => ({ name, call: "analyze", args: [text] })));
}

/** Makes every call in one child process; rejects, naming the call, when one takes longer than the deadline. */
function callUnderDeadline<T>(cases: readonly Call[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", CHILD], { stdio: ["pipe", "pipe", "pipe"] });
    const results: T[] = [];
    let pending = "";
    let stderr = "";
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onHang = (): void => {
      const hung = cases[results.length]!;
      const input = JSON.stringify(hung.args[0]) ?? "";
      fail(new Error(`${hung.call} did not finish within ${DEADLINE_MS} ms: ${hung.name} — ${input.slice(0, 100)}${input.length > 100 ? "…" : ""}`));
    };
    let timer = setTimeout(onHang, DEADLINE_MS);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf("\n")) >= 0) {
        results.push(JSON.parse(pending.slice(0, newline)) as T);
        pending = pending.slice(newline + 1);
        clearTimeout(timer);
        timer = setTimeout(onHang, DEADLINE_MS);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (settled) return;
      if (results.length === cases.length) {
        settled = true;
        clearTimeout(timer);
        resolve(results);
      } else fail(new Error(`the analyzing process ended (code ${code}) at ${cases[results.length]?.name ?? "the end"}: ${stderr}`));
    });
    child.stdin.end(JSON.stringify(cases.map(({ call, args }) => ({ call, args }))));
  });
}

const isBoundary = (text: string, k: number): boolean => !(/[\uDC00-\uDFFF]/.test(text[k] ?? "") && /[\uD800-\uDBFF]/.test(text[k - 1] ?? ""));
/** A lone surrogate (with the u flag, a class of surrogates matches only unpaired ones). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** What checkInvariants in properties.test.ts checks, and that no boundary falls inside a surrogate pair. */
function checkWellFormed(name: string, text: string, analysis: Analysis): void {
  const at = (what: string): string => `${name}: ${what}`;
  assert.equal(analysis.length, text.length, at("length"));
  let previous = -1;
  for (const entity of analysis.entities) {
    assert.ok(0 <= entity.start && entity.start < entity.end && entity.end <= text.length, at(`entity span in range: ${entity.start}-${entity.end}`));
    assert.equal(entity.text, text.slice(entity.start, entity.end), at("entity text is its slice"));
    assert.ok(entity.start >= previous, at("entities sorted"));
    assert.ok(isBoundary(text, entity.start) && isBoundary(text, entity.end), at(`entity ${entity.start}-${entity.end} does not split a surrogate pair`));
    previous = entity.start;
  }
  previous = -1;
  for (const finding of analysis.boilerplate) {
    assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, at("finding in range"));
    assert.ok(finding.startLine <= finding.endLine, at("line range well-formed"));
    assert.ok(finding.start >= previous, at("findings sorted"));
    assert.deepEqual([finding.fix.start, finding.fix.end], [finding.start, finding.end], at("the fix replaces exactly the finding"));
    assert.ok(isBoundary(text, finding.fix.start) && isBoundary(text, finding.fix.end), at(`fix ${finding.fix.start}-${finding.fix.end} does not split a surrogate pair`));
    if (finding.related) assert.ok(isBoundary(text, finding.related.start) && isBoundary(text, finding.related.end), at("related range does not split a surrogate pair"));
    previous = finding.start;
    if (finding.fix.newText === "") continue;
    // A repair only adds spaces, and never between the two halves of a pair.
    const original = text.slice(finding.fix.start, finding.fix.end);
    assert.equal(finding.fix.newText.replace(/ /g, ""), original.replace(/ /g, ""), at(`a repair only adds spaces: ${JSON.stringify(finding.fix.newText)}`));
    assert.ok(!LONE_SURROGATE.test(finding.fix.newText), at(`a repair keeps every pair whole: ${JSON.stringify(finding.fix.newText)}`));
  }
  const fixed = applyFixes(text, analysis.boilerplate, { includeUnsafe: true });
  assert.ok(!LONE_SURROGATE.test(fixed.text), at("the fixed text keeps every pair whole"));
}

test("the case texts are well-formed, and the segment cases put a pair across the 4000-unit cut", () => {
  for (const { name, text } of ALL_CASES) assert.ok(!LONE_SURROGATE.test(text), `${name}: the input itself has no lone surrogate`);
  // The segment cases really put a pair across the cut.
  const cut = CASES.find((c) => c.name === "mathematical bold capital A, pair across the cut after x")!;
  assert.ok(!isBoundary(cut.text, MAX_SEGMENT), "the cut at MAX_SEGMENT falls inside a pair");
});

test("stylized Unicode after lowercase letters, inside words, at line ends and at a segment cut: every analysis ends in time, well-formed", async () => {
  const analyses = await analyzeUnderDeadline(ALL_CASES);
  ALL_CASES.forEach(({ name, text }, k) => checkWellFormed(name, text, analyses[k]!));
});

test("run-together repairs next to stylized letters insert spaces only between code points", async () => {
  const cases: Case[] = STYLIZED.map(([name, piece]) => ({ name, text: `Hai nước xây dựngCộng đồng${piece}ASEANvà ${piece}tăngcườnghợptáckinhtế ởMekong${piece}.` }));
  const analyses = await analyzeUnderDeadline(cases);
  cases.forEach(({ name, text }, k) => {
    const analysis = analyses[k]!;
    checkWellFormed(name, text, analysis);
    const repairs = analysis.boilerplate.filter((f) => f.rule === "run-together");
    // The plain run-together words around the piece are still found.
    assert.ok(repairs.some((f) => f.fix.newText.includes("dựng Cộng")), `${name}: "dựngCộng" is still repaired`);
  });
});

/** The helpers on a text with pairs: "a𝐀b" is a, high, low, b; "\uD835" alone and "\uDC00" alone are lone halves. */
test("code points: ends, starts, boundaries and letter tests at the text's ends and inside a pair", () => {
  const text = "a\u{1D400}b";
  const rows: [string, unknown, unknown][] = [
    ["end of the code point at 0", codePointEnd(text, 0), 1],
    ["end of the pair starting at 1", codePointEnd(text, 1), 3],
    ["end inside the pair (2)", codePointEnd(text, 2), 3],
    ["end at the text's end", codePointEnd(text, 4), 5],
    ["start of the code point ending at 4", codePointStart(text, 4), 3],
    ["start of the pair ending at 3", codePointStart(text, 3), 1],
    ["start inside the pair (2)", codePointStart(text, 2), 1],
    ["start at the text's start", codePointStart(text, 0), -1],
    ["2 is inside the pair", isCodePointBoundary(text, 2), false],
    ["0, 1, 3, 4 and beyond are boundaries", [0, 1, 3, 4, 9, -1].every((k) => isCodePointBoundary(text, k)), true],
    ["aligned back", boundaryAtOrBefore(text, 2), 1],
    ["aligned forward", boundaryAtOrAfter(text, 2), 3],
    ["aligned and clamped", [boundaryAtOrBefore(text, -3), boundaryAtOrAfter(text, 99)], [0, 4]],
    ["code point text of the pair", codePointText(text, 1), "\u{1D400}"],
    ["code point text outside", codePointText(text, 4), ""],
    ["code point length", codePointLength(text), 3],
    ["𝐀 is a letter", isLetterOrMarkAt(text, 1), true],
    ["no letter starts inside a pair", isLetterOrMarkAt(text, 2), false],
    ["𝐀 ends at 3", isLetterOrMarkBefore(text, 3), true],
    ["out of range is no letter", [isLetterOrMarkAt(text, -1), isLetterOrMarkAt(text, 4), isLetterOrMarkBefore(text, 0)], [false, false, false]],
    ["a lone high half followed by a letter is no letter", isLetterOrMarkAt("\uD835x", 0), false],
    ["a lone low half is no letter, and ends its own code point", [isLetterOrMarkAt("\uDC00", 0), codePointEnd("x\uDC00", 1), codePointStart("\uDC00x", 1)], [false, 2, 0]],
    ["Deseret, Osage, fullwidth and small capitals are letters", ["\u{10400}", "\u{104B0}", "\uFF21", "\u1D00"].map((c) => isLetterOrMarkAt(c, 0)), [true, true, true, true]],
    ["an emoji and its skin tone are not", ["\u{1F44D}", "\u{1F3FD}"].map((c) => isLetterOrMarkAt(c, 0)), [false, false]],
  ];
  for (const [what, actual, expected] of rows) assert.deepEqual(actual, expected, what);
});

test("tokens: a word with astral letters is one word token; a segment bound inside a pair moves to its edge", () => {
  const text = "ở\u{1D400}\u{1D401}c \u{10400}\u{10428} \u{1F44D}\u{1F3FD}";
  assert.deepEqual(
    tokenize(text).map((t) => [t.text, t.kind, t.isCapitalized]),
    [["ở\u{1D400}\u{1D401}c", "word", false], ["\u{10400}\u{10428}", "word", true], ["\u{1F44D}", "punct", false], ["\u{1F3FD}", "punct", false]],
  );
  // Bounds inside a pair move inwards: from 2 (inside 𝐀) to 3, from 4 (inside 𝐁) to 3.
  assert.deepEqual(tokenize(text, 2, 4), [], "bounds inside two pairs in a row (after 𝐀's start, before 𝐁's end): no half token");
  assert.deepEqual(tokenize(text, 1, 4).map((t) => [t.text, t.start, t.end]), [["\u{1D400}", 1, 3]]);
  assert.deepEqual(tokenize(text, 2, 6).map((t) => [t.text, t.start, t.end]), [["\u{1D401}c", 3, 6]]);
});

test("a long line is cut into segments between code points, never inside a pair", () => {
  for (const text of ["x" + "\u{1D400}".repeat(5000), "ở".repeat(MAX_SEGMENT - 1) + "\u{10400}".repeat(300), ("\u{1F44D}\u{1F3FD}x").repeat(3000)]) {
    const doc = new ArticleDocument(text);
    const segments = [...doc.articleSegments()];
    assert.ok(segments.length >= 2, "the line is cut");
    assert.equal(segments.map((s) => s.text).join(""), doc.text, "the segments cover the line in order");
    for (const segment of segments) {
      assert.ok(isCodePointBoundary(doc.text, segment.start) && isCodePointBoundary(doc.text, segment.end), `segment ${segment.start}-${segment.end} does not split a pair`);
      assert.ok(doc.tokens(segment).every((t) => t.start >= segment.start && t.end <= segment.end), "tokens stay inside their segment");
    }
  }
});

test("applying fixes skips a fix that would leave half a pair", () => {
  const text = "ab\u{1D400}cd";
  const finding = (start: number, end: number): BoilerplateFinding => ({
    rule: "t", start, end, startLine: 0, endLine: 0, message: "", severity: "warning", scope: "span", safe: true, fix: { start, end, newText: "" },
  });
  const result = applyFixes(text, [finding(0, 1), finding(3, 4), finding(5, 6)]);
  assert.equal(result.text, "b\u{1D400}c");
  assert.deepEqual(result.skipped.map((f) => f.start), [3]);
});

test("merging records ends on an empty or pair-splitting entity text, leaving the entity where it was", async () => {
  const text = "\u{1D400}\u{1D400} Hà Nội";
  const fresh: AnnotatedRecord = buildRecord(text, { length: text.length, article: {}, entities: [], boilerplate: [] }, { path: "a.txt", sha256: "a".repeat(64), length: text.length });
  const manual = (id: string, entityText: string, start: number, end: number): AnnotatedRecord["entities"][number] => ({
    id, type: "location", text: entityText, start, end, line: 0, character: start, attributes: {}, origin: "manual", rule: "manual",
  });
  // An empty text (its range holds text, so it is not "in place"); the two halves across two pairs, found only inside them.
  const previous: AnnotatedRecord = { ...fresh, entities: [manual("m1", "", 1, 3), manual("m2", "\uDC00\uD835", 6, 8)] };
  const [merged] = await callUnderDeadline<AnnotatedRecord>([{ name: "empty and pair-splitting entity texts", call: "mergeRecords", args: [previous, fresh, text] }]);
  assert.deepEqual(merged!.entities.map((e) => [e.id, e.start, e.end]), [["m1", 1, 3], ["m2", 6, 8]]);
});
