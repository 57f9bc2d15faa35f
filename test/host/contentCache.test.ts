/**
 * The persistent content cache (host/contentCache.ts): a round trip, misses for anything corrupt,
 * foreign or of other settings, writers in several processes at once, and the size bound.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_CACHE_FOLDER, ContentCache, contentKey, settingsFingerprint, sha256 } from "../../server/src/host/contentCache";
import { resolveSettings } from "../../server/src/host/settings";
import { temporaryFolders } from "../helpers/temporary";

/** New folders under the system's temporary folder, removed when the tests end. */
const temporary = temporaryFolders();

interface Value {
  name: string;
  n: number;
}
const isValue = (value: unknown): value is Value => typeof value === "object" && value !== null && typeof (value as Value).name === "string" && typeof (value as Value).n === "number";

function store(dir: string, options: { maxBytes?: number; shardDigits?: 1 | 2 | 3 } = {}): { cache: ContentCache<Value>; logs: string[] } {
  const logs: string[] = [];
  return { cache: new ContentCache<Value>(dir, "test", { accept: isValue, log: (line) => logs.push(line), ...options }), logs };
}

const key = (n: number, fingerprint = "settings-1"): string => contentKey(sha256(`article ${n}`), fingerprint);
const shardFiles = (dir: string, namespace = "test"): string[] => readdirSync(join(dir, CONTENT_CACHE_FOLDER, namespace)).map((name) => join(dir, CONTENT_CACHE_FOLDER, namespace, name));

test("content cache: values set and flushed are read back by another instance; readAll gives those of one tag", async () => {
  const dir = temporary("aa-cache-");
  const { cache, logs } = store(dir);
  assert.equal(await cache.get(key(1)), undefined, "an empty folder is a miss");
  cache.set(key(1), { name: "Nguyễn Văn Phước", n: 1 }, "A");
  cache.set(key(2), { name: "Trần Thị Hà", n: 2 }, "A");
  cache.set(key(3), { name: "other settings", n: 3 }, "B");
  assert.deepEqual(await cache.get(key(1)), { name: "Nguyễn Văn Phước", n: 1 }, "a waiting value is found");
  const flushed = await cache.flush();
  assert.equal(flushed.failed, 0);
  assert.ok(flushed.written >= 1);

  const again = store(dir).cache;
  assert.deepEqual(await again.get(key(1)), { name: "Nguyễn Văn Phước", n: 1 });
  assert.deepEqual(await again.get(key(3)), { name: "other settings", n: 3 });
  assert.equal(await again.get(key(4)), undefined);
  const all = await again.readAll("A");
  assert.deepEqual([...all.keys()].sort(), [key(1), key(2)].sort());
  assert.deepEqual(all.get(key(2)), { name: "Trần Thị Hà", n: 2 });
  assert.deepEqual(logs, []);

  // keepTag: the shards an instance writes keep only its tag's entries.
  const newer = new ContentCache<Value>(dir, "test", { accept: isValue, keepTag: "A", shardDigits: 2 });
  const besideB = [...Array(20_000).keys()].find((n) => n > 3 && key(n).slice(0, 2) === key(3).slice(0, 2))!;
  for (const k of [1, 2, besideB]) newer.set(key(k), { name: `again ${k}`, n: k }, "A");
  await newer.flush();
  assert.equal(await store(dir).cache.get(key(3)), undefined, "B's entry is dropped");
  assert.equal((await store(dir).cache.readAll("A")).size, 3);
  assert.throws(() => again.set("../../etc/passwd", { name: "x", n: 0 }), TypeError, "a key is a hash, never a path");
  assert.throws(() => new ContentCache(dir, "../up", { accept: isValue }), TypeError);
});

