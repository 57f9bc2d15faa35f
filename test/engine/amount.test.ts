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

test("ranges keep both ends; approximate words are attributes, not span", () => {
  const [range, approx] = check("Dự án cần [[3-5 triệu USD]] và hơn [[1.000 tấn]] gạo.", "amount");
  assert.deepEqual(attrs(range!).range, { min: 3000000, max: 5000000 });
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
