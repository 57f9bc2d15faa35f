// The CLI in Vietnamese and in English (`node dist/cli.js`, spawned): the language follows
// LC_ALL > LC_MESSAGES > LANG, the settings file's "language" beats the environment and --lang
// beats both; help, usage errors, per-file messages, lint's text and the summary table are said in
// it; records and every JSON output are byte for byte the same in both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { cliPath, repoRoot } from "../helpers/paths";
import { ENCODING_ARTICLE } from "../helpers/encodingArticle";
import { agreementText } from "../../server/src/cli/agree";
import { agreement } from "../../server/src/host/interchange/agreement";
import { useLanguage } from "../../server/src/host/l10n";

/** The environment without any locale variable, plus `locale`. */
function environment(locale: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, LANGUAGE: _language, ...rest } = process.env;
  return { ...rest, ...locale };
}

function cli(args: readonly string[], locale: NodeJS.ProcessEnv, cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd, env: environment(locale) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const VI = { LANG: "vi_VN.UTF-8" };
const EN = { LANG: "en_US.UTF-8" };
const C = { LANG: "C" };

/** The Vietnamese catalogue, read as the CLI reads it. */
const catalogue = JSON.parse(readFileSync(join(repoRoot, "l10n", "bundle.l10n.vi.json"), "utf8")) as Record<string, string>;

const VIETNAMESE_HELP = /^article-annotator — tìm quan chức/;
const ENGLISH_HELP = /^article-annotator — find officials/;

test("--help is Vietnamese under LANG=vi_VN.UTF-8, English with --lang en", () => {
  const vi = cli(["--help"], VI);
  assert.equal(vi.status, 0);
  assert.match(vi.stdout, VIETNAMESE_HELP);
  for (const heading of ["Cách dùng:", "mọi lệnh:", "Mã thoát:", "--lang LANGUAGE"]) assert.ok(vi.stdout.includes(heading), heading);
  const en = cli(["--help", "--lang", "en"], VI);
  assert.equal(en.status, 0);
  assert.match(en.stdout, ENGLISH_HELP);
  for (const heading of ["Usage:", "all commands:", "Exit status:", "--lang LANGUAGE"]) assert.ok(en.stdout.includes(heading), heading);
  assert.equal(cli(["--lang=en", "--help"], VI).stdout, en.stdout);
  assert.equal(cli(["help"], EN).stdout, en.stdout);
  assert.equal(cli(["--help", "--lang", "vi"], C).stdout, vi.stdout);
  // Every option's line keeps the option itself: only the descriptions are translated.
  const options = (text: string): string[] => [...text.matchAll(/^ {2}(-\w, )?(--[a-z0-9-]+)/gm)].map((m) => m[2]!);
  assert.deepEqual(options(vi.stdout), options(en.stdout));
});

test("LC_ALL beats LC_MESSAGES, which beats LANG; C names no language", () => {
  assert.match(cli(["--help"], { LC_ALL: "vi_VN.UTF-8", LANG: "en_US.UTF-8" }).stdout, VIETNAMESE_HELP);
  assert.match(cli(["--help"], { LC_ALL: "en_US.UTF-8", LANG: "vi_VN.UTF-8" }).stdout, ENGLISH_HELP);
  assert.match(cli(["--help"], { LC_ALL: "C", LANG: "vi_VN.UTF-8" }).stdout, ENGLISH_HELP);
  assert.match(cli(["--help"], { LC_MESSAGES: "vi_VN.UTF-8", LANG: "en_US.UTF-8" }).stdout, VIETNAMESE_HELP);
  assert.match(cli(["--help"], { LC_ALL: "", LANG: "vi" }).stdout, VIETNAMESE_HELP);
  assert.match(cli(["--help"], { LANG: "fr_FR.UTF-8" }).stdout, ENGLISH_HELP);
  assert.match(cli(["--help"], {}).stdout, ENGLISH_HELP);
});

test("a missing file, in both languages", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  const vi = cli(["lint", "no-such.txt"], VI, dir);
  assert.equal(vi.status, 2);
  assert.equal(vi.stderr, "article-annotator: no-such.txt: không có tệp hoặc thư mục này\n");
  const en = cli(["lint", "no-such.txt"], EN, dir);
  assert.equal(en.status, 2);
  assert.equal(en.stderr, "article-annotator: no-such.txt: no such file or folder\n");
});

