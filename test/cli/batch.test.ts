// Batch runs: `--jobs N` (worker threads, output in input order, read-ahead bounded), records
// streamed as they are done, `--stdin` JSON Lines (a map step), GNU parallel `--pipe` as the map
// step's runner, and the progress bar drawn only on a terminal.
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { cliPath, fixturesDir, hasSharedCorpus, repoRoot, samplesDir, sharedCorpus } from "../helpers/paths";
import { assertValidRecord } from "../helpers/schema";
import { processArticles, type ArticleInput } from "../../server/src/cli/articles";
import { run, type Io } from "../../server/src/cli/main";
import { stdinArticles } from "../../server/src/cli/stdinArticles";
import { MAX_TABLE_ROWS, SummaryTable } from "../../server/src/cli/summary";
import type { AnnotatedRecord } from "../../server/src/engine";
import { resolveSettings } from "../../server/src/host/settings";

function cli(args: string[], input?: string, cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd, input, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The articles the batch tests run over: the samples, the fixtures and, when present, the shared corpus. */
const articleFolders = [samplesDir, join(fixturesDir, "articles"), ...(hasSharedCorpus ? [join(sharedCorpus, "articles")] : [])].map((dir) => relative(repoRoot, dir));

function articlePaths(): string[] {
  return articleFolders.flatMap((dir) =>
    readdirSync(join(repoRoot, dir))
      .filter((name) => name.endsWith(".txt"))
      .sort()
      .map((name) => join(dir, name)),
  );
}

test("annotate --jobs 3 writes exactly what --jobs 1 writes, in the order given, as JSON Lines, a JSON array and record files", () => {
  const one = cli(["annotate", "--jobs", "1", ...articleFolders]);
  const three = cli(["annotate", "-j", "3", ...articleFolders]);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(three.status, 0, three.stderr);
  assert.equal(three.stdout, one.stdout);
  const paths = one.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { source: { path: string } }).source.path);
  assert.ok(paths.length >= 20, `${paths.length} articles`);
  // The folders in the order given, each one's files in name order.
  assert.deepEqual(paths.map((path) => resolve(repoRoot, path)), articlePaths().map((path) => resolve(repoRoot, path)));

  const json = cli(["annotate", "--format", "json", "--jobs", "2", ...articleFolders]);
  assert.equal(json.status, 0, json.stderr);
  const records = JSON.parse(json.stdout) as unknown[];
  // Written element by element, yet byte for byte what one JSON.stringify of the array gives.
  assert.equal(json.stdout, JSON.stringify(records, null, 2) + "\n");
  assert.deepEqual(records, one.stdout.trim().split("\n").map((line) => JSON.parse(line) as unknown));

  const outs = [1, 2].map((jobs) => {
    const out = mkdtempSync(join(tmpdir(), `aa-jobs${jobs}-`));
    const result = cli(["annotate", "--jobs", String(jobs), "--out", out, ...articleFolders]);
    assert.equal(result.status, 0, result.stderr);
    return { out, table: result.stdout.replace(out, "OUT") };
  });
  assert.equal(outs[1]!.table, outs[0]!.table);
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".annotations.json")).sort();
  assert.equal(files(outs[0]!.out).length, paths.length);
  assert.deepEqual(files(outs[1]!.out), files(outs[0]!.out));
  for (const file of files(outs[0]!.out)) assert.equal(readFileSync(join(outs[1]!.out, file), "utf8"), readFileSync(join(outs[0]!.out, file), "utf8"), file);
});

test("annotate --stdin --format json keeps U+2028 and U+2029 in ids and texts as they are: the array is what JSON.stringify gives", () => {
  const input = [
    JSON.stringify({ id: "a\u2028b", text: "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Lào." }),
    JSON.stringify({ id: "c\u2029d", text: "Chủ tịch nước Lương Cường dự Hội nghị." }),
  ].join("\n");
  const lines = cli(["annotate", "--stdin"], input);
  const json = cli(["annotate", "--stdin", "--format", "json"], input);
  assert.equal(lines.status, 0, lines.stderr);
  assert.equal(json.status, 0, json.stderr);
  const records = lines.stdout.trim().split("\n").map((line) => JSON.parse(line) as { source: { path: string } });
  assert.deepEqual(records.map((record) => record.source.path), ["a\u2028b", "c\u2029d"]);
  assert.equal(json.stdout, JSON.stringify(records, null, 2) + "\n");
});

