/**
 * The CLI and a workspace's own knowledge base (issue 16): `.article-annotator/kb.json` in the
 * current folder is layered over the built-in one; a broken one stops the run; the setting turns
 * linking off.
 */
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath } from "../helpers/paths";

const ARTICLE = "Viêng Chăn, ngày 3/4/2025\nBộ trưởng Ngoại giao Lào Khăm Phăn Vông Sa tiếp Thủ tướng Phạm Minh Chính.\n";
const ENTRY = { people: [{ id: "la.kham-phan-vong-sa", name: "Khăm Phăn Vông Sa", aliases: ["Kham Phan Vong Sa"], country: "LA", source: "file:///articles/a.txt", roles: [{ role: "minister", portfolio: "foreign-affairs", start: "2024-11", source: "file:///articles/a.txt" }] }] };

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: "utf8" });
}

function people(stdout: string): [string, unknown][] {
  const record = JSON.parse(stdout) as { entities: { type: string; text: string; attributes: { kb?: unknown } }[] };
  return record.entities.filter((e) => e.type === "person").map((e) => [e.text, e.attributes.kb]);
}

test("a workspace's knowledge base links its own people; without it they are unlinked; the built-in ones always", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-kb-"));
  writeFileSync(join(dir, "a.txt"), ARTICLE);
  const before = run(dir, "annotate", "a.txt");
  assert.equal(before.status, 0, before.stderr);
  assert.deepEqual(people(before.stdout), [["Khăm Phăn Vông Sa", null], ["Phạm Minh Chính", "vn.pham-minh-chinh"]]);
  mkdirSync(join(dir, ".article-annotator"));
  writeFileSync(join(dir, ".article-annotator", "kb.json"), JSON.stringify(ENTRY));
  const after = run(dir, "annotate", "a.txt");
  assert.equal(after.status, 0, after.stderr);
  assert.deepEqual(people(after.stdout), [["Khăm Phăn Vông Sa", "la.kham-phan-vong-sa"], ["Phạm Minh Chính", "vn.pham-minh-chinh"]]);
  writeFileSync(join(dir, "off.json"), JSON.stringify({ knowledgeBase: false }));
  const off = run(dir, "annotate", "--config", "off.json", "a.txt");
  assert.deepEqual(people(off.stdout), [["Khăm Phăn Vông Sa", undefined], ["Phạm Minh Chính", undefined]]);
});

test("a knowledge base file that breaks the schema stops the run with its reasons", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-kb-"));
  writeFileSync(join(dir, "a.txt"), ARTICLE);
  mkdirSync(join(dir, ".article-annotator"));
  writeFileSync(join(dir, ".article-annotator", "kb.json"), JSON.stringify({ people: [{ id: "x", name: "X", source: "https://example.org" }] }));
  const broken = run(dir, "annotate", "a.txt");
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /kb\.json: .*lacks "roles"/);
  writeFileSync(join(dir, ".article-annotator", "kb.json"), "{ not json");
  assert.match(run(dir, "annotate", "a.txt").stderr, /kb\.json: not valid JSON/);
});
