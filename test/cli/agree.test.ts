/**
 * `agree`: two record folders that differ in known ways — a missed entity, a boundary shift, a type
 * change — and the figures computed by hand below.
 */
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, buildRecord, type EntityType, type RecordEntity } from "../../server/src/engine";
import { cliPath } from "../helpers/paths";

const TEXT = "Bộ trưởng Ngoại giao Bùi Thanh Sơn gặp Ngoại trưởng Wang Yi tại Hội nghị ASEAN ở Jakarta, cam kết 5 triệu USD.";

const ATTRIBUTES: Record<string, object> = {
  person: { canonical: "x", nameStyle: "vietnamese" },
  forum: { kind: "other" },
  location: {},
  organization: {},
  amount: { kind: "money", value: 5000000, unit: "USD" },
};

function entity(type: EntityType, quote: string, k: number): RecordEntity {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { id: `m${k}`, type, text: quote, start, end: start + quote.length, line: 0, character: start, attributes: ATTRIBUTES[type], origin: "manual", rule: "manual", decision: { action: "added", by: "t", at: "2026-11-30T00:00:00.000Z" } } as RecordEntity;
}

function writeRecords(folder: string, entities: [EntityType, string][], extra: RecordEntity[] = []): void {
  const record = buildRecord(TEXT, analyze(TEXT), { path: "articles/a.txt", sha256: createHash("sha256").update(TEXT).digest("hex"), length: Buffer.byteLength(TEXT) });
  record.entities = [...entities.map(([type, quote], k) => entity(type, quote, k + 1)), ...extra];
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "a.annotations.json"), JSON.stringify(record, null, 2));
}

function setUp(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-agree-"));
  mkdirSync(join(dir, "articles"));
  writeFileSync(join(dir, "articles", "a.txt"), TEXT);
  // A: 5 spans. B: the first person (exact), Wang Yi missed, the forum cut short, Jakarta an ORG
  // instead of a LOC, the amount (exact); and an unreviewed suggestion, which does not count.
  writeRecords(join(dir, "A"), [["person", "Bùi Thanh Sơn"], ["person", "Wang Yi"], ["forum", "Hội nghị ASEAN"], ["location", "Jakarta"], ["amount", "5 triệu USD"]]);
  const suggestion = { ...entity("person", "Ngoại trưởng", 9), origin: "auto" as const, rule: "person.title-trigger" };
  delete (suggestion as { decision?: unknown }).decision;
  writeRecords(join(dir, "B"), [["person", "Bùi Thanh Sơn"], ["forum", "Hội nghị"], ["organization", "Jakarta"], ["amount", "5 triệu USD"]], [suggestion]);
  return dir;
}

function agree(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliPath, "agree", ...args], { cwd: dir, encoding: "utf8" });
}

