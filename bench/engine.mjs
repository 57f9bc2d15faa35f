#!/usr/bin/env node
// Engine benchmark (part of `npm run bench`): throughput on the samples concatenated to 100 KB,
// 1 MB and 10 MB, how time grows with size, per-article latency over generated articles, and two
// baselines over the same text: one compiled regular expression of the engine's own trigger words,
// and ripgrep searching those words in the same files (when `rg` is installed). One JSON object on
// stdout, a readable table on stderr. Deterministic (seeded). Needs `npm run build`.
//
//   node bench/engine.mjs [--sizes 100KB,1MB,10MB] [--articles N] [--build DIR] [--vs DIR]
//
// --sizes: the throughput sizes to run (default all three; the 10 MB / 1 MB growth needs both);
// --articles: how many generated articles to time for latency (default 2000; 0 skips it, the
// engine is then warmed on 100 KB); --build: the compiled tree to load the engine from (default
// build/); --vs: a second compiled tree (a copy of an earlier build), analyzed the same texts in
// turn with the first, run for run, reported as the median of the per-run ratios (this ÷ that).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// The samples, their repetition to a size, and the statistics: shared with the server benchmark.
import { median, now, percentile, repeatTo } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const SIZES = { "100KB": [100_000, 9], "1MB": [1_000_000, 5], "10MB": [10_000_000, 3] };
const sizes = option("--sizes", Object.keys(SIZES).join(",")).split(",");
for (const size of sizes) if (!SIZES[size]) throw new Error(`--sizes: unknown size ${size} (known: ${Object.keys(SIZES).join(", ")})`);
const articleCount = Number(option("--articles", "2000"));
const buildDir = resolve(option("--build", join(root, "build")));
const vsDir = option("--vs", undefined);
const { analyze } = require(join(buildDir, "server/src/engine"));
const other = vsDir === undefined ? undefined : require(join(resolve(vsDir), "server/src/engine")).analyze;
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
for (let k = 0; k < articleCount; k++) {
  const size = 5000 + Math.floor(random() * 10_000);
  const offset = Math.floor(random() * 50_000);
  const text = repeatTo(offset + size).slice(offset);
  const start = now();
  analyze(text);
  latencies.push(now() - start);
}
if (articleCount === 0) for (let k = 0; k < 3; k++) [analyze, other].forEach((engine) => engine?.(repeatTo(100_000)));

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
  for (const label of sizes) {
    const [size, runs] = SIZES[label];
    const text = repeatTo(size);
    let engineMs;
    let versus;
    if (other) {
      // Run for run, this engine then the other, so a burst of load elsewhere hits both alike.
      const mine = [];
      const theirs = [];
      for (let k = 0; k < runs; k++) {
        mine.push(time(() => analyze(text), 1));
        theirs.push(time(() => other(text), 1));
      }
      engineMs = median(mine);
      versus = { otherMs: +median(theirs).toFixed(1), otherMBps: +(size / 1e6 / (median(theirs) / 1000)).toFixed(2), ratio: +median(mine.map((t, k) => t / theirs[k])).toFixed(2) };
    } else engineMs = time(() => analyze(text), runs);
    const baselineMs = time(() => scan(text), runs);
    const row = { bytes: Buffer.byteLength(text), characters: size, engineMs: +engineMs.toFixed(1), engineMBps: +(size / 1e6 / (engineMs / 1000)).toFixed(2), baselineMs: +baselineMs.toFixed(1), engineOverBaseline: +(engineMs / baselineMs).toFixed(2), ...(versus ? { versus } : {}) };
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
    growth10MBover1MB: throughput["10MB"] && throughput["1MB"] ? +(throughput["10MB"].engineMs / throughput["1MB"].engineMs).toFixed(2) : null,
    articleLatencyMs: latencies.length === 0 ? null : { articles: latencies.length, p50: +percentile(latencies, 50).toFixed(2), p95: +percentile(latencies, 95).toFixed(2), p99: +percentile(latencies, 99).toFixed(2) },
    ...(vsDir === undefined ? {} : { versus: resolve(vsDir) }),
  },
};
console.log(JSON.stringify(result));
const rows = Object.entries(throughput).map(
  ([label, t]) =>
    `${label.padEnd(6)} ${String(t.engineMs).padStart(9)} ms ${String(t.engineMBps).padStart(7)} MB/s   one regex ${String(t.baselineMs).padStart(8)} ms (×${t.engineOverBaseline})` +
    (t.ripgrepMs === undefined ? "" : `   ripgrep ${String(t.ripgrepMs).padStart(7)} ms (×${t.engineOverRipgrep})`) +
    (t.versus === undefined ? "" : `   --vs ${t.versus.otherMs} ms ${t.versus.otherMBps} MB/s (this ÷ that, run for run: ×${t.versus.ratio})`),
);
const latency = result.engine.articleLatencyMs;
console.error(
  [
    "engine throughput (median):",
    ...rows,
    ...(result.engine.growth10MBover1MB === null ? [] : [`10 MB / 1 MB time: ${result.engine.growth10MBover1MB}`]),
    ...(latency === null ? [] : [`article latency (${latency.articles} articles of 5–15 KB): p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms`]),
  ].join("\n"),
);
