#!/usr/bin/env node
// CLI benchmark (part of `npm run bench`): `annotate` over a folder of generated articles, with
// `--jobs 1` and `--jobs 2` (records streamed as JSON Lines into a file), and `annotate --stdin`
// over generated JSON Lines piped in (no files); wall time, files/s and the process's peak RSS
// (worker threads included). Peak RSS at a tenth of the files and at all of them shows whether
// memory grows with the corpus. One JSON object on stdout, a table on stderr. Deterministic
// (seeded); the folder is made in os.tmpdir() and deleted at the end. Needs `npm run build`.
//
//   node bench/cli.mjs [--files N (10000)] [--stdin N (same as --files)]
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { flags, makeArticle, now, round, seeded } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const options = flags(process.argv.slice(2), ["files", "stdin"]);
const fileCount = Number(options.files ?? 10_000);
const stdinCount = Number(options.stdin ?? fileCount);
for (const [name, value] of [["--files", fileCount], ["--stdin", stdinCount]]) {
  if (!Number.isInteger(value) || value < 10) {
    console.error(`${name} must be a whole number of at least 10`);
    process.exit(2);
  }
}
const FILES_PER_FOLDER = 500;
const dir = mkdtempSync(join(tmpdir(), "article-annotator-bench-cli-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with `args` (stdin from `feed`, a function writing to a stream, if given); its wall time, peak RSS and exit status. */
async function timed(args, feed) {
  const rssFile = join(dir, "peak-rss");
  const out = join(dir, "out.jsonl");
  const started = now();
  const child = spawn(process.execPath, ["--require", join(here, "peak-rss.cjs"), cli, ...args], {
    stdio: [feed ? "pipe" : "ignore", "pipe", "pipe"],
    env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile },
  });
  child.stdout.pipe(createWriteStream(out));
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  if (feed) feed(child.stdin).then(() => child.stdin.end());
  const status = await new Promise((resolve) => child.on("close", resolve));
  const ms = now() - started;
  if (status !== 0) throw new Error(`annotate ${args.join(" ")} exited ${status}: ${stderr.slice(0, 500)}`);
  const lines = await countLines(out);
  return { ms, peakRssMB: round(Number(readFileSync(rssFile, "utf8")) / 1024), records: lines };
}

/** Line breaks in a file, read in chunks (100,000 records are more than one string can hold). */
async function countLines(path) {
  let lines = 0;
  for await (const chunk of createReadStream(path)) for (let k = chunk.indexOf(10); k >= 0; k = chunk.indexOf(10, k + 1)) lines++;
  return lines;
}

function generateFolder(count) {
  const random = seeded(2024);
  const folder = join(dir, `articles-${count}`);
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const part = join(folder, `part-${String(Math.floor(k / FILES_PER_FOLDER)).padStart(3, "0")}`);
    if (k % FILES_PER_FOLDER === 0) mkdirSync(part, { recursive: true });
    const text = makeArticle(random);
    writeFileSync(join(part, `article-${String(k).padStart(6, "0")}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, bytes };
}

/** Writes `count` generated {"id", "text"} lines to `stream`, waiting whenever the pipe is full. */
function feedLines(count) {
  return async (stream) => {
    const random = seeded(7);
    for (let k = 0; k < count; k++) {
      const line = JSON.stringify({ id: `generated-${k}`, text: makeArticle(random) }) + "\n";
      if (!stream.write(line)) await new Promise((resolve) => stream.once("drain", resolve));
    }
  };
}

const tenth = Math.max(10, Math.round(fileCount / 10));
console.error(`generating ${fileCount} + ${tenth} articles…`);
const small = generateFolder(tenth);
const large = generateFolder(fileCount);
const runs = {};
for (const [name, count, folder] of [["jobs1", fileCount, large.folder], ["jobs2", fileCount, large.folder], ["jobs2Tenth", tenth, small.folder]]) {
  const jobs = name.startsWith("jobs1") ? 1 : 2;
  console.error(`annotate --jobs ${jobs} over ${count} files…`);
  const run = await timed(["annotate", "--jobs", String(jobs), "--format", "jsonl", folder]);
  if (run.records !== count) throw new Error(`${name}: ${run.records} records for ${count} files`);
  runs[name] = { files: count, seconds: round(run.ms / 1000, 2), filesPerSecond: round((count * 1000) / run.ms, 0), peakRssMB: run.peakRssMB };
}
console.error(`annotate --stdin --jobs 2 over ${stdinCount} generated lines…`);
const piped = await timed(["annotate", "--stdin", "--jobs", "2"], feedLines(stdinCount));
if (piped.records !== stdinCount) throw new Error(`stdin: ${piped.records} records for ${stdinCount} lines`);
runs.stdinJobs2 = { articles: stdinCount, seconds: round(piped.ms / 1000, 2), articlesPerSecond: round((stdinCount * 1000) / piped.ms, 0), peakRssMB: piped.peakRssMB };

const result = {
  files: fileCount,
  megabytes: round(large.bytes / 1024 / 1024),
  ...runs,
  jobs2OverJobs1Time: round(runs.jobs2.seconds / runs.jobs1.seconds, 2),
  peakRssGrowthTenthToAll: round(runs.jobs2.peakRssMB / runs.jobs2Tenth.peakRssMB, 2),
};
const parallel = spawnSync("parallel", ["--version"], { encoding: "utf8" }).status === 0;
console.log(JSON.stringify({ machine: { cpus: cpus().length, availableParallelism: availableParallelism(), node: process.version, parallelInstalled: parallel }, cli: result }));
console.error(
  [
    "",
    `annotate over ${fileCount} files (${result.megabytes} MB):`,
    `  --jobs 1: ${runs.jobs1.seconds} s (${runs.jobs1.filesPerSecond} files/s), peak RSS ${runs.jobs1.peakRssMB} MB`,
    `  --jobs 2: ${runs.jobs2.seconds} s (${runs.jobs2.filesPerSecond} files/s), peak RSS ${runs.jobs2.peakRssMB} MB — time ratio ${result.jobs2OverJobs1Time}`,
    `  --jobs 2 over ${tenth} files: peak RSS ${runs.jobs2Tenth.peakRssMB} MB (growth to all: ×${result.peakRssGrowthTenthToAll})`,
    `  --stdin --jobs 2 over ${stdinCount} generated lines: ${runs.stdinJobs2.seconds} s, peak RSS ${runs.stdinJobs2.peakRssMB} MB`,
  ].join("\n"),
);
