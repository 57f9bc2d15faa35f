/**
 * Workspace-symbol keys: spellings a reader cannot tell apart are one name and one search key
 * (look-alikes of "Đ", invisible characters, runs of spaces), and an unaccented query finds them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";
import { entriesOf, foldForSearch, indexArticle, isIndexedArticle } from "../../server/src/lsp/symbolEntries";

test("Đặng Hữu Phước typed with Đ, Ð or Ɖ is one workspace symbol, found by an unaccented query", () => {
  const text = "Phó Thủ tướng \u00D0ặng Hữu Phước tiếp đoàn. Ông \u0189ặng Hữu Phước và ông Đặng  Hữu Phước phát biểu tại Hội nghị Cấp\u00ADcao ASEAN lần thứ 45.";
  const entries = entriesOf(text, analyze(text));
  const people = entries.filter((e) => e.type === "person");
  assert.deepEqual(people.map((e) => [e.name, e.folded]), [["Đặng Hữu Phước", "dang huu phuoc"]]);
  assert.deepEqual(entries.filter((e) => e.type === "forum").map((e) => e.name), ["Hội nghị Cấp cao ASEAN lần thứ 45"]);
  for (const query of ["dang huu phuoc", "\u00D0ặng Hữu", "\u0189ặng  hữu phước", "\u0256ang", "Đặng\u200B Hữu"]) assert.ok(people[0]!.folded.includes(foldForSearch(query)), query);
});

test("an article's index entries survive the persistent cache (JSON), and a malformed cached value is refused", () => {
  const text = "Hai nước ký thỏa thuận\nNgày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Nguyễn Hoàng Long tại Hội nghị Cấp cao ASEAN lần thứ 45.";
  const article = indexArticle(text, analyze(text), undefined, false);
  assert.ok(article.entries.length >= 3);
  const stored = JSON.parse(JSON.stringify(article)) as unknown;
  assert.ok(isIndexedArticle(stored));
  assert.deepEqual(stored, article);
  const entry = article.entries[0]!;
  for (const broken of [null, [], { ...article, entries: [{ ...entry, type: "no-such-type" }] }, { ...article, entries: [{ ...entry, line: -1 }] }, { ...article, entries: [{ ...entry, name: 3 }] }, { ...article, counts: { person: "2" } }, { ...article, hasRecord: "yes" }]) {
    assert.equal(isIndexedArticle(broken), false, JSON.stringify(broken));
  }
});
