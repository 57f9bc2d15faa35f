#!/usr/bin/env node
// Annotates a gold-annotated set with the built CLI, scores it with ../shared/tools/score.mjs and
// checks the project's bars. Exit 1 when a bar is missed, 2 when something is missing.
//
//   node scripts/score-corpus.mjs [corpus|web|pages|fixtures|heldout|all] [--verbose] [--knowledge-base off]
//
// --knowledge-base off annotates with the knowledge base switched off (settings "knowledgeBase":
// false): detection never depends on it, so every score must be the same either way.
//
// corpus = ../shared/corpus (the bars); web = ../shared/corpus-web (real pages from 25 other
// outlets, bars from issue 13); pages = test/pages (whole pages in other outlets' layouts, written
// for the project); fixtures and heldout = test/fixtures and
// test/heldout (articles written for this project; heldout was written apart from the detectors, see
// README).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const score = join(root, "..", "shared", "tools", "score.mjs");
const cli = join(root, "dist", "cli.js");

/** Bars per set: minimum values of score.mjs --json fields (dotted paths). */
export const BARS = {
  corpus: {
    dir: join(root, "..", "shared", "corpus"),
    bars: {
      "overlap.person.f1": 0.95, "overlap.forum.f1": 0.95, "overlap.amount.f1": 0.95, "exact.all.f1": 0.9,
      amountValueAccuracy: 1, amountUnitAccuracy: 1, "boilerplateLines.f1": 0.97,
    },
  },
  web: {
    dir: join(root, "..", "shared", "corpus-web"),
    // Issue 13: pages from outlets the engine was not written from.
    bars: {
      "overlap.person.f1": 0.95, "overlap.forum.f1": 0.95, "overlap.amount.f1": 0.95, "exact.all.f1": 0.9,
      amountValueAccuracy: 0.98, amountUnitAccuracy: 0.98, "boilerplateLines.f1": 0.95,
    },
  },
  pages: {
    // test/pages: 24 whole pages in other outlets' layouts, written for the project (see its README).
    dir: join(root, "test", "pages"),
    bars: {
      "overlap.person.f1": 0.93, "overlap.forum.f1": 0.85, "overlap.amount.f1": 0.95, "exact.all.f1": 0.9,
      amountValueAccuracy: 1, amountUnitAccuracy: 0.98, "boilerplateLines.f1": 0.93,
    },
  },
  heldout: {
    dir: join(root, "test", "heldout"),
    bars: {
      "overlap.person.f1": 0.93, "overlap.forum.f1": 0.85, "overlap.amount.f1": 0.95, "exact.all.f1": 0.9,
      amountValueAccuracy: 1, amountUnitAccuracy: 1, "boilerplateLines.f1": 0.95,
    },
  },
  fixtures: {
    dir: join(root, "test", "fixtures"),
    bars: {
      "overlap.person.f1": 0.93, "overlap.forum.f1": 0.85, "overlap.amount.f1": 0.95, "exact.all.f1": 0.9,
      amountValueAccuracy: 1, amountUnitAccuracy: 1, "boilerplateLines.f1": 0.95,
    },
  },
};

const args = process.argv.slice(2);
const kbAt = args.indexOf("--knowledge-base");
const knowledgeBaseOff = kbAt >= 0 && args[kbAt + 1] === "off";
if (kbAt >= 0) args.splice(kbAt, 2);

/** The CLI's settings for the run: none, or a file switching the knowledge base off. */
function settingsArgs() {
  if (!knowledgeBaseOff) return [];
  const file = join(mkdtempSync(join(tmpdir(), "aa-score-settings-")), "settings.json");
  writeFileSync(file, JSON.stringify({ knowledgeBase: false }));
  return ["--config", file];
}
const which = args.find((a) => !a.startsWith("--")) ?? "all";
const verbose = args.includes("--verbose");
if (!existsSync(score)) fail(`missing ${score} (the shared folder must sit beside the repository)`);
if (!existsSync(cli)) fail("missing dist/cli.js: run npm run build first");

let missed = 0;
for (const [name, { dir, bars }] of Object.entries(BARS)) {
  if (which !== "all" && which !== name) continue;
  if (!existsSync(join(dir, "gold"))) fail(`missing ${join(dir, "gold")}`);
  const articles = readdirSync(join(dir, "articles")).filter((f) => f.endsWith(".txt")).map((f) => join(dir, "articles", f));
  const work = mkdtempSync(join(tmpdir(), "score-"));
  const records = join(work, "records.jsonl");
  writeFileSync(records, execFileSync(process.execPath, [cli, "annotate", "--format", "jsonl", ...settingsArgs(), ...articles], { maxBuffer: 1 << 28 }));
  const report = JSON.parse(execFileSync(process.execPath, [score, join(dir, "gold"), records, "--json"], { encoding: "utf8" }));
  console.log(`${name} (${report.articles} articles):`);
  for (const [path, min] of Object.entries(bars)) {
    const value = path.split(".").reduce((o, k) => o?.[k], report);
    const ok = typeof value === "number" && value >= min;
    if (!ok) missed++;
    console.log(`  ${ok ? "ok  " : "MISS"} ${path.padEnd(22)} ${String(value).padEnd(6)} (bar ${min})`);
  }
  if (verbose) console.log(execFileSync(process.execPath, [score, join(dir, "gold"), records, "--verbose"], { encoding: "utf8" }));
  rmSync(work, { recursive: true, force: true });
}
process.exit(missed ? 1 : 0);

function fail(message) {
  console.error(`score-corpus: ${message}`);
  process.exit(2);
}
