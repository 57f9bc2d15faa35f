import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, buildRecord } from "../../server/src/engine";
import { assertValidRecord } from "../helpers/schema";
import { fixturesDir, hasSharedCorpus, samplesDir, sharedCorpus } from "../helpers/paths";

function articleFiles(): string[] {
  const dirs = [samplesDir, join(fixturesDir, "articles"), ...(hasSharedCorpus ? [join(sharedCorpus, "articles")] : [])];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => join(dir, f)));
}

test("every record built from the samples, fixtures and corpus follows the schema and points at its text", () => {
  const files = articleFiles();
  assert.ok(files.length >= 19, `found ${files.length} articles`);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const record = buildRecord(text, analyze(text), { path: file, sha256: "a".repeat(64), length: Buffer.byteLength(text) });
    assertValidRecord(record, file);
    const lines = text.split("\n");
    for (const entity of record.entities) {
      assert.equal(text.slice(entity.start, entity.end), entity.text, `${file} ${entity.id}`);
      assert.equal(lines[entity.line]!.slice(entity.character, entity.character + 1), entity.text[0], `${file} ${entity.id} position`);
    }
    let previous = -1;
    for (const finding of record.boilerplate) {
      assert.ok(finding.startLine <= finding.endLine && finding.start >= previous, `${file} boilerplate sorted and well-formed`);
      assert.ok(lines[finding.endLine]!.trim() !== "" || finding.startLine === finding.endLine, `${file} ends on a text line`);
      previous = finding.end;
    }
  }
});

test("the schema rejects what the contract forbids", () => {
  const text = "Bộ trưởng Ngoại giao Lê Minh Khôi phát biểu tại Hà Nội.";
  const record = buildRecord(text, analyze(text), { path: "a.txt", sha256: "b".repeat(64), length: 10 });
  assertValidRecord(record);
  assert.throws(() => assertValidRecord({ ...record, schemaVersion: 2 }));
  assert.throws(() => assertValidRecord({ ...record, entities: [{ ...record.entities[0], origin: "guessed" }] }));
  assert.throws(() => assertValidRecord({ ...record, entities: [{ ...record.entities[0], attributes: {} }] }), "a person needs its canonical name");
});

test("the record keeps line numbers of the editor: a block ending with its line break ends on its last text line", () => {
  const text = "Hai nước ký thỏa thuận hợp tác\r\nSáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế trong năm nay.\r\nTin liên quan\r\nThủ tướng tiếp Đại sứ Pháp\r\n";
  const record = buildRecord(text, analyze(text), { path: "a.txt", sha256: "c".repeat(64), length: 1 });
  assert.deepEqual(record.boilerplate.map((b) => [b.startLine, b.endLine]), [[2, 3]]);
});
