import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";
import { buildRecord } from "../../server/src/engine/record";
import { MAX_MESSAGE, MAX_QUOTE, shortened } from "../../server/src/engine/text/shorten";

/** Lines (0-based) flagged as whole-line debris, and the rules that flagged them. */
function flagged(lines: string[]): Map<number, string> {
  const text = lines.join("\n");
  const record = buildRecord(text, analyze(text), { path: "t.txt", sha256: "0".repeat(64), length: 0 });
  const result = new Map<number, string>();
  for (const b of record.boilerplate) for (let k = b.startLine; k <= b.endLine; k++) if (lines[k]!.trim()) result.set(k, b.rule);
  return result;
}

const BODY = "Sáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế, đồng thời thống nhất kế hoạch triển khai trong năm nay.";

test("navigation, masthead, menus, prompts, view counts and copyright lines", () => {
  const lines = ["Báo Nhân Dân", "Thời sự   Thế giới   Kinh tế   Văn hóa", "Trang chủ > Thế giới > Châu Á", "Hai nước ký thỏa thuận hợp tác", BODY, "Theo dõi Nhân Dân trên Google News", "• Lượt xem: 2.345", "Bình luận (3)", "© 2025 Báo Nhân Dân. All rights reserved."];
  assert.deepEqual([...flagged(lines).keys()].sort((a, b) => a - b), [0, 1, 2, 5, 6, 7, 8]);
});

test("a related list under a heading runs to the end of the list, and the article may resume", () => {
  const lines = ["Hai nước ký thỏa thuận hợp tác", BODY, "Tin liên quan", "Thủ tướng tiếp Đại sứ Pháp", "Khai mạc triển lãm ảnh về Hà Nội", BODY + " " + BODY, "Minh Anh"];
  assert.deepEqual([...flagged(lines).entries()], [[2, "related-links"], [3, "related-links"], [4, "related-links"]]);
});

test("a headless list: a headline shown twice and a teaser cut with an ellipsis", () => {
  const lines = ["Hai nước ký thỏa thuận hợp tác", BODY, "", "Khai trương tuyến bay mới Hà Nội - Tokyo", "", "Khai trương tuyến bay mới Hà Nội - Tokyo", "", "Sáng nay, hãng hàng không đã khai trương tuyến bay ..."];
  assert.deepEqual([...flagged(lines).keys()], [3, 5, 7]);
});

test("image placeholders, alt texts, photo credits and the second copy of a caption", () => {
  const lines = ["Hai nước ký thỏa thuận hợp tác", BODY, "![](https://example.invalid/a.jpg) |", "Lễ ký kết diễn ra tại Hà Nội - Ảnh 2.", "Lãnh đạo hai nước tại lễ ký kết (Ảnh: Hải Nam)", "Lãnh đạo hai nước tại lễ ký kết  (Ảnh: Hải Nam)", "TTXVN", "(Ảnh: Hải Nam)", BODY];
  const found = flagged(lines);
  assert.deepEqual([...found.keys()].sort((a, b) => a - b), [2, 3, 5, 7]);
  assert.equal(found.get(5), "duplicate-line");
});

test("spam keywords are found in any case, also written with letters whose case folding is ASCII (ſ, the Kelvin sign)", () => {
  const spans = (text: string): string[] => analyze(text).boilerplate.filter((f) => f.rule === "spam").map((f) => text.slice(f.start, f.end).trim());
  const sentence = (spam: string): string => `Hai bên nhất trí thúc đẩy hợp tác kinh tế ${spam} trong các lĩnh vực thương mại và đầu tư.`;
  assert.deepEqual(spans(sentence("XỔ SỐ MIỀN BẮC")), ["XỔ SỐ MIỀN BẮC"]);
  assert.deepEqual(spans(sentence("xem ſex")), ["ſex"]);
  assert.deepEqual(spans(sentence("\u212Aubet")), ["\u212Aubet"]);
  assert.deepEqual(spans(sentence("tại Essex")), []);
});

test("spam spliced into a sentence is a span; a spam line is a line", () => {
  const text = ["Hai nước ký thỏa thuận hợp tác", "【soi cầu xsmb】Hai bên nhất trí mở rộng hợp tác thương mại, đầu tư và du lịch trong giai đoạn tới.", "kết quả xsmb hôm nay nhà cái uy tín"].join("\n");
  const analysis = analyze(text);
  const spans = analysis.boilerplate.filter((b) => b.scope === "span");
  assert.deepEqual(spans.map((b) => text.slice(b.start, b.end)), ["【soi cầu xsmb】"]);
  assert.deepEqual(analysis.boilerplate.filter((b) => b.scope === "lines").map((b) => b.startLine), [2]);
});

