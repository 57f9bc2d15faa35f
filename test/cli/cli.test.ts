import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, samplesDir } from "../helpers/paths";
import { assertValidRecord } from "../helpers/schema";
import { recordLocation } from "../../server/src/host/records";

function cli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const ARTICLE = "Việt Nam và Lào ký kết hợp tác\nNgày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Công Thương Nguyễn Hoàng Long tại Viêng Chăn. Hai bên thống nhất nâng kim ngạch lên 2,5 tỷ USD.\n";

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-cli-"));
  writeFileSync(join(dir, "one.txt"), ARTICLE);
  mkdirSync(join(dir, "nested"));
  writeFileSync(join(dir, "nested", "two.txt"), "\uFEFF" + ARTICLE.replace(/\n/g, "\r\n"));
  writeFileSync(join(dir, "notes.md"), "not an article");
  return dir;
}

test("--help explains the commands and options", () => {
  const run = cli(["--help"]);
  assert.equal(run.status, 0);
  for (const word of ["annotate", "--format", "--out", "Exit status"]) assert.match(run.stdout, new RegExp(word));
});

test("annotate --format jsonl prints one valid record per article, folders searched recursively for *.txt", () => {
  const dir = workspace();
  const run = cli(["annotate", "--format", "jsonl", dir]);
  assert.equal(run.status, 0, run.stderr);
  const records = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { source: { path: string; length: number }; entities: { text: string; start: number }[] });
  assert.deepEqual(records.map((r) => r.source.path), [join(dir, "nested", "two.txt"), join(dir, "one.txt")]);
  for (const record of records) assertValidRecord(record);
  // The BOM is not text: the CRLF/BOM copy has the same entities, offsets shifted only by the CRs.
  assert.deepEqual(records[0]!.entities.map((e) => e.text), records[1]!.entities.map((e) => e.text));
  assert.equal(records[0]!.source.length, Buffer.byteLength("\uFEFF" + ARTICLE.replace(/\n/g, "\r\n")));
});

test("annotate --format json prints one array", () => {
  const dir = workspace();
  const run = cli(["annotate", "--format=json", join(dir, "one.txt")]);
  assert.equal(run.status, 0, run.stderr);
  const records = JSON.parse(run.stdout) as unknown[];
  assert.equal(records.length, 1);
  assertValidRecord(records[0]);
});

test("annotate --out writes NAME.annotations.json per article, keeps the folder structure and prints a summary", () => {
  const dir = workspace();
  const out = join(dir, "records");
  const run = cli(["annotate", dir, "--out", out]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(readdirSync(out).sort(), ["nested", "one.annotations.json"]);
  assertValidRecord(JSON.parse(readFileSync(join(out, "nested", "two.annotations.json"), "utf8")));
  assert.match(run.stdout, /people\s+forums\s+amounts/);
  assert.match(run.stdout, /2 records written/);
});

test("unreadable and non-text files get a clear message, the rest are processed, and the exit code is 1", () => {
  const dir = workspace();
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  writeFileSync(join(dir, "latin1.txt"), Buffer.from("Caf\xe9 cr\xe8me", "latin1"));
  const run = cli(["annotate", dir, join(dir, "missing.txt")]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /binary\.txt: not a text file/);
  assert.match(run.stderr, /latin1\.txt: not valid UTF-8/);
  assert.match(run.stderr, /missing\.txt: no such file/);
  assert.equal(run.stdout.trim().split("\n").length, 2, "the two good articles are still annotated");
});

test("UTF-16 files with a BOM are read as text", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-cli-"));
  writeFileSync(join(dir, "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]));
  const run = cli(["annotate", join(dir, "utf16.txt")]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok((JSON.parse(run.stdout) as { entities: unknown[] }).entities.length >= 3);
});

test("usage errors exit with 2 and say what is wrong", () => {
  for (const [args, message] of [[["annotate"], /give at least one file/], [["annotate", "--format", "xml", "x"], /--format must be/], [["frobnicate"], /unknown command/], [["annotate", "--bogus"], /unknown option/]] as const) {
    const run = cli([...args]);
    assert.equal(run.status, 2, args.join(" "));
    assert.match(run.stderr, message);
  }
});

test("the samples annotate cleanly", () => {
  const run = cli(["annotate", samplesDir]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.trim().split("\n").length >= 5);
});

test("an empty file gives an empty record; a file over --max-size is skipped with the reason", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-cli-"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "big.txt"), Buffer.alloc(2_000_000, "a"));
  const run = cli(["annotate", "--max-size", "1000000", dir]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /big\.txt: skipped: [\d,]+ characters is more than the limit of 1,000,000 \(maxFileSize, --max-size\)/);
  const [record] = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { entities: unknown[]; source: { length: number } });
  assertValidRecord(record);
  assert.deepEqual([record!.entities.length, record!.source.length], [0, 0]);
});

test("a record's place keeps the article's folder below the root, and is refused outside it", () => {
  const out = join(tmpdir(), "aa-out");
  assert.deepEqual(recordLocation("/data/news/a.txt", { root: "/data", folder: out, confined: false }), { path: join(out, "news", "a.annotations.json"), sourcePath: "news/a.txt" });
  assert.deepEqual(recordLocation("/data/news/a.txt", { root: "/data", folder: "", confined: true }), { path: "/data/news/a.annotations.json", sourcePath: "news/a.txt" });
  assert.deepEqual(recordLocation("/data/news/a.txt", { root: "/data", folder: "records", confined: true }), { path: "/data/records/news/a.annotations.json", sourcePath: "news/a.txt" });
  assert.match(String((recordLocation("/elsewhere/a.txt", { root: "/data/news", folder: out, confined: false }) as { error: string }).error), /not inside/);
  assert.match(String((recordLocation("/data/a.txt", { root: "/data", folder: "../records", confined: true }) as { error: string }).error), /outside the workspace/);
});
