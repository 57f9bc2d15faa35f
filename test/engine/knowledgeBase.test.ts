/**
 * The knowledge base (issue 16) with entries written for the test: linking among namesakes by the
 * article's date and title, a person whose office changed between two articles, the title check,
 * names found whatever their case, tone placement, NFD or diacritics, and forum series.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, KnowledgeBase, type KnowledgeBaseData } from "../../server/src/engine";

const SOURCE = "https://example.org/kb";

const DATA: KnowledgeBaseData = {
  people: [
    { id: "vn.nguyen-van-an-1", name: "Nguyễn Văn An", country: "VN", source: SOURCE, roles: [{ role: "prime-minister", start: "2001-01-05", end: "2006-06-30", source: `${SOURCE}/an1` }] },
    { id: "vn.nguyen-van-an-2", name: "Nguyễn Văn An", country: "VN", source: SOURCE, roles: [{ role: "minister", portfolio: "foreign-affairs", start: "2011-08", end: "2016-04", source: `${SOURCE}/an2` }] },
    {
      id: "vn.tran-thi-binh",
      name: "Trần Thị Bình",
      aliases: ["Tran Thi Binh"],
      country: "VN",
      source: SOURCE,
      roles: [
        { role: "minister", portfolio: "foreign-affairs", start: "2011-08-03", end: "2016-04-08", source: `${SOURCE}/binh-fm` },
        { role: "deputy-prime-minister", start: "2016-04-09", end: "2021-04", source: `${SOURCE}/binh-dpm` },
      ],
    },
    { id: "cn.wang-lei", name: "Vương Lỗi", aliases: ["Wang Lei", "Vuong Loi"], country: "CN", source: SOURCE, roles: [{ role: "minister", portfolio: "foreign-affairs", start: "2013-03", source: `${SOURCE}/wang` }] },
  ],
  forums: [{ id: "asean-summit", name: "Hội nghị Cấp cao ASEAN", en: "ASEAN Summit", source: SOURCE, editions: [{ number: 43, year: 2023, host: "Jakarta", hostCountry: "ID", source: `${SOURCE}/43` }] }],
};

const kb = new KnowledgeBase([DATA]);

/** The `kb` of each person (or forum) in `text`, by its text. */
function links(text: string, type: "person" | "forum" = "person"): [string, unknown][] {
  return analyze(text, { knowledgeBase: kb })
    .entities.filter((e) => e.type === type)
    .map((e) => [e.text, (e.attributes as { kb?: unknown }).kb]);
}

test("namesakes: the one holding the office the title names on the article's date", () => {
  assert.deepEqual(links("Hà Nội, ngày 5/3/2003\nThủ tướng Nguyễn Văn An tiếp Đại sứ Nhật Bản.\n"), [["Nguyễn Văn An", "vn.nguyen-van-an-1"]]);
  assert.deepEqual(links("Hà Nội, ngày 5/3/2013\nBộ trưởng Ngoại giao Nguyễn Văn An tiếp Đại sứ Nhật Bản.\n"), [["Nguyễn Văn An", "vn.nguyen-van-an-2"]]);
  // No date: the title still tells them apart; a title neither held leaves the mention unlinked (null).
  assert.deepEqual(links("Thủ tướng Nguyễn Văn An tiếp Đại sứ Nhật Bản.\n"), [["Nguyễn Văn An", "vn.nguyen-van-an-1"]]);
  assert.deepEqual(links("Thứ trưởng Công Thương Nguyễn Văn An tiếp Đại sứ Nhật Bản.\n"), [["Nguyễn Văn An", null]]);
});

