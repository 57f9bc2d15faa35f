#!/usr/bin/env node
// Generates engine data that comes from npm packages rather than from this repository:
// - the Vietnamese syllable list of @cspell/dict-vi-vn (a cspell trie), written as a sorted
//   JSON array of lowercase NFC syllables in the new tone placement ("hoà", "thuý");
// - the Vietnamese stop words of stopwords-iso (its `vi` list), the one-syllable function words
//   ("của", "và", "đã") the boilerplate line classifier counts, as a sorted JSON array.
// Runs before `tsc -b` because the engine imports the result; skips work when up to date.
import { readFileSync, writeFileSync, mkdirSync, statSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importTrie, iteratorTrieWords } from "cspell-trie-lib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const triePath = join(dirname(require.resolve("@cspell/dict-vi-vn/cspell-ext.json")), "vi.trie.gz");
const outPath = join(root, "server/src/engine/data/generated/vi-syllables.json");
const stopwordsPath = require.resolve("stopwords-iso/stopwords-iso.json");
const stopwordsOut = join(root, "server/src/engine/data/generated/vi-stopwords.json");

const isFresh = (out, source) => existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs;

if (!isFresh(stopwordsOut, stopwordsPath)) {
  // Multi-word entries ("bao giờ") are left out: the classifier counts single syllables.
  const words = JSON.parse(readFileSync(stopwordsPath, "utf8")).vi.map((w) => w.normalize("NFC").toLowerCase()).filter((w) => !/\s/.test(w));
  mkdirSync(dirname(stopwordsOut), { recursive: true });
  writeFileSync(stopwordsOut, JSON.stringify([...new Set(words)].sort()) + "\n");
  console.log(`build-data: ${words.length} Vietnamese stop words -> ${stopwordsOut.slice(root.length + 1)}`);
}

if (isFresh(outPath, triePath)) process.exit(0);

const trie = importTrie(gunzipSync(readFileSync(triePath)).toString("utf8").split("\n"));
const syllables = new Set();
for (const word of iteratorTrieWords(trie)) {
  // The list holds a few multi-word entries and acronyms; keep single syllables, lowercased
  // (proper nouns such as "Nguyễn" are syllables too).
  for (const part of word.normalize("NFC").split(/\s+/)) {
    if (/^\p{Lu}?\p{Ll}+$/u.test(part)) syllables.add(part.toLowerCase());
  }
}
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify([...syllables].sort()) + "\n");
console.log(`build-data: ${syllables.size} Vietnamese syllables -> ${outPath.slice(root.length + 1)}`);
