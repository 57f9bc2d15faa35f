// A real third-party client: headless Neovim's built-in LSP client drives dist/server.js through
// test/nvim/drive.lua (diagnostics, hover, code actions, applying a quick-fix, document symbols) and
// reports what it saw as JSON. Skipped, with the reason in its name, when nvim is not installed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, countryName, LineIndex } from "../../server/src/engine";
import { hasSharedCorpus, repoRoot, samplesDir, serverPath, sharedCorpus } from "../helpers/paths";
import { assertValidRecord } from "../helpers/schema";
import { L10N_ARTICLE } from "../helpers/l10nArticle";

const NAME = "Neovim headless drives the server: debris diagnostics, hover, quick-fix code actions, document symbols";
const DRIVER = join(repoRoot, "test", "nvim", "drive.lua");
const DEADLINE_MS = 15_000; // the driver's own deadline; the process is killed 5 s after it

/** Corpus article 002 when the shared corpus is beside the repository, else a sample. */
const target = hasSharedCorpus
  ? { file: join(sharedCorpus, "articles", "002_b3799a47b212be4b.txt"), person: "Bùi Thanh Sơn", country: "VN" }
  : { file: join(samplesDir, "laodong-vietnam-philippines-rice-deal.txt"), person: "Trần Quang Vinh", country: "VN" };

