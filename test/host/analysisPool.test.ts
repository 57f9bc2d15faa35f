/**
 * The analysis pool stops an analysis its caller no longer needs (a newer version of the document):
 * a waiting one at once, a running one at the engine's next pass, keeping its worker. The
 * `analysis-slow` failpoint holds an analysis before its first pass until it is cancelled, so the
 * test does not depend on how fast the machine is.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { AnalysisPool } from "../../server/src/host/analysisPool";
import { FAILPOINTS_VARIABLE } from "../../server/src/host/failpoints";
import { cliPath } from "../helpers/paths";

const MARKER = "SLOW-THE-ENGINE";
const TEXT = "Ngày 3/4, Bộ trưởng Công Thương Nguyễn Hoàng Long tiếp Đại sứ Lào tại Hà Nội.\n";

test("pool: cancelling a running analysis ends it as cancelled, well before its deadline, and keeps its worker", async () => {
  process.env[FAILPOINTS_VARIABLE] = `analysis-slow=${MARKER}`; // workers copy the environment when they start
  const pool = new AnalysisPool({ script: cliPath, deadlineSeconds: 60, size: 1 });
  try {
    const running = new AbortController();
    const waiting = new AbortController();
    const slow = pool.analyze({ text: TEXT + MARKER }, undefined, running.signal);
    const queued = pool.analyze({ text: TEXT }, undefined, waiting.signal);
    waiting.abort();
    assert.deepEqual(await queued, { kind: "cancelled" }, "a waiting request ends at once");
    setTimeout(() => running.abort(), 100);
    assert.deepEqual(await slow, { kind: "cancelled" }, "a running one at the engine's next pass");
    assert.equal(pool.workers, 1, "its worker was kept, not terminated");
    const next = await pool.analyze({ text: TEXT });
    assert.equal(next.kind, "done", "and analyzes the next text");
  } finally {
    delete process.env[FAILPOINTS_VARIABLE];
    await pool.dispose();
  }
});

test("pool: a signal already aborted never starts the analysis", async () => {
  const pool = new AnalysisPool({ script: cliPath, size: 1 });
  try {
    assert.deepEqual(await pool.analyze({ text: TEXT }, undefined, AbortSignal.abort()), { kind: "cancelled" });
    assert.equal(pool.workers, 0);
  } finally {
    await pool.dispose();
  }
});
