#!/usr/bin/env node
// Tests syntaxes/article.tmLanguage.json offline, with the npm packages vscode-tmgrammar-test brings
// (vscode-textmate and vscode-oniguruma's wasm):
//   1. the grammar is well formed: every regex compiles in Oniguruma, every scope ends in ".article";
//   2. no regex backtracks catastrophically: long hostile lines tokenize within a time budget;
//   3. the scope assertions in test/grammar/*.test.article pass (vscode-tmgrammar-test, one run per file).
// Prints "grammar: N passed, N failed" last; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const GRAMMAR = join(root, "syntaxes", "article.tmLanguage.json");
const TEST_DIR = join(root, "test", "grammar");
/** Budget for one hostile line of about 20,000 characters; a linear pattern set needs a few ms. */
const LINE_BUDGET_MS = 1500;

let passed = 0;
let failed = 0;
function report(ok, name, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
}

const tm = require("vscode-textmate");
const onig = require("vscode-oniguruma");
const wasm = readFileSync(join(dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

// 1. Well formed.
const raw = JSON.parse(readFileSync(GRAMMAR, "utf8"));
report(raw.scopeName === "text.article", "scopeName is text.article", raw.scopeName);
const rules = [];
(function walk(node, path) {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
  else if (node && typeof node === "object") {
    if (typeof node.match === "string" || typeof node.name === "string") rules.push({ path, rule: node });
    for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
  }
})(raw.repository, "repository");
const badNames = rules.filter(({ rule }) => typeof rule.name === "string" && !rule.name.split(/\s+/).every((s) => s.endsWith(".article")));
report(badNames.length === 0, "every scope name ends in .article", badNames.map((b) => b.path).join(", "));
const badRegex = [];
for (const { path, rule } of rules) {
  for (const key of ["match", "begin", "end", "while"]) {
    if (typeof rule[key] !== "string") continue;
    try {
      new onig.OnigScanner([rule[key]]).dispose();
    } catch (error) {
      badRegex.push(`${path}.${key}: ${String(error)}`);
    }
  }
}
report(badRegex.length === 0, `${rules.length} rules compile in Oniguruma`, badRegex.join("; "));

// 2. Hostile lines: each must tokenize well within the budget.
const registry = new tm.Registry({
  onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
  loadGrammar: async (scope) => (scope === "text.article" ? tm.parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR) : null),
});
const grammar = await registry.loadGrammar("text.article");
const N = 20000;
const fill = (unit) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
const hostile = {
  "digits": fill("7"),
  "dotted digits": fill("1."),
  "comma digits": fill("12,"),
  "spaced digits": fill("3 "),
  "range joiners": fill("5 - "),
  "multipliers without currency": fill("5 triệu "),
  "currency symbols": fill("$"),
  "codes": fill("USD "),
  "no-break spaces": fill("\u00a0"),
  "slashes": fill("1/"),
  "colons": fill("1:"),
  "weekdays": fill("Thứ Ba, "),
  "date prefixes": fill("ngày "),
  "months": fill("tháng 1 "),
  "English months": fill("June "),
  "Phó": fill("Phó "),
  "title words": fill("Bộ "),
  "Deputy": fill("Deputy "),
  "url": `https://${fill("a.")}`,
  "url punctuation": `https://x${fill(".,;")}`,
  "open image": `![${fill("[")}`,
  "image alt": `![${fill("x")}`,
  "open credit": `(Ảnh: ${fill("x")}`,
  "parentheses": fill("("),
  "Theo dõi": `Theo dõi ${fill("a trên ")}`,
  "Follow": `Follow ${fill("us on ")}`,
  "breadcrumb": `Trang chủ > ${fill("a > ")}`,
  "view count": `Lượt xem: ${fill("1.")}x`,
  "pipes": `|${fill(" |")}x`,
  "copyright": `© ${fill("x")}`,
  "related": `Xem thêm: ${fill("x")}`,
  "caption numbers": fill(" - Ảnh 1"),
  "bullets": `${fill("•")}x`,
  "Vietnamese text": fill("Hội nghị thượng đỉnh lần thứ 14 năm 2023 "),
  "NFD text": fill("Thu\u0309 tu\u031bo\u031b\u0301ng 5 ty\u0309 "),
};
for (const [name, line] of Object.entries(hostile)) {
  const t0 = performance.now();
  grammar.tokenizeLine(line, tm.INITIAL);
  const ms = performance.now() - t0;
  report(ms < LINE_BUDGET_MS, `hostile line: ${name}`, `${line.length} chars in ${ms.toFixed(0)} ms`);
}

// 3. Scope assertions, one tool run per file so each counts.
const bin = join(dirname(require.resolve("vscode-tmgrammar-test/package.json")), "dist", "unit.js");
const files = readdirSync(TEST_DIR).filter((f) => f.endsWith(".test.article")).sort();
report(files.length > 0, "grammar test files found", `${files.length} in test/grammar`);
for (const file of files) {
  const result = spawnSync(process.execPath, [bin, "--compact", join("test", "grammar", file)], { cwd: root, encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`.trim();
  report(result.status === 0, `assertions: ${file}`, result.status === 0 ? "" : `\n${output}`);
}

console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
