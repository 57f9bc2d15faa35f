import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";

function dates(text: string): [string, string | undefined][] {
  return analyze(text).entities.filter((e) => e.type === "date").map((e) => [e.text, e.attributes.value]);
}

test("date-times, full dates and month-year take their ISO value", () => {
  assert.deepEqual(dates("Cập nhật 21/03/2024-09:05:00 PM\nHội nghị ngày 7/6/2021 và tháng 11/2020."), [
    ["21/03/2024-09:05:00 PM", "2024-03-21T21:05:00"],
    ["ngày 7/6/2021", "2021-06-07"],
    ["tháng 11/2020", "2020-11"],
  ]);
});

test("a date without a year takes the dateline's year", () => {
  const text = "Hai nước ký hiệp định\n14/02/2023 08:30\nNgày 12/2, đoàn đã tới Hà Nội.";
  assert.deepEqual(dates(text), [["14/02/2023 08:30", "2023-02-14T08:30:00"], ["Ngày 12/2", "2023-02-12"]]);
  assert.equal(analyze(text).article.published, "2023-02-14T08:30:00+07:00");
});

test("impossible dates are not dates", () => {
  assert.deepEqual(dates("Tỷ số 45/12 và ngày 40/13/2020."), []);
});
