#!/usr/bin/env node
// Language-server benchmark: the real server (`node dist/server.js --stdio`) driven over JSON-RPC,
// as an editor would. Measures cold start, open-to-diagnostics on typical and 1 MB articles, hover
// latency, and edit-to-diagnostics on the 1 MB article (an incremental analysis: the server's worker
// keeps the document's state, engine/incremental.ts). One JSON object on stdout, a readable table
// on stderr. Deterministic (seeded), stdio only. Needs `npm run build` (runs dist/server.js).
//
//   node bench/server.mjs [--timeout SECONDS] [--cpu-prof DIR] [--only large]
//
// --only large runs only the 1 MB part (open, then one-letter edits), for comparing builds.
// --cpu-prof DIR starts every server with `node --cpu-prof` and writes its profiles into DIR.
// The helpers below are exported for bench/workspace.mjs; the benchmark runs only when this file
// is the program.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const serverPath = join(root, "dist", "server.js");

// The server's debounce (server/src/lsp/server.ts, copied by hand, not parsed): an edit is analyzed
// after a quiet period of twice the document's last analysis time, clamped to minMs..maxMs. It is
// part of largeEditMs (a 1 MB article sits at the maximum); an open is analyzed at once.
export const SERVER_DEBOUNCE = { rule: "2 × last analysis of the document", minMs: 25, maxMs: 300 };

// ---------------------------------------------------------------------------------------------
// Numbers

export const now = () => Number(process.hrtime.bigint()) / 1e6;
export const round = (value, digits = 1) => (value === undefined || value === null ? null : +value.toFixed(digits));
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
export const summary = (values) => ({
  count: values.length,
  p50: round(percentile(values, 50), 2),
  p95: round(percentile(values, 95), 2),
  p99: round(percentile(values, 99), 2),
  max: round(Math.max(...values), 2),
});
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A seeded PRNG (mulberry32): the same articles and positions on every run. */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Articles, built from the project's own samples

export const samples = readdirSync(join(root, "samples")).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(root, "samples", f), "utf8"));

/** The samples repeated to `size` characters (the same text bench/engine.mjs uses). */
export function repeatTo(size) {
  let text = "";
  for (let k = 0; text.length < size; k++) text += samples[k % samples.length] + "\n";
  return text.slice(0, size);
}

/**
 * A typical article of 5–15 K characters: a run of whole lines from the samples taken in a seeded
 * order, starting at a seeded line. Runs of lines keep each sample's structure (masthead, body,
 * related links) so debris rules and detectors see what they see in real pages; the samples are
 * 3–5 KB each, so an article spans two to four of them.
 */
export function makeArticle(random, minChars = 5000, maxChars = 15_000) {
  const target = minChars + Math.floor(random() * (maxChars - minChars));
  const order = samples.map((text) => ({ lines: text.replace(/\n$/, "").split("\n"), key: random() })).sort((a, b) => a.key - b.key);
  const lines = order.flatMap((sample) => sample.lines);
  let at = Math.floor(random() * lines.length);
  const out = [];
  let length = 0;
  while (length < target) {
    const line = lines[at++ % lines.length];
    out.push(line);
    length += line.length + 1;
  }
  return out.join("\n") + "\n";
}

/** LSP position (0-based line, UTF-16 character) of a string offset. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let k = text.indexOf("\n"); k !== -1 && k < offset; k = text.indexOf("\n", k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, character: offset - lineStart };
}

// Words a hover is likely to land on an entity after (titles, forum heads, currencies).
const MENTION = /(?:Bộ trưởng|Thủ tướng|Thứ trưởng|Chủ tịch|Tổng thống|Đại sứ|Hội nghị|Diễn đàn) (\p{L}+)(?: (\p{L}+))?(?: (\p{L}+))?|\d[\d.,]* (?:USD|tỷ|triệu|%)/gu;

/** `count` hover positions over `text`: about half inside entity mentions, the rest anywhere. */
export function hoverPositions(text, random, count) {
  const mentions = [];
  for (const match of text.matchAll(MENTION)) {
    // The middle of every word of the mention: the title and the name after it, or the amount.
    let at = match.index;
    for (const word of match[0].split(" ")) {
      mentions.push(at + Math.floor(word.length / 2));
      at += word.length + 1;
    }
  }
  const offsets = [];
  for (let k = 0; k < count; k++) {
    offsets.push(mentions.length > 0 && k % 2 === 0 ? mentions[Math.floor(random() * mentions.length)] : Math.floor(random() * text.length));
  }
  return offsets.map((offset) => positionAt(text, offset));
}