test("every fix replaces exactly its finding's text and nothing outside it", () => {
  const text = ["Báo Nhân Dân", "Hai nước ký thỏa thuận hợp tác", "Ông nói【soi cầu xsmb】 hai bên sẽ xây dựngCộng đồng vững mạnh, bền vững và thịnh vượng.", BODY, "Đọc thêm", "Thủ tướng tiếp Đại sứ Pháp"].join("\r\n");
  const findings = analyze(text).boilerplate;
  assert.deepEqual(findings.map((f) => f.rule), ["navigation", "spam", "run-together", "related-links"]);
  for (const finding of findings) assert.deepEqual([finding.fix.start, finding.fix.end], [finding.start, finding.end], finding.rule);
  assert.equal(text.slice(findings[1]!.start, findings[1]!.end), "【soi cầu xsmb】", "glued to the word before: the space after stays");
});

test("article text is never flagged in a clean article", () => {
  const lines = ["Hai nước ký thỏa thuận hợp tác", "Minh Anh", BODY, "Ông cho biết hai bên sẽ sớm triển khai.", BODY, "TTXVN"];
  assert.deepEqual([...flagged(lines).keys()], []);
});

test("mastheads above the article, players, gallery counters and English photo credits", () => {
  const lines = ["BÁO BÌNH MINH ĐIỆN TỬ", "binhminh.vn   Cơ quan của Hội Nhà báo tỉnh", "Hai nước ký thỏa thuận hợp tác", BODY, "Video đang phát", "00:00 / 03:12", "Ảnh 1/4", "Photo by Reuters/Lan Chi", BODY, "BÁO BÌNH MINH ĐIỆN TỬ giới thiệu tuyến bài mới về hợp tác quốc tế của địa phương."];
  assert.deepEqual([...flagged(lines).keys()].sort((a, b) => a - b), [0, 1, 4, 5, 6, 7]);
});

test("a capitalized name closing the article is its byline; under a caption it is a credit", () => {
  const lines = ["Hai nước ký thỏa thuận hợp tác", BODY, "Lãnh đạo hai nước tại lễ ký kết", "HẢI NAM", BODY, "MINH ANH"];
  assert.deepEqual([...flagged(lines).entries()], [[3, "photo-credit"]]);
});

test("a table is article data: its rows are never debris, and a debris block around them stops at them", () => {
  const table = ["| Mặt hàng | Kim ngạch | Tăng trưởng |", "|---|:---:|---|", "| Gạo | 450 triệu USD | 12% |", "| Cà phê | 320 triệu USD | 8,5% |"];
  const lines = ["Kim ngạch xuất khẩu tháng 10 tăng mạnh", BODY, ...table, "Các doanh nghiệp kỳ vọng đà tăng sẽ tiếp tục trong quý cuối năm.", "Tin liên quan", "Thủ tướng tiếp Đại sứ Pháp", "Khai mạc triển lãm ảnh về Hà Nội"];
  const found = flagged(lines);
  for (let k = 2; k < 2 + table.length; k++) assert.ok(!found.has(k), `table row ${k} (${lines[k]}) is kept`);
  assert.deepEqual([...found.keys()].sort((a, b) => a - b), [7, 8, 9], "the related list after the table is still debris");
  // Not tables: a menu with bars between its items, a bar left by an image.
  assert.ok(flagged(["Trang chủ | Thời sự | Thế giới | Kinh tế", "Kim ngạch xuất khẩu tháng 10 tăng mạnh", BODY]).has(0));
  assert.ok(flagged(["Kim ngạch xuất khẩu tháng 10 tăng mạnh", BODY, "| |", BODY]).has(2));
});