test("annotate --format json with no article prints an empty array, as before", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-empty-"));
  writeFileSync(join(dir, "broken.txt"), Buffer.from([0xff, 0x00, 0x01]));
  const result = cli(["annotate", "--format", "json", dir]);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, "[]\n");
  assert.match(result.stderr, /broken\.txt: not a text file/);
});

test("annotate --stdin: {id, text} and {path} lines give one record per line in input order, the same records as the files give", () => {
  const paths = articlePaths().slice(0, 12);
  const lines = paths.flatMap((path, k) => [JSON.stringify({ id: `doc-${k}`, text: readFileSync(join(repoRoot, path), "utf8") }), JSON.stringify({ path })]);
  // A BOM before the first line, blank lines and CRLF line ends are no problem.
  const result = cli(["annotate", "--stdin", "--jobs", "2"], "\uFEFF" + lines.join("\r\n\n") + "\n");
  assert.equal(result.status, 0, result.stderr);
  const records = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { source: { path: string } });
  assert.equal(records.length, 2 * paths.length);
  for (const record of records) assertValidRecord(record);
  const fromFiles = cli(["annotate", "--jobs", "1", ...paths]).stdout.trim().split("\n").map((line) => JSON.parse(line) as { source: { path: string } });
  for (const [k, path] of paths.entries()) {
    assert.deepEqual(records[2 * k + 1], fromFiles[k], path);
    // A text is the file's text: the same record but for the path, which is the id (UTF-8 text hashed as a file would be).
    assert.deepEqual({ ...records[2 * k]!, source: { ...records[2 * k]!.source, path: path } }, fromFiles[k], `doc-${k}`);
  }
});

test("annotate --stdin reports each bad line as stdin:LINE, processes the others in order and exits 1", () => {
  const input = [
    JSON.stringify({ id: 7, text: "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Lào." }),
    "not json",
    "[1, 2]",
    JSON.stringify({ text: "no id" }),
    JSON.stringify({ id: "a", text: 3 }),
    JSON.stringify({ id: "b", text: "x", path: "y.txt" }),
    JSON.stringify({ path: "no/such/file.txt" }),
    JSON.stringify({ id: "long", text: "Việt Nam ".repeat(50) }),
    "",
    JSON.stringify({ id: "last", text: "Chủ tịch nước Lương Cường dự Hội nghị Cấp cao ASEAN lần thứ 47." }),
  ].join("\n");
  const result = cli(["annotate", "--stdin", "--max-size", "200"], input);
  assert.equal(result.status, 1);
  assert.deepEqual(result.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { source: { path: string } }).source.path), ["7", "last"]);
  const messages = result.stderr.trim().split("\n");
  assert.equal(messages.length, 7, result.stderr);
  assert.match(messages[0]!, /^article-annotator: stdin:2: not JSON/);
  assert.match(messages[1]!, /^article-annotator: stdin:3: not a JSON object/);
  assert.match(messages[2]!, /^article-annotator: stdin:4: a "text" needs an "id"/);
  assert.match(messages[3]!, /^article-annotator: stdin:5: "text" must be a string/);
  assert.match(messages[4]!, /^article-annotator: stdin:6: give "text" or "path", not both/);
  assert.match(messages[5]!, /^article-annotator: stdin:7: no\/such\/file\.txt: no such file or folder/);
  assert.match(messages[6]!, /^article-annotator: stdin:8: long: skipped: 450 characters is more than the limit of 200/);
});

test("annotate --stdin with nothing on stdin (an empty partition of a map step) writes nothing and exits 0", () => {
  for (const input of ["", "\n\n"]) {
    const result = cli(["annotate", "--stdin"], input);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, "");
    assert.equal(result.stderr, "");
  }
});

