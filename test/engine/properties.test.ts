import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { analyze, applyFixes, type Analysis } from "../../server/src/engine";
import { fixturesDir, samplesDir } from "../helpers/paths";

/** What must hold for any text: spans inside it, texts equal to their slices, sorted, well-formed. */
function checkInvariants(text: string, analysis: Analysis): void {
  let previous = -1;
  for (const entity of analysis.entities) {
    assert.ok(0 <= entity.start && entity.start < entity.end && entity.end <= text.length, `entity span in range: ${entity.start}-${entity.end}`);
    assert.equal(entity.text, text.slice(entity.start, entity.end), "entity text is its slice");
    assert.ok(entity.start >= previous, "entities sorted");
    previous = entity.start;
  }
  previous = -1;
  for (const finding of analysis.boilerplate) {
    assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, "finding in range");
    assert.ok(finding.startLine <= finding.endLine, "line range well-formed");
    assert.ok(finding.start >= previous, "findings sorted");
    assert.deepEqual([finding.fix.start, finding.fix.end], [finding.start, finding.end], "the fix replaces exactly the finding");
    previous = finding.start;
  }
}

/** Fixing never removes a character outside the flagged spans: outside them, the text is kept in order. */
function checkFixesKeepTheRest(text: string, analysis: Analysis): void {
  const result = applyFixes(text, analysis.boilerplate, { includeUnsafe: true });
  let rebuilt = "";
  let last = 0;
  for (const finding of [...result.applied].sort((a, b) => a.fix.start - b.fix.start)) {
    rebuilt += text.slice(last, finding.fix.start) + finding.fix.newText;
    last = finding.fix.end;
  }
  assert.equal(result.text, rebuilt + text.slice(last));
  for (const finding of result.applied.filter((f) => f.fix.newText !== "")) {
    assert.equal(finding.fix.newText.replace(/ /g, ""), text.slice(finding.fix.start, finding.fix.end).replace(/ /g, ""), "a repair only adds spaces");
  }
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

test("any Unicode text: analysis never throws and its spans are well-formed", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
      const analysis = analyze(text);
      checkInvariants(text, analysis);
      checkFixesKeepTheRest(text, analysis);
    }),
    { numRuns: RUNS },
  );
});

const articles = [samplesDir, join(fixturesDir, "articles")].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(dir, f), "utf8")));
const DEBRIS = ["Tin liên quan", "Skip to main content", "![]() |", "【kết quả xsmb】", "Theo dõi Báo X trên", "  •  ", "© 2025 sitemap", "Đọc thêm"];
/**
 * Stylized Unicode: letters outside the BMP (two code units each: mathematical bold and italic,
 * Deseret, Osage), fullwidth letters, small capitals, emoji with skin tones and ZWJ sequences.
 */
const STYLIZED = [
  "\u{1D400}", // 𝐀 mathematical bold capital A
  "\u{1D400}\u{1D412}\u{1D404}\u{1D400}\u{1D40D}", // 𝐀𝐒𝐄𝐀𝐍
  "\u{1D41B}\u{1D428}", // 𝐛𝐨 bold small letters
  "\u{1D434}\u{1D44E}", // 𝐴𝑎 mathematical italic
  "\u{1D7CF}\u{1D7D0}", // 𝟏𝟐 bold digits
  "\uFF21\uFF33\uFF25\uFF21\uFF2E", // ＡＳＥＡＮ fullwidth
  "\uFF56\u00E0", // ｖà fullwidth v and a Vietnamese letter
  "\u1D00\u0299\u1D04", // ᴀʙᴄ small capitals
  "\u{10400}\u{10428}", // 𐐀𐐨 Deseret capital and small letter
  "\u{104B0}\u{104D8}", // Osage capital and small letter
  "\u{1F44D}\u{1F3FD}", // thumbs up, medium skin tone
  "\u{1F469}\u{1F3FE}\u200D\u{1F4BB}", // woman technologist, skin tone, ZWJ
  "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}", // family, ZWJ sequence
  "\u{1F1FB}\u{1F1F3}", // flag: regional indicators
];
const ODD = ["\u200B", "\u200F", "\u202E", "\uFEFF", "😀", "👩‍👩‍👧", "\u00A0", "\u0301", "\r", "\t", "\uD800", ...STYLIZED];
/** A letter of Vietnamese (or another Latin script) outside ASCII: "ở", "ư", "đ". */
const VIETNAMESE_LETTER = /(?=\p{L})[\u00C0-\u024F\u1E00-\u1EFF]/gu;

/**
 * An article from the samples with random damage: debris, deleted spaces, emoji, zero-width and RTL
 * marks, line ends, and stylized Unicode right after a Vietnamese letter ("ở𝐀", "ư👍🏽").
 */
const mutatedArticle = fc
  .record({
    article: fc.constantFrom(...articles),
    cuts: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom("debris", "delete-space", "odd", "stylized"), pick: fc.nat() }), { maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ article, cuts, crlf, bom }) => {
    let text = article;
    for (const cut of cuts) {
      const at = cut.at % (text.length + 1);
      if (cut.kind === "debris") text = text.slice(0, at) + "\n" + DEBRIS[cut.pick % DEBRIS.length] + "\n" + text.slice(at);
      else if (cut.kind === "odd") text = text.slice(0, at) + ODD[cut.pick % ODD.length] + text.slice(at);
      else if (cut.kind === "stylized") {
        // Directly after the next Vietnamese letter, where a scan reading one code unit at a time goes wrong.
        VIETNAMESE_LETTER.lastIndex = at;
        const letter = VIETNAMESE_LETTER.exec(text);
        const after = letter ? letter.index + letter[0].length : at;
        text = text.slice(0, after) + STYLIZED[cut.pick % STYLIZED.length] + text.slice(after);
      } else {
        const space = text.indexOf(" ", at);
        if (space >= 0) text = text.slice(0, space) + text.slice(space + 1);
      }
    }
    if (crlf) text = text.replace(/\r?\n/g, "\r\n");
    return (bom ? "\uFEFF" : "") + text;
  });

test("article-like text with random damage: never throws, spans well-formed, fixes keep the rest", () => {
  fc.assert(
    fc.property(mutatedArticle, (text) => {
      const analysis = analyze(text);
      checkInvariants(text, analysis);
      checkFixesKeepTheRest(text, analysis);
    }),
    { numRuns: Math.ceil(RUNS / 4) },
  );
});

/** Entities as (type, text in NFC, rule, attributes), in order. */
function signature(text: string): string[] {
  return analyze(text).entities.map((e) => `${e.type}|${text.slice(e.start, e.end).normalize("NFC")}|${e.rule}|${JSON.stringify(e.attributes)}`);
}

test("NFC and NFD forms of an article give the same entities at corresponding positions", () => {
  fc.assert(
    fc.property(fc.constantFrom(...articles), fc.boolean(), (article, crlf) => {
      const nfc = article.normalize("NFC");
      const text = crlf ? nfc.replace(/\n/g, "\r\n") : nfc;
      const nfd = text.normalize("NFD");
      assert.deepEqual(signature(nfd), signature(text));
      // Corresponding positions: the NFD offsets, mapped back through NFC of the prefix, are the NFC offsets.
      const nfcEntities = analyze(text).entities;
      analyze(nfd).entities.forEach((e, k) => assert.equal(nfd.slice(0, e.start).normalize("NFC").length, nfcEntities[k]!.start));
    }),
    { numRuns: Math.min(articles.length * 2, 60) },
  );
});