test("a person whose office changed between two articles: linked in both, the old title flagged only after the term", () => {
  const before = analyze("Hà Nội, ngày 5/3/2014\nBộ trưởng Ngoại giao Trần Thị Bình tiếp Đại sứ Nhật Bản.\n", { knowledgeBase: kb });
  const after = analyze("Hà Nội, ngày 5/3/2019\nBộ trưởng Ngoại giao Trần Thị Bình tiếp Đại sứ Nhật Bản.\n", { knowledgeBase: kb });
  const promoted = analyze("Hà Nội, ngày 5/3/2019\nPhó Thủ tướng Trần Thị Bình tiếp Đại sứ Nhật Bản.\n", { knowledgeBase: kb });
  for (const analysis of [before, after, promoted]) assert.equal(analysis.entities.find((e) => e.type === "person")?.attributes.kb, "vn.tran-thi-binh");
  assert.deepEqual(before.knowledgeBase, []);
  assert.deepEqual(promoted.knowledgeBase, []);
  assert.equal(after.knowledgeBase?.length, 1);
  const finding = after.knowledgeBase[0]!;
  assert.equal(finding.rule, "kb-title");
  assert.equal(finding.severity, "information");
  assert.equal(finding.source, `${SOURCE}/binh-fm`);
  assert.equal(finding.message, 'The article calls Trần Thị Bình "Bộ trưởng Ngoại giao" on 2019-03-05; the knowledge base has Trần Thị Bình in that office 2011-08-03 – 2016-04-08.');
  const text = "Hà Nội, ngày 5/3/2019\nBộ trưởng Ngoại giao Trần Thị Bình tiếp Đại sứ Nhật Bản.\n";
  assert.equal(text.slice(finding.start, finding.end), "Trần Thị Bình");
});

test("a title marked as held before (nguyên, cựu) is not checked against the dates", () => {
  for (const text of ["Hà Nội, ngày 5/3/2019\nHôm nay, nguyên Bộ trưởng Ngoại giao Trần Thị Bình phát biểu.\n", "Hà Nội, ngày 5/3/2019\nHôm nay, cựu Bộ trưởng Ngoại giao Trần Thị Bình phát biểu.\n"]) {
    const analysis = analyze(text, { knowledgeBase: kb });
    assert.equal(analysis.entities.find((e) => e.type === "person")?.attributes.kb, "vn.tran-thi-binh", text);
    assert.deepEqual(analysis.knowledgeBase, [], text);
  }
});

test("names and aliases are found whatever the case, tone placement, NFD spelling, look-alike Đ or missing diacritics", () => {
  for (const name of ["Vương Lỗi", "Wang Lei", "Vuong Loi", "Vương Lỗi".normalize("NFD"), "VƯƠNG LỖI"]) {
    assert.deepEqual(kb.peopleNamed(name).map((p) => p.id), ["cn.wang-lei"], name);
  }
  assert.deepEqual(kb.peopleNamed("Trần Thị Bình".normalize("NFD")).map((p) => p.id), ["vn.tran-thi-binh"]);
  assert.deepEqual(links("Ngoại trưởng Trung Quốc Vương Lỗi tới Hà Nội.\n"), [["Vương Lỗi", "cn.wang-lei"]]);
});

test("forums link to their series by the longest beginning of their name; with no knowledge base nothing is linked", () => {
  assert.deepEqual(links("Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 43 tại Jakarta.\n", "forum"), [["Hội nghị Cấp cao ASEAN lần thứ 43", "asean-summit"]]);
  const off = analyze("Hà Nội, ngày 5/3/2019\nBộ trưởng Ngoại giao Trần Thị Bình dự Hội nghị Cấp cao ASEAN lần thứ 43.\n");
  assert.ok(off.entities.every((e) => !("kb" in e.attributes)));
  assert.equal(off.knowledgeBase, undefined);
});

test("a later layer's entry replaces an earlier one with the same id (a workspace's over the built-in)", () => {
  const layered = new KnowledgeBase([DATA, { people: [{ id: "cn.wang-lei", name: "Vương Lỗi", country: "CN", source: SOURCE, roles: [{ role: "president", start: "2020", source: SOURCE }] }] }]);
  assert.deepEqual(layered.people.get("cn.wang-lei")?.roles.map((r) => r.role), ["president"]);
  assert.deepEqual(layered.peopleNamed("Wang Lei"), [], "the replaced entry's aliases are gone");
});

test("a name the knowledge base knows is found with no title before it, and its short form refers to it", () => {
  const text = "Hà Nội, ngày 5/3/2014\nHôm nay, Wang Lei tới Hà Nội. Ông Wang cho biết Trung Quốc coi trọng quan hệ. Vương Lỗi cũng gặp báo chí.\n";
  const people = (analysis: ReturnType<typeof analyze>) => analysis.entities.filter((e) => e.type === "person").map((e) => [e.text, e.rule, e.attributes.canonical, e.attributes.kb, e.attributes.country]);
  assert.deepEqual(people(analyze(text)), [["Wang", "person.honorific", "Wang", undefined, undefined]], "without the knowledge base only the honorific's name");
  assert.deepEqual(people(analyze(text, { knowledgeBase: kb })), [
    ["Wang Lei", "person.knowledge-base", "Wang Lei", "cn.wang-lei", "CN"],
    ["Wang", "person.coreference", "Wang Lei", "cn.wang-lei", "CN"],
    ["Vương Lỗi", "person.knowledge-base", "Vương Lỗi", "cn.wang-lei", "CN"],
  ]);
  // Lower case is not a name: "wang lei" in a URL slug or running text stays text.
  assert.deepEqual(people(analyze("Xem thêm tại trang wang lei ngày hôm nay.\n", { knowledgeBase: kb })), []);
});

