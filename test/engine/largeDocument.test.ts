import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { analyze, type Entity } from "../../server/src/engine";
import { SpanIndex } from "../../server/src/engine/text/spanIndex";
import { tokenize } from "../../server/src/engine/text/tokens";
import { samplesDir } from "../helpers/paths";

const key = (entity: Entity): string => `${entity.type} ${entity.start}-${entity.end} ${JSON.stringify(entity.attributes)}`;

test("a large document (read a block at a time) finds in its first article what the article alone gives", () => {
  for (const file of readdirSync(samplesDir).filter((f) => f.endsWith(".txt"))) {
    const article = readFileSync(join(samplesDir, file), "utf8");
    // Well over the size up to which every token is kept: the large-document path.
    const large = `${article}\n`.repeat(Math.ceil(250_000 / article.length));
    const alone = analyze(article).entities.filter((e) => e.type !== "date");
    const first = analyze(large).entities.filter((e) => e.end <= article.length && e.type !== "date");
    assert.ok(alone.length > 0, `${file} has entities`);
    assert.deepEqual(first.map(key), alone.map(key), file);
  }
});

test("SpanIndex answers overlaps like a scan, whatever order spans are added in", () => {
  const span = fc.tuple(fc.nat(200), fc.nat(20)).map(([start, length]) => ({ start, end: start + length + 1 }));
  fc.assert(
    fc.property(fc.array(span, { maxLength: 30 }), fc.boolean(), fc.array(span, { maxLength: 20 }), (spans, sortFirst, queries) => {
      const added = sortFirst ? [...spans].sort((a, b) => a.start - b.start) : spans;
      const index = new SpanIndex();
      // Queries between additions too: the in-order fast path and the re-sort must agree.
      for (const [k, s] of added.entries()) {
        index.add(s);
        const query = queries[k % Math.max(1, queries.length)];
        if (query) assert.equal(index.overlaps(query.start, query.end), added.slice(0, k + 1).some((a) => a.start < query.end && query.start < a.end));
      }
      for (const query of queries) assert.equal(index.overlaps(query.start, query.end), added.some((a) => a.start < query.end && query.start < a.end));
    }),
    { numRuns: 500 },
  );
});

test("tokens of a segment cut inside a word end where the segment ends", () => {
  const text = "Hội nghị Bộ trưởng ASEAN";
  const cut = text.indexOf("trưởng") + 3;
  const tokens = tokenize(text, 0, cut);
  assert.deepEqual(tokens.map((t) => t.text), ["Hội", "nghị", "Bộ", "trư"]);
  assert.equal(tokens.at(-1)!.end, cut);
  const rest = tokenize(text, cut);
  assert.deepEqual(rest.map((t) => [t.text, t.start]), [["ởng", cut], ["ASEAN", text.indexOf("ASEAN")]]);
  assert.equal(rest[1]!.isAllCaps, true);
});
