import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, buildRecord, mergeRecords, type AnnotatedRecord } from "../../server/src/engine";

const TEXT = "Thủ tướng Lào Khamphet Vongsa tiếp Thứ trưởng Đỗ Minh Khang; hai bên ký khoản vay 2,5 tỷ USD.";
const record = (text: string): AnnotatedRecord => buildRecord(text, analyze(text), { path: "a.txt", sha256: "a".repeat(64), length: text.length });

test("emitting again keeps manual and rejected entities and does not bring a rejected one back", () => {
  const first = record(TEXT);
  const amount = first.entities.find((e) => e.type === "amount")!;
  const start = TEXT.indexOf("Lào");
  const previous: AnnotatedRecord = {
    ...first,
    entities: [...first.entities.map((e) => (e === amount ? { ...e, origin: "rejected" as const } : e)), { ...first.entities[0]!, id: "m1", type: "location", text: "Lào", start, end: start + 3, attributes: { country: "LA" }, origin: "manual", rule: "manual" }],
  };
  const merged = mergeRecords(previous, record(TEXT), TEXT);
  assert.deepEqual(merged.entities.filter((e) => e.origin !== "auto").map((e) => [e.id, e.origin]), [["m1", "manual"], [amount.id, "rejected"]]);
  assert.equal(merged.entities.filter((e) => e.start === amount.start).length, 1, "no automatic twin of the rejected amount");
  assert.equal(new Set(merged.entities.map((e) => e.id)).size, merged.entities.length, "ids stay unique");
});

test("when the text changed, a kept entity moves to where its text now stands", () => {
  const first = record(TEXT);
  const manual = { ...first.entities[0]!, id: "m1", origin: "manual" as const, text: "Khamphet Vongsa", start: TEXT.indexOf("Khamphet"), end: TEXT.indexOf("Khamphet") + 15 };
  const edited = "Sáng nay, " + TEXT;
  const merged = mergeRecords({ ...first, entities: [manual] }, record(edited), edited);
  const moved = merged.entities.find((e) => e.id === "m1")!;
  assert.equal(edited.slice(moved.start, moved.end), "Khamphet Vongsa");
  assert.equal(moved.character, moved.start);
});
