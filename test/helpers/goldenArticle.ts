/**
 * A small article written for the interchange golden files (no corpus text): an emoji with a
 * variation selector (one code point outside the BMP, one inside) and a CRLF before the entities,
 * a decomposed (NFD) place name, a suggestion, a span without annotator and a custom label.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { InterchangeDocument, InterchangeSpan, OutputFile } from "../../server/src/host/interchange/types";
import { repoRoot } from "./paths";

const HUE = "Huế".normalize("NFD");

export const GOLDEN_TEXT = `Sáng 2/12 🌧️ tin nhanh:\r\nBộ trưởng Nguyễn Văn An dự Hội nghị Sông Xanh lần thứ 5 tại ${HUE}.\nHai bên ký khoản vay 120 triệu USD.\n`;

function span(id: string, quote: string, label: string, attributes: Record<string, unknown>, extra: Partial<InterchangeSpan> = {}): InterchangeSpan {
  const start = GOLDEN_TEXT.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the golden article`);
  return { id, start, end: start + quote.length, text: quote, label, attributes, suggestion: false, ...extra };
}

/** The golden article with its spans, sorted as documents hold them. */
export function goldenDocument(): InterchangeDocument {
  const spans = [
    span("d1", "2/12", "DATE", { day: 2, month: 12 }),
    span("p1", "Nguyễn Văn An", "PER", { title: "Bộ trưởng", role: "minister", roles: ["minister"], canonical: "Nguyễn Văn An", nameStyle: "vietnamese" }, { annotator: "lan" }),
    span("e1", "Hội nghị Sông Xanh lần thứ 5", "FORUM", { kind: "conference", edition: 5 }, { suggestion: true }),
    span("l1", HUE, "LOC", { country: "VN" }, { annotator: "minh" }),
    span("c1", "khoản vay", "policy", {}, { annotator: "lan" }),
    span("a1", "120 triệu USD", "AMOUNT", { kind: "money", value: 120000000, unit: "USD" }, { annotator: "lan" }),
  ];
  return { name: "golden/tin-nhanh.txt", text: GOLDEN_TEXT, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/**
 * Compares `files` byte for byte with test/golden/interchange/<folder>/. With UPDATE_GOLDEN=1 in the
 * environment, writes them there instead (then review the diff before committing it).
 */
export function assertGolden(folder: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const path = join(repoRoot, "test", "golden", "interchange", folder, file.path);
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content, "utf8");
      continue;
    }
    assert.ok(existsSync(path), `golden file ${path} exists (run with UPDATE_GOLDEN=1 to write it)`);
    assert.equal(file.content, readFileSync(path, "utf8"), `${folder}/${file.path} is byte for byte the golden file`);
  }
}

/** The code point offsets of UTF-16 `start`..`end` in `text`, counted the slow, obvious way. */
export function codePointsOf(text: string, start: number, end: number): { start: number; end: number } {
  return { start: [...text.slice(0, start)].length, end: [...text.slice(0, end)].length };
}