test("a file in a legacy encoding: the evidence and the way out, in both languages", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  writeFileSync(join(dir, "raw.txt"), iconv.encode(ENCODING_ARTICLE, "tcvn"));
  const en = cli(["lint", "raw.txt"], EN, dir);
  const vi = cli(["lint", "raw.txt"], VI, dir);
  assert.equal(en.status, 2);
  assert.equal(vi.status, 2);
  assert.match(en.stderr, /^article-annotator: raw\.txt: not valid UTF-8: it looks like TCVN3 \(ABC\) text: 'Thñ' reads 'Thủ', .* \(\d+ of \d+ words with such letters become Vietnamese syllables\); read it with --encoding tcvn3, or convert it with clean --write --encoding tcvn3 --to-utf8\n$/);
  assert.match(vi.stderr, /^article-annotator: raw\.txt: không phải UTF-8 hợp lệ: có vẻ là văn bản TCVN3 \(ABC\): 'Thñ' đọc là 'Thủ', .* \(\d+ trong số \d+ từ .*\); hãy đọc bằng --encoding tcvn3, hoặc chuyển đổi bằng clean --write --encoding tcvn3 --to-utf8\n$/);
  // The same evidence: the examples and the counts.
  const evidence = (text: string): string[] => [...text.matchAll(/'[^']+'|\d+/g)].map((m) => m[0]);
  assert.deepEqual(evidence(vi.stderr), evidence(en.stderr));
});

test("usage errors, in both languages", () => {
  assert.deepEqual(cli(["lint", "--frob", "x.txt"], VI), { status: 2, stdout: "", stderr: 'article-annotator: tùy chọn không xác định --frob\nChạy "article-annotator --help" để xem cách dùng.\n' });
  assert.deepEqual(cli(["lint", "--frob", "x.txt"], EN), { status: 2, stdout: "", stderr: 'article-annotator: unknown option --frob\nRun "article-annotator --help" for usage.\n' });
  assert.equal(cli(["annotate", "--jobs", "0", "x.txt"], VI).stderr, 'article-annotator: --jobs phải là một số nguyên từ 1 đến 64, không phải "0"\nChạy "article-annotator --help" để xem cách dùng.\n');
  assert.equal(cli(["annotate", "--jobs", "0", "x.txt"], EN).stderr, 'article-annotator: --jobs must be a whole number from 1 to 64, not "0"\nRun "article-annotator --help" for usage.\n');
  assert.equal(cli(["frobnicate"], VI).stderr, 'article-annotator: lệnh không xác định "frobnicate"\nChạy "article-annotator --help" để xem cách dùng.\n');
});

test("a bad --lang is refused in the language chosen without it, naming the values it takes", () => {
  const en = cli(["--lang", "xx", "--help"], C);
  assert.deepEqual(en, { status: 2, stdout: "", stderr: 'article-annotator: --lang must be auto, vi or en, not "xx"\nRun "article-annotator --help" for usage.\n' });
  const vi = cli(["--lang=vn", "lint", "a.txt"], VI);
  assert.deepEqual(vi, { status: 2, stdout: "", stderr: 'article-annotator: --lang phải là auto, vi hoặc en, không phải "vn"\nChạy "article-annotator --help" để xem cách dùng.\n' });
  // Whatever the language, the values to give are the same codes.
  for (const run of [en, vi]) assert.match(run.stderr, /--lang .*auto, vi .* en/);
  assert.equal(cli(["--lang"], C).stderr, 'article-annotator: --lang needs a value\nRun "article-annotator --help" for usage.\n');
});

