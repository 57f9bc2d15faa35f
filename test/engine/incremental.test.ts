/**
 * IncrementalAnalyzer (server/src/engine/incremental.ts): after any sequence of edits, its analysis
 * of the text equals a full `analyze` of that text. Edits are random: characters (line breaks,
 * invisible ones, CRLF), whole debris lines, titles and names, amounts, dates, lines copied from
 * elsewhere, the headline rewritten, the start and the end of the text; the settings change now
 * and then. Articles from samples/ and test/fixtures/articles/, alone (one block) and repeated past
 * the size where a document is read a block at a time (where blocks are reused).
 *
 * Seeded: PROPERTY_SEED (default 20261130); PROPERTY_RUNS (default 40) sets the runs on articles,
 * and a tenth of it (at least 4) the runs on large documents.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { analyze, builtInKnowledgeBase, IncrementalAnalyzer, type AnalyzeOptions } from "../../server/src/engine";
import { fixturesDir, samplesDir } from "../helpers/paths";

const SEED = Number(process.env.PROPERTY_SEED ?? 20261130);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const LARGE_RUNS = Math.max(4, Math.round(RUNS / 10));

const read = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
const articles = [...read(samplesDir), ...read(join(fixturesDir, "articles"))];

const knowledgeBase = builtInKnowledgeBase();
/** The settings an edit is analyzed with: mostly the first, sometimes another (the analyzer must notice). */
const SETTINGS: readonly AnalyzeOptions[] = [{ knowledgeBase }, {}, { knowledgeBase, rules: { "related-links": "off", "page-layout": "information" } }];

/** What an edit inserts: debris, the entities' words, line breaks and characters that normalization changes. */
const PIECES = [
  "a",
  " ",
  "\n",
  "\n\n",
  "\r\n",
  "\u200b",
  "Ð",
  "Xem thêm:\n",
  "Tin liên quan\n",
  "\nChia sẻ\n",
  "\nẢnh: Minh Hà\n",
  "\nBình luận\n",
  "\n1.234 lượt xem\n",
  "\n© Bản quyền thuộc về Báo Nhân Dân\n",
  "\nTrang chủ | Thời sự | Thế giới\n",
  "Bộ trưởng Ngoại giao Nguyễn Văn An ",
  "Phó Thủ tướng Trần Hồng Hà",
  "ông An",
  "Tổng thống Marcos",
  "bà Motegi",
  "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 55",
  "ASEAN-Australia Special Summit",
  "5 tỷ USD",
  "1,2 triệu tấn",
  "ngày 12/3",
  "tháng 11 năm 2023",
  "Hà Nội, ngày 5/6/2024\n",
  "| Cột | Cột |\n",
];

interface Edit {
  /** Where, as a fraction of the text (0 and 1: the start and the end). */
  at: number;
  /** Code units removed there (up to the end). */
  remove: number;
  /**
   * What is inserted: a piece, a line copied from the text itself, nothing, or the removed text
   * itself decomposed (NFD): the same normalized text, another original.
   */
  insert: { piece: string } | { copyLine: number } | { nothing: true } | { decompose: true };
  /** Replace the first line instead (the headline). */
  headline: boolean;
  settings: number;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 400 })),
  insert: fc.oneof(fc.constantFrom(...PIECES).map((piece) => ({ piece })), fc.nat().map((copyLine) => ({ copyLine })), fc.constant({ nothing: true as const }), fc.constant({ decompose: true as const })),
  headline: fc.oneof(fc.constant(false), fc.constant(false), fc.constant(false), fc.boolean()),
  settings: fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: SETTINGS.length - 1 })),
});

function apply(text: string, { at, remove, insert, headline }: Edit): string {
  const lines = text.split("\n");
  const inserted = "piece" in insert ? insert.piece : "copyLine" in insert ? `${lines[insert.copyLine % lines.length]}\n` : "";
  if (headline) {
    const end = text.indexOf("\n");
    return `${inserted.replace(/\n/g, " ")}${text.slice(end < 0 ? text.length : end)}`;
  }
  const start = Math.min(text.length, Math.floor(at * text.length));
  const end = Math.min(text.length, start + remove);
  if ("decompose" in insert) return text.slice(0, start) + text.slice(start, end).normalize("NFD") + text.slice(end);
  return text.slice(0, start) + inserted + text.slice(end);
}

