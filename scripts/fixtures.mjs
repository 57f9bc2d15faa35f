#!/usr/bin/env node
// Builds the test fixtures from their marked-up sources.
//
//   node scripts/fixtures.mjs           write test/fixtures/articles/NAME.txt and test/fixtures/gold/NAME.json
//   node scripts/fixtures.mjs --check   write nothing; exit 1 listing every file that is missing,
//                                       stale or has no source
//   node scripts/fixtures.mjs DIR [--check]
//                                       the same for another set laid out the same way (DIR/src →
//                                       DIR/articles, DIR/gold), e.g. test/heldout; DIR is relative to
//                                       the current directory; default test/fixtures
//
// Source markup (test/fixtures/src/NAME.txt, or DIR/src/NAME.txt):
//   [[person:Name]]  [[forum:Name of the meeting]]  [[amount:visible text|numeric value|unit]]
//   (the value may be negative: [[amount:âm 0,7%|-0.7|%]])
//   a line starting with "%% " is a boilerplate line (the marker is removed; empty lines never are).
// The article is the source with the markup removed (NFC, LF line endings); the gold file has the
// corpus gold format: {"entities":[{type,text,start,end(,value,unit)}],"boilerplate_lines":[...]},
// offsets being UTF-16 indexes into the article, end exclusive. Malformed markup aborts the build.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const folders = args.filter((a) => !a.startsWith("--"));
if (folders.length > 1) {
  console.error("usage: node scripts/fixtures.mjs [DIR] [--check]");
  process.exit(2);
}
const root = folders.length ? resolve(folders[0]) : join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures");
const dirs = { src: join(root, "src"), articles: join(root, "articles"), gold: join(root, "gold") };
const TYPES = new Set(["person", "forum", "amount"]);
const MARK = /\[\[([^\]|:]*):([^\]]*)\]\]/g;

/** Turns one source text into { text, gold }; throws on malformed markup. */
function build(name, source) {
  const entities = [], boilerplate = [], out = [];
  const fail = (line, msg) => { throw new Error(`${name}:${line + 1}: ${msg}`); };
  let offset = 0;
  source.normalize("NFC").replace(/\r\n?/g, "\n").split("\n").forEach((raw, i) => {
    let line = raw;
    if (line.startsWith("%%")) {
      if (!line.startsWith("%% ") || !line.slice(3).trim()) fail(i, 'a boilerplate marker is "%% " followed by text');
      boilerplate.push(i);
      line = line.slice(3);
    }
    let text = "", last = 0;
    for (const m of line.matchAll(MARK)) {
      const [whole, type, body] = m;
      if (!TYPES.has(type)) fail(i, `unknown entity type "${type}" in ${whole}`);
      const [visible, value, unit, ...extra] = body.split("|");
      if (!visible || visible !== visible.trim()) fail(i, `empty or space-padded entity text in ${whole}`);
      if (type === "amount") {
        if (!/^-?\d+(\.\d+)?$/.test(value ?? "") || !unit || extra.length) fail(i, `amount needs "text|value|unit": ${whole}`);
      } else if (value !== undefined) fail(i, `only amounts take "|" fields: ${whole}`);
      if (boilerplate.at(-1) === i) fail(i, `entity on a boilerplate line: ${whole}`);
      text += line.slice(last, m.index);
      const start = offset + text.length;
      text += visible;
      const entity = { type, text: visible, start, end: start + visible.length };
      if (type === "amount") Object.assign(entity, { value: Number(value), unit });
      entities.push(entity);
      last = m.index + whole.length;
    }
    text += line.slice(last);
    if (/\[\[|\]\]/.test(text)) fail(i, `unclosed or malformed [[...]] markup: ${text.match(/.{0,20}(\[\[|\]\]).{0,20}/)[0]}`);
    out.push(text);
    offset += text.length + 1;
  });
  const text = out.join("\n");
  if (text !== text.normalize("NFC")) throw new Error(`${name}: output is not NFC`);
  for (const e of entities) {
    if (text.slice(e.start, e.end) !== e.text) throw new Error(`${name}: "${e.text}" != slice "${text.slice(e.start, e.end)}"`);
    if (boilerplate.includes(text.slice(0, e.start).split("\n").length - 1)) throw new Error(`${name}: "${e.text}" on a boilerplate line`);
  }
  return { text, gold: JSON.stringify({ entities, boilerplate_lines: boilerplate }, null, 1) };
}

const check = args.includes("--check");
if (folders.length && !existsSync(dirs.src)) {
  console.error(`fixtures: no source folder ${dirs.src}`);
  process.exit(2);
}
const names = readdirSync(dirs.src).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort();
const expected = new Map();
try {
  for (const name of names) {
    const { text, gold } = build(name, readFileSync(join(dirs.src, `${name}.txt`), "utf8"));
    expected.set(join(dirs.articles, `${name}.txt`), text);
    expected.set(join(dirs.gold, `${name}.json`), gold);
  }
} catch (err) {
  console.error(`fixtures: ${err.message}`);
  process.exit(1);
}

if (check) {
  const problems = [];
  for (const [file, content] of expected) {
    if (!existsSync(file)) problems.push(`missing ${file}`);
    else if (readFileSync(file, "utf8") !== content) problems.push(`stale   ${file}`);
  }
  for (const dir of [dirs.articles, dirs.gold]) {
    for (const f of existsSync(dir) ? readdirSync(dir) : []) {
      if (!expected.has(join(dir, f))) problems.push(`orphan  ${join(dir, f)}`);
    }
  }
  for (const p of problems) console.error(p);
  console.log(problems.length ? `fixtures: ${problems.length} file(s) out of date; run node scripts/fixtures.mjs` : `fixtures: ${names.length} up to date`);
  process.exit(problems.length ? 1 : 0);
}

mkdirSync(dirs.articles, { recursive: true });
mkdirSync(dirs.gold, { recursive: true });
for (const [file, content] of expected) writeFileSync(file, content);
console.log(`fixtures: wrote ${names.length} article(s) and gold file(s) to ${root}`);
