/**
 * "Export annotations…" over stdio (`articleAnnotator.export`): the workspace or chosen articles,
 * their reviewed annotation as the CLI exports it; bad arguments answered with an error.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze, buildRecord } from "../../server/src/engine";
import { FORMAT_IDS } from "../../server/src/host/interchange/types";
import { EXPORT_FORMATS, type ExportReply } from "../../server/src/lsp/protocol";
import { startClient } from "../helpers/lspClient";

const ONE = "Ngày 5/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Lào tại Hà Nội.\nHai bên nhất trí viện trợ 3 triệu USD.\n";
const TWO = "Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 43.\n";

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), "aa-export-"));
  mkdirSync(join(root, "news"));
  writeFileSync(join(root, "news", "one.txt"), ONE);
  writeFileSync(join(root, "news", "two.txt"), TWO);
  // one.txt's record: the person accepted, the amount rejected.
  const record = buildRecord(ONE, analyze(ONE), { path: "news/one.txt", sha256: createHash("sha256").update(ONE).digest("hex"), length: Buffer.byteLength(ONE) });
  const decision = { by: "lan", at: "2026-11-30T08:00:00.000Z" };
  record.entities = record.entities.map((e) => (e.type === "person" ? { ...e, origin: "manual" as const, decision: { action: "accepted" as const, ...decision } } : e.type === "amount" ? { ...e, origin: "rejected" as const, decision: { action: "rejected" as const, ...decision } } : e));
  assert.ok(record.entities.some((e) => e.origin === "manual") && record.entities.some((e) => e.origin === "rejected"), "the article has a person and an amount");
  writeFileSync(join(root, "news", "one.annotations.json"), JSON.stringify(record, null, 2));
  return root;
}

test("the picker's export formats are the formats the export writes", () => {
  assert.deepEqual(EXPORT_FORMATS.map((f) => f.id), [...FORMAT_IDS]);
});

test("export over stdio: the workspace's reviewed annotations, one article on request, suggestions when asked, errors for bad arguments", async () => {
  const root = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    const run = (args: unknown) => client.connection.sendRequest<ExportReply>("workspace/executeCommand", { command: "articleAnnotator.export", arguments: [args] });
    const all = await run({ format: "jsonl", out: join(root, "out") });
    assert.match(all.message, /^exported 2 articles \(1 annotation\) as .* to .*out: 1 file$/);
    assert.deepEqual(all.failed, []);
    const records = readFileSync(join(root, "out", "records.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { source: { path: string }; entities: { type: string; origin: string }[] });
    assert.deepEqual(records.map((r) => r.source.path), ["news/one.txt", "news/two.txt"]);
    assert.deepEqual(records[0]!.entities.map((e) => [e.type, e.origin]), [["person", "manual"]], "the accepted person, not the rejected amount nor the suggestions");
    assert.deepEqual(records[1]!.entities, []);

    const one = await run({ format: "jsonl", out: join(root, "out2"), uris: [pathToFileURL(join(root, "news", "two.txt")).href], includeSuggestions: true });
    assert.match(one.message, /^exported 1 article \(0 annotations, \d+ suggestions?\)/);
    const suggested = JSON.parse(readFileSync(join(root, "out2", "records.jsonl"), "utf8")) as { entities: { origin: string }[] };
    assert.ok(suggested.entities.length > 0 && suggested.entities.every((e) => e.origin === "auto"));

    await assert.rejects(run({ format: "xml", out: join(root, "out3") }), /unknown format "xml"/);
    await assert.rejects(run({ format: "jsonl", out: join(root, "out3"), clean: true }), /--clean does not apply to jsonl/);
    await assert.rejects(run(undefined), /export needs one argument/);
  } finally {
    await client.stop();
  }
});
