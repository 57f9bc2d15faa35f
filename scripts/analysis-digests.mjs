#!/usr/bin/env node
// The engine's identity safety net (test/engine/analysisSnapshot.test.ts): digests of every analysis
// and record over the scored article sets and texts built from the samples. Needs `npx tsc -b`.
//
//   node scripts/analysis-digests.mjs --update     rewrite test/engine/analysis-digests.json
//   node scripts/analysis-digests.mjs --check      list the texts whose digests differ (exit 1 if any)
//   node scripts/analysis-digests.mjs --dump DIR   write each analysis as canonical JSON under DIR
//                                                  (outside the repository: it holds article text), to
//                                                  diff two builds' folders
//
// Sets whose folder is missing (../shared beside the repository) are left as they are stored.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { digestOf, digestSets, keyedTexts, readDigests, DIGESTS_FILE } = require(join(root, "build/test/helpers/analysisDigests.js"));

const [mode, dir] = process.argv.slice(2);
if (!["--update", "--check", "--dump"].includes(mode) || (mode === "--dump" && !dir)) {
  console.error("usage: node scripts/analysis-digests.mjs --update | --check | --dump DIR");
  process.exit(2);
}
const stored = readDigests();
const next = { ...stored };
const differ = [];
for (const set of digestSets()) {
  if (set.missing) {
    console.error(`analysis-digests: ${set.name} skipped (${set.missing}); its stored digests are kept`);
    continue;
  }
  for (const key of Object.keys(next)) if (key.startsWith(`${set.name}/`)) delete next[key];
  for (const [key, read] of keyedTexts(set)) {
    const { analysis, record, analysisJson } = digestOf(key, read());
    next[key] = { analysis, record };
    if (stored[key]?.analysis !== analysis || stored[key]?.record !== record) differ.push(key);
    if (mode === "--dump") {
      const file = join(dir, `${key}.json`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(JSON.parse(analysisJson), null, 1) + "\n");
    }
  }
}
for (const key of Object.keys(stored)) if (!(key in next)) differ.push(`${key} (gone)`);
if (mode === "--update") {
  const sorted = Object.fromEntries(Object.keys(next).sort().map((k) => [k, next[k]]));
  writeFileSync(DIGESTS_FILE, JSON.stringify(sorted, null, 1) + "\n");
  console.log(`analysis-digests: ${Object.keys(sorted).length} digests written to ${DIGESTS_FILE} (${differ.length} changed)`);
} else {
  for (const key of differ) console.log(`differs: ${key}`);
  console.log(`analysis-digests: ${differ.length} of ${Object.keys(next).length} differ`);
  if (mode === "--check" && differ.length) process.exit(1);
}