// ---------------------------------------------------------------------------------------------
// The server

const live = new Set();
/** Kills every server still running (on exit, timeout or error). */
function killAll(signal = "SIGKILL") {
  for (const child of live) {
    try {
      child.kill(signal);
    } catch {
      // gone already
    }
  }
}
process.on("exit", () => killAll());
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`interrupted (${signal})`);
    process.exit(130);
  });
}

/**
 * A hard deadline over the whole run: past it, the process exits 2 with `message` (the exit
 * handlers kill every server, and workspace.mjs's deletes its folder).
 */
export function deadline(seconds, message) {
  const timer = setTimeout(() => {
    console.error(`${message}: no result within ${seconds} s; server killed`);
    process.exit(2);
  }, seconds * 1000);
  timer.unref();
  return timer;
}

/** Parses `--name value` flags into an object of strings. */
export function flags(argv, known) {
  const result = {};
  for (let k = 0; k < argv.length; k++) {
    const name = argv[k].replace(/^--/, "");
    if (!argv[k].startsWith("--") || !known.includes(name) || argv[k + 1] === undefined) {
      console.error(`usage: ${known.map((f) => `[--${f} VALUE]`).join(" ")}`);
      process.exit(2);
    }
    result[name] = argv[++k];
  }
  return result;
}

/**
 * Starts `node dist/server.js --stdio`, initializes it and sends `initialized`. Answers the
 * server's requests like an editor: `settings` for the articleAnnotator configuration section,
 * null for progress tokens and registrations. Times are from the spawn.
 */
