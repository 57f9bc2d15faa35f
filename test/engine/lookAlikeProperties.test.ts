/**
 * Properties of text that looks right but is not, on the project's own fixture articles and an
 * article written for the test: invisible format characters inserted anywhere (inside words and
 * numbers, between words, at line ends), or "Đ"/"đ" typed as a look-alike, leave the entities as
 * they were — the same types and attributes (canonical names included), at the spans mapped through
 * the insertions. A fixed seed, or PROPERTY_SEED; PROPERTY_RUNS sets the number of runs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { analyze } from "../../server/src/engine";
import { isCodePointBoundary } from "../../server/src/engine/text/codePoints";
import { fixturesDir } from "../helpers/paths";

const WRITTEN = [
  "Việt Nam và Lào ký thỏa thuận hợp tác giáo dục",
  "",
  "Ngày 12/3, tại Hà Nội, Phó Thủ tướng Đặng Hữu Phước và Bộ trưởng Giáo dục Lào Bounthong Sisavath đã chứng kiến lễ ký. Đoàn đại biểu Đắk Lắk cũng có mặt.",
  "Theo thỏa thuận, Việt Nam dành 1,5 triệu USD và 2.000 tấn gạo cho học sinh vùng sâu; ông Phước cho biết khoản tài trợ tăng 12% so với năm 2024.",
  "Hội nghị Ủy ban liên Chính phủ Việt Nam - Lào lần thứ 46 sẽ diễn ra tại Viêng Chăn. Ông Đỗ Văn Đức, Thứ trưởng Ngoại giao, đã đến dự.",
].join("\n");

const ARTICLES = [WRITTEN, ...readdirSync(join(fixturesDir, "articles")).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(fixturesDir, "articles", f), "utf8"))];
const INVISIBLES = ["\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFEFF"];
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261201;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

interface Shape {
  type: string;
  start: number;
  end: number;
  rule: string;
  attributes: string;
}

function shapes(text: string): Shape[] {
  return analyze(text).entities.map((e) => ({ type: e.type, start: e.start, end: e.end, rule: e.rule, attributes: JSON.stringify(e.attributes) }));
}

/** Where a character may go without splitting one: a code-point boundary, not before a combining mark, not inside "\r\n". */
function insertable(text: string, at: number): boolean {
  return isCodePointBoundary(text, at) && !/^\p{M}/u.test(text.slice(at, at + 1)) && !(text[at - 1] === "\r" && text[at] === "\n");
}

const baseline = new Map(ARTICLES.map((article) => [article, shapes(article)]));

test("invisible characters inserted anywhere leave the entities as they were, at spans mapped through the insertions", () => {
  const property = fc.property(
    fc.constantFrom(...ARTICLES),
    fc.array(fc.record({ at: fc.nat(), pick: fc.nat() }), { minLength: 1, maxLength: 40 }),
    (article, picks) => {
      // Insertion points in the article's own offsets, each before the character at that offset.
      const points = picks
        .map(({ at, pick }) => ({ at: at % (article.length + 1), char: INVISIBLES[pick % INVISIBLES.length]! }))
        .filter(({ at }) => insertable(article, at))
        .sort((a, b) => a.at - b.at);
      let text = "";
      let last = 0;
      for (const { at, char } of points) {
        text += article.slice(last, at) + char;
        last = at;
      }
      text += article.slice(last);
      // A span starts after what was inserted before its first character and ends before what follows its last.
      const shifted = (offset: number, inclusive: boolean): number => offset + points.filter((p) => (inclusive ? p.at <= offset : p.at < offset)).length;
      const expected = baseline.get(article)!.map((s) => ({ ...s, start: shifted(s.start, true), end: shifted(s.end, false) }));
      assert.deepEqual(shapes(text), expected);
    },
  );
  fc.assert(property, { seed: SEED, numRuns: RUNS });
});

test("Đ and đ typed as look-alikes (Ð ð, Ɖ ɖ) leave the entities as they were, canonical values included", () => {
  const property = fc.property(fc.constantFrom(...ARTICLES), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (article, picks) => {
    let k = 0;
    // Each Đ/đ kept or replaced by one of its look-alikes, in turn by the picks (the same length: spans stay put).
    const text = article.replace(/[Đđ]/gu, (d) => {
      const choice = picks[k++ % picks.length]! % 3;
      if (choice === 0) return d;
      return d === "Đ" ? (choice === 1 ? "\u00D0" : "\u0189") : choice === 1 ? "\u00F0" : "\u0256";
    });
    assert.deepEqual(shapes(text), baseline.get(article));
  });
  fc.assert(property, { seed: SEED, numRuns: RUNS });
});
