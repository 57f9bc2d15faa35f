import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "../helpers/marked";
import type { AmountAttributes } from "../../server/src/engine";

const attrs = (entity: { attributes: unknown }): AmountAttributes => entity.attributes as AmountAttributes;
const values = (found: { attributes: unknown }[]): [number, string][] => found.map((e) => [attrs(e).value, attrs(e).unit]);

test("decimal comma, thousands dot, tỷ/tỉ, yên/Yên", () => {
  const found = check("Tổng vốn đạt [[3,75 tỷ USD]], trong đó [[1.250 tỷ đồng]] vốn đối ứng và [[12,5 tỉ Yên]] vốn vay, cùng [[80 triệu yên]] viện trợ.", "amount");
  assert.deepEqual(values(found), [[3750000000, "USD"], [1250000000000, "VND"], [12500000000, "JPY"], [80000000, "JPY"]]);
});

test("a conversion in parentheses is two amounts", () => {
  const found = check("Khoản vay [[2,4 tỷ yên]] ([[16,1 triệu USD]]) được ký kết.", "amount");
  assert.deepEqual(values(found), [[2400000000, "JPY"], [16100000, "USD"]]);
});

test("English forms", () => {
  const found = check("The bank lent [[USD 5 million]] and [[$2.5 billion]], plus [[€300 million]].", "amount");
  assert.deepEqual(values(found), [[5000000, "USD"], [2500000000, "USD"], [300000000, "EUR"]]);
});

test("a range gives one amount per end, each keeping the range; approximate words are attributes, not span", () => {
  const [low, high, approx] = check("Dự án cần [[3]]-[[5 triệu USD]] và hơn [[1.000 tấn]] gạo.", "amount");
  assert.deepEqual(values([low!, high!]), [[3000000, "USD"], [5000000, "USD"]]);
  assert.deepEqual(attrs(low!).range, { min: 3000000, max: 5000000 });
  assert.deepEqual(attrs(high!).range, { min: 3000000, max: 5000000 });
  assert.equal(attrs(approx!).approximate, true);
  assert.equal(attrs(approx!).qualifier, "more-than");
});

test("percentages and counted quantities with their measure noun", () => {
  const found = check("Xuất khẩu tăng [[12,5%]]; Úc tặng [[500.000 liều]] vaccine và [[20 máy thở]] cho [[300 người]] dân.", "amount");
  assert.deepEqual(values(found), [[12.5, "%"], [500000, "liều"], [20, "máy"], [300, "người"]]);
});

test("years, dates, durations, ordinals, model names and abstract counts are not amounts", () => {
  check("Năm 2023, sau 30 năm, Covid-19 và F-35, G20, ASEAN+3, 5 trụ cột, 6 nước, lần thứ 14, ngày 6/8, lúc 14:15.", "amount");
});

test("ambiguous currency words need a multiplier", () => {
  const found = check("Lào góp [[550 tỷ kíp]]; ba kíp trực làm việc.", "amount");
  assert.equal(attrs(found[0]!).unit, "LAK");
});

