import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";

const BODY = "Sáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế, đồng thời thống nhất kế hoạch triển khai trong năm nay.";

test("headline, dateline, byline and outlet from a page with a masthead and a menu", () => {
  const text = ["Báo Nhân Dân", "Thời sự   Thế giới   Kinh tế", "Hai nước ký thỏa thuận hợp tác về giáo dục", "Thứ Tư, 12/03/2025 - 08:15", "Minh Anh", BODY, BODY].join("\n");
  assert.deepEqual(analyze(text).article, {
    published: "2025-03-12T08:15:00+07:00",
    title: "Hai nước ký thỏa thuận hợp tác về giáo dục",
    titleSpan: { start: text.indexOf("Hai nước"), end: text.indexOf("\nThứ Tư") },
    byline: "Minh Anh",
  });
});

test("an outlet line after the byline at the end, and spam cut out of the headline", () => {
  const text = ["【soi cầu xsmb】Hai nước ký thỏa thuận hợp tác về giáo dục", BODY, BODY, "Minh Anh", "TTXVN/Vietnam+"].join("\n");
  const { article } = analyze(text);
  assert.equal(article.title, "Hai nước ký thỏa thuận hợp tác về giáo dục");
  assert.equal(article.byline, "Minh Anh");
  assert.equal(article.outlet, "TTXVN/Vietnam+");
});

test("a crawler's date stamp glued to the headline is the dateline, and a date without a year takes its year", () => {
  const text = [" date 2024-05-02 Thủ tướng tiếp Đại sứ Pháp chiều 2/5", BODY, BODY].join("\n");
  const analysis = analyze(text);
  assert.equal(analysis.article.title, "Thủ tướng tiếp Đại sứ Pháp chiều 2/5");
  assert.equal(analysis.article.published, "2024-05-02");
  assert.deepEqual(analysis.boilerplate.filter((f) => f.startLine === 0), [], "the headline line stays article text");
  const short = analysis.entities.find((e) => e.type === "date" && e.text === "chiều 2/5");
  assert.equal((short?.attributes as { value?: string } | undefined)?.value, "2024-05-02");
});

test("a page scraped onto one line has no title: its first line is a paragraph, not a headline", () => {
  const text = ["Hai nước ký thỏa thuận hợp tác về giáo dục", BODY, BODY, BODY].join(" ");
  const { article } = analyze(text);
  assert.equal(article.title, undefined);
  assert.equal(article.titleSpan, undefined);
  // A headline line of ordinary length is still the title.
  assert.equal(analyze(["Hai nước ký thỏa thuận hợp tác về giáo dục", BODY].join("\n")).article.title, "Hai nước ký thỏa thuận hợp tác về giáo dục");
});