test("usage: --stdin goes with annotate alone, without paths or --out; --jobs is a whole number from 1", () => {
  for (const [args, message] of [
    [["lint", "--stdin"], /--stdin goes with annotate/],
    [["annotate", "--stdin", "samples"], /give no paths \(samples\)/],
    [["annotate", "--stdin", "--out", "x"], /does not go with --out/],
    [["annotate", "--jobs", "0", "samples"], /--jobs must be a whole number from 1 to 64, not "0"/],
    [["annotate", "--jobs", "two", "samples"], /--jobs must be a whole number/],
    [["annotate", "--jobs", "1.5", "samples"], /--jobs must be a whole number/],
    [["agree", "--jobs", "2", "a", "b"], /--jobs goes with annotate, lint, clean or export/],
  ] as const) {
    const result = cli([...args]);
    assert.equal(result.status, 2, args.join(" "));
    assert.match(result.stderr, message, args.join(" "));
  }
});

test("a short flag may hold its value, as getopt allows: -j2 -fjson is -j 2 -f json", () => {
  const apart = cli(["annotate", "-j", "2", "-f", "json", samplesDir]);
  const joined = cli(["annotate", "-j2", "-fjson", samplesDir]);
  assert.equal(apart.status, 0, apart.stderr);
  assert.equal(joined.status, 0, joined.stderr);
  assert.equal(joined.stdout, apart.stdout);
  assert.match(cli(["annotate", "-j0", samplesDir]).stderr, /--jobs must be a whole number from 1/);
});

test("lint and clean keep the order of their files with --jobs 2", () => {
  for (const command of ["lint", "clean"]) {
    const one = cli([command, "--jobs", "1", ...articleFolders]);
    const two = cli([command, "--jobs", "2", ...articleFolders]);
    assert.equal(two.stdout, one.stdout, command);
    assert.equal(two.status, one.status, command);
  }
});

const hasParallel = spawnSync("parallel", ["--version"], { encoding: "utf8" }).status === 0;

test(hasParallel ? "GNU parallel --pipe with two local jobs gives exactly what one process gives" : "GNU parallel --pipe (skipped: Debian's parallel is not installed; .ci/run installs it)", { skip: !hasParallel }, () => {
  const lines = articlePaths().map((path, k) => (k % 2 === 0 ? JSON.stringify({ path }) : JSON.stringify({ id: path, text: readFileSync(join(repoRoot, path), "utf8") })));
  const input = lines.join("\n") + "\n";
  const single = cli(["annotate", "--stdin", "--jobs", "1"], input);
  assert.equal(single.status, 0, single.stderr);
  // -k: output in input order; -N 3: three lines a block, so the work is really split between the jobs.
  const piped = spawnSync("parallel", ["--will-cite", "--pipe", "-k", "-j", "2", "-N", "3", process.execPath, cliPath, "annotate", "--stdin", "--jobs", "1"], { encoding: "utf8", cwd: repoRoot, input, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout.split("\n").length, lines.length + 1);
  assert.equal(piped.stdout, single.stdout);
});

/** An Io that collects what is written; `progress`, when given, is a fake terminal. */
function memoryIo(progress?: NodeJS.WriteStream): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    ...(progress ? { progress } : {}),
  };
  return io;
}