// Guidelines, Refinements (2026-11-30): signs, percentage points, compound amounts.
const REFINEMENTS: { name: string; marked: string; expected: [number, string][] }[] = [
  { name: "a minus sign belongs to the value and the span", marked: "Chỉ số giá nhập khẩu giảm [[-1,2%]] so với tháng trước.", expected: [[-1.2, "%"]] },
  { name: "the word 'âm' is a minus sign", marked: "Tăng trưởng quý I [[âm 0,3%]], lần đầu sau nhiều năm.", expected: [[-0.3, "%"]] },
  { name: "a plus sign stays in the span, the value positive", marked: "Chỉ số chứng khoán đóng cửa [[+1,8%]] trong phiên chiều.", expected: [[1.8, "%"]] },
  { name: "a sign in brackets", marked: "Xuất khẩu thủy sản ([[-2,5%]]) và rau quả ([[+4%]]).", expected: [[-2.5, "%"], [4, "%"]] },
  { name: "percentage points are unit pp", marked: "Tỷ lệ thất nghiệp giảm [[0,2 điểm phần trăm]] trong năm.", expected: [[0.2, "pp"]] },
  { name: "a number with a smaller multiplier after it is one amount", marked: "Tổng vốn là [[2 tỷ 450 triệu đồng]] cho dự án.", expected: [[2450000000, "VND"]] },
  { name: "a percent range written twice is not a minus sign", marked: "Giá dự kiến tăng [[5%]]-[[7%]] trong quý tới.", expected: [[5, "%"], [7, "%"]] },
  { name: "a range is not a sign", marked: "Chi phí dự kiến [[4]]-[[6 triệu USD]] mỗi năm.", expected: [[4000000, "USD"], [6000000, "USD"]] },
  { name: "a bare first number takes the second's unit", marked: "Lạm phát dự kiến từ [[5]] đến [[7%]]; tăng trưởng giảm [[0,9]]-[[1,1 điểm phần trăm]].", expected: [[5, "%"], [7, "%"], [0.9, "pp"], [1.1, "pp"]] },
  { name: "Mỹ kim is the US dollar", marked: "Chính phủ Mỹ cam kết [[12 triệu Mỹ kim]] cho chương trình.", expected: [[12000000, "USD"]] },
  { name: "a lunar date is not a negative number", marked: "Lễ hội diễn ra ngày 10/3 âm lịch, thu hút [[20.000 người]] tham dự.", expected: [[20000, "người"]] },
];
for (const c of REFINEMENTS) {
  test(`amounts: ${c.name}`, () => {
    assert.deepEqual(values(check(c.marked, "amount")), c.expected);
  });
}

// More of the refinements: comparisons, elided currencies, number words before a multiplier, ISO 4217 codes.
const MORE_REFINEMENTS: { name: string; marked: string; expected: [number, string, string?][] }[] = [
  { name: "'cao hơn' compares; it is not the qualifier 'more than'", marked: "Tăng trưởng cao hơn [[5%]] so với năm trước, và hơn [[3%]] dân số.", expected: [[5, "%"], [3, "%", "more-than"]] },
  { name: "money with the currency elided right after a stated one", marked: "Tỉnh hỗ trợ [[300 triệu đồng]] cho huyện A và [[100 triệu]] cho huyện B.", expected: [[300000000, "VND"], [100000000, "VND"]] },
  { name: "a currency is not carried into the next sentence", marked: "Tỉnh hỗ trợ [[300 triệu đồng]]. Dân số là 100 triệu.", expected: [[300000000, "VND"]] },
  { name: "a number word before a multiplier", marked: "Hơn [[nửa tỷ người]] được hưởng lợi, nửa số dân.", expected: [[500000000, "người", "more-than"]] },
  { name: "ISO 4217 codes of the region's currencies", marked: "Lào nhận [[550 tỷ kíp]], Thái Lan [[2 tỷ baht]], Campuchia [[10 triệu riel]], Myanmar [[5 tỷ kyat]], Indonesia [[3 nghìn tỷ rupiah]], Malaysia [[2 tỷ ringgit]], Philippines [[1 tỷ peso]], Singapore [[5 triệu đô la Singapore]].", expected: [[550e9, "LAK"], [2e9, "THB"], [1e7, "KHR"], [5e9, "MMK"], [3e12, "IDR"], [2e9, "MYR"], [1e9, "PHP"], [5e6, "SGD"]] },
  { name: "counted aid: aircraft and scholarships", marked: "Hãng mua [[28 máy bay]] Boeing và trao [[60 suất]] học bổng.", expected: [[28, "máy bay"], [60, "suất"]] },
];
for (const c of MORE_REFINEMENTS) {
  test(`amounts: ${c.name}`, () => {
    const found = check(c.marked, "amount");
    assert.deepEqual(found.map((e) => [attrs(e).value, attrs(e).unit, ...(attrs(e).qualifier ? [attrs(e).qualifier] : [])]), c.expected);
  });
}