export async function startServer({ rootUri = null, settings = {}, workDoneProgress = false, onProgress = () => undefined, cpuProfileDir, initializationOptions } = {}) {
  const spawnedAt = now();
  const nodeArgs = cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", cpuProfileDir] : [];
  const child = spawn(process.execPath, [...nodeArgs, serverPath, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  live.add(child);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  void exited.then(() => live.delete(child));
  const stderr = [];
  child.stderr.on("data", (chunk) => stderr.push(String(chunk)));
  // A server that dies mid-run fails the benchmark at once, with what it said, not at the deadline.
  let stopping = false;
  void exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`the server exited unexpectedly (code ${code}, signal ${signal})${stderr.length ? `:\n${stderr.join("").slice(-2000)}` : ""}`);
    process.exit(1);
  });

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Set();
  const logs = [];
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    const at = now();
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && params.version === waiter.version) {
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve({ at, diagnostics: params.diagnostics.length });
      }
    }
  });
  connection.onNotification("window/logMessage", (params) => logs.push(params.message));
  connection.onNotification("window/showMessage", (params) => logs.push(params.message));
  connection.onRequest("window/showMessageRequest", (params) => (logs.push(params.message), null));
  connection.onNotification("articleAnnotator/summary", () => undefined);
  connection.onNotification("$/progress", (params) => onProgress(params, now()));
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("workspace/configuration", (params) => params.items.map((item) => (item.section === "articleAnnotator" ? settings : {})));
  connection.onRequest("workspace/applyEdit", () => ({ applied: false }));
  connection.onError(([error]) => logs.push(`connection error: ${error.message}`));
  connection.listen();

  const folders = rootUri ? [{ uri: rootUri, name: "bench" }] : null;
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri,
    workspaceFolders: folders,
    initializationOptions,
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, symbol: {} },
      window: { workDoneProgress },
      textDocument: { synchronization: { didSave: false }, hover: { contentFormat: ["markdown", "plaintext"] }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  const initializeMs = now() - spawnedAt;
  await connection.sendNotification("initialized", {});
  const initializedAt = now();

  return {
    child,
    connection,
    logs,
    stderr,
    spawnedAt,
    initializedAt,
    initializeMs,
    /** Resolves with the time the diagnostics of `uri` at `version` arrived; call before sending. */
    expectDiagnostics(uri, version, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const waiter = { uri, version, resolve };
        waiter.timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    open(uri, text, version = 1) {
      return connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "article", version, text } });
    },
    close(uri) {
      return connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    },
    hover(uri, position) {
      return connection.sendRequest("textDocument/hover", { textDocument: { uri }, position });
    },
    /** Shuts down politely (so --cpu-prof can write its profile), then makes sure it is gone. */
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await Promise.race([connection.sendRequest("shutdown"), sleep(5000)]);
          await connection.sendNotification("exit");
        } catch {
          // already gone
        }
        await Promise.race([exited, sleep(cpuProfileDir ? 15_000 : 3000)]);
      }
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Sends didOpen and resolves with the milliseconds until its diagnostics arrive. */
export async function timeOpen(server, uri, text) {
  const arrived = server.expectDiagnostics(uri, 1);
  const start = now();
  await server.open(uri, text);
  const { at, diagnostics } = await arrived;
  return { ms: at - start, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// The benchmark

async function main() {
  const options = flags(process.argv.slice(2), ["timeout", "cpu-prof", "only"]);
  if (options.only !== undefined && options.only !== "large") {
    console.error("--only: large is the one part that runs alone");
    process.exit(2);
  }
  if (options.only === "large") return largeOnly(options);
  deadline(Number(options.timeout ?? 600), "bench/server.mjs");
  const cpuProfileDir = options["cpu-prof"];
  const settings = { maxFileSize: 20_000_000 }; // the 1 MB file must be analyzed, not skipped
  const docUri = (name) => pathToFileURL(join(tmpdir(), "article-annotator-bench", name)).href; // never written: the text travels in didOpen
  const random = seeded(7);

  // Cold start: a fresh process per run, the article opened right after `initialized`.
  const coldArticle = makeArticle(seeded(1));
  const cold = [];
  const initialize = [];
  for (let run = 0; run < 5; run++) {
    const server = await startServer({ settings, cpuProfileDir });
    const uri = docUri(`cold-${run}.txt`);
    const arrived = server.expectDiagnostics(uri, 1);
    await server.open(uri, coldArticle);
    const { at } = await arrived;
    cold.push(at - server.spawnedAt);
    initialize.push(server.initializeMs);
    await server.stop();
  }

  const server = await startServer({ settings, cpuProfileDir });
  try {
    // Typical articles in a warm server (one warm-up open first, not counted).
    await timeOpen(server, docUri("warm-up.txt"), makeArticle(seeded(2)));
    const opens = [];
    const sizes = [];
    for (let k = 0; k < 50; k++) {
      const text = makeArticle(random);
      const uri = docUri(`typical-${k}.txt`);
      opens.push((await timeOpen(server, uri, text)).ms);
      sizes.push(text.length);
      await server.close(uri);
    }

    // Hovers on one open article, after its diagnostics (the analysis is cached by then).
    const hoverText = makeArticle(seeded(3), 10_000, 10_001);
    const hoverUri = docUri("hover.txt");
    await timeOpen(server, hoverUri, hoverText);
    const hovers = [];
    let hits = 0;
    for (const position of hoverPositions(hoverText, random, 600)) {
      const start = now();
      const result = await server.hover(hoverUri, position);
      hovers.push(now() - start);
      if (result) hits++;
    }

    const { largeOpens, largeDiagnostics, edits } = await timeLarge(server, docUri);

    const result = {
      machine: { node: process.version, cpus: cpus().length },
      server: {
        coldStartMs: round(median(cold)),
        initializeMs: round(median(initialize)),
        typicalOpenMs: { articles: opens.length, chars: { min: Math.min(...sizes), max: Math.max(...sizes) }, p50: round(percentile(opens, 50), 2), p95: round(percentile(opens, 95), 2), max: round(Math.max(...opens), 2) },
        hover: { ...summary(hovers), withResult: hits, articleChars: hoverText.length },
        largeOpenMs: { chars: 1_000_000, runs: largeOpens.length, median: round(median(largeOpens)), diagnostics: largeDiagnostics },
        largeEditMs: { edits: edits.length, median: round(median(edits)), max: round(Math.max(...edits)) },
        debounce: SERVER_DEBOUNCE,
        serverLog: server.logs.length,
      },
    };
    console.log(JSON.stringify(result));
    const s = result.server;
    console.error([
      "language server (dist/server.js over stdio):",
      `cold start → first diagnostics   ${String(s.coldStartMs).padStart(8)} ms   (initialize answered at ${s.initializeMs} ms; median of 5 processes)`,
      `typical open → diagnostics       ${String(s.typicalOpenMs.p50).padStart(8)} ms p50   ${s.typicalOpenMs.p95} ms p95   (${s.typicalOpenMs.articles} articles, ${s.typicalOpenMs.chars.min}–${s.typicalOpenMs.chars.max} chars)`,
      `hover                            ${String(s.hover.p50).padStart(8)} ms p50   ${s.hover.p95} ms p95   ${s.hover.p99} ms p99   ${s.hover.max} ms max   (${s.hover.count} requests, ${s.hover.withResult} with a result)`,
      `1 MB open → diagnostics          ${String(s.largeOpenMs.median).padStart(8)} ms       (median of 3; ${s.largeOpenMs.diagnostics} diagnostics)`,
      `1 MB incremental edit → diags    ${String(s.largeEditMs.median).padStart(8)} ms       (one letter; median of 5; includes the server's debounce, ${SERVER_DEBOUNCE.minMs}–${SERVER_DEBOUNCE.maxMs} ms)`,
      ...(server.logs.length ? [`server log lines: ${server.logs.length} (first: ${server.logs[0].slice(0, 200)})`] : []),
    ].join("\n"));
  } finally {
    await server.stop();
  }
}

/**
 * 1 MB: three opens (a fresh uri each), then one-letter edits inside words in the middle of the
 * last one, each timed from didChange to its version's diagnostics (the debounce included). The
 * edits are incremental analyses when the server's worker keeps the document's state.
 */
async function timeLarge(server, docUri) {
  let large = repeatTo(1_000_000);
  const largeOpens = [];
  let largeUri;
  let largeDiagnostics = 0;
  for (let run = 0; run < 3; run++) {
    if (largeUri) await server.close(largeUri);
    largeUri = docUri(`large-${run}.txt`);
    const { ms, diagnostics } = await timeOpen(server, largeUri, large);
    largeOpens.push(ms);
    largeDiagnostics = diagnostics;
  }
  const edits = [];
  let version = 1;
  for (const fraction of [0.42, 0.46, 0.5, 0.54, 0.58]) {
    let offset = Math.floor(large.length * fraction);
    while (!(/\p{L}/u.test(large[offset - 1]) && /\p{L}/u.test(large[offset]))) offset++; // inside a word
    const position = positionAt(large, offset);
    large = large.slice(0, offset) + "a" + large.slice(offset);
    version++;
    const arrived = server.expectDiagnostics(largeUri, version);
    const start = now();
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: largeUri, version },
      contentChanges: [{ range: { start: position, end: position }, text: "a" }],
    });
    edits.push((await arrived).at - start);
  }
  return { largeOpens, largeDiagnostics, edits };
}

