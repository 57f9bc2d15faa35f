/**
 * `export` and `import` on files, as a team uses them: the reviewed annotation goes out (Label
 * Studio, doccano), comes back into records through the record-emitting path (a person's work here
 * kept, nothing doubled), with unknown labels and spans that do not fit reported and nothing written
 * for their file; text with an emoji and decomposed letters before the entities keeps exact offsets.
 */
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, buildRecord, builtInKnowledgeBase } from "../../server/src/engine";
import { cliPath } from "../helpers/paths";
import type { RecordJson } from "../helpers/record";
import { assertValidRecord } from "../helpers/schema";

// An emoji (two UTF-16 units, one code point) and NFD letters before every entity.
const TEXT = "Tin nhanh 😀 " + "Hà Nội".normalize("NFD") + "\nNgày 5/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Thủ tướng Lào Sonexay Siphandone.\nViệt Nam viện trợ Lào 3 triệu USD.\n";

function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: "utf8" });
}

/** A workspace with one article and its record: the first person accepted by "lan", the amount rejected, the rest suggestions. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), "aa-interchange-"));
  mkdirSync(join(root, "news"));
  writeFileSync(join(root, "news", "a.txt"), TEXT);
  // Analyzed as the CLI does by default: with the built-in knowledge base.
  const record = buildRecord(TEXT, analyze(TEXT, { knowledgeBase: builtInKnowledgeBase() }), { path: "news/a.txt", sha256: createHash("sha256").update(TEXT).digest("hex"), length: Buffer.byteLength(TEXT) });
  const decision = { by: "lan", at: "2026-11-30T08:00:00.000Z" };
  let accepted = false;
  record.entities = record.entities.map((e) => {
    if (e.type === "person" && !accepted) {
      accepted = true;
      return { ...e, origin: "manual" as const, decision: { action: "accepted" as const, ...decision } };
    }
    return e.type === "amount" ? { ...e, origin: "rejected" as const, decision: { action: "rejected" as const, ...decision } } : e;
  });
  assert.ok(accepted && record.entities.some((e) => e.origin === "rejected"), "a person and an amount are detected");
  writeFileSync(join(root, "news", "a.annotations.json"), JSON.stringify(record, null, 2));
  return root;
}

function readRecord(path: string): RecordJson {
  const record = JSON.parse(readFileSync(path, "utf8")) as RecordJson;
  assertValidRecord(record, path);
  return record;
}

test("export then import (Label Studio): the reviewed entity comes back as the annotator's, at the same offsets, in a new records folder", () => {
  const root = workspace();
  const exported = cli(root, "export", "--format", "labelstudio", "news", "--out", "ls");
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stderr, /exported 1 article \(1 annotation\) as Label Studio/);
  const tasks = JSON.parse(readFileSync(join(root, "ls", "tasks.json"), "utf8")) as { data: { text: string }; annotations: { result: { type: string; value: { start: number; end: number; text: string } }[] }[]; predictions?: unknown[] }[];
  const region = tasks[0]!.annotations[0]!.result.find((r) => r.type === "labels")!;
  assert.equal([...TEXT].slice(region.value.start, region.value.end).join(""), region.value.text, "code point offsets");
  assert.equal(tasks[0]!.data.text, TEXT, "the text exactly, not normalized");

  const imported = cli(root, "import", "--format", "labelstudio", "ls/tasks.json", "--out", "records");
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stderr, /imported 1 annotation from Label Studio .* into 1 record/);
  const record = readRecord(join(root, "records", "news", "a.annotations.json"));
  const original = readRecord(join(root, "news", "a.annotations.json"));
  const person = original.entities.find((e) => e.origin === "manual")!;
  const mine = record.entities.filter((e) => e.origin === "manual");
  assert.deepEqual(mine.map((e) => [e.type, e.start, e.end, e.text, e.rule, e.decision?.by, e.decision?.action]), [["person", person.start, person.end, person.text, "import.labelstudio", "lan", "added"]]);
  assert.deepEqual(mine[0]!.attributes, person.attributes, "the attributes Label Studio carried");
  assert.equal(record.source.path, "news/a.txt");

  // The two folders of records agree perfectly on the reviewed annotation.
  const agreement = cli(root, "agree", "--format", "json", "news", "records/news");
  const report = JSON.parse(agreement.stdout) as { overall: { exact: { f1: number } }; kappa: { value: number | null }; disagreements: unknown[] };
  assert.equal(report.overall.exact.f1, 1);
  assert.deepEqual(report.disagreements, []);
});

test("import into the article's own record keeps a person's work: nothing doubled, a rejection stays, suggestions become predictions and come back as the person's", () => {
  const root = workspace();
  assert.equal(cli(root, "export", "--format", "labelstudio", "--include-suggestions", "news", "--out", "ls").status, 0);
  const tasks = JSON.parse(readFileSync(join(root, "ls", "tasks.json"), "utf8")) as { predictions?: { model_version: string; result: unknown[] }[] }[];
  assert.ok((tasks[0]!.predictions?.[0]?.result.length ?? 0) > 0, "suggestions exported as predictions");
  assert.match(tasks[0]!.predictions![0]!.model_version, /^article-annotator@/);
  const before = readRecord(join(root, "news", "a.annotations.json"));
  const run = cli(root, "import", "--format", "labelstudio", "ls/tasks.json");
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /1 already in the records/);
  const after = readRecord(join(root, "news", "a.annotations.json"));
  assert.deepEqual(after.entities.filter((e) => e.origin === "rejected").map((e) => e.text), before.entities.filter((e) => e.origin === "rejected").map((e) => e.text), "the rejection stays");
  const manual = after.entities.filter((e) => e.origin === "manual");
  assert.equal(new Set(manual.map((e) => `${e.type}:${e.start}:${e.end}`)).size, manual.length, "nothing doubled");
  assert.ok(manual.length > 1, "the predictions came back as a person's entities");
  assert.ok(manual.some((e) => e.decision?.action === "accepted" && e.decision.by === "lan"), "the person's own decision kept as it was");
});

test("import: an unknown label and a span that does not fit are reported with file, line and column, and nothing is written for their document", () => {
  const root = workspace();
  assert.equal(cli(root, "export", "--format", "doccano", "news", "--out", "dc").status, 0);
  const line = JSON.parse(readFileSync(join(root, "dc", "doccano.jsonl"), "utf8")) as { text: string; path: string; entities: { label: string; start_offset: number; end_offset: number }[] };
  const weird = { ...line, entities: [{ ...line.entities[0]!, label: "NGƯỜI" }] };
  writeFileSync(join(root, "dc", "weird.jsonl"), JSON.stringify(weird) + "\n");
  const unknown = cli(root, "import", "--format", "doccano", "dc/weird.jsonl", "--out", "r1");
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /news\/a\.txt:2:\d+: the label "NGƯỜI" is no entity type here; define it in the settings' "labels"/);
  assert.equal(existsSync(join(root, "r1")), false, "nothing written");
  // Defined as one of the user's labels, it imports as that label.
  writeFileSync(join(root, "settings.json"), JSON.stringify({ labels: [{ id: "nguoi", name: "Người" }] }));
  const own = cli(root, "import", "--config", "settings.json", "--format", "doccano", "dc/weird.jsonl", "--out", "r2");
  assert.equal(own.status, 0, own.stderr);
  const record = readRecord(join(root, "r2", "news", "a.annotations.json"));
  assert.deepEqual(record.entities.filter((e) => e.origin === "manual").map((e) => [e.type, e.attributes]), [["custom", { label: "nguoi" }]]);

  const outside = { ...line, entities: [{ ...line.entities[0]!, end_offset: [...TEXT].length + 3 }] };
  writeFileSync(join(root, "dc", "outside.jsonl"), JSON.stringify(outside) + "\n");
  const bad = cli(root, "import", "--format", "doccano", "dc/outside.jsonl", "--out", "r3");
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /dc\/outside\.jsonl:1: news\/a\.txt: .*outside the text/);
  assert.equal(existsSync(join(root, "r3")), false);
});

test("import of an article that is not here: with --out, its text is written there and its record beside it", () => {
  const root = workspace();
  assert.equal(cli(root, "export", "--format", "doccano", "news", "--out", "dc").status, 0);
  const elsewhere = mkdtempSync(join(tmpdir(), "aa-interchange-elsewhere-"));
  const without = cli(elsewhere, "import", "--format", "doccano", join(root, "dc", "doccano.jsonl"));
  assert.equal(without.status, 1);
  assert.match(without.stderr, /news\/a\.txt: no such article here; give --out DIR/);
  const run = cli(elsewhere, "import", "--format", "doccano", join(root, "dc", "doccano.jsonl"), "--out", "imported");
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(join(elsewhere, "imported", "news", "a.txt"), "utf8"), TEXT);
  const record = readRecord(join(elsewhere, "imported", "news", "a.annotations.json"));
  assert.equal(record.source.path, "imported/news/a.txt");
  assert.equal(record.entities.filter((e) => e.origin === "manual").length, 1);
});

test("export: usage errors", () => {
  const root = workspace();
  assert.match(cli(root, "export", "news", "--out", "x").stderr, /export needs --format brat\|conll\|w3c/);
  assert.match(cli(root, "export", "--format", "brat", "news").stderr, /export needs --out DIR/);
  assert.match(cli(root, "export", "--format", "jsonl", "--clean", "news", "--out", "x").stderr, /--clean does not apply to jsonl/);
  assert.match(cli(root, "import", "--format", "conll", "x").stderr, /import needs --format/);
  assert.match(cli(root, "lint", "--clean", "news").stderr, /--clean goes with export/);
});

test("every format that imports: export then import gives back the reviewed annotation at the same offsets (emoji and NFD before the entities), so agree finds no difference", () => {
  for (const format of ["brat", "labelstudio", "doccano", "w3c", "spacy"]) {
    const root = workspace();
    const exported = cli(root, "export", "--format", format, "news", "--out", "x");
    assert.equal(exported.status, 0, `${format}: ${exported.stderr}`);
    const imported = cli(root, "import", "--format", format, "x", "--out", "records");
    assert.equal(imported.status, 0, `${format}: ${imported.stderr}`);
    const report = JSON.parse(cli(root, "agree", "--format", "json", "news", "records/news").stdout) as { overall: { a: number; exact: { f1: number } }; disagreements: unknown[] };
    assert.equal(report.overall.a, 1, format);
    assert.equal(report.overall.exact.f1, 1, format);
    assert.deepEqual(report.disagreements, [], format);
  }
});

test("export --format conll: tokens with IOB2 tags, and the exported span's tokens", () => {
  const root = workspace();
  const run = cli(root, "export", "--format", "conll", "news", "--out", "c");
  assert.equal(run.status, 0, run.stderr);
  const lines = readFileSync(join(root, "c", "annotations.conll"), "utf8").split("\n");
  assert.equal(lines[0], "-DOCSTART- -X- -X- O");
  const person = readRecord(join(root, "news", "a.annotations.json")).entities.find((e) => e.origin === "manual")!;
  const tagged = lines.filter((l) => / [BI]-PER$/.test(l)).map((l) => l.split(" ")[0]);
  assert.deepEqual(tagged, person.text.split(" "));
});

test("export --clean: the article without its debris, the spans moved into it", () => {
  const root = workspace();
  writeFileSync(join(root, "news", "b.txt"), "Trang chủ | Thời sự | Thế giới | Kinh tế | Thể thao\n" + TEXT);
  const run = cli(root, "export", "--format", "doccano", "--include-suggestions", "--clean", "news/b.txt", "--out", "c");
  assert.equal(run.status, 0, run.stderr);
  const line = JSON.parse(readFileSync(join(root, "c", "doccano.jsonl"), "utf8")) as { text: string; entities: { start_offset: number; end_offset: number; label: string }[] };
  assert.ok(!line.text.includes("Trang chủ"), "the menu line is gone");
  assert.ok(line.entities.length > 0);
  for (const e of line.entities) assert.ok([...line.text].slice(e.start_offset, e.end_offset).join("").trim().length > 0);
  const person = line.entities.find((e) => e.label === "PER")!;
  assert.equal([...line.text].slice(person.start_offset, person.end_offset).join(""), "Bùi Thanh Sơn");
});

/** A Label Studio task of TEXT (at `path`) whose annotations each have one region on `quote`. */
function labelStudioTask(path: string, annotations: { by: string; label: string; quote: string; attributes?: object }[]): unknown {
  return {
    data: { text: TEXT, path },
    annotations: annotations.map((a, k) => {
      const start = [...TEXT.slice(0, TEXT.indexOf(a.quote))].length;
      const value = { start, end: start + [...a.quote].length, text: a.quote };
      return {
        id: k + 1,
        created_username: a.by,
        result: [
          { id: `r${k}`, from_name: "label", to_name: "text", type: "labels", value: { ...value, labels: [a.label] } },
          ...(a.attributes ? [{ id: `r${k}`, from_name: "attributes", to_name: "text", type: "textarea", value: { ...value, text: [JSON.stringify({ attributes: a.attributes })] } }] : []),
        ],
      };
    }),
  };
}