/** An article of our own with a caption shown twice: the second copy is `duplicate-line` debris (line 4). */
const CAPTIONED = [
  "Hội nghị bàn về hợp tác kinh tế khu vực",
  "",
  "Ảnh minh họa cuộc họp tại Hà Nội",
  "Ảnh minh họa cuộc họp tại Hà Nội",
  "",
  "Các đại biểu đã thảo luận nhiều vấn đề quan trọng trong hai ngày làm việc tại thủ đô.",
  "",
].join("\n");

test("lint: a debris line's message in both languages, its place, severity and rule id the same", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  writeFileSync(join(dir, "a.txt"), CAPTIONED);
  const english = "Repeats the line above (a caption or headline copy).";
  const vietnamese = catalogue[english];
  assert.ok(vietnamese && vietnamese !== english, "the catalogue translates the finding");
  const en = cli(["lint", "a.txt"], EN, dir);
  const vi = cli(["lint", "a.txt"], VI, dir);
  assert.equal(en.status, 1);
  assert.equal(vi.status, 1);
  const line = (output: string): string | undefined => output.split("\n").find((l) => l.endsWith("[duplicate-line]"));
  assert.equal(line(en.stdout), `a.txt:4:1: information: ${english} [duplicate-line]`);
  assert.equal(line(vi.stdout), `a.txt:4:1: information: ${vietnamese} [duplicate-line]`);
  assert.equal(vi.stdout.split("\n").length, en.stdout.split("\n").length);
  // The machine-readable output is the same in every language (the engine's English messages).
  const json = cli(["lint", "--format", "json", "a.txt"], VI, dir);
  assert.equal(json.stdout, cli(["lint", "--format", "json", "a.txt"], EN, dir).stdout);
  assert.ok((JSON.parse(json.stdout) as { rule: string; message: string }[]).some((p) => p.rule === "duplicate-line" && p.message === english));
});

test("records are byte for byte the same in Vietnamese and English", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  writeFileSync(join(dir, "a.txt"), CAPTIONED);
  writeFileSync(join(dir, "b.txt"), "Thủ tướng tiếp Bộ trưởng Ngoại giao tại Hà Nội ngày 3/4, hai bên ký thỏa thuận trị giá 2,5 tỷ USD.\n");
  const vi = cli(["annotate", "--format", "jsonl", "a.txt", "b.txt"], VI, dir);
  const en = cli(["annotate", "--format", "jsonl", "a.txt", "b.txt"], EN, dir);
  assert.equal(vi.status, 0);
  assert.equal(vi.stdout.split("\n").length, 3);
  assert.equal(vi.stdout, en.stdout);
  assert.equal(cli(["annotate", "--format", "json", "--lang", "vi", "a.txt"], C, dir).stdout, cli(["annotate", "--format", "json", "a.txt"], C, dir).stdout);
});

test("annotate --out: the summary table's headings and the closing line are translated, the numbers are not", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  writeFileSync(join(dir, "a.txt"), CAPTIONED);
  const vi = cli(["annotate", "a.txt", "--out", "vi"], VI, dir);
  const en = cli(["annotate", "a.txt", "--out", "en"], EN, dir);
  assert.equal(vi.status, 0);
  assert.match(en.stdout, /^article +people +forums +amounts .*debris lines +title$/m);
  assert.match(vi.stdout, /^bài báo +người +diễn đàn +số liệu .*dòng rác +tiêu đề$/m);
  assert.match(en.stdout, /\n1 record written to en\.\n$/);
  assert.match(vi.stdout, /\nĐã ghi 1 bản ghi vào vi\.\n$/);
  const numbers = (output: string): string => output.split("\n")[2]!.replace(/\s+/g, " ");
  assert.equal(numbers(vi.stdout), numbers(en.stdout));
  assert.equal(readFileSync(join(dir, "vi", "a.annotations.json"), "utf8"), readFileSync(join(dir, "en", "a.annotations.json"), "utf8"));
});

