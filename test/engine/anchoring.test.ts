/**
 * Re-anchoring a person's annotation after the article changed (server/src/engine/anchoring.ts).
 * Data-driven: each case marks the annotated words [[like this]] in the article before the edit;
 * the edit rewrites the marked text, so the markers in the result show where the annotation must be
 * found (no markers: it must be orphaned). The articles are written for these tests.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  anchor,
  anchorAll,
  CONTEXT_LENGTH,
  editDistance,
  FUZZY_WINDOW,
  quoteSelector,
  type AnchorTarget,
  type Anchoring,
} from "../../server/src/engine/anchoring";
import { isCodePointBoundary } from "../../server/src/engine/text/codePoints";

/** The text without markers, and the marked range (undefined when nothing is marked). */
function unmark(marked: string): { text: string; span?: { start: number; end: number } } {
  const open = marked.indexOf("[[");
  if (open < 0) return { text: marked };
  const close = marked.indexOf("]]", open);
  assert.ok(close >= 0, `unclosed marker in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2);
  assert.ok(!text.includes("[["), "one marked range per text");
  return { text, span: { start: open, end: close - 2 } };
}

/** The target an annotation of `text[start, end)` stores. */
function targetOf(text: string, start: number, end: number): AnchorTarget {
  return { start, end, quote: quoteSelector(text, start, end) };
}

const ARTICLE = [
  "Hà Nội, sáng 12/3 – Bộ Công Thương tổ chức hội thảo về chuyển đổi số trong ngành bán lẻ, với sự tham gia của nhiều doanh nghiệp trong nước.",
  "Phát biểu khai mạc, Thứ trưởng [[Lê Quang Minh]] cho biết năm nay ngành sẽ ưu tiên hỗ trợ các hợp tác xã đưa sản phẩm lên sàn thương mại điện tử.",
  "Theo các chuyên gia, Việt Nam có tiềm năng lớn để phát triển kinh tế số nếu hạ tầng được đầu tư đồng bộ.",
].join("\n");

/** The same article with the annotation on "Việt Nam" instead. */
const ARTICLE_VIET_NAM = ARTICLE.replace("[[Lê Quang Minh]]", "Lê Quang Minh").replace("Việt Nam", "[[Việt Nam]]");

/**
 * A paragraph inserted before the second one whose copy of the quote lands where the quote was: its
 * lead has as many code units as "Phát biểu khai mạc, Thứ trưởng " (checked by a test below).
 */
function paragraphOnTheOldPlace(marked: string): string {
  return marked.replace("Phát biểu khai mạc", "Năm ngoái, đoàn công tác do bà Lê Quang Minh dẫn đầu đã khảo sát mười tỉnh.\nPhát biểu khai mạc");
}

/** A paragraph longer than the fuzzy search window, so only the whole-text search can find what follows it. */
const LONG_PARAGRAPH = "Các đại biểu thảo luận về logistics, thanh toán không dùng tiền mặt và đào tạo nhân lực. ".repeat(Math.ceil((2 * FUZZY_WINDOW) / 80));

interface Case {
  name: string;
  /** The article, the annotated words marked. */
  before: string;
  /** The change, applied to the marked text: the markers that remain show where the annotation now is. */
  edit: (marked: string) => string;
  expected: Anchoring["kind"];
  /** Pass the new place as the hint, as an editor that mapped the annotation through its edits would. */
  hinted?: boolean;
}

const CASES: Case[] = [
  { name: "unchanged text", before: ARTICLE, edit: (s) => s, expected: "in-place" },
  { name: "text inserted before", before: ARTICLE, edit: (s) => `Bản tin kinh tế\n${s}`, expected: "exact" },
  { name: "text inserted before, position mapped by the editor", before: ARTICLE, edit: (s) => `Bản tin kinh tế\n${s}`, expected: "in-place", hinted: true },
  { name: "text inserted after", before: ARTICLE, edit: (s) => `${s}\nNguồn: Ban biên tập.`, expected: "in-place" },
  {
    name: "the same words in a new paragraph before, landing on the old offset: stays on the original by context",
    before: ARTICLE,
    edit: paragraphOnTheOldPlace,
    expected: "exact",
  },
  {
    name: "the same words in a new paragraph before, nearer to the old offset: stays on the original by context",
    before: ARTICLE,
    edit: (s) => s.replace("Phát biểu khai mạc", "Người dẫn chương trình giới thiệu Lê Quang Minh cùng các khách mời.\nPhát biểu khai mạc"),
    expected: "exact",
  },
  { name: "a word changed next to the quote", before: ARTICLE, edit: (s) => s.replace("cho biết", "khẳng định"), expected: "in-place" },
  {
    name: "a word changed next to the quote, its sentence repeated unchanged below: stays",
    before: `${ARTICLE}\n${ARTICLE.split("\n")[1]!.replace(/\[\[|\]\]/gu, "")}`,
    edit: (s) => s.replace("]] cho biết", "]] khẳng định"),
    expected: "in-place",
  },
  { name: "the words before the quote rewritten, those after intact", before: ARTICLE, edit: (s) => s.replace("Phát biểu khai mạc, Thứ trưởng", "Trả lời phỏng vấn bên lề, ông"), expected: "exact" },
  { name: "quote changed by one letter", before: ARTICLE, edit: (s) => s.replace("[[Lê Quang Minh]]", "[[Lê Quang Mính]]"), expected: "fuzzy" },
  { name: "quote lost a letter", before: ARTICLE, edit: (s) => s.replace("[[Lê Quang Minh]]", "[[Lê Qang Minh]]"), expected: "fuzzy" },
  {
    name: "quote changed by one letter, moved beyond the fuzzy window",
    before: ARTICLE,
    edit: (s) => s.replace("Phát biểu khai mạc", `${LONG_PARAGRAPH}\nPhát biểu khai mạc`).replace("[[Lê Quang Minh]]", "[[Lê Quang Mính]]"),
    expected: "fuzzy",
  },
  { name: "quote deleted, the only occurrence", before: ARTICLE, edit: (s) => s.replace("Thứ trưởng [[Lê Quang Minh]]", "đại diện Bộ"), expected: "orphaned" },
  {
    name: "quote deleted while another occurrence with a different context exists",
    before: `${ARTICLE_VIET_NAM}\nĐoàn doanh nghiệp Việt Nam sẽ sang Singapore dự triển lãm vào tháng sau.`,
    edit: (s) => s.replace("Theo các chuyên gia, [[Việt Nam]] có tiềm năng lớn", "Theo các chuyên gia, thị trường trong nước có tiềm năng lớn"),
    expected: "orphaned",
  },
  {
    name: "the quote's sentence deleted, another mention sharing only the words before it (orphaned, not moved)",
    before: [
      "Chiều 26/2, Thủ tướng đã hội đàm với Thủ tướng New Zealand [[Christopher Luxon]] nhân dịp chuyến thăm chính thức Việt Nam.",
      "Hai bên nhất trí nâng cấp quan hệ lên Đối tác chiến lược toàn diện và thúc đẩy thương mại, giáo dục, nông nghiệp.",
      "Sáng cùng ngày, Thủ tướng New Zealand Christopher Luxon tại lễ đón chính thức đã phát biểu cảm ơn.",
    ].join("\n"),
    edit: (s) => s.slice(s.indexOf("\n") + 1),
    expected: "orphaned",
  },
  {
    name: "quote kept but everything around it rewritten",
    before: ARTICLE,
    edit: (s) => s.replace("Phát biểu khai mạc, Thứ trưởng [[Lê Quang Minh]] cho biết năm nay", "Ngoài lề sự kiện, sáng cùng ngày đồng chí Lê Quang Minh đã đi thăm gian hàng; chiều"),
    expected: "orphaned",
  },
  { name: "quote at the very start, text inserted before", before: "[[Bộ Công Thương]] vừa ban hành kế hoạch mới.", edit: (s) => `(Tin nhanh) ${s}`, expected: "exact" },
  { name: "quote at the very end, text appended", before: "Kế hoạch được giao cho [[Cục Xúc tiến thương mại]]", edit: (s) => `${s} thực hiện trong quý hai.`, expected: "in-place" },
  { name: "LF line breaks become CRLF", before: ARTICLE, edit: (s) => s.replace(/\n/gu, "\r\n"), expected: "exact" },
  { name: "CRLF line breaks become LF", before: ARTICLE.replace(/\n/gu, "\r\n"), edit: (s) => s.replace(/\r\n/gu, "\n"), expected: "exact" },
  { name: "a quote over a line break, LF become CRLF", before: ARTICLE.replace("thương mại điện tử.\nTheo", "thương mại [[điện tử.\nTheo]]").replace("[[Lê Quang Minh]]", "Lê Quang Minh"), edit: (s) => s.replace(/\n/gu, "\r\n"), expected: "fuzzy" },
  { name: "the article saved in NFD", before: ARTICLE, edit: (s) => s.normalize("NFD"), expected: "fuzzy" },
  { name: "the article saved in NFD, a paragraph inserted before", before: ARTICLE, edit: (s) => `Bản tin kinh tế\n${s}`.normalize("NFD"), expected: "fuzzy" },
  { name: "an NFD article saved in NFC", before: ARTICLE.normalize("NFD"), edit: (s) => s.normalize("NFC"), expected: "fuzzy" },
  {
    name: "surrogate pairs around the quote, text inserted before",
    before: "𝐓𝐢𝐧 𝐧ó𝐧𝐠 😀[[Lê Quang Minh]]😀 𝐭𝐡ă𝐦 𝐡ợ𝐩 𝐭á𝐜 𝐱ã ở 𝐓𝐡á𝐢 𝐁ì𝐧𝐡.",
    edit: (s) => `🇻🇳 ${s}`,
    expected: "exact",
  },
  {
    name: "surrogate pairs around the quote, one letter of the quote changed",
    before: "𝐓𝐢𝐧 𝐧ó𝐧𝐠 😀[[Lê Quang Minh]]😀 𝐭𝐡ă𝐦 𝐡ợ𝐩 𝐭á𝐜 𝐱ã ở 𝐓𝐡á𝐢 𝐁ì𝐧𝐡.",
    edit: (s) => s.replace("[[Lê Quang Minh]]", "[[Lê Quang Mính]]"),
    expected: "fuzzy",
  },
  {
    name: "a quote starting with a surrogate pair whose letter changed",
    before: "Đội tuyển giành chức [[𝐕ô địch Quốc gia]] năm thứ ba liên tiếp, theo ban tổ chức.",
    edit: (s) => `Thể thao. ${s.replace("[[𝐕ô", "[[𝐖ô")}`,
    expected: "fuzzy",
  },
];

for (const c of CASES) {
  test(`anchoring: ${c.name}`, () => {
    const before = unmark(c.before);
    assert.ok(before.span, "the case marks the annotated words");
    const target = targetOf(before.text, before.span.start, before.span.end);
    const after = unmark(c.edit(c.before));
    const found = anchor(after.text, target, c.hinted ? after.span?.start : undefined);
    if (c.expected === "orphaned") {
      assert.ok(!after.span, "an orphan case leaves no marker");
      assert.deepEqual(found, { kind: "orphaned" });
      return;
    }
    assert.ok(after.span, "the edit keeps the markers");
    assert.ok(found.kind !== "orphaned", `found ${JSON.stringify(after.text.slice(after.span.start, after.span.end))}`);
    assert.deepEqual({ kind: found.kind, start: found.start, end: found.end }, { kind: c.expected, ...after.span }, `in ${JSON.stringify(after.text)}`);
    assert.ok(found.score > 0 && found.score <= 1, `score in (0, 1]: ${found.score}`);
    assert.ok(isCodePointBoundary(after.text, found.start) && isCodePointBoundary(after.text, found.end), "on code point boundaries");
    if (found.kind !== "fuzzy") assert.equal(after.text.slice(found.start, found.end), target.quote.exact);
    if (c.expected === "in-place" && c.before === c.edit(c.before)) assert.equal(found.score, 1);
  });
}

test("anchoring: the new paragraph's copy does land on the old offset", () => {
  const before = unmark(ARTICLE);
  const after = unmark(paragraphOnTheOldPlace(ARTICLE));
  assert.ok(before.span && after.span);
  assert.equal(after.text.slice(before.span.start, before.span.end), "Lê Quang Minh");
  assert.notEqual(after.span.start, before.span.start);
});

test("anchoring: an empty quote is orphaned, wherever it points", () => {
  const text = unmark(ARTICLE).text;
  assert.deepEqual(anchor(text, targetOf(text, 10, 10)), { kind: "orphaned" });
  assert.deepEqual(anchor(text, { start: 3, end: 3, quote: { exact: "", prefix: text.slice(0, 3), suffix: text.slice(3, 35) } }), { kind: "orphaned" });
  assert.deepEqual(anchor("", { start: 0, end: 0, quote: { exact: "", prefix: "", suffix: "" } }), { kind: "orphaned" });
});

test("anchoring: offsets out of range, fractional or not finite are only hints", () => {
  const { text, span } = unmark(ARTICLE);
  assert.ok(span);
  const { quote } = targetOf(text, span.start, span.end);
  const expected = { kind: "exact", start: span.start, end: span.end };
  for (const start of [-5, 1e9, Number.NaN, Infinity, span.start + 0.5]) {
    const found = anchor(text, { start, end: start + 3, quote });
    assert.deepEqual(found.kind === "orphaned" ? found : { kind: found.kind, start: found.start, end: found.end }, expected, `start ${start}`);
  }
  for (const hint of [Number.NaN, -1, 1e12]) {
    const found = anchor(text, { start: span.start, end: span.end, quote }, hint);
    assert.equal(found.kind, Number.isNaN(hint) ? "in-place" : "exact", `hint ${hint}`);
  }
  assert.deepEqual(anchor("ngắn", { start: 0, end: 40, quote }), { kind: "orphaned" });
});

test("anchoring: a stored context longer than 32 code units is read from the quote outward", () => {
  const { text, span } = unmark(ARTICLE);
  assert.ok(span);
  const quote = { exact: "Lê Quang Minh", prefix: `rất nhiều chữ khác ở đây ${text.slice(0, span.start)}`, suffix: `${text.slice(span.end)} và còn nữa` };
  const found = anchor(`Mở đầu. ${text}`, { start: span.start, end: span.end, quote });
  assert.equal(found.kind, "exact");
});

test("anchoring: a quote recurring thousands of times is weighed by context, then nearness", () => {
  const text = "Hà Nội mưa to. ".repeat(5000);
  const start = 15 * 2500;
  const target = targetOf(text, start, start + 6);
  // Every copy has the same context, so the nearest to the old start wins: with 10 units inserted
  // before, a copy now starts 5 units before the old start and the next 10 after it.
  const found = anchor(`Tin sáng. ${text}`, target);
  assert.deepEqual(found.kind === "orphaned" ? found : [found.kind, found.start], ["exact", start - 5]);
  // None with a context like the stored one: orphaned, however many copies there are.
  const stranger = { start, end: start + 6, quote: { exact: "Hà Nội", prefix: "Ông Tư đi xe khách từ Vinh ra ", suffix: " thăm con gái vào cuối tuần" } };
  assert.deepEqual(anchor(text, stranger), { kind: "orphaned" });
});

test("quoteSelector: 32 code units of context, never half a surrogate pair, bad offsets clamped", () => {
  const text = "Ông Trần Văn An nói rằng kinh tế năm nay tăng trưởng khá, xuất khẩu đạt kỷ lục mới.";
  const start = text.indexOf("kinh tế");
  const selector = quoteSelector(text, start, start + 7);
  assert.deepEqual(selector, { exact: "kinh tế", prefix: text.slice(0, start), suffix: text.slice(start + 7, start + 7 + CONTEXT_LENGTH) });
  const later = text.indexOf("xuất khẩu");
  assert.equal(quoteSelector(text, later, later + 9).prefix, text.slice(later - CONTEXT_LENGTH, later));
  // The 32nd unit before the quote is the low half of "𝐀", the 32nd after it the high half of "𝐁":
  // each side keeps 31 units.
  const astral = `𝐀${"a".repeat(31)}QUOTE${"b".repeat(31)}𝐁`;
  const at = astral.indexOf("QUOTE");
  assert.deepEqual(quoteSelector(astral, at, at + 5), { exact: "QUOTE", prefix: "a".repeat(31), suffix: "b".repeat(31) });
  // A range with an end inside a pair widens to the whole pair.
  assert.deepEqual(quoteSelector("ab𝐀cd", 3, 5), { exact: "𝐀c", prefix: "ab", suffix: "d" });
  assert.deepEqual(quoteSelector("ab𝐀cd", 0, 3), { exact: "ab𝐀", prefix: "", suffix: "cd" });
  assert.deepEqual(quoteSelector("abc", -4, 99), { exact: "abc", prefix: "", suffix: "" });
  assert.deepEqual(quoteSelector("abc", 2, 1), { exact: "", prefix: "ab", suffix: "c" });
  assert.deepEqual(quoteSelector("abc", Number.NaN, Number.NaN), { exact: "", prefix: "", suffix: "abc" });
});

test("anchorAll: the same answers as anchor, one per target, hints by index", () => {
  const { text } = unmark(ARTICLE);
  const targets = ["Bộ Công Thương", "Lê Quang Minh", "Việt Nam", "hợp tác xã", "không có trong bài"].map((words) => {
    const start = Math.max(0, text.indexOf(words));
    return words === "không có trong bài" ? { start, end: start + words.length, quote: { exact: words, prefix: "", suffix: "" } } : targetOf(text, start, start + words.length);
  });
  const edited = `Bản tin kinh tế\n${text.replace("Việt Nam", "Việt Nam ta")}`;
  const hints = [undefined, targets[1]!.start + 16, undefined, undefined, undefined];
  const all = anchorAll(edited, targets, hints);
  assert.deepEqual(all, targets.map((target, i) => anchor(edited, target, hints[i])));
  assert.deepEqual(all.map((a) => a.kind), ["exact", "in-place", "exact", "exact", "orphaned"]);
  assert.deepEqual(anchorAll(edited, []), []);
});

test("editDistance: Levenshtein distance in code units, both sides of 32", () => {
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "Hà Nội"), 6);
  assert.equal(editDistance("Nguyễn", "Nguyễn".normalize("NFD")), 3, "ễ against e and two combining marks");
  assert.equal(editDistance("a".repeat(40), `b${"a".repeat(39)}c`), 2);
  assert.equal(editDistance("😀", "😁"), 1);
});
