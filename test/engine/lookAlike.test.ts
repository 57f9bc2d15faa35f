/**
 * Text that looks right but is not: invisible format characters inside words and numbers or between
 * words, runs of spaces inside a name, look-alike letters typed for "Đ". Detection reads through
 * them, and no value or key keeps them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, applyFixes, entityName, normalizeText, type AmountAttributes, type PersonAttributes } from "../../server/src/engine";
import { ArticleDocument } from "../../server/src/engine/document";
import { foldValue } from "../../server/src/engine/text/fold";
import { check } from "../helpers/marked";

const person = (entity: { attributes: unknown }): PersonAttributes => entity.attributes as PersonAttributes;
const amount = (entity: { attributes: unknown }): AmountAttributes => entity.attributes as AmountAttributes;

const ZWSP = "\u200B";
const ZWNJ = "\u200C";
const ZWJ = "\u200D";
const WJ = "\u2060";
const SHY = "\u00AD";
const BOM = "\uFEFF";

test("a zero-width space between two words is a word boundary: the amount and the person are found", () => {
  const [tons] = check(`Năm nay Việt Nam xuất khẩu [[1,5 triệu${ZWSP}tấn]] gạo sang khu vực.`, "amount");
  assert.deepEqual([amount(tons!).value, amount(tons!).unit], [1_500_000, "tấn"]);
  const [minister] = check(`Bộ trưởng Ngoại giao [[Trần${ZWSP}Văn Long]] đã gặp người đồng cấp.`, "person");
  assert.equal(person(minister!).canonical, "Trần Văn Long");
});

test("invisible characters inside a word or a number are nothing: the word and the number stay whole", () => {
  const found = check(`Phó Thủ tướng [[Ng${SHY}uyễn Vă${ZWJ}n Thà${WJ}nh]] công bố khoản viện trợ. Ông [[Th${ZWNJ}ành]] cho biết thêm.`, "person");
  assert.deepEqual(found.map((e) => person(e).canonical), ["Nguyễn Văn Thành", "Nguyễn Văn Thành"]);
  const [grant] = check(`Nhật Bản tài trợ [[1${ZWSP}2${BOM}0 triệu USD]] cho dự án.`, "amount");
  assert.equal(amount(grant!).value, 120_000_000);
});

test("a BOM in the middle of a file, where two files were joined, is no character of the text", () => {
  const found = check(`Thủ tướng [[Hồ Đức Minh]] tiếp đoàn.\n${BOM}Chủ tịch nước [[Lươ${BOM}ng Văn Tú]] dự lễ. Ông [[Tú]] cảm ơn.`, "person");
  assert.deepEqual(found.map((e) => person(e).canonical), ["Hồ Đức Minh", "Lương Văn Tú", "Lương Văn Tú"]);
});

test("no value keeps an invisible character: canonical names, a forum's parties and name, the article's title", () => {
  const text = `Thủ tướng Phan${SHY} Văn Hải dự Hội nghị Cấp${SHY}cao ASEAN lần thứ 45.\n\nÔng Phan${ZWSP} Văn Hải phát biểu.`;
  const analysis = analyze(text);
  const persons = analysis.entities.filter((e) => e.type === "person");
  assert.deepEqual(persons.map((e) => person(e).canonical), ["Phan Văn Hải", "Phan Văn Hải"]);
  const forum = analysis.entities.find((e) => e.type === "forum");
  assert.ok(forum?.type === "forum");
  assert.deepEqual(forum.attributes.parties, ["ASEAN"]);
  assert.equal(entityName(forum), "Hội nghị Cấp cao ASEAN lần thứ 45");
  assert.equal(analysis.article.title, "Thủ tướng Phan Văn Hải dự Hội nghị Cấp cao ASEAN lần thứ 45.");
});

test("the normalized text reads a separating invisible character as a space mapped to it, and deletes one inside a word", () => {
  const original = `giá${ZWSP}trị hợp${SHY}${ZWJ}đồng Tr${ZWSP}ần A${ZWSP}B`;
  const doc = new ArticleDocument(original);
  assert.equal(doc.text, "giá trị hợp đồng Trần AB");
  const space = doc.text.indexOf(" ");
  assert.deepEqual(doc.norm.toOriginal(space, space + 1), { start: 3, end: 4 });
  const second = doc.text.indexOf(" ", doc.text.indexOf("hợp"));
  assert.deepEqual(doc.norm.toOriginal(second, second + 1), { start: original.indexOf(SHY), end: original.indexOf(SHY) + 2 });
  // Without the lexicon's judgment (data phrases), invisible characters are only removed.
  assert.equal(normalizeText(original).text, "giátrị hợpđồng Trần AB");
});

test("the run-together fix puts its space in place of an invisible character, not beside it", () => {
  const text = `Các nước ASEAN${ZWSP}và đối tác nhất trí.`;
  const findings = analyze(text).boilerplate.filter((b) => b.rule === "run-together");
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(text, findings).text, "Các nước ASEAN và đối tác nhất trí.");
});

test("a run of spaces inside a name: one name, single-spaced canonical, and its short mentions resolve to it", () => {
  const found = check("Thủ tướng [[Đào  Quang  Huy]] phát biểu khai mạc. Ông [[Huy]] nhấn mạnh hợp tác. Sau đó, [[Đào   Quang Huy]] gặp báo chí.", "person");
  assert.deepEqual(found.map((e) => person(e).canonical), ["Đào Quang Huy", "Đào Quang Huy", "Đào Quang Huy"]);
  assert.deepEqual(found.map((e) => person(e).role), ["prime-minister", "prime-minister", "prime-minister"]);
});

test("look-alikes of Đ (Icelandic Ð, African Ɖ) are folded in every value; such a name is Vietnamese", () => {
  const found = check("Phó Thủ tướng [[\u00D0ặng Hữu Phước]] và Bộ trưởng [[\u0189ỗ Minh Khang]] tiếp đoàn. Ông [[Đặng Hữu Phước]] và ông [[\u0189ặng Hữu Phước]] phát biểu.", "person");
  assert.deepEqual(found.map((e) => person(e).canonical), ["Đặng Hữu Phước", "Đỗ Minh Khang", "Đặng Hữu Phước", "Đặng Hữu Phước"]);
  assert.ok(found.every((e) => person(e).nameStyle === "vietnamese"), "never a foreign name");
  assert.equal(person(found[3]!).role, "deputy-prime-minister");
  const [grant] = check("Dự án nhận [[500 triệu \u0256ồng]] từ ngân sách.", "amount");
  assert.deepEqual([amount(grant!).value, amount(grant!).unit], [500_000_000, "VND"]);
});

test("foldValue: one spelling for what a reader cannot tell apart", () => {
  assert.equal(foldValue(`\u0189ặng  Hữu${ZWSP}\u00A0Phước`), "Đặng Hữu Phước");
  assert.equal(foldValue(`Trần${ZWSP}Văn Lo${SHY}ng`), "Trần Văn Long");
  assert.equal(foldValue("\u00F0\u0256".normalize("NFD")), "đđ");
  assert.equal(foldValue("Ho\u0300a Bi\u0300nh"), "Hòa Bình", "NFC; tone placement as written");
});
