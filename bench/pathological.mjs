#!/usr/bin/env node
// Pathological benchmark (part of `npm run bench`): an article on one endless line (issue 14). Real
// pages — ../shared/corpus-web when present, else the project's samples — are repeated to a size,
// whole pages one after another; the same text is then put on one line (line breaks as spaces, as
// nothing, as " | "). Reports the engine's time (analysis and fixes, median of interleaved runs) for
// 300 KB on one line against the same text with its line breaks (target: within 2×), how the
// one-line time grows per doubling (75 → 600 KB), and `lint` on both 300 KB files end to end. One
// JSON object on stdout, a readable table on stderr. The text is built at run time, never stored.
// Needs `npm run build`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, now } from "./server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { analyze, applyFixes } = require(join(root, "build/server/src/engine"));

const web = join(root, "..", "shared", "corpus-web", "articles");
const source = existsSync(web) ? web : join(root, "samples");
const pages = readdirSync(source).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(source, f), "utf8").trim());

/** Whole pages, a blank line between them, to `size` characters. */
function withLineBreaks(size) {
  let text = "";
  for (let k = 0; text.length < size; k++) text += pages[k % pages.length] + "\n\n";
  return text.slice(0, size);
}
const FORMS = {
  "spaces": (text) => text.replace(/\n+/g, " "),
  "nothing": (text) => text.replace(/\n+/g, ""),
  "bars": (text) => text.replace(/\n+/g, " | "),
};

const engineMs = (text) => {
  const start = now();
  applyFixes(text, analyze(text).boilerplate);
  return now() - start;
};
/** Median engine time of each text, runs interleaved so a burst of load elsewhere hits all alike. */
function medians(texts, runs) {
  const times = texts.map(() => []);
  for (let run = 0; run < runs; run++) texts.forEach((text, k) => times[k].push(engineMs(text)));
  return times.map((t) => +median(t).toFixed(1));
}

engineMs(withLineBreaks(100_000)); // warm-up: optimized code, as the other figures
const KB300 = 300_000;
const lines300 = withLineBreaks(KB300);
const forms = Object.entries(FORMS);
const [linesMs, ...oneLineMs] = medians([lines300, ...forms.map(([, make]) => make(lines300))], 5);
const oneLine = Object.fromEntries(forms.map(([name], k) => [name, { ms: oneLineMs[k], overLines: +(oneLineMs[k] / linesMs).toFixed(2) }]));

// Growth per doubling, on one line (spaces).
const sizes = [75_000, 150_000, 300_000, 600_000];
const growthMs = medians(sizes.map((size) => FORMS.spaces(withLineBreaks(size))), 3);
const growth = sizes.map((size, k) => ({ kb: size / 1000, ms: growthMs[k], overHalf: k === 0 ? null : +(growthMs[k] / growthMs[k - 1]).toFixed(2) }));

// `lint` end to end (a fresh process each run: startup and the worker pool included).
const scratch = mkdtempSync(join(tmpdir(), "article-annotator-pathological-"));
let lint;
try {
  const files = { lines: join(scratch, "lines.txt"), oneLine: join(scratch, "one-line.txt") };
  writeFileSync(files.lines, lines300);
  writeFileSync(files.oneLine, FORMS.spaces(lines300));
  const run = (file) => {
    const start = now();
    const result = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "lint", "--deadline", "120", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`lint failed (${result.status}): ${result.stderr}`);
    return { ms: now() - start, findings: result.stdout.split("\n").filter(Boolean).length };
  };
  const times = { lines: [], oneLine: [] };
  let findings;
  for (let k = 0; k < 3; k++) for (const form of ["lines", "oneLine"]) {
    const { ms, findings: count } = run(files[form]);
    times[form].push(ms);
    findings = { ...findings, [form]: count };
  }
  lint = { linesMs: +median(times.lines).toFixed(0), oneLineMs: +median(times.oneLine).toFixed(0), findings };
  lint.oneLineOverLines = +(lint.oneLineMs / lint.linesMs).toFixed(2);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const result = {
  pathological: {
    source: source === web ? "../shared/corpus-web/articles" : "samples",
    oneLine300KB: { linesMs, oneLine, oneLineOverLines: Math.max(...Object.values(oneLine).map((f) => f.overLines)) },
    oneLineGrowth: growth,
    lint300KB: lint,
  },
};
console.log(JSON.stringify(result));
const p = result.pathological;
console.error([
  `an article on one line (pages of ${p.source}; engine: analysis and fixes, median of 5):`,
  `300 KB with line breaks            ${String(linesMs).padStart(8)} ms`,
  ...forms.map(([name]) => `300 KB on one line, joined by ${`${name}`.padEnd(7)}${String(oneLine[name].ms).padStart(7)} ms   ×${oneLine[name].overLines}`),
  `one line, per doubling:             ${growth.map((g) => `${g.kb} KB ${g.ms} ms${g.overHalf ? ` (×${g.overHalf})` : ""}`).join(", ")}`,
  `lint, 300 KB (process, median of 3): with line breaks ${lint.linesMs} ms (${lint.findings.lines} findings), on one line ${lint.oneLineMs} ms (${lint.findings.oneLine}): ×${lint.oneLineOverLines}`,
].join("\n"));