test("the settings file's language beats the environment; --lang beats the file; a bad one is a settings error", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  writeFileSync(join(dir, ".article-annotator.json"), JSON.stringify({ language: "vi" }));
  assert.match(cli(["--help"], EN, dir).stdout, VIETNAMESE_HELP);
  assert.match(cli(["--help", "--lang", "en"], EN, dir).stdout, ENGLISH_HELP);
  assert.match(cli(["--help", "--lang", "auto"], EN, dir).stdout, ENGLISH_HELP);
  assert.equal(cli(["lint", "no-such.txt"], EN, dir).stderr, "article-annotator: no-such.txt: không có tệp hoặc thư mục này\n");
  writeFileSync(join(dir, "en.json"), JSON.stringify({ language: "en" }));
  assert.match(cli(["--help", "--config", "en.json"], VI, dir).stdout, ENGLISH_HELP);
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ language: "vietnamese" }));
  const bad = cli(["lint", "--config", "bad.json", "no-such.txt"], EN, dir);
  assert.deepEqual(bad, { status: 2, stdout: "", stderr: "article-annotator: bad.json: language must be auto, vi or en\n" });
  assert.equal(cli(["lint", "--config", "bad.json", "no-such.txt"], VI, dir).stderr, "article-annotator: bad.json: language phải là auto, vi hoặc en\n");
});

test("agree's table: its headings translated, each group's name still ending over its R column, the numbers the same", () => {
  const span = { start: 0, end: 3, text: "Lan", type: "person" as const, attributes: {}, line: 0, character: 0 };
  const report = agreement([{ path: "a.txt", text: "Lan đến Huế.", a: [span], b: [span, { ...span, start: 8, end: 11, text: "Huế", type: "location" as const, character: 8 }] }]);
  const table = (language: "en" | "vi"): string[] => {
    try {
      useLanguage(language);
      return agreementText(report, "an", "binh", { onlyA: 0, onlyB: 1, otherVersions: 0 }).split("\n");
    } finally {
      useLanguage("en");
    }
  };
  const en = table("en");
  const vi = table("vi");
  assert.equal(en[0], "Agreement of B (binh) against A (an) over 1 article (not compared: 0 only in A, 1 only in B)");
  assert.equal(vi[0], "Mức đồng thuận của B (binh) so với A (an) trên 1 bài báo (không so sánh: 0 chỉ có ở A, 1 chỉ có ở B)");
  // The group names end where the R columns end (code points: what a terminal shows).
  const ends = (line: string, names: readonly string[]): number[] => names.map((name) => [...line.slice(0, line.indexOf(name) + name.length)].length);
  assert.deepEqual(ends(en[2]!, ["exact", "overlap"]), [38, 62]);
  assert.deepEqual(ends(vi[2]!, [catalogue["exact"]!, catalogue["overlap"]!]), [38, 62]);
  assert.match(vi[3]!, /^nhãn +A +B +P +R +F1 +P +R +F1$/);
  // The label codes and the scores: the same numbers, with a decimal comma in Vietnamese ("0.972" would read as 972 thousandths only in English).
  const decimalComma = (line: string): string => line.replace(/(\d)\.(\d)/g, "$1,$2");
  assert.deepEqual(vi.slice(4, 6), en.slice(4, 6).map(decimalComma));
  assert.equal(vi[6], decimalComma(en[6]!).replace(/^all {3}/, "tất cả"));
  assert.equal(vi.length, en.length);
  // English as it always was; Vietnamese with "," before the decimals.
  assert.equal(en[6], "all            1     2   0.500   1.000   0.667   0.500   1.000   0.667");
  assert.equal(vi[6], "tất cả         1     2   0,500   1,000   0,667   0,500   1,000   0,667");
  assert.equal(en[8], "Cohen's kappa over 4 tokens of 1 article: 0.556");
  assert.match(vi[8]!, / 0,556$/);
});

