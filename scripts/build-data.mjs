#!/usr/bin/env node
// Generates engine data that comes from npm packages rather than from this repository:
// - the Vietnamese syllable list of @cspell/dict-vi-vn (a cspell trie), written as a sorted
//   JSON array of lowercase NFC syllables in the new tone placement ("hoà", "thuý");
// - the Vietnamese stop words of stopwords-iso (its `vi` list), the one-syllable function words
//   ("của", "và", "đã") the boilerplate line classifier counts, as a sorted JSON array.
// - for the legacy Vietnamese encodings iconv-lite decodes (TCVN3/ABC, VISCII, Windows-1258), the
//   character each byte 0x80-0xFF shows when the file is read as Windows-1252 or Latin-1 (the
//   mojibake an editor makes of it) mapped to what that byte means in the legacy encoding, so the
//   pure engine can re-read mojibake without iconv-lite (lexicon/legacyEncodings.ts).
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

const legacyOut = join(root, "server/src/engine/data/generated/legacy-encodings.json");
const iconvPackage = require.resolve("iconv-lite/package.json");
if (!isFresh(legacyOut, iconvPackage) || !isFresh(legacyOut, fileURLToPath(import.meta.url))) {
  const iconv = require("iconv-lite");
  const LEGACY = [
    { id: "tcvn3", label: "TCVN3 (ABC)", iconv: "tcvn" },
    { id: "viscii", label: "VISCII", iconv: "viscii" },
    { id: "windows-1258", label: "Windows-1258", iconv: "windows-1258" },
  ];
  const encodings = LEGACY.map((encoding) => {
    const asWindows1252 = {};
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const meant = iconv.decode(Buffer.from([byte]), encoding.iconv);
      if (meant === "\ufffd") continue;
      // Windows-1252 leaves five bytes undefined (0x81, 0x8d, ...); Latin-1 reads 0x80-0x9f as C1 controls.
      for (const shown of new Set([Buffer.from([byte]).toString("latin1"), iconv.decode(Buffer.from([byte]), "windows-1252")])) {
        if (shown !== "\ufffd" && shown !== meant) asWindows1252[shown] = meant;
      }
    }
    return { ...encoding, asWindows1252 };
  });
  const version = JSON.parse(readFileSync(iconvPackage, "utf8")).version;
  mkdirSync(dirname(legacyOut), { recursive: true });
  writeFileSync(legacyOut, JSON.stringify({ source: `iconv-lite ${version}`, encodings }, null, 1) + "\n");
  console.log(`build-data: ${encodings.length} legacy Vietnamese encodings read as Windows-1252 -> ${legacyOut.slice(root.length + 1)}`);
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
