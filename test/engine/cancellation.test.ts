import { test } from "node:test";
import assert from "node:assert/strict";
import { AnalysisCancelled, analyze, type CancellationToken } from "../../server/src/engine";

const ARTICLE = [
  "Hai nước ký thỏa thuận hợp tác",
  "Ngày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Công Thương Nguyễn Hoàng Long tại Viêng Chăn.",
  "Hai bên nhất trí đưa kim ngạch lên 2 tỷ USD tại Hội nghị Ủy ban liên Chính phủ lần thứ 45.",
  "",
].join("\n");

/** A token that asks to stop once it has been read `reads` times; counts how often it was read. */
function tokenAfter(reads: number): CancellationToken & { checks: number } {
  const token = {
    checks: 0,
    get isCancellationRequested(): boolean {
      token.checks++;
      return token.checks > reads;
    },
  };
  return token;
}

test("cancellation: a token never cancelled leaves the analysis unchanged, and is checked between several passes", () => {
  const token = tokenAfter(Number.POSITIVE_INFINITY);
  assert.deepEqual(analyze(ARTICLE, { cancellation: token }), analyze(ARTICLE));
  assert.ok(token.checks >= 5, `checked between passes (${token.checks} checks)`);
});

test("cancellation: a token already cancelled stops the analysis before its first pass", () => {
  assert.throws(() => analyze(ARTICLE, { cancellation: { isCancellationRequested: true } }), AnalysisCancelled);
});

test("cancellation: a token cancelled during the analysis stops it at the next check, whichever pass it is", () => {
  const passes = tokenAfter(Number.POSITIVE_INFINITY);
  analyze(ARTICLE, { cancellation: passes });
  for (let reads = 1; reads < passes.checks; reads++) {
    const token = tokenAfter(reads);
    assert.throws(() => analyze(ARTICLE, { cancellation: token }), AnalysisCancelled, `cancelled after ${reads} checks`);
    assert.equal(token.checks, reads + 1, "stops at the first check that sees it");
  }
});