test("content cache: another fingerprint (engine, settings, record) is another key, so a miss", async () => {
  const dir = temporary("aa-cache-");
  const { cache } = store(dir);
  cache.set(key(1, "settings-1"), { name: "a", n: 1 });
  await cache.flush();
  assert.equal(await store(dir).cache.get(key(1, "settings-2")), undefined);
  assert.notEqual(contentKey("ab", "c"), contentKey("a", "bc"), "parts are delimited");

  const fingerprint = (raw: unknown): string => settingsFingerprint(resolveSettings(raw).settings);
  assert.equal(fingerprint({ rules: { "related-links": "off", "social-share": "hint" } }), fingerprint({ rules: { "social-share": "hint", "related-links": "off" } }), "key order does not matter");
  assert.equal(fingerprint({}), fingerprint({ annotator: "Lan", recordsFolder: "out", labels: [{ id: "note", name: "Note" }] }), "settings that do not change an analysis do not count");
  const base = fingerprint({});
  assert.notEqual(fingerprint({ rules: { "related-links": "off" } }), base, "a rule setting");
  assert.notEqual(fingerprint({ customRules: [{ id: "outlet-footer", pattern: "^Theo TTXVN$" }] }), base, "a custom rule");
  assert.notEqual(fingerprint({ knowledgeBase: false }), base, "the knowledge base switch");
  const layered = settingsFingerprint({ ...resolveSettings({}).settings, knowledgeBaseLayers: [{ people: [] }] });
  assert.notEqual(layered, base, "a knowledge base layer");
});

test("content cache: a truncated, corrupt, foreign or unreadable shard and a malformed entry are misses, told once, and replaced by the next write", async () => {
  const dir = temporary("aa-cache-");
  const { cache } = store(dir, { shardDigits: 1 });
  for (let n = 0; n < 40; n++) cache.set(key(n), { name: `person ${n}`, n }, "A");
  await cache.flush();
  const files = shardFiles(dir);
  assert.equal(files.length, 16);
  const [truncated, garbage, foreign, otherVersion, malformed] = files as [string, string, string, string, string];
  writeFileSync(truncated, readFileSync(truncated, "utf8").slice(0, 50));
  writeFileSync(garbage, Buffer.from([0xff, 0xfe, 0x00, 0x42]));
  writeFileSync(foreign, JSON.stringify({ hello: "world" }));
  writeFileSync(otherVersion, readFileSync(otherVersion, "utf8").replace('"version":1', '"version":99'));
  const shard = JSON.parse(readFileSync(malformed, "utf8")) as { entries: Record<string, { value: unknown }> };
  for (const entry of Object.values(shard.entries)) entry.value = { name: 42 };
  writeFileSync(malformed, JSON.stringify(shard));

  const { cache: reader, logs } = store(dir, { shardDigits: 1 });
  const all = await reader.readAll("A");
  const broken = new Set([truncated, garbage, foreign, otherVersion, malformed]);
  const expected = [...Array(40).keys()].filter((n) => !broken.has(shardFiles(dir).find((f) => f.endsWith(`${key(n)[0]}.json`))!));
  assert.deepEqual([...all.values()].map((v) => v.n).sort((a, b) => a - b), expected, "the others are read");
  for (const path of broken) assert.equal(logs.filter((line) => line.includes(path)).length, 1, `one message for ${path}: ${logs.join(" | ")}`);
  assert.match(logs.join("\n"), /not JSON.*truncated or corrupt/);
  assert.match(logs.join("\n"), /not a content cache file/);
  assert.match(logs.join("\n"), /format version 99/);
  assert.match(logs.join("\n"), /malformed entry/);
  for (let n = 0; n < 40; n++) if (!expected.includes(n)) assert.equal(await reader.get(key(n)), undefined);

  // Writing again replaces the broken shards with good ones.
  for (let n = 0; n < 40; n++) if (!expected.includes(n)) reader.set(key(n), { name: `person ${n}`, n }, "A");
  await reader.flush();
  assert.equal((await store(dir, { shardDigits: 1 }).cache.readAll("A")).size, 40);

  // An unreadable shard (not for root, who reads everything) and a folder that is a file.
  if (process.getuid?.() !== 0) {
    chmodSync(truncated, 0);
    const { cache: blocked, logs: blockedLogs } = store(dir, { shardDigits: 1 });
    assert.ok((await blocked.readAll("A")).size < 40);
    assert.match(blockedLogs.join("\n"), /cannot read .*permission denied/);
    chmodSync(truncated, 0o644);
  }
  const file = join(dir, "a-file");
  writeFileSync(file, "not a folder");
  const { cache: nowhere, logs: nowhereLogs } = store(file);
  assert.equal(await nowhere.get(key(1)), undefined);
  assert.equal((await nowhere.readAll()).size, 0);
  nowhere.set(key(1), { name: "a", n: 1 });
  assert.deepEqual(await nowhere.flush(), { written: 0, evicted: 0, failed: 1 }, "an unwritable folder: nothing kept, nothing thrown");
  assert.match(nowhereLogs.join("\n"), /cannot create .*a file stands where a folder is needed/);
});