test("import: a span relabelled in the other tool keeps none of its old type's attributes", () => {
  const root = workspace();
  const person = { title: "Bộ trưởng Ngoại giao", role: "minister", canonical: "Bùi Thanh Sơn", nameStyle: "vietnamese", country: "VN" };
  writeFileSync(join(root, "t.json"), JSON.stringify([labelStudioTask("news/a.txt", [{ by: "lan", label: "FORUM", quote: "Bùi Thanh Sơn", attributes: person }])]));
  const run = cli(root, "import", "--format", "labelstudio", "t.json", "--out", "r");
  assert.equal(run.status, 0, run.stderr);
  const forum = readRecord(join(root, "r", "news", "a.annotations.json")).entities.find((e) => e.origin === "manual")!;
  assert.equal(forum.type, "forum");
  assert.deepEqual(Object.keys(forum.attributes).filter((k) => k in person), [], "no person attribute on a forum");
});

test("import: several annotators' work in one source is said, and --annotator imports one person's", () => {
  const root = workspace();
  writeFileSync(join(root, "t.json"), JSON.stringify([labelStudioTask("news/a.txt", [{ by: "lan", label: "PER", quote: "Bùi Thanh Sơn" }, { by: "minh", label: "ORG", quote: "Bùi Thanh Sơn" }])]));
  const both = cli(root, "import", "--format", "labelstudio", "t.json", "--out", "both");
  assert.match(both.stderr, /1 document holds the work of several annotators.*--annotator NAME/);
  const lan = cli(root, "import", "--format", "labelstudio", "--annotator", "lan", "t.json", "--out", "lan");
  assert.equal(lan.status, 0, lan.stderr);
  const entities = readRecord(join(root, "lan", "news", "a.annotations.json")).entities.filter((e) => e.origin === "manual");
  assert.deepEqual(entities.map((e) => [e.type, e.decision?.by]), [["person", "lan"]]);
  assert.match(cli(root, "export", "--annotator", "lan", "--format", "brat", "news", "--out", "x").stderr, /--annotator goes with import/);
});

