#!/usr/bin/env node
// Curation: (1) one annotation action on a typical article, from the request to the record
// written (the server over stdio: articleAnnotator.annotate, attributes pre-filled by the server as
// a person's keybinding leaves them, and articleAnnotator.reject, alternating), p50/p95; (2)
// re-anchoring 500 annotations after an edit of a 1 MB article (the engine's `reanchor`, what the
// server does on every new text and every save), median of 7. Prints one JSON line on stdout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deadline, makeArticle, median, now, percentile, repeatTo, round, seeded, startServer } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { reanchor, quoteSelector, LineIndex } = require(join(root, "build/server/src/engine"));

/** Word spans of `text` (letters only, 4+ code units), in order. */
function words(text) {
  return [...text.matchAll(/\p{L}{4,}/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

async function annotationActions() {
  const dir = mkdtempSync(join(tmpdir(), "aa-bench-curation-"));
  const server = await startServer({ rootUri: pathToFileURL(dir).href, settings: { annotator: "bench" } });
  try {
    const text = makeArticle(seeded(11), 9_000, 9_001);
    const file = join(dir, "article.txt");
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const opened = server.expectDiagnostics(uri, 1);
    await server.open(uri, text);
    await opened;
    const positionAt = (offset) => {
      const position = new LineIndex(text).positionAt(offset);
      return { line: position.line, character: position.character };
    };
    const random = seeded(12);
    const candidates = words(text);
    const times = [];
    for (let k = 0; k < 60; k++) {
      const span = candidates[Math.floor(random() * candidates.length)];
      const start = now();
      const reply = await server.connection.sendRequest("workspace/executeCommand", {
        command: k % 2 === 0 ? "articleAnnotator.annotate" : "articleAnnotator.reject",
        arguments: [k % 2 === 0 ? { uri, range: { start: positionAt(span.start), end: positionAt(span.end) }, type: "location" } : { uri, position: positionAt(span.start) }],
      });
      const ms = now() - start;
      if (k >= 5) times.push(ms); // the first few warm the server up
      if (k % 2 === 0 && !reply) throw new Error(`annotate was refused (${server.logs.at(-1)})`);
    }
    const record = JSON.parse(readFileSync(join(dir, "article.annotations.json"), "utf8"));
    return { articleChars: text.length, actions: times.length, p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2), max: round(Math.max(...times), 2), entitiesInRecord: record.entities.length };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function reanchoring() {
  const text = repeatTo(1_000_000);
  const random = seeded(13);
  const candidates = words(text);
  const index = new LineIndex(text);
  const entities = Array.from({ length: 500 }, (_, k) => {
    const { start, end } = candidates[Math.floor(random() * candidates.length)];
    const { prefix, suffix } = quoteSelector(text, start, end);
    return { id: `m${k + 1}`, type: "location", text: text.slice(start, end), start, end, ...index.positionAt(start), attributes: {}, origin: "manual", rule: "manual", selector: { prefix, suffix } };
  });
  // The edit: a paragraph inserted near the start, so every annotation after it moves.
  const at = text.indexOf("\n", 2_000) + 1;
  const edited = text.slice(0, at) + "Một đoạn văn mới được chèn vào bài viết, với vài câu để mọi chú thích phía sau phải dời chỗ.\n" + text.slice(at);
  const times = [];
  let found = 0;
  for (let run = 0; run < 7; run++) {
    const start = now();
    const anchored = reanchor(entities, edited);
    times.push(now() - start);
    found = anchored.filter((e) => !e.orphaned && edited.slice(e.start, e.end) === e.text).length;
  }
  return { chars: edited.length, annotations: entities.length, median: round(median(times), 2), max: round(Math.max(...times), 2), foundOnTheirText: found };
}

async function main() {
  deadline(300, "bench/curation.mjs");
  const action = await annotationActions();
  const anchoring = reanchoring();
  const result = { curation: { annotationActionMs: action, reanchor500In1MBMs: anchoring } };
  console.log(JSON.stringify(result));
  console.error([
    "curation:",
    `one annotation action → record written   ${String(action.p50).padStart(8)} ms p50   ${action.p95} ms p95   (${action.actions} actions on a ${action.articleChars}-char article)`,
    `re-anchor 500 annotations, 1 MB edit      ${String(anchoring.median).padStart(8)} ms       (median of 7; ${anchoring.foundOnTheirText}/${anchoring.annotations} on their text)`,
  ].join("\n"));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