interface Action { title: string; kind: string | null; has_edit: boolean; edit_shape: string | null; text_edits: number; is_preferred: boolean }
interface SymbolNode { name: string; kind: number; detail?: string; children?: SymbolNode[] }
interface Report {
  nvim: string;
  error?: string;
  steps: string[];
  offset_encoding?: string;
  diagnostics?: { code: string; source: string; lnum: number; col: number; message: string }[];
  hover?: { text: string; markdown: string | null; position: { line: number; character: number } };
  code_actions?: { diagnostic: { code: string; lnum: number; has_data: boolean }; actions: Action[] };
  native_code_actions?: Action[];
  applied?: { title: string; changed: boolean; diagnostics_before: number; diagnostics_after?: number };
  symbols?: SymbolNode[];
  server_exit?: { code?: number; timeout?: boolean };
  annotated?: { title: string; message: string | null; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

const nvim = ((): { version: string } | { skip: string } => {
  const probe = spawnSync("nvim", ["--version"], { encoding: "utf8", timeout: 5_000 });
  if (probe.error || probe.status !== 0) return { skip: "nvim not installed" };
  const match = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(probe.stdout);
  if (!match) return { skip: "nvim --version not understood" };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major === 0 && minor < 7) return { skip: `nvim ${match[0]} is older than 0.7` };
  return { version: match[0] };
})();

/**
 * Runs the driver on `file` with extra environment; returns its report and how nvim ended.
 * `-c "lua dofile(…)"` runs on every nvim from 0.7 (-l came in 0.9); the path comes through the
 * environment so no quoting matters. Should the driver not even load, the next -c quits nonzero.
 */
function drive(dir: string, file: string, env: Record<string, string>): { report: Report; seen: string; status: number | null } {
  const out = join(dir, "report.json");
  const started = Date.now();
  const run = spawnSync("nvim", ["--headless", "--clean", "-n", "-u", "NONE", "-i", "NONE", "-c", "lua dofile(os.getenv('AA_DRIVER'))", "-c", "cquit 4"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: DEADLINE_MS + 5_000,
    killSignal: "SIGKILL",
    env: { ...process.env, AA_DRIVER: DRIVER, AA_SERVER: JSON.stringify([process.execPath, serverPath, "--stdio"]), AA_FILE: file, AA_OUT: out, AA_TIMEOUT_MS: String(DEADLINE_MS), XDG_STATE_HOME: join(dir, "state"), XDG_DATA_HOME: join(dir, "data"), XDG_CACHE_HOME: join(dir, "cache"), ...env },
  });
  const context = `nvim exited with ${run.status ?? run.signal ?? String(run.error)} after ${Date.now() - started} ms\nstderr: ${run.stderr}`;
  assert.ok(existsSync(out), `no report written; ${context}`);
  const report = JSON.parse(readFileSync(out, "utf8")) as Report;
  return { report, seen: `${context}\nsteps:\n${report.steps.join("\n")}`, status: run.status };
}

const VIETNAMESE_ARTICLE = L10N_ARTICLE;

/** An article written for this test: one name the engine does not find. */
const CURATION_ARTICLE = "Hai nước ký thỏa thuận thương mại\nCựu vận động viên Lý Hoàng Nam nói thỏa thuận mở ra nhiều cơ hội cho doanh nghiệp.\n";

if ("skip" in nvim) {
  test(`${NAME} (skipped: ${nvim.skip})`, { skip: nvim.skip }, () => {});
  test(`Neovim in Vietnamese: init_options.language (skipped: ${nvim.skip})`, { skip: nvim.skip }, () => {});
  test(`Neovim: a code action on a Visual selection adds a manual entity to the record (skipped: ${nvim.skip})`, { skip: nvim.skip }, () => {});
} else {
  test(`Neovim in Vietnamese: init_options = { language = "vi" } gives Vietnamese diagnostics, hover and quick fixes (${nvim.version})`, () => {
    const dir = mkdtempSync(join(tmpdir(), "aa-nvim-vi-"));
    try {
      const file = join(dir, "article.txt");
      writeFileSync(file, VIETNAMESE_ARTICLE);
      const { report, seen, status } = drive(dir, file, { AA_HOVER_TEXT: "Lương Văn Đạt", AA_INIT_OPTIONS: JSON.stringify({ language: "vi" }) });
      assert.equal(report.error, undefined, `the driver failed: ${report.error}\n${seen}`);
      assert.equal(status, 0, seen);
      const repeated = (report.diagnostics ?? []).find((d) => d.code === "duplicate-line");
      assert.equal(repeated?.message, "Lặp lại dòng phía trên (bản sao của chú thích ảnh hoặc tiêu đề).", JSON.stringify(report.diagnostics));
      const hover = report.hover?.markdown ?? "";
      for (const part of ["**Nhân vật** · Lương Văn Đạt", "Thủ tướng (Việt Nam)", "Được nhắc đến 2 lần trong bài này"]) assert.ok(hover.includes(part), `${part} in\n${hover}`);
      const titles = (report.code_actions?.actions ?? []).map((a) => a.title);
      assert.ok(titles.includes("Xóa dòng lặp lại") && titles.includes("Tạo bản ghi chú thích"), titles.join("; "));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`Neovim: a code action on a Visual selection adds a manual entity to the record (${nvim.version})`, () => {
    const dir = mkdtempSync(join(tmpdir(), "aa-nvim-curation-"));
    try {
      const file = join(dir, "article.txt");
      writeFileSync(file, CURATION_ARTICLE);
      const { report, seen, status } = drive(dir, file, { AA_ANNOTATE_TEXT: "Lý Hoàng Nam", AA_ANNOTATE_AS: "Person", AA_ROOT: dir });
      assert.equal(report.error, undefined, `the driver failed: ${report.error}\n${seen}`);
      assert.equal(status, 0, seen);
      assert.match(report.annotated?.message ?? "", /Annotated "Lý Hoàng Nam" as Person/, seen);
      const record = JSON.parse(readFileSync(join(dir, "article.annotations.json"), "utf8")) as { entities: { type: string; text: string; start: number; end: number; origin: string }[] };
      assertValidRecord(record);
      const entity = record.entities.find((e) => e.text === "Lý Hoàng Nam");
      assert.ok(entity, `the record on disk has the entity: ${JSON.stringify(record.entities)}`);
      assert.deepEqual([entity.type, entity.origin, CURATION_ARTICLE.slice(entity.start, entity.end)], ["person", "manual", "Lý Hoàng Nam"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${NAME} (${nvim.version})`, () => {
    assert.ok(existsSync(serverPath), `${serverPath} is missing: run npm run build`);
    const dir = mkdtempSync(join(tmpdir(), "aa-nvim-"));
    try {
      const { report, seen, status } = drive(dir, target.file, { AA_HOVER_TEXT: target.person });
      assert.equal(report.error, undefined, `the driver failed: ${report.error}\n${seen}`);
      assert.equal(status, 0, seen);
      assert.equal(report.offset_encoding, "utf-16");

      // Diagnostics as vim.diagnostic holds them: rule codes on the debris lines, at the byte columns
      // Neovim derived from the server's UTF-16 positions, exactly the engine's findings.
      const diagnostics = report.diagnostics ?? [];
      assert.ok(diagnostics.length > 0, `no diagnostics\n${seen}`);
      assert.ok(diagnostics.every((d) => d.source === "article-annotator" && typeof d.code === "string" && d.code.length > 0));
      const codes = new Set(diagnostics.map((d) => d.code));
      assert.ok(codes.has("related-links") || codes.has("navigation"), `debris codes seen: ${[...codes].join(", ")}`);
      const text = readFileSync(target.file, "utf8");
      const lines = new LineIndex(text);
      const lineTexts = text.split(/\r?\n/);
      const expected = analyze(text).boilerplate.map((finding) => {
        const { line, character } = lines.positionAt(finding.start);
        return `${finding.rule}@${line}:${Buffer.byteLength((lineTexts[line] ?? "").slice(0, character))}`;
      });
      assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}`).sort(), expected.sort());
      for (const d of diagnostics) assert.ok((lineTexts[d.lnum] ?? "").trim().length > 0, `${d.code} on an empty line ${d.lnum}`);

      // Hover one character into the person's first mention.
      const hover = report.hover?.markdown ?? "";
      assert.match(hover, /\*\*Person\*\*/);
      assert.ok(hover.includes(target.person), hover);
      // The office and its country by their English labels (l10n/labels.en.json, data/countries.json).
      assert.match(hover, /\bMinister\b/);
      assert.ok(hover.includes(`of ${countryName(target.country)!.en}`), hover);
      assert.match(hover, /\d+ mentions? in this article/);

      // Code actions for the first diagnostic: a quick-fix carrying a versioned edit, also when asked
      // the way Neovim's own vim.lsp.buf.code_action() asks; applying it removes that diagnostic.
      const actions = report.code_actions?.actions ?? [];
      const isQuickFix = (a: Action): boolean => a.kind === "quickfix" && a.has_edit && a.edit_shape === "documentChanges" && a.text_edits > 0;
      assert.ok(actions.some(isQuickFix), `no quick-fix with an edit: ${JSON.stringify(actions)}`);
      assert.ok(actions.some((a) => a.kind === "source.fixAll.articleAnnotator" && a.has_edit));
      assert.ok(actions.some((a) => a.title === "Emit annotated record"));
      if (report.native_code_actions) assert.ok(report.native_code_actions.some(isQuickFix), `vim.lsp.buf.code_action()-style request: ${JSON.stringify(report.native_code_actions)}`);
      const applied = report.applied;
      assert.ok(applied?.changed, `the quick-fix did not change the buffer: ${JSON.stringify(applied)}`);
      assert.ok(applied.diagnostics_after !== undefined && applied.diagnostics_after < applied.diagnostics_before, JSON.stringify(applied));

      // Document symbols: the article root with its People group naming the person.
      const root = report.symbols?.[0];
      assert.ok(root && root.name.length > 0, `no root symbol: ${JSON.stringify(report.symbols)}`);
      const groups = (root.children ?? []).map((c) => c.name);
      assert.ok(groups.includes("People"), `groups: ${groups.join(", ")}`);
      const people = root.children?.find((c) => c.name === "People")?.children ?? [];
      assert.ok(people.some((p) => p.name === target.person), `people: ${people.map((p) => p.name).join(", ")}`);

      assert.equal(report.server_exit?.code, 0, `the server did not shut down cleanly: ${JSON.stringify(report.server_exit)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
