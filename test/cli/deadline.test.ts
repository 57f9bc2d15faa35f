import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAILPOINTS_VARIABLE } from "../../server/src/host/failpoints";
import { cliPath } from "../helpers/paths";

/**
 * The CLI applies the analysis deadline per file: a file whose analysis never returns (the
 * `analysis-hang` failpoint loops the engine on a text holding MARKER) is reported and skipped, the
 * other files are still processed, and the exit status says a file failed.
 */
const MARKER = "HANG-THE-ENGINE";
const ARTICLE = "Việt Nam và Lào ký kết hợp tác\nNgày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Công Thương Nguyễn Hoàng Long tại Viêng Chăn.\nTin liên quan\nKhai mạc triển lãm ảnh\n";

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-cli-deadline-"));
  writeFileSync(join(dir, "a.txt"), ARTICLE);
  writeFileSync(join(dir, "b-stuck.txt"), ARTICLE + MARKER + "\n");
  writeFileSync(join(dir, "c.txt"), ARTICLE);
  return dir;
}

function cli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  // The spawn's own timeout is a backstop far beyond the deadline: a hang fails the test, not CI.
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd, timeout: 60_000, env: { ...process.env, [FAILPOINTS_VARIABLE]: `analysis-hang=${MARKER}` } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const STOPPED = /b-stuck\.txt: analysis stopped after 1 s \(the engine did not finish on this text\); the file was skipped/;

test("annotate --deadline: the stuck file is reported and skipped, the others get records, exit status 1", () => {
  const dir = folder();
  const out = join(dir, "out");
  const run = cli(["annotate", "--deadline", "1", "--out", out, dir]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, STOPPED);
  assert.deepEqual(readdirSync(out).sort(), ["a.annotations.json", "c.annotations.json"]);
  assert.match(run.stdout, /2 records written to .*, 1 file failed/);
});

test("annotate --format jsonl and clean under a deadline: output for every other file, in order", () => {
  const dir = folder();
  const jsonl = cli(["annotate", "--deadline", "1", "--format", "jsonl", dir]);
  assert.equal(jsonl.status, 1);
  assert.deepEqual(jsonl.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { source: { path: string } }).source.path), [join(dir, "a.txt"), join(dir, "c.txt")]);
  const clean = cli(["clean", "--deadline", "1", dir]);
  assert.equal(clean.status, 1);
  assert.match(clean.stderr, STOPPED);
  assert.equal(clean.stdout.match(/^\+\+\+ /gm)?.length, 2, "a diff for each other file");
});

test("lint under a deadline: the stuck file is a failure (exit 2), the others are linted; the settings file sets the deadline", () => {
  const dir = folder();
  writeFileSync(join(dir, "settings.json"), JSON.stringify({ analysisDeadline: 1 }));
  const run = cli(["lint", "--config", join(dir, "settings.json"), dir]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, STOPPED);
  assert.deepEqual([...new Set(run.stdout.trim().split("\n").map((line) => line.split(":")[0]))], [join(dir, "a.txt"), join(dir, "c.txt")]);
});

test("--deadline and analysisDeadline must be positive numbers of seconds", () => {
  const dir = folder();
  const flag = cli(["lint", "--deadline", "soon", dir]);
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /--deadline must be a positive number of seconds/);
  writeFileSync(join(dir, "settings.json"), JSON.stringify({ analysisDeadline: -3 }));
  const file = cli(["lint", "--config", join(dir, "settings.json"), dir]);
  assert.equal(file.status, 2);
  assert.match(file.stderr, /analysisDeadline must be a positive number of seconds/);
});
