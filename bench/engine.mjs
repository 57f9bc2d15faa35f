#!/usr/bin/env node
// Engine benchmark (part of `npm run bench`): throughput on the samples concatenated to 100 KB,
// 1 MB and 10 MB, how time grows with size, per-article latency over generated articles, and two
// baselines over the same text: one compiled regular expression of the engine's own trigger words,
// and ripgrep searching those words in the same files (when `rg` is installed). One JSON object on
// stdout, a readable table on stderr. Deterministic (seeded). Needs `npm run build`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
// The samples, their repetition to a size, and the statistics: shared with the server benchmark.
import { median, now, percentile, repeatTo } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { analyze } = require(join(root, "build/server/src/engine"));
const officials = require(join(root, "server/src/engine/data/officials.json"));
const forums = require(join(root, "server/src/engine/data/forums.json"));
const amounts = require(join(root, "server/src/engine/data/amounts.json"));

// The baseline: the engine's trigger words (titles, forum heads, currencies) as one regex.
const words = [
  ...officials.titles.flatMap((t) => t.vi),
  ...forums.heads.flatMap((h) => h.vi),
  ...amounts.currencies.flatMap((c) => c.after),
].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const baseline = new RegExp(`(?:${words.join("|")})`, "giu");
const scan = (text) => {
  let n = 0;
  baseline.lastIndex = 0;
  while (baseline.exec(text)) n++;
  return n;
};

const time = (work, runs) => {
  const times = [];
  for (let k = 0; k < runs; k++) {
    const start = now();
    work();
    times.push(now() - start);
  }
  return median(times);
};

// Per-article latency over generated articles of 5–15 KB (seeded). Run first: it also brings the
// engine to steady state (optimized code), which the throughput figures are meant to show.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const latencies = [];
for (let k = 0; k < 2000; k++) {
  const size = 5000 + Math.floor(random() * 10_000);
  const offset = Math.floor(random() * 50_000);
  const text = repeatTo(offset + size).slice(offset);
  const start = now();
  analyze(text);
  latencies.push(now() - start);
}

// ripgrep over the same bytes, the same words (fixed strings, case-insensitive), counting matches.
const rgAvailable = spawnSync("rg", ["--version"]).status === 0;
const scratch = mkdtempSync(join(tmpdir(), "article-annotator-bench-"));
const wordsFile = join(scratch, "words.txt");
writeFileSync(wordsFile, words.map((w) => w.replace(/\\(.)/g, "$1")).join("\n"));
const ripgrep = (file) => {
  const result = spawnSync("rg", ["--count-matches", "--ignore-case", "--fixed-strings", "--file", wordsFile, file], { encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr}`);
};

const throughput = {};
try {
  for (const [label, size, runs] of [["100KB", 100_000, 9], ["1MB", 1_000_000, 5], ["10MB", 10_000_000, 3]]) {
    const text = repeatTo(size);
    const engineMs = time(() => analyze(text), runs);
    const baselineMs = time(() => scan(text), runs);
    const row = { bytes: Buffer.byteLength(text), characters: size, engineMs: +engineMs.toFixed(1), engineMBps: +(size / 1e6 / (engineMs / 1000)).toFixed(2), baselineMs: +baselineMs.toFixed(1), engineOverBaseline: +(engineMs / baselineMs).toFixed(2) };
    if (rgAvailable) {
      const file = join(scratch, `${label}.txt`);
      writeFileSync(file, text);
      const ripgrepMs = time(() => ripgrep(file), runs);
      Object.assign(row, { ripgrepMs: +ripgrepMs.toFixed(1), engineOverRipgrep: +(engineMs / ripgrepMs).toFixed(1) });
    }
    throughput[label] = row;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const result = {
  machine: { node: process.version, cpus: (await import("node:os")).cpus().length },
  engine: {
    ripgrep: rgAvailable ? spawnSync("rg", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0] : "not installed (Debian package ripgrep)",
    throughput,
    growth10MBover1MB: +(throughput["10MB"].engineMs / throughput["1MB"].engineMs).toFixed(2),
    articleLatencyMs: { articles: latencies.length, p50: +percentile(latencies, 50).toFixed(2), p95: +percentile(latencies, 95).toFixed(2), p99: +percentile(latencies, 99).toFixed(2) },
  },
};
console.log(JSON.stringify(result));
const rows = Object.entries(throughput).map(
  ([label, t]) =>
    `${label.padEnd(6)} ${String(t.engineMs).padStart(9)} ms ${String(t.engineMBps).padStart(7)} MB/s   one regex ${String(t.baselineMs).padStart(8)} ms (×${t.engineOverBaseline})` +
    (t.ripgrepMs === undefined ? "" : `   ripgrep ${String(t.ripgrepMs).padStart(7)} ms (×${t.engineOverRipgrep})`),
);
console.error(["engine throughput (median):", ...rows, `10 MB / 1 MB time: ${result.engine.growth10MBover1MB}`, `article latency (2000 articles of 5–15 KB): p50 ${result.engine.articleLatencyMs.p50} ms, p95 ${result.engine.articleLatencyMs.p95} ms, p99 ${result.engine.articleLatencyMs.p99} ms`].join("\n"));