test("sizes and limits: Vietnamese groups thousands with \".\" and writes decimals with \",\"; English as before", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  // Over the limit in characters (1,500 > 1,000), and in bytes before they are read (more than 4 bytes a character: 5 KB, 1.5 MB).
  writeFileSync(join(dir, "long.txt"), "x".repeat(1500));
  writeFileSync(join(dir, "huge.txt"), "y".repeat(5 * 1024));
  writeFileSync(join(dir, "big.txt"), "z".repeat(1.5 * 1024 * 1024));
  const run = (locale: NodeJS.ProcessEnv): { status: number | null; lines: string[] } => {
    const result = cli(["lint", "--max-size", "1000", "long.txt", "huge.txt", "big.txt"], locale, dir);
    return { status: result.status, lines: result.stderr.split("\n").filter(Boolean).sort() };
  };
  assert.deepEqual(run(EN), {
    status: 2,
    lines: [
      "article-annotator: big.txt: skipped: 1.5 MB is more than the limit of 1,000 characters (maxFileSize, --max-size)",
      "article-annotator: huge.txt: skipped: 5.0 KB is more than the limit of 1,000 characters (maxFileSize, --max-size)",
      "article-annotator: long.txt: skipped: 1,500 characters is more than the limit of 1,000 (maxFileSize, --max-size)",
    ],
  });
  assert.deepEqual(run(VI), {
    status: 2,
    lines: [
      "article-annotator: big.txt: bỏ qua: 1,5 MB vượt giới hạn 1.000 ký tự (maxFileSize, --max-size)",
      "article-annotator: huge.txt: bỏ qua: 5,0 KB vượt giới hạn 1.000 ký tự (maxFileSize, --max-size)",
      "article-annotator: long.txt: bỏ qua: 1.500 ký tự vượt giới hạn 1.000 (maxFileSize, --max-size)",
    ],
  });
});

test("agree: the text's scores with a decimal comma in Vietnamese; --format json the same in both languages, JSON's numbers", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-l10n-"));
  writeFileSync(join(dir, "a.txt"), "Thủ tướng tiếp Bộ trưởng Ngoại giao tại Hà Nội ngày 3/4, hai bên ký thỏa thuận trị giá 3 tỷ USD.\n");
  assert.equal(cli(["annotate", "a.txt", "--out", "a"], C, dir).status, 0);
  assert.equal(cli(["annotate", "a.txt", "--out", "b"], C, dir).status, 0);
  // B misses A's first entity: recall 1/2, F1 2/3.
  const recordB = join(dir, "b", "a.annotations.json");
  const record = JSON.parse(readFileSync(recordB, "utf8")) as { entities: unknown[] };
  assert.ok(record.entities.length >= 2, JSON.stringify(record.entities));
  writeFileSync(recordB, JSON.stringify({ ...record, entities: record.entities.slice(1) }, null, 2) + "\n");
  const agree = (locale: NodeJS.ProcessEnv, ...args: string[]): string => {
    const run = cli(["agree", "--include-suggestions", ...args, "a", "b"], locale, dir);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const enText = agree(EN);
  const viText = agree(VI);
  assert.match(enText, /^all +\d+ +\d+ +1\.000 +0\.500 +0\.667 /m);
  assert.match(viText, /^tất cả +\d+ +\d+ +1,000 +0,500 +0,667 /m);
  const json = agree(VI, "--format", "json");
  assert.equal(json, agree(EN, "--format", "json"));
  const report = JSON.parse(json) as { overall: { exact: { recall: number } } };
  assert.equal(report.overall.exact.recall, 0.5);
  assert.ok(!/\d,\d/.test(json), json);
});
