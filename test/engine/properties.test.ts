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
const ODD = ["\u200B", "\u200F", "\u202E", "\uFEFF", "😀", "👩‍👩‍👧", "\u00A0", "\u0301", "\r", "\t", "\uD800"];

/** An article from the samples with random damage: debris, deleted spaces, emoji, zero-width and RTL marks, line ends. */
const mutatedArticle = fc
  .record({
    article: fc.constantFrom(...articles),
    cuts: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom("debris", "delete-space", "odd"), pick: fc.nat() }), { maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ article, cuts, crlf, bom }) => {
    let text = article;
    for (const cut of cuts) {
      const at = cut.at % (text.length + 1);
      if (cut.kind === "debris") text = text.slice(0, at) + "\n" + DEBRIS[cut.pick % DEBRIS.length] + "\n" + text.slice(at);
      else if (cut.kind === "odd") text = text.slice(0, at) + ODD[cut.pick % ODD.length] + text.slice(at);
      else {
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
