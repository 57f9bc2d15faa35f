/**
 * The analysis pool stops an analysis its caller no longer needs (a newer version of the document):
 * a waiting one at once, a running one at the engine's next pass, keeping its worker. The
 * `analysis-slow` failpoint holds an analysis before its first pass until it is cancelled, so the
 * test does not depend on how fast the machine is.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze } from "../../server/src/engine";
import { AnalysisPool } from "../../server/src/host/analysisPool";
import { FAILPOINTS_VARIABLE } from "../../server/src/host/failpoints";
import { cliPath, samplesDir } from "../helpers/paths";

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

test("pool: a document's next version goes to the worker that keeps its state, and is analyzed as a fresh one would be", async () => {
  const article = readFileSync(join(samplesDir, readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).sort()[0]!), "utf8");
  // Past the size where a document is read in blocks: blocks an edit leaves alone are reused.
  const large = `${article}\n`.repeat(Math.ceil(230_000 / article.length));
  const other = `${TEXT}${large}`;
  const pool = new AnalysisPool({ script: cliPath, size: 2 });
  try {
    // At once, so each gets a worker of its own.
    const [first, second] = await Promise.all([pool.analyze({ text: large, documentKey: "a" }), pool.analyze({ text: other, documentKey: "b" })]);
    assert.equal(first.kind, "done");
    assert.equal(second.kind, "done");
    assert.equal(pool.workers, 2);
    for (const [key, text] of [["a", large], ["b", other]] as const) {
      const middle = text.indexOf(" ", text.length >> 1);
      const edited = `${text.slice(0, middle)}a${text.slice(middle)}`;
      const outcome = await pool.analyze({ text: edited, documentKey: key });
      assert.ok(outcome.kind === "done" && outcome.reusedBlocks !== undefined && outcome.reusedBlocks > 0, `document ${key} reused its blocks`);
      assert.deepEqual(outcome.analysis, analyze(edited));
    }
    pool.forget("a");
    const again = await pool.analyze({ text: large, documentKey: "a" });
    assert.ok(again.kind === "done" && again.reusedBlocks === 0, "a forgotten document starts afresh");
  } finally {
    await pool.dispose();
  }
});

test("pool: a worker's loading does not count against the deadline; one that never loads fails its request", async () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-pool-"));
  // A worker script that takes 1.5 s to load (busy, as a loaded machine's bundle load is), then is the CLI's worker.
  const slowLoad = join(dir, "slow-load.cjs");
  writeFileSync(slowLoad, `const until = Date.now() + 1500; while (Date.now() < until); require(${JSON.stringify(cliPath)});\n`);
  const pool = new AnalysisPool({ script: slowLoad, deadlineSeconds: 1, size: 1 });
  try {
    const outcome = await pool.analyze({ text: TEXT });
    assert.equal(outcome.kind, "done", JSON.stringify(outcome).slice(0, 200));
  } finally {
    await pool.dispose();
  }
  // A script that dies while loading: the request fails with a reason, it does not wait forever.
  const broken = join(dir, "broken.cjs");
  writeFileSync(broken, `throw new Error("no bundle here");\n`);
  const failing = new AnalysisPool({ script: broken, deadlineSeconds: 1, size: 1 });
  try {
    const outcome = await failing.analyze({ text: TEXT });
    assert.equal(outcome.kind, "failed");
    assert.match(outcome.kind === "failed" ? outcome.reason : "", /no bundle here/);
  } finally {
    await failing.dispose();
  }
});