test("a photo credit glued to the caption after it: only the credit is debris, the caption stays article text", () => {
  const text = ["Hai nước ký thỏa thuận hợp tác", "© Hãng ảnh Phương Nam / Trần Văn Ba / Xem thêm ảnhBộ trưởng Ngoại giao hai nước tại lễ ký", BODY].join("\n");
  const credit = analyze(text).boilerplate.find((b) => b.rule === "copyright");
  assert.ok(credit, "the credit is found");
  assert.equal(credit.scope, "span");
  assert.equal(text.slice(credit.start, credit.end), "© Hãng ảnh Phương Nam / Trần Văn Ba / Xem thêm ảnh");
  assert.ok(flagged(["Hai nước ký thỏa thuận hợp tác", BODY, "© 2025 Báo Mẫu. Bảo lưu mọi quyền."]).has(2), "a copyright line alone is still a whole line");
  assert.ok(flagged(["Hai nước ký thỏa thuận hợp tác", BODY, "© Ảnh: Peter McDonald / Hãng ảnh Miền Nam"]).has(2), "a name's own capital (McDonald) is not glued text");
});

test("headlines whose separators were cut into lines (each ends with a dangling ' -') are a related list", () => {
  const lines = ["-", "Hà Nội khởi công tuyến đường sắt đô thị mới -", "Xuất khẩu rau quả vượt mốc 5 tỷ USD -", "Giá xăng giảm lần thứ ba liên tiếp -", "Hai nước ký thỏa thuận hợp tác", BODY];
  assert.deepEqual([...flagged(lines).keys()].sort((a, b) => a - b), [0, 1, 2, 3]);
  // Two such lines are not enough for this rule (above the headline, page layout judges them by shape);
  // a sentence that happens to end with a dash is not a headline list.
  assert.deepEqual([...flagged(["Hà Nội khởi công tuyến đường sắt đô thị mới -", "Xuất khẩu rau quả vượt mốc 5 tỷ USD -", "Hai nước ký thỏa thuận hợp tác", BODY]).entries()], [[0, "page-layout"], [1, "page-layout"]]);
  assert.deepEqual([...flagged(["Hai nước ký thỏa thuận hợp tác", BODY, "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực hạ tầng -", BODY]).keys()], []);
});

test("a lone caption label, an unrendered template placeholder and an empty comment counter are debris", () => {
  const lines = ["Hai nước ký thỏa thuận hợp tác", BODY, "Chú thích ảnh", "{keywords}", "{{ article.tags }}", "Ý kiến ()", BODY];
  assert.deepEqual([...flagged(lines).keys()].sort((a, b) => a - b), [2, 3, 4, 5]);
});

test("a whole page scraped onto one line is article prose: short-line phrases inside it flag nothing, and its officials are found", () => {
  // Each is debris alone on its line (the tests above); inside a paragraph, a whole-line rule must not take the paragraph.
  const phrases = ["Báo Nhân Dân", "baoquocte.vn", "binhminh.vn   Cơ quan của Hội Nhà báo tỉnh", "Trang chủ > Thế giới > Châu Á", "Theo dõi Nhân Dân trên Google News", "• Lượt xem: 2.345", "Bình luận (3)", "© 2025 Báo Nhân Dân. All rights reserved.", "Tin liên quan", "(Ảnh: Hải Nam)", "TTXVN", "Chú thích ảnh", "Ảnh 1/4"];
  const lead = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội.";
  for (const phrase of phrases) {
    const line = [lead, BODY, phrase, BODY, BODY].join(" ");
    const analysis = analyze(line);
    assert.deepEqual(analysis.boilerplate.filter((b) => b.scope === "lines").map((b) => `${b.rule}: ${b.message}`), [], phrase);
    assert.ok(analysis.entities.some((e) => e.type === "person" && e.text === "Phạm Minh Chính"), `${phrase}: the official is found`);
  }
});

test("a message that quotes a huge run of text stays short: the quote keeps its start and end around an ellipsis", () => {
  // Text with its spaces stripped, 60,000 units on one line: one run-together finding quoting it (twice).
  const run = "Thủtướngtiếpđạisứvàhaibênnhấttríthúcđẩyhợptáckinhtếthươngmại".repeat(1000);
  const findings = analyze(`${run}.`).boilerplate;
  assert.ok(findings.length > 0);
  for (const finding of findings) {
    assert.ok(finding.message.length <= MAX_MESSAGE, `${finding.rule}: ${finding.message.length} units`);
    assert.match(finding.message, /^Spaces stripped from the text: "Thủtướng\S*…\S*" reads "Thủ tướng .*….*"\.$/u);
  }
  // Cut between code points, at most `max` units, the ellipsis included.
  assert.equal(shortened("𝐀".repeat(100), 9), "𝐀𝐀…𝐀𝐀");
  assert.equal(shortened("abc"), "abc");
  assert.equal(shortened("x".repeat(1000)).length, MAX_QUOTE);
});
