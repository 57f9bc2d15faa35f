// annotate/lint --cache-dir: analyses kept under the hash of the file, the engine's build and the
// settings (host/contentCache.ts, namespace "analysis"), taken from there when all are the same
// again; anything unreadable there is reported and computed again, never trusted.
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, samplesDir } from "../helpers/paths";

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the samples and an empty cache folder's path. */
function setup(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), "aa-cache-"));
  cpSync(samplesDir, join(dir, "articles"), { recursive: true });
  return { dir, cache: join(dir, "cache") };
}

const shardFolder = (cache: string): string => join(cache, "content-cache-v1", "analysis");

/** Rewrites every cached analysis with `change`, as if the cache held something else. */
function tamper(cache: string, change: (analysis: { article: { title?: string } }) => void): number {
  let count = 0;
  for (const name of readdirSync(shardFolder(cache))) {
    const path = join(shardFolder(cache), name);
    const shard = JSON.parse(readFileSync(path, "utf8")) as { entries: Record<string, { value: { article: { title?: string } } }> };
    for (const entry of Object.values(shard.entries)) {
      change(entry.value);
      count++;
    }
    writeFileSync(path, JSON.stringify(shard));
  }
  return count;
}

const titles = (stdout: string): string[] => stdout.trim().split("\n").map((line) => (JSON.parse(line) as { article: { title?: string } }).article.title ?? "");

test("a second run takes each analysis from --cache-dir; other settings, an edited file or no cache analyze again", () => {
  const { dir, cache } = setup();
  const first = cli(["annotate", "--cache-dir", cache, "articles"], dir);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(first.stderr, "");
  assert.equal(first.stdout, cli(["annotate", "articles"], dir).stdout, "a cached run writes what an uncached one writes");
  const articles = readdirSync(join(dir, "articles")).filter((name) => name.endsWith(".txt")).length;
  assert.equal(tamper(cache, (analysis) => (analysis.article.title = "FROM THE CACHE")), articles);

  const again = cli(["annotate", "--cache-dir", cache, "articles"], dir);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(titles(again.stdout), Array(articles).fill("FROM THE CACHE"));

  // Other settings are another key.
  writeFileSync(join(dir, "settings.json"), JSON.stringify({ rules: { spam: "off" } }));
  const other = cli(["annotate", "--config", "settings.json", "--cache-dir", cache, "articles"], dir);
  assert.ok(!titles(other.stdout).includes("FROM THE CACHE"));
  // An edited article is analyzed again; the others still come from the cache.
  const edited = readdirSync(join(dir, "articles")).filter((name) => name.endsWith(".txt")).sort()[0]!;
  writeFileSync(join(dir, "articles", edited), readFileSync(join(dir, "articles", edited), "utf8") + "\nThêm một dòng.\n");
  const afterEdit = titles(cli(["annotate", "--cache-dir", cache, "articles"], dir).stdout);
  assert.notEqual(afterEdit[0], "FROM THE CACHE");
  assert.deepEqual(afterEdit.slice(1), Array(articles - 1).fill("FROM THE CACHE"));
  // lint reads the same cache.
  assert.equal(cli(["lint", "--cache-dir", cache, "articles"], dir).status, cli(["lint", "articles"], dir).status);
});

test("a damaged cache file is reported and ignored, and replaced by a good one; a cache folder that cannot be made changes nothing but a message", () => {
  const { dir, cache } = setup();
  const clean = cli(["annotate", "articles"], dir);
  assert.equal(cli(["annotate", "--cache-dir", cache, "articles"], dir).status, 0);
  const [shard] = readdirSync(shardFolder(cache));
  writeFileSync(join(shardFolder(cache), shard!), '{"format": "article-annotator-content-cache", "entr');
  const damaged = cli(["annotate", "--cache-dir", cache, "articles"], dir);
  assert.equal(damaged.status, 0, damaged.stderr);
  assert.equal(damaged.stdout, clean.stdout);
  assert.match(damaged.stderr, /content cache: ignoring .*: not JSON/);
  JSON.parse(readFileSync(join(shardFolder(cache), shard!), "utf8"));

  writeFileSync(join(dir, "not-a-folder"), "");
  const blocked = cli(["annotate", "--cache-dir", join(dir, "not-a-folder"), "articles"], dir);
  assert.equal(blocked.status, 0, blocked.stderr);
  assert.equal(blocked.stdout, clean.stdout);
  assert.deepEqual(blocked.stderr.trim().split("\n"), [`article-annotator: --cache-dir ${join(dir, "not-a-folder")}: not a folder; nothing is cached`], "one message, not one per article");
});

test("--cache-dir goes with annotate, lint, clean or export", () => {
  const { dir, cache } = setup();
  const run = cli(["agree", "--cache-dir", cache, "a", "b"], dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--cache-dir goes with annotate, lint, clean or export/);
});

test("a cache file holding lines of garbage is reported in one line per file, and the output is as without a cache", () => {
  const { dir, cache } = setup();
  const plain = cli(["annotate", "articles"], dir);
  assert.equal(cli(["annotate", "--cache-dir", cache, "articles"], dir).status, 0);
  const shards = readdirSync(shardFolder(cache));
  for (const shard of shards) writeFileSync(join(shardFolder(cache), shard), "garbage\nmore garbage\n");
  const again = cli(["annotate", "--cache-dir", cache, "articles"], dir);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout, plain.stdout);
  const messages = again.stderr.trim().split("\n");
  assert.equal(messages.length, shards.length, again.stderr);
  for (const message of messages) assert.match(message, /^article-annotator: content cache: ignoring .*: not JSON \(.*\): truncated or corrupt; its entries are computed again and the file is replaced$/);
});
