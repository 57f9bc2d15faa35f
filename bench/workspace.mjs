#!/usr/bin/env node
// Workspace benchmark: the real server indexing a folder of generated articles in the background
// (server/src/lsp/workspaceIndex.ts), as when an editor opens a big corpus. Measures how long
// indexing takes, whether hovers on an open article wait behind it, the server's memory, and
// workspace/symbol latency on the full index. Then a second server on the same workspace and the
// same cache folder (initializationOptions.cacheDir, as VS Code's storage folder): the index from
// the persistent cache, as when the workspace is opened again. One JSON object on stdout, a
// readable table and progress on stderr. Deterministic (seeded); the folders are made in
// os.tmpdir() and deleted at the end, also on error or timeout. Needs `npm run build`.
//
//   node bench/workspace.mjs [--files N (10000)] [--timeout SECONDS] [--cpu-prof DIR] [--cache yes|no (yes)]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deadline, flags, hoverPositions, makeArticle, median, now, round, seeded, sleep, startServer, summary } from "./server.mjs";

const options = flags(process.argv.slice(2), ["files", "timeout", "cpu-prof", "cache"]);
const useCache = options.cache !== "no";
const fileCount = Number(options.files ?? 10_000);
if (!Number.isInteger(fileCount) || fileCount < 1) {
  console.error("--files must be a positive whole number");
  process.exit(2);
}
const FILES_PER_FOLDER = 500;
const HOVER_EVERY_MS = 20;
// Generous: the engine has been ~10–25 ms a file, so 10,000 files take minutes.
const timeoutSeconds = Number(options.timeout ?? 180 + fileCount * 0.1);

const dir = mkdtempSync(join(tmpdir(), "article-annotator-bench-"));
const cacheDir = mkdtempSync(join(tmpdir(), "article-annotator-bench-cache-"));
const removeDir = () => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
};
process.on("exit", removeDir); // after server.mjs's own exit handler has killed the server
deadline(timeoutSeconds, `bench/workspace.mjs (${fileCount} files)`);