test("agree: exact and overlap precision, recall and F1 per label and overall, and kappa, as computed by hand", () => {
  const dir = setUp();
  const run = agree(dir, "--format", "json", "A", "B");
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { articles: number; labels: { label: string; a: number; b: number; exact: Record<string, number | null>; overlap: Record<string, number | null> }[]; overall: { a: number; b: number; exact: Record<string, number>; overlap: Record<string, number> }; kappa: { value: number; tokens: number }; disagreements: { kind: string; line: number; column: number; a?: { label: string; text: string }; b?: { label: string; text: string } }[] };
  assert.equal(report.articles, 1);
  // Overall: B has 4 spans, A 5. Exact matches: the first person and the amount (2).
  assert.equal(report.overall.a, 5);
  assert.equal(report.overall.b, 4);
  assert.equal(report.overall.exact.precision, 2 / 4);
  assert.equal(report.overall.exact.recall, 2 / 5);
  assert.ok(Math.abs(report.overall.exact.f1! - (2 * 0.5 * 0.4) / 0.9) < 1e-12);
  // Overlap, same label: B's person, forum and amount (3 of 4); A's first person, forum and amount (3 of 5).
  assert.equal(report.overall.overlap.precision, 3 / 4);
  assert.equal(report.overall.overlap.recall, 3 / 5);
  assert.ok(Math.abs(report.overall.overlap.f1! - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
  const label = (name: string) => report.labels.find((l) => l.label === name)!;
  assert.deepEqual(label("PER"), { label: "PER", a: 2, b: 1, exact: { precision: 1, recall: 0.5, f1: 2 / 3 }, overlap: { precision: 1, recall: 0.5, f1: 2 / 3 } });
  assert.deepEqual(label("FORUM"), { label: "FORUM", a: 1, b: 1, exact: { precision: 0, recall: 0, f1: 0 }, overlap: { precision: 1, recall: 1, f1: 1 } });
  // Nothing to divide: no LOC in B (precision undefined), no ORG in A (recall undefined).
  assert.deepEqual(label("LOC"), { label: "LOC", a: 1, b: 0, exact: { precision: null, recall: 0, f1: null }, overlap: { precision: null, recall: 0, f1: null } });
  assert.deepEqual(label("ORG"), { label: "ORG", a: 0, b: 1, exact: { precision: 0, recall: null, f1: null }, overlap: { precision: 0, recall: null, f1: null } });
  // Kappa over the 25 tokens (syllables and punctuation). A: PER 5, FORUM 3, LOC 1, AMOUNT 3, O 13;
  // B: PER 3, FORUM 2, ORG 1, AMOUNT 3, O 16. They agree on 3 + 2 + 3 + 13 = 21 tokens.
  // pₒ = 21/25, pₑ = (5·3 + 3·2 + 1·0 + 3·3 + 13·16)/625 = 238/625, κ = (525 − 238)/(625 − 238) = 287/387.
  assert.equal(report.kappa.tokens, 25);
  assert.ok(Math.abs(report.kappa.value - 287 / 387) < 1e-12, String(report.kappa.value));
  assert.deepEqual(
    report.disagreements.map((d) => [d.kind, d.column, d.a?.label, d.a?.text, d.b?.label, d.b?.text]),
    [
      ["missed", TEXT.indexOf("Wang Yi") + 1, "PER", "Wang Yi", undefined, undefined],
      ["boundary", TEXT.indexOf("Hội nghị") + 1, "FORUM", "Hội nghị ASEAN", "FORUM", "Hội nghị"],
      ["label", TEXT.indexOf("Jakarta") + 1, "LOC", "Jakarta", "ORG", "Jakarta"],
    ],
  );
});

test("agree: the text report lists the table, kappa and each disagreement as path:line:col", () => {
  const dir = setUp();
  const run = agree(dir, "A", "B");
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^all\s+5\s+4\s+0\.500\s+0\.400\s+0\.444\s+0\.750\s+0\.600\s+0\.667$/m);
  assert.match(run.stdout, /^LOC\s+1\s+0\s+—\s+0\.000\s+—/m);
  assert.match(run.stdout, /Cohen's kappa over 25 tokens of 1 article: 0\.742/);
  assert.ok(run.stdout.includes(`articles/a.txt:1:${TEXT.indexOf("Wang Yi") + 1}: missed: A PER "Wang Yi" · B —`), run.stdout);
  assert.ok(run.stdout.includes(`articles/a.txt:1:${TEXT.indexOf("Jakarta") + 1}: label: A LOC "Jakarta" · B ORG "Jakarta"`), run.stdout);
});

test("agree: with suggestions counted, B's unreviewed one is an extra span", () => {
  const dir = setUp();
  const run = agree(dir, "--format", "json", "--include-suggestions", "A", "B");
  const report = JSON.parse(run.stdout) as { overall: { b: number }; disagreements: { kind: string; b?: { text: string } }[] };
  assert.equal(report.overall.b, 5);
  assert.ok(report.disagreements.some((d) => d.kind === "extra" && d.b?.text === "Ngoại trưởng"));
});

test("agree: a folder that does not exist, and folders with no article in common, say so", () => {
  const dir = setUp();
  const missing = agree(dir, "A", "nowhere");
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nowhere: no such folder/);
  mkdirSync(join(dir, "C"));
  const none = agree(dir, "A", "C");
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no article has a record in both A and C/);
  assert.equal(agree(dir, "A").status, 2);
});
