import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, normalizeText } from "../../server/src/engine";
import { normalizeTonePlacement } from "../../server/src/engine/text/tone";

test("tone placement is normalized to the new style without changing length", () => {
  for (const [old, modern] of [["hòa", "hoà"], ["thúy", "thuý"], ["khỏe", "khoẻ"], ["Hòa", "Hoà"], ["quý", "quý"], ["hoàn", "hoàn"], ["thuở", "thuở"], ["già", "già"], ["người", "người"], ["HÒA", "HOÀ"]] as const) {
    assert.equal(normalizeTonePlacement(old), modern, old);
    assert.equal(normalizeTonePlacement(modern), modern, modern);
  }
});

test("normalized offsets map back to the original for NFD, CRLF, zero-width characters", () => {
  const original = "Be\u0302\u0323nh vie\u0323\u0302n\r\nA\u200BB";
  const norm = normalizeText(original);
  assert.equal(norm.text, "Bệnh viện\nAB");
  const at = norm.text.indexOf("viện");
  assert.deepEqual(norm.toOriginal(at, at + 4), { start: original.indexOf("vie"), end: original.indexOf("\r") });
  assert.deepEqual(norm.toOriginal(norm.text.indexOf("AB"), norm.text.length), { start: original.indexOf("A"), end: original.length });
});

test("Icelandic Ð and no-break spaces read as Đ and spaces", () => {
  assert.equal(normalizeText("\u00D0ồng\u00A0Nai").text, "Đồng Nai");
});

const ARTICLE = [
  "Thủ tướng Lào tiếp Bộ trưởng Công Thương Việt Nam",
  "",
  "Ngày 9/5, tại Viêng Chăn, Thủ tướng Lào Khamphet Vongsa đã tiếp Bộ trưởng Công Thương Nguyễn Hoàng Hòa, nhân dịp ông dự Hội nghị Ủy ban hỗn hợp Việt Nam - Lào lần thứ 45.",
  "Hai bên nhất trí nâng kim ngạch lên 2,5 tỷ USD, tăng 15% so với năm 2023; Việt Nam hỗ trợ 1.000 tấn gạo và khoảng 30 triệu USD cho hợp tác giáo dục. Ông Khamphet cảm ơn sự hỗ trợ của Việt Nam.",
].join("\n");

/** Entities as (type, text in NFC, rule, value) — comparable across encodings of one article. */
function signature(text: string): string[] {
  return analyze(text).entities.map((e) => `${e.type}|${text.slice(e.start, e.end).normalize("NFC").replace(/\r/g, "")}|${e.rule}|${JSON.stringify(e.attributes)}`);
}

test("NFC, NFD, old and new tone placement, CRLF and a BOM give the same entities at corresponding offsets", () => {
  const expected = signature(ARTICLE);
  assert.ok(expected.length >= 8, `expected a rich article, got ${expected.length} entities`);
  const variants: Record<string, string> = {
    nfd: ARTICLE.normalize("NFD"),
    crlf: ARTICLE.replace(/\n/g, "\r\n"),
    bom: "\uFEFF" + ARTICLE,
    newTones: ARTICLE.replace(/Hòa(?!\p{L})/gu, "Hoà"),
    nfdCrlf: ARTICLE.normalize("NFD").replace(/\n/g, "\r\n"),
  };
  for (const [name, text] of Object.entries(variants)) {
    const got = signature(text).map((s) => (name === "newTones" ? s.replace(/Hoà(?!\p{L})/gu, "Hòa") : s));
    assert.deepEqual(got, expected, name);
    for (const entity of analyze(text).entities) assert.equal(entity.text, text.slice(entity.start, entity.end), `${name}: text is the slice`);
  }
});

test("tone placement is left alone in words run together (several vowel runs)", () => {
  assert.equal(normalizeTonePlacement("ASEANvà"), "ASEANvà");
  assert.equal(normalizeTonePlacement("hoàbình"), "hoàbình");
});