const MB = 1024 * 1024;
/** VmRSS and VmHWM of a process, in bytes (Linux; undefined elsewhere or once it is gone). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024;
    return { rss: kB("VmRSS"), hwm: kB("VmHWM") };
  } catch {
    return undefined;
  }
}
/** CPU time (user + system) a process has used, in ms; for the fallback when no progress arrives. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

async function main() {
  // The corpus: runs of sample lines (see makeArticle), ~500 files a folder.
  const random = seeded(2024);
  let opened; // the article in the middle, opened in the editor while the rest is indexed
  let bytes = 0;
  for (let k = 0; k < fileCount; k++) {
    const folder = join(dir, `part-${String(Math.floor(k / FILES_PER_FOLDER)).padStart(3, "0")}`);
    if (k % FILES_PER_FOLDER === 0) mkdirSync(folder);
    const path = join(folder, `article-${String(k).padStart(5, "0")}.txt`);
    const text = makeArticle(random);
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    if (k === Math.floor(fileCount / 2)) opened = { path, text };
    if ((k + 1) % Math.max(1, Math.round(fileCount / 10)) === 0) console.error(`generated ${k + 1}/${fileCount} files`);
  }
  const openUri = pathToFileURL(opened.path).href;

  // Progress from the server: begin carries "N files", report a percentage, end means indexed.
  let begin;
  let indexedAt;
  let serverFiles;
  let lastTenth = 0;
  let markIndexed;
  const indexed = new Promise((resolve) => (markIndexed = resolve));
  const hovers = [];
  let peakRss = 0;
  let server;
  const onProgress = ({ value }, at) => {
    if (value?.kind === "begin") {
      begin = at;
      serverFiles = Number(/(\d+) files/.exec(value.message ?? "")?.[1]);
    } else if (value?.kind === "report" && typeof value.percentage === "number" && Math.floor(value.percentage / 10) > lastTenth) {
      lastTenth = Math.floor(value.percentage / 10);
      const hoverMax = hovers.length ? `, hover max so far ${round(Math.max(...hovers))} ms over ${hovers.length}` : "";
      console.error(`indexing ${value.message} (${value.percentage}%) after ${round((at - server.initializedAt) / 1000)} s, RSS ${round(peakRss / MB)} MB peak${hoverMax}`);
    } else if (value?.kind === "end") {
      markIndexed(at);
    }
  };

  const rootUri = pathToFileURL(dir).href;
  const initializationOptions = useCache ? { cacheDir } : undefined;
  server = await startServer({ rootUri, settings: {}, workDoneProgress: true, onProgress, cpuProfileDir: options["cpu-prof"], initializationOptions });
  const pid = server.child.pid;
  const cpuAtStart = cpuMsOf(pid);
  let stopped = false;
  const stopServer = async () => {
    if (!stopped) await server.stop();
    stopped = true;
  };
  const sampler = setInterval(() => {
    const memory = memoryOf(pid);
    if (memory) peakRss = Math.max(peakRss, memory.rss);
  }, 100);

  try {
    // An article opened while indexing starts, then a hover every ~20 ms until it ends.
    const arrived = server.expectDiagnostics(openUri, 1, timeoutSeconds * 1000);
    const openedAt = now();
    await server.open(openUri, opened.text);
    let indexing = true;
    const hoverLoop = (async () => {
      const openMs = (await arrived).at - openedAt;
      const positions = hoverPositions(opened.text, seeded(5), 1000);
      for (let k = 0; indexing; k++) {
        const start = now();
        await server.hover(openUri, positions[k % positions.length]);
        const took = now() - start;
        if (indexing) hovers.push(took);
        await sleep(Math.max(0, HOVER_EVERY_MS - took));
      }
      return openMs;
    })();

    // No progress (a client without workDoneProgress, or a change in the server): fall back to
    // "done when the server's CPU has been idle for a second", checked with workspace/symbol
    // round trips so a stuck connection shows.
    const fallback = (async () => {
      await sleep(30_000);
      if (begin !== undefined || indexedAt !== undefined) return new Promise(() => undefined);
      console.error("no $/progress from the server within 30 s: waiting for it to go idle instead");
      let previous = cpuMsOf(pid);
      let busyUntil = now();
      for (;;) {
        await server.connection.sendRequest("workspace/symbol", { query: "" });
        await sleep(1000);
        const cpu = cpuMsOf(pid);
        if (cpu === undefined || cpu - previous < 50) return busyUntil;
        previous = cpu;
        busyUntil = now();
      }
    })();
    indexedAt = await Promise.race([indexed, fallback]);
    const measuredBy = begin !== undefined ? "$/progress end" : "cpu idle (fallback)";
    indexing = false;
    const openDuringIndexMs = await hoverLoop;
    const indexMs = indexedAt - server.initializedAt;
    const indexCpuMs = cpuMsOf(pid) - cpuAtStart; // less sensitive than indexMs to a busy machine
    const rssAfterIndex = memoryOf(pid)?.rss;

    // workspace/symbol over the whole index: everything (capped by the server), a name, no match.
    const symbolQuery = async (query) => {
      const times = [];
      let count = 0;
      for (let run = 0; run < 5; run++) {
        const start = now();
        count = (await server.connection.sendRequest("workspace/symbol", { query }))?.length ?? 0;
        times.push(now() - start);
      }
      return { query, count, medianMs: round(median(times), 2), maxMs: round(Math.max(...times), 2) };
    };
    const symbols = [await symbolQuery(""), await symbolQuery("tran quang vinh"), await symbolQuery("no such name zzz")];
    const memory = memoryOf(pid);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, memory?.rss ?? 0, memory?.hwm ?? 0);

    const coldLog = indexedLine(server.logs);
    await stopServer();
    const fromCache = useCache ? await indexFromCache(rootUri, initializationOptions, symbols[0].count) : null;

    const result = {
      machine: { node: process.version, cpus: cpus().length },
      workspace: {
        files: fileCount,
        megabytes: round(bytes / MB, 1),
        serverFiles: serverFiles ?? null,
        indexMs: round(indexMs, 0),
        indexMeasuredBy: measuredBy,
        progressBeginMs: begin === undefined ? null : round(begin - server.initializedAt, 0),
        filesPerSecond: round(fileCount / (indexMs / 1000), 1),
        indexCpuMs: round(indexCpuMs, 0),
        openDuringIndexMs: round(openDuringIndexMs, 1),
        hoverDuringIndexMs: hovers.length ? summary(hovers) : { count: 0 },
        peakRssMB: memory ? round(peakRss / MB, 1) : null,
        vmHwmMB: memory ? round(memory.hwm / MB, 1) : null,
        rssAfterIndexMB: rssAfterIndex === undefined ? null : round(rssAfterIndex / MB, 1),
        rssAfterQueriesMB: memory ? round(memory.rss / MB, 1) : null,
        workspaceSymbol: symbols,
        coldIndexLog: coldLog ?? null,
        fromCache,
        serverLog: server.logs.length,
      },
    };
    console.log(JSON.stringify(result));
    const w = result.workspace;
    const h = w.hoverDuringIndexMs;
    console.error([
      `workspace of ${w.files} generated articles (${w.megabytes} MB; the server listed ${w.serverFiles}):`,
      `index (initialized → ${w.indexMeasuredBy})   ${String(w.indexMs).padStart(9)} ms   ${w.filesPerSecond} files/s   (progress began at ${w.progressBeginMs} ms; server CPU ${w.indexCpuMs} ms)`,
      `open → diagnostics while indexing  ${String(w.openDuringIndexMs).padStart(9)} ms`,
      h.count ? `hover while indexing               ${String(h.p50).padStart(9)} ms p50   ${h.p95} ms p95   ${h.max} ms max   (${h.count} hovers, one every ${HOVER_EVERY_MS} ms)` : "hover while indexing: none answered before indexing ended",
      `memory                             ${String(w.peakRssMB).padStart(9)} MB peak RSS   ${w.rssAfterIndexMB} MB after indexing   ${w.rssAfterQueriesMB} MB after queries`,
      ...symbols.map((s) => `workspace/symbol ${JSON.stringify(s.query).padEnd(18)} ${String(s.medianMs).padStart(9)} ms   ${s.count} results`),
      `server (cold): ${coldLog ?? "no summary line"}`,
      fromCache
        ? `index from cache (new server)      ${String(fromCache.indexMs).padStart(9)} ms   ${fromCache.filesPerSecond} files/s   server CPU ${fromCache.cpuMs} ms   ${fromCache.peakRssMB} MB peak RSS   cache ${fromCache.cacheMB} MB   (${fromCache.serverLog})`
        : "index from cache: not measured (--cache no)",
      ...(server.logs.length ? [`server log lines: ${server.logs.length} (first: ${server.logs[0].slice(0, 200)})`] : []),
    ].join("\n"));
  } finally {
    clearInterval(sampler);
    await stopServer();
  }
}

/** The server's own summary of an indexing ("indexed N files in … s: C from the cache, A analyzed …"). */
function indexedLine(logs) {
  return logs.find((line) => line.startsWith("indexed "));
}