test("import never writes outside the current folder, takes a document once, and gives a name without .txt one", () => {
  const root = workspace();
  const inner = join(root, "inner");
  mkdirSync(inner);
  const line = (path: string) => JSON.stringify({ text: TEXT, path, entities: [] });
  writeFileSync(join(inner, "d.jsonl"), [line("../news/a.txt"), line("task-9"), line("task-9")].join("\n") + "\n");
  const recordBefore = readFileSync(join(root, "news", "a.annotations.json"), "utf8");
  const run = cli(inner, "import", "--format", "doccano", "d.jsonl", "--out", "o");
  assert.equal(run.status, 1);
  assert.match(run.stderr, /\.\.\/news\/a\.txt: names a file outside the current folder/);
  assert.match(run.stderr, /task-9\.txt: appears twice in the import/);
  assert.equal(readFileSync(join(root, "news", "a.annotations.json"), "utf8"), recordBefore, "the record outside is untouched");
  assert.equal(readFileSync(join(inner, "o", "task-9.txt"), "utf8"), TEXT);
  assert.ok(existsSync(join(inner, "o", "task-9.annotations.json")));
  const without = cli(inner, "import", "--format", "doccano", "d.jsonl");
  assert.match(without.stderr, /\.\.\/news\/a\.txt: names a file outside the current folder/);
});

test("settings refuse a label of one's own named like a built-in type; export refuses to overwrite an article with its copy", () => {
  const root = workspace();
  writeFileSync(join(root, "settings.json"), JSON.stringify({ labels: [{ id: "PER", name: "Personal" }] }));
  const clash = cli(root, "export", "--config", "settings.json", "--format", "brat", "news", "--out", "x");
  assert.equal(clash.status, 2);
  assert.match(clash.stderr, /labels\[0\].*"PER" is a built-in entity type's label/);
  const before = readFileSync(join(root, "news", "a.txt"));
  const self = cli(root, "export", "--format", "brat", "news", "--out", ".");
  assert.equal(self.status, 1);
  assert.match(self.stderr, /refusing to overwrite the article .*a\.txt with its exported copy/);
  assert.deepEqual(readFileSync(join(root, "news", "a.txt")), before);
  assert.match(cli(root, "export", "--format", "brat", "--records", "nowhere", "news", "--out", "y").stderr, /--records nowhere: no such folder/);
});
