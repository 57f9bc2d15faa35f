import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath } from "../helpers/paths";

function cli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const BODY = "Sáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế, đồng thời thống nhất kế hoạch triển khai trong năm nay.";
const DIRTY = ["Báo Nhân Dân", "Hai nước ký thỏa thuận hợp tác", BODY, "Ông nói hai bên sẽ xây dựngCộng đồng vững mạnh.", "Tin liên quan", "Thủ tướng tiếp Đại sứ Pháp", ""].join("\r\n");
const CLEAN = ["Hai nước ký thỏa thuận hợp tác", BODY, ""].join("\n");

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-clean-"));
  writeFileSync(join(dir, "dirty.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DIRTY, "utf8")]));
  writeFileSync(join(dir, "clean.txt"), CLEAN);
  return dir;
}

test("lint prints path:line:col: severity: message [rule] and exits 1 when it finds debris", () => {
  const dir = workspace();
  const run = cli(["lint", dir]);
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trim().split("\n");
  assert.deepEqual(lines.map((l) => l.replace(dir, "DIR").replace(/(: \w+: ).*( \[)/, "$1…$2")), [
    "DIR/dirty.txt:1:1: warning: … [navigation]",
    "DIR/dirty.txt:4:24: information: … [run-together]",
    "DIR/dirty.txt:5:1: warning: … [related-links]",
  ]);
  assert.equal(cli(["lint", join(dir, "clean.txt")]).status, 0);
});

test("lint --format json lists problems with positions and fixes", () => {
  const dir = workspace();
  const run = cli(["lint", "--format", "json", join(dir, "dirty.txt")]);
  const problems = JSON.parse(run.stdout) as { rule: string; line: number; endLine: number; fix: { newText: string } }[];
  assert.deepEqual(problems.map((p) => [p.rule, p.line, p.endLine]), [["navigation", 1, 1], ["run-together", 4, 4], ["related-links", 5, 6]]);
  assert.equal(problems[1]!.fix.newText, "dựng Cộng");
});

test("clean prints a unified diff and changes nothing; clean --write rewrites only files with debris", () => {
  const dir = workspace();
  const before = statSync(join(dir, "clean.txt")).mtimeMs;
  const preview = cli(["clean", dir]);
  assert.equal(preview.status, 0, preview.stderr);
  assert.match(preview.stdout, /^--- a\/.*dirty\.txt$/m);
  assert.match(preview.stdout, /^-Báo Nhân Dân\r?$/m);
  assert.match(preview.stdout, /^\+Ông nói hai bên sẽ xây dựng Cộng đồng vững mạnh\.\r?$/m);
  assert.match(readFileSync(join(dir, "dirty.txt"), "utf8"), /Báo Nhân Dân/, "no --write, no change");

  const write = cli(["clean", "--write", dir]);
  assert.equal(write.status, 0, write.stderr);
  const cleaned = readFileSync(join(dir, "dirty.txt"));
  assert.deepEqual([...cleaned.subarray(0, 3)], [0xef, 0xbb, 0xbf], "the BOM is kept");
  assert.equal(cleaned.subarray(3).toString("utf8"), ["Hai nước ký thỏa thuận hợp tác", BODY, "Ông nói hai bên sẽ xây dựng Cộng đồng vững mạnh.", ""].join("\r\n"), "CRLF kept, debris gone");
  assert.equal(readFileSync(join(dir, "clean.txt"), "utf8"), CLEAN);
  assert.equal(statSync(join(dir, "clean.txt")).mtimeMs, before, "a file with nothing to fix is not touched");
  assert.equal(cli(["clean", dir]).stdout, "", "nothing left to clean");
});

test("settings: rules switched off or re-graded, user rules; malformed settings are refused clearly", () => {
  const dir = workspace();
  writeFileSync(join(dir, ".article-annotator.json"), JSON.stringify({ rules: { "run-together": "off", navigation: "error" }, customRules: [{ id: "pm", pattern: "^Thủ tướng tiếp", message: "Sidebar" }] }));
  const run = cli(["lint", "dirty.txt"], dir);
  assert.deepEqual(run.stdout.trim().split("\n").map((l) => l.split(": ")[1] + " " + l.slice(l.lastIndexOf("["))), ["error [navigation]", "warning [related-links]"]);
  writeFileSync(join(dir, "bad.json"), "{ rules: ");
  const bad = cli(["lint", "--config", "bad.json", "dirty.txt"], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bad\.json: cannot read the settings/);
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ rules: { spam: "loud" } }));
  assert.match(cli(["lint", "--config", "bad.json", "dirty.txt"], dir).stderr, /rules\.spam must be off, error, warning, information or hint/);
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ customRules: [{ id: "x", pattern: "(" }] }));
  assert.match(cli(["lint", "--config", "bad.json", "dirty.txt"], dir).stderr, /not a valid regular expression/);
});
