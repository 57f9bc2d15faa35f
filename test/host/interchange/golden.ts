/**
 * The one small article of the interchange golden files (issue 15), written for the tests (no
 * corpus text): an emoji before the entities, a CRLF line break, a place name in decomposed (NFD)
 * letters, an entity inside another (a forum's name holds a country's), an unreviewed suggestion,
 * and a file name with a space and Vietnamese letters. Its spans are fixed here, not detected, so
 * the golden files change only when a format does.
 */
import assert from "node:assert/strict";
import type { InterchangeDocument, InterchangeSpan } from "../../../server/src/host/interchange/types";

const DA_NANG = "Đà Nẵng".normalize("NFD");

export const GOLDEN_TEXT = "Hà Nội 😀 – Ông Nguyễn Văn An dự Diễn đàn Kinh tế Việt Nam.\r\n" + `${DA_NANG} hỗ trợ 2,5 tỷ đồng ngày 5/3.\n`;

function span(id: string, text: string, label: string, attributes: Record<string, unknown>, who: { annotator?: string; suggestion?: boolean }, from = 0): InterchangeSpan {
  const start = GOLDEN_TEXT.indexOf(text, from);
  assert.ok(start >= 0, `${text} is in the golden text`);
  return { id, start, end: start + text.length, text, label, attributes, suggestion: who.suggestion ?? false, ...(who.annotator ? { annotator: who.annotator } : {}) };
}

/** The golden article and its spans (sorted as exports sort them). */
export function goldenDocument(): InterchangeDocument {
  const forum = GOLDEN_TEXT.indexOf("Diễn đàn");
  const spans = [
    span("e1", "Nguyễn Văn An", "PER", { title: "Ông", canonical: "Nguyễn Văn An", nameOrder: "vietnamese" }, { annotator: "tester" }),
    span("e2", "Diễn đàn Kinh tế Việt Nam", "FORUM", { kind: "forum" }, { suggestion: true }),
    span("e3", "Việt Nam", "LOC", { country: "VN" }, { annotator: "tester" }, forum),
    span("e4", DA_NANG, "LOC", { country: "VN" }, { annotator: "tester" }),
    span("e5", "2,5 tỷ đồng", "AMOUNT", { kind: "money", value: 2500000000, unit: "VND" }, { annotator: "tester" }),
    span("e6", "ngày 5/3", "DATE", { day: 5, month: 3 }, { annotator: "tester" }),
  ];
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { name: "golden/tin ngắn.txt", text: GOLDEN_TEXT, spans };
}

/** Golden files are compared (or, with UPDATE_GOLDEN=1, written) the one way every format's test does. */
export { assertGolden } from "../../helpers/goldenArticle";