/** `--only large`: the 1 MB part alone, in a warm server (one typical article opened first). */
async function largeOnly(options) {
  const settings = { maxFileSize: 20_000_000 };
  const docUri = (name) => pathToFileURL(join(tmpdir(), "article-annotator-bench", name)).href;
  const server = await startServer({ settings, cpuProfileDir: options["cpu-prof"] });
  try {
    await timeOpen(server, docUri("warm-up.txt"), makeArticle(seeded(2)));
    const { largeOpens, largeDiagnostics, edits } = await timeLarge(server, docUri);
    const result = {
      machine: { node: process.version, cpus: cpus().length },
      server: {
        largeOpenMs: { chars: 1_000_000, runs: largeOpens.length, median: round(median(largeOpens)), all: largeOpens.map((ms) => round(ms)), diagnostics: largeDiagnostics },
        largeEditMs: { edits: edits.length, median: round(median(edits)), max: round(Math.max(...edits)), all: edits.map((ms) => round(ms)) },
        debounce: SERVER_DEBOUNCE,
      },
    };
    console.log(JSON.stringify(result));
    console.error(`1 MB open → diagnostics ${result.server.largeOpenMs.median} ms (median of 3); incremental one-letter edit → diagnostics ${result.server.largeEditMs.median} ms (median of 5: ${result.server.largeEditMs.all.join(", ")})`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`bench/server.mjs failed: ${error instanceof Error ? error.message : String(error)}`);
      killAll();
      process.exit(1);
    },
  );
}
