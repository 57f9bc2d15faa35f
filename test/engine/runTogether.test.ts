import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";

/** The run-together findings of `text`: [flagged text, repaired text]. */
function repairs(text: string): [string, string][] {
  return analyze(text)
    .boilerplate.filter((b) => b.rule === "run-together")
    .map((b) => [text.slice(b.start, b.end), b.fix.newText]);
}

test("a missing space where a word meets the next is put back", () => {
  assert.deepEqual(repairs("Hai nước ủng hộ xây dựngCộng đồng ASEANvà tăng cường hợp tác ởMekong, tạiHà Nội."), [
    ["dựngCộng", "dựng Cộng"],
    ["ASEANvà", "ASEAN và"],
    ["ởMekong", "ở Mekong"],
    ["tạiHà", "tại Hà"],
  ]);
});

test("brands, names and terms written with inner capitals are never split", () => {
  const text = "Người dùng iPhone, iPad và YouTube, TikTok, McDonald's, VnExpress, TTXVN/Vietnam+, ASEAN+3, kWh, SMEs, IoT, COVID-19, 5G, DeSantis, MacArthur, LinkedIn, eKYC.";
  assert.deepEqual(repairs(text), []);
});

test("text with its spaces stripped is split back into syllables", () => {
  assert.deepEqual(repairs("Hai bên cam kết tăngcườnghợptáckinhtếvàthươngmại trong thời gian tới."), [
    ["tăngcườnghợptáckinhtếvàthươngmại", "tăng cường hợp tác kinh tế và thương mại"],
  ]);
});

test("a long foreign word or name is not taken for stripped Vietnamese", () => {
  assert.deepEqual(repairs("Ngoại trưởng Toshimitsu nói về Internationalization và Constantinople."), []);
});

test("the fix only inserts spaces, in the original spelling (NFD, old tone placement)", () => {
  const text = "Hai nước thúc đẩy hòa bình và xây dựngCộng đồng ASEANvà khu vực.".normalize("NFD");
  for (const finding of analyze(text).boilerplate.filter((b) => b.rule === "run-together")) {
    const original = text.slice(finding.fix.start, finding.fix.end);
    assert.equal(finding.fix.newText.replace(/ /g, ""), original, "no letter changes");
    assert.ok(finding.fix.newText.length > original.length);
  }
});