test("content cache: writers in several processes at once leave every shard whole and every entry intact", async () => {
  const dir = temporary("aa-cache-");
  const modulePath = require.resolve("../../server/src/host/contentCache");
  // Each writer: 4 rounds of 150 entries, flushed after each round, into the same 16 shards.
  const script = `
    const { ContentCache, contentKey, sha256 } = require(${JSON.stringify(modulePath)});
    const writer = process.argv[1];
    const cache = new ContentCache(${JSON.stringify(dir)}, "test", { accept: () => true, shardDigits: 1 });
    (async () => {
      for (let round = 0; round < 4; round++) {
        for (let n = 0; n < 150; n++) cache.set(contentKey(sha256(writer + "/" + round + "/" + n), "settings"), { name: writer + "/" + round + "/" + n, n });
        const result = await cache.flush();
        if (result.failed) throw new Error("failed " + JSON.stringify(result));
      }
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const writers = ["w1", "w2", "w3"].map(
    (name) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ["-e", script, name], { stdio: ["ignore", "ignore", "inherit"] });
        child.on("exit", resolve);
      }),
  );
  assert.deepEqual(await Promise.all(writers), [0, 0, 0]);
  const files = shardFiles(dir);
  assert.ok(files.every((path) => path.endsWith(".json")), `no temporary file left: ${files.join(", ")}`);
  for (const path of files) assert.doesNotThrow(() => JSON.parse(readFileSync(path, "utf8")), path);
  const { cache, logs } = store(dir, { shardDigits: 1 });
  const all = await cache.readAll();
  assert.deepEqual(logs, []);
  assert.ok(all.size > 0);
  // Lost updates are allowed (a later miss); a wrong value never is.
  for (const [k, value] of all) assert.equal(k, contentKey(sha256(value.name), "settings"), `entry ${value.name} is under its own key`);
});

test("content cache: the bound evicts the oldest entries of a shard, keeps the newest, and a day-old entry read and touched is kept as new", async () => {
  const dir = temporary("aa-cache-");
  const maxBytes = 16 * 4096; // 16 shards of 4 KB
  const { cache } = store(dir, { maxBytes, shardDigits: 1 });
  let evicted = 0;
  for (let round = 0; round < 10; round++) {
    for (let n = round * 100; n < (round + 1) * 100; n++) cache.set(key(n), { name: `${"x".repeat(150)} ${n}`, n }, "A");
    evicted += (await cache.flush()).evicted;
  }
  assert.ok(evicted > 0, "entries were evicted");
  const total = shardFiles(dir).reduce((sum, path) => sum + statSync(path).size, 0);
  assert.ok(total <= maxBytes, `${total} bytes kept within ${maxBytes}`);
  const kept = new Set([...(await store(dir, { shardDigits: 1 }).cache.readAll("A")).values()].map((v) => v.n));
  for (let n = 950; n < 1000; n++) assert.ok(kept.has(n), `the newest (${n}) are kept`);
  for (let n = 0; n < 50; n++) assert.ok(!kept.has(n), `the oldest (${n}) are gone`);

  // An entry a day old, read and touched, gets a new time; one not touched keeps its own.
  const old = temporary("aa-cache-");
  const folder = join(old, CONTENT_CACHE_FOLDER, "test");
  mkdirSync(folder, { recursive: true });
  const [used, unused] = [contentKey("used"), contentKey("unused")];
  const shard = (k: string): string => join(folder, `${k.slice(0, 2)}.json`);
  for (const k of [used, unused]) writeFileSync(shard(k), JSON.stringify({ format: "article-annotator-content-cache", version: 1, namespace: "test", entries: { [k]: { at: 1000, value: { name: k, n: 0 } } } }));
  const { cache: reader } = store(old);
  assert.equal((await reader.readAll()).size, 2);
  reader.touch(used);
  await reader.flush();
  const at = (k: string): number => (JSON.parse(readFileSync(shard(k), "utf8")) as { entries: Record<string, { at: number }> }).entries[k]!.at;
  assert.ok(at(used) > Date.now() / 1000 - 60, "the touched entry is as new");
  assert.equal(at(unused), 1000);
});