test("a text marked as not a person anywhere in the corpus is not suggested", () => {
  const marked = new KnowledgeBase([DATA, { notEntities: [{ text: "Vương Lỗi", type: "person" }] }]);
  const analysis = analyze("Ngoại trưởng Trung Quốc Vương Lỗi tới Hà Nội.\n", { knowledgeBase: marked });
  assert.deepEqual(analysis.entities.filter((e) => e.type === "person"), []);
});

test("what a tester found: no link for another series, a namesake of another office, a street or fund named after a person", () => {
  // Another series whose name begins with a known one's.
  assert.deepEqual(links("Thủ tướng dự Hội nghị Cấp cao ASEAN - Trung Quốc lần thứ 26.\n", "forum"), [["Hội nghị Cấp cao ASEAN - Trung Quốc lần thứ 26", null]]);
  assert.deepEqual(links("Thủ tướng dự Hội nghị Cấp cao ASEAN (ASEAN Summit) lần thứ 43.\n", "forum").map(([, kb]) => kb), ["asean-summit"]);
  // The only entry of that name never held the office the title names: a namesake, unlinked.
  assert.deepEqual(links("Hà Nội, ngày 5/3/2014\nChủ tịch UBND tỉnh Trần Thị Bình tiếp đoàn.\n"), [["Trần Thị Bình", null]]);
  // A title naming a relation, not an office, says nothing against the link.
  assert.deepEqual(links("Hà Nội, ngày 5/3/2014\nNgười đồng cấp Vương Lỗi cho biết.\n"), [["Vương Lỗi", "cn.wang-lei"]]);
  // A known name inside the name of a fund, a street or a ward is not a person.
  for (const text of ["Quỹ Vương Lỗi tài trợ học bổng.\n", "Xe đi qua đường Vương Lỗi rồi rẽ trái.\n", "Nhà văn hóa phường Vương Lỗi mở cửa.\n"]) assert.deepEqual(links(text), [], text);
});

test("what a tester found: the late, an NFD or doubly spaced title held before, and each office of a combined title", () => {
  for (const text of [
    "Hà Nội, ngày 5/3/2019\nHôm nay, Cố Bộ trưởng Ngoại giao Trần Thị Bình được truy tặng huân chương.\n",
    "Hà Nội, ngày 5/3/2019\nBộ trưởng Ngoại giao quá cố Trần Thị Bình được truy tặng huân chương.\n",
    "Hà Nội, ngày 5/3/2019\nHôm nay, Cựu Bộ trưởng Ngoại giao Trần Thị Bình phát biểu.\n".normalize("NFD"),
    "Hà Nội, ngày 5/3/2019\nHôm nay, cựu Bộ trưởng  Ngoại giao Trần Thị Bình phát biểu.\n",
  ]) {
    const analysis = analyze(text, { knowledgeBase: kb });
    assert.equal(analysis.entities.find((e) => e.type === "person")?.attributes.kb, "vn.tran-thi-binh", text);
    assert.deepEqual(analysis.knowledgeBase, [], text);
  }
  const combined = analyze("Hà Nội, ngày 5/3/2019\nPhó Thủ tướng, Bộ trưởng Ngoại giao Trần Thị Bình tiếp Đại sứ.\n", { knowledgeBase: kb });
  assert.equal(combined.knowledgeBase?.length, 1, "the foreign ministry ended in 2016, though the deputy premiership goes on");
  assert.match(combined.knowledgeBase[0]!.message, /in the office of minister \(foreign-affairs\) 2011-08-03 – 2016-04-08\.$/);
});

test("a linked person takes the country of the entry (the title may leave it to a guess)", () => {
  const analysis = analyze("Hà Nội, ngày 5/3/2014\nBộ trưởng Ngoại giao Vương Lỗi tiếp Đại sứ.\n", { knowledgeBase: kb });
  assert.equal(analysis.entities.find((e) => e.type === "person")?.attributes.country, "CN");
});