function checkEdits(base: string, edits: readonly Edit[]): void {
  const analyzer = new IncrementalAnalyzer();
  let text = base;
  assert.deepEqual(analyzer.analyze(text, SETTINGS[0]), analyze(text, SETTINGS[0]), "the first analysis");
  edits.forEach((e, k) => {
    text = apply(text, e);
    const options = SETTINGS[e.settings]!;
    assert.deepEqual(analyzer.analyze(text, options), analyze(text, options), `after edit ${k + 1}`);
  });
}

test("after any sequence of edits of an article, the incremental analysis equals a full one", () => {
  fc.assert(
    fc.property(fc.nat({ max: articles.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (index, edits) => checkEdits(articles[index]!, edits)),
    { seed: SEED, numRuns: RUNS },
  );
});

test("after any sequence of edits of a large document (read a block at a time), the incremental analysis equals a full one", () => {
  // Past 200,000 characters a document is read in blocks: the blocks an edit leaves alone are reused.
  const large = (first: number): string => {
    let text = "";
    for (let k = first; text.length < 230_000; k++) text += `${articles[k % articles.length]}\n`;
    return text;
  };
  fc.assert(
    fc.property(fc.nat({ max: articles.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (first, edits) => checkEdits(large(first), edits)),
    { seed: SEED, numRuns: LARGE_RUNS },
  );
});

test("a one-letter edit in a large document reuses every block but the one it falls in", () => {
  const article = articles[0]!;
  const text = `${article}\n`.repeat(Math.ceil(300_000 / article.length));
  const analyzer = new IncrementalAnalyzer();
  analyzer.analyze(text);
  const middle = text.indexOf(" ", Math.floor(text.length / 2));
  const edited = `${text.slice(0, middle)}a${text.slice(middle)}`;
  assert.deepEqual(analyzer.analyze(edited), analyze(edited));
  assert.ok(analyzer.lastStats.computed <= 2, JSON.stringify(analyzer.lastStats));
  assert.ok(analyzer.lastStats.reused >= 4, JSON.stringify(analyzer.lastStats));
});

test("a change of knowledge base starts afresh; what is kept for reuse cannot be changed through an analysis", () => {
  const article = articles[1]!;
  const text = `${article}\n`.repeat(Math.ceil(250_000 / article.length));
  const analyzer = new IncrementalAnalyzer();
  const first = analyzer.analyze(text, { knowledgeBase });
  for (const entity of first.entities) entity.start = -1;
  // An amount's attributes are the block stage's own, kept for the next analysis: frozen.
  const amount = first.entities.find((e) => e.type === "amount");
  assert.ok(amount, "the article has an amount");
  assert.throws(() => {
    (amount.attributes as { value?: number }).value = 0;
  }, TypeError);
  const edited = `${text}Bộ trưởng Nguyễn Văn An\n`;
  assert.deepEqual(analyzer.analyze(edited, { knowledgeBase }), analyze(edited, { knowledgeBase }));
  assert.deepEqual(analyzer.analyze(edited, {}), analyze(edited, {}));
});

test("a block whose normalized text stays the same but whose original changes is read again (titles keep their spelling)", () => {
  const article = articles[0]!;
  const filler = `${article}\n`.repeat(Math.ceil(120_000 / article.length));
  // In the body of an article (its end is a list of related links, which is debris).
  const lines = article.split("\n");
  const body = (sentence: string): string => [...lines.slice(0, 6), sentence, ...lines.slice(6)].join("\n");
  const title = (tuong: string): string => `${filler}${body(`Thủ ${tuong} Phạm Minh Chính phát biểu tại hội nghị.`)}\n${filler}`;
  const analyzer = new IncrementalAnalyzer();
  analyzer.analyze(title("tướng"));
  // "tứơng": the tone on another vowel, the same word once normalized; the title is shown as written.
  const edited = title("tứơng");
  const analysis = analyzer.analyze(edited);
  assert.deepEqual(analysis, analyze(edited));
  assert.ok(analysis.entities.some((e) => e.type === "person" && e.attributes.title === "Thủ tứơng"), "the title as written");
});
