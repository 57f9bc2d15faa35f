/**
 * Round trips through an interchange format (issue 15): every corpus, corpus-web, fixture and
 * held-out article, analyzed, every entity taken as reviewed, exported, read back and compared.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, buildRecord, type AnnotatedRecord } from "../../server/src/engine";
import { exportedDocument } from "../../server/src/host/interchange/documents";
import { exportLabels } from "../../server/src/host/interchange/labels";
import type { ExportContext, InputFile, InterchangeDocument, InterchangeFormat, OutputFile } from "../../server/src/host/interchange/types";
import type { LabelDefinition } from "../../server/src/host/settings";
import { fixturesDir, repoRoot } from "./paths";

const shared = join(repoRoot, "..", "shared");

/** Every article of the shared corpus, corpus-web, the fixtures and the held-out set: `name` as a record names it. */
export function roundTripArticles(): { name: string; text: string }[] {
  const folders = [join(shared, "corpus", "articles"), join(shared, "corpus-web", "articles"), join(fixturesDir, "articles"), join(repoRoot, "test", "heldout", "articles")];
  return folders.filter((folder) => existsSync(folder)).flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => ({ name: `${folder.split(/[\\/]/).slice(-2).join("/")}/${f}`, text: readFileSync(join(folder, f), "utf8") })),
  );
}

/** The record of `text` with every detection accepted by "tester" (so all of it is the reviewed annotation). */
export function reviewedRecord(name: string, text: string): AnnotatedRecord {
  const record = buildRecord(text, analyze(text), { path: name, sha256: "0".repeat(64), length: Buffer.byteLength(text) });
  return { ...record, entities: record.entities.map((e) => ({ ...e, origin: "manual" as const, decision: { action: "accepted" as const, by: "tester", at: "2026-11-30T00:00:00.000Z" } })) };
}

/** The exported document of `text` with everything reviewed (and, with `suggestions`, every other detection left as a suggestion). */
export function reviewedDocument(name: string, text: string): InterchangeDocument {
  const record = reviewedRecord(name, text);
  return exportedDocument(name, text, record, { includeSuggestions: false }).document;
}

/**
 * An article written for the tests: an emoji (two UTF-16 units, one code point) and decomposed
 * (NFD) Vietnamese before the entities, a CRLF line break, and one more emoji inside a line.
 */
export const TRICKY_TEXT = "Tin nóng 😀 hôm nay\r\n" + "Bộ trưởng Ngoại giao Việt Nam".normalize("NFD") + " 👍🏽 Bùi Thanh Sơn cho biết Việt Nam viện trợ 5,6 triệu USD cho Lào.\n";

export const CUSTOM_LABELS: LabelDefinition[] = [{ id: "policy", name: "Chính sách", color: "#d97706" }];

export const CONTEXT: ExportContext = { labels: exportLabels(CUSTOM_LABELS), generator: "article-annotator@test" };

/** The tricky article with its detections accepted, plus a custom-label span of a person's on "viện trợ". */
export function trickyDocument(): InterchangeDocument {
  const document = reviewedDocument("tricky/emoji nfd.txt", TRICKY_TEXT);
  const start = TRICKY_TEXT.indexOf("viện trợ");
  assert.ok(start > 0 && document.spans.length >= 2, "the tricky article has entities after the emoji");
  const spans = [...document.spans, { id: "c1", start, end: start + "viện trợ".length, text: "viện trợ", label: "policy", attributes: {}, suggestion: false, annotator: "tester" }];
  return { ...document, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** Output files as a reader is given them, as if read from the export folder. */
export function asInput(files: readonly OutputFile[], folder = "/export"): InputFile[] {
  return files.map((f) => ({ path: `${folder}/${f.path}`, name: f.path, content: f.content }));
}

/**
 * Writes `documents` in `format`, reads them back and checks: the same documents (name, text), and
 * in each the same spans (offsets, text, label) and, when the format carries them, attributes.
 */
export function assertRoundTrip(format: InterchangeFormat, documents: readonly InterchangeDocument[]): void {
  assert.ok(format.read, `${format.id} reads`);
  const back = format.read(asInput(format.write(documents, CONTEXT)));
  assert.deepEqual(back.problems, [], `${format.id}: no problems reading its own export`);
  const byName = new Map(back.documents.map((d) => [d.name, d]));
  for (const document of documents) {
    const read = byName.get(document.name);
    assert.ok(read, `${format.id}: ${document.name} comes back`);
    assert.equal(read.text, document.text, `${format.id}: ${document.name}: the text`);
    const shape = (d: InterchangeDocument): unknown[] => d.spans.map((s) => ({ start: s.start, end: s.end, text: s.text, label: s.label, ...(format.carriesAttributes ? { attributes: s.attributes } : {}) }));
    assert.deepEqual(shape(read), shape(document), `${format.id}: ${document.name}: the spans`);
  }
  assert.equal(back.documents.length, documents.length, `${format.id}: as many documents`);
}