/** Bytes of the files under `folder`. */
function folderBytes(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  return total;
}

/**
 * A second server on the same workspace and cache folder: from `initialized` to the index's
 * progress end (the entries are in the index), with its peak RSS; checks that it answers the
 * same number of symbols as the cold index did.
 */
async function indexFromCache(rootUri, initializationOptions, expectedSymbols) {
  let markIndexed;
  const indexed = new Promise((resolve) => (markIndexed = resolve));
  const onProgress = ({ value }, at) => {
    if (value?.kind === "end") markIndexed(at);
  };
  const server = await startServer({ rootUri, settings: {}, workDoneProgress: true, onProgress, initializationOptions });
  const cpuAtStart = cpuMsOf(server.child.pid);
  let peakRss = 0;
  const sampler = setInterval(() => {
    const memory = memoryOf(server.child.pid);
    if (memory) peakRss = Math.max(peakRss, memory.rss);
  }, 50);
  try {
    const indexedAt = await indexed;
    const indexMs = indexedAt - server.initializedAt;
    const cpuMs = cpuMsOf(server.child.pid) - cpuAtStart;
    const count = (await server.connection.sendRequest("workspace/symbol", { query: "" }))?.length ?? 0;
    if (count !== expectedSymbols) throw new Error(`the index from the cache answers ${count} symbols, the cold one ${expectedSymbols}`);
    const memory = memoryOf(server.child.pid);
    peakRss = Math.max(peakRss, memory?.rss ?? 0, memory?.hwm ?? 0);
    const line = indexedLine(server.logs) ?? "";
    const counts = /: (\d+) from the cache, (\d+) analyzed \(cache read in (\d+) ms\)/.exec(line);
    return {
      indexMs: round(indexMs, 0),
      filesPerSecond: round(fileCount / (indexMs / 1000), 1),
      cpuMs: round(cpuMs, 0),
      cached: counts ? Number(counts[1]) : null,
      analyzed: counts ? Number(counts[2]) : null,
      cacheReadMs: counts ? Number(counts[3]) : null,
      cacheMB: round(folderBytes(cacheDir) / MB, 1),
      peakRssMB: round(peakRss / MB, 1),
      serverLog: line,
    };
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

main().then(
  () => process.exit(0), // the exit handlers kill the server and delete the folder
  (error) => {
    console.error(`bench/workspace.mjs failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