/** A stream that says it is a terminal, as process.stderr does on one. */
function fakeTerminal(): NodeJS.WriteStream & { written: string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { written: string };
  stream.written = "";
  Object.assign(stream, { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  stream.on("data", (chunk: Buffer) => {
    stream.written += chunk.toString();
  });
  return stream;
}

test("a progress bar (files, files/s, ETA) is drawn on a terminal, messages go above it, and none is drawn elsewhere", async () => {
  const terminal = fakeTerminal();
  const io = memoryIo(terminal);
  const status = await run(["annotate", "--jobs", "2", "samples", "no/such/folder"], io, { version: "test", workerScript: cliPath });
  assert.equal(status, 1);
  assert.match(terminal.written, /annotate \[[=-]+\] \d+\/\d+ files · [\d.]+ files\/s · ETA /);
  assert.match(io.err, /no\/such\/folder/);
  assert.equal(io.out.trim().split("\n").length, readdirSync(samplesDir).filter((name) => name.endsWith(".txt")).length);

  const plain = memoryIo();
  assert.equal(await run(["annotate", "--jobs", "2", "samples"], plain, { version: "test", workerScript: cliPath }), 0);
  assert.equal(plain.err, "", "no terminal: nothing but messages on stderr");
});

test("read-ahead is bounded: with 2 jobs, at most a few inputs are taken before the first is handled, whatever the input's size", async () => {
  let pulled = 0;
  const handledAt: number[] = [];
  const text = readFileSync(join(samplesDir, readdirSync(samplesDir).find((name) => name.endsWith(".txt"))!), "utf8");
  function* endless(): Iterable<ArticleInput> {
    for (let k = 0; k < 40; k++) {
      pulled++;
      yield { id: `a${k}`, text };
    }
  }
  const io = memoryIo();
  let drains = 0;
  io.drain = () => {
    drains++;
    return Promise.resolve();
  };
  const result = await processArticles(endless(), { settings: resolveSettings({}).settings, workerScript: cliPath, jobs: 2 }, io, ({ article }) => {
    handledAt.push(pulled);
    io.stdout(article.path + "\n");
  });
  assert.deepEqual(result, { failed: 0, count: 40 });
  assert.equal(io.out, Array.from({ length: 40 }, (_, k) => `a${k}\n`).join(""));
  assert.equal(drains, 40, "the output is drained after each article");
  // 2 jobs: 4 analyses in flight, 3 waiting their turn, 2 buffered from the input, and the one being handled.
  for (const [k, at] of handledAt.entries()) assert.ok(at - k <= 12, `article ${k} handled when ${at} had been taken`);
});

test("--stdin reads ahead a bounded number of lines, however long the input", async () => {
  const text = readFileSync(join(samplesDir, readdirSync(samplesDir).find((name) => name.endsWith(".txt"))!), "utf8");
  let produced = 0;
  const stdin = Readable.from(
    (function* () {
      for (let k = 0; k < 300; k++) {
        produced++;
        yield JSON.stringify({ id: `a${k}`, text }) + "\n";
      }
    })(),
  );
  const gaps: number[] = [];
  const io = memoryIo();
  const result = await processArticles(stdinArticles(stdin), { settings: resolveSettings({}).settings, workerScript: cliPath, jobs: 1 }, io, ({ article }) => {
    gaps.push(produced - Number(article.path.slice(1)));
  });
  assert.deepEqual(result, { failed: 0, count: 300 });
  // The readline buffer (16 lines), the stream's (16 chunks) and the jobs' read-ahead: never the 300 lines.
  assert.ok(Math.max(...gaps) <= 48, `at most ${Math.max(...gaps)} lines ahead`);
});

test("the summary table keeps its first MAX_TABLE_ROWS rows and still totals every article", () => {
  const table = new SummaryTable();
  const record = (k: number): AnnotatedRecord =>
    ({ source: { path: `a${k}.txt` }, article: { title: `T${k}` }, entities: [{ type: "amount", text: "5 USD", start: 0, end: 5, origin: "engine", attributes: {} }], boilerplate: [] }) as unknown as AnnotatedRecord;
  for (let k = 0; k < MAX_TABLE_ROWS + 5; k++) table.add(record(k));
  const lines = table.render(120).split("\n");
  assert.equal(table.size, MAX_TABLE_ROWS + 5);
  assert.ok(lines.some((line) => line.startsWith(`a${MAX_TABLE_ROWS - 1} `)));
  assert.ok(!lines.some((line) => line.startsWith(`a${MAX_TABLE_ROWS} `)));
  assert.ok(lines.includes("… and 5 more articles (each in its record; the totals count them)"), lines.slice(-3).join("\n"));
  assert.match(lines.at(-2)!, new RegExp(`^${MAX_TABLE_ROWS + 5} articles\\s+0\\s+0\\s+${MAX_TABLE_ROWS + 5}\\b`));
});
