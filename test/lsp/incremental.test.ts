/**
 * Incremental analysis over the real protocol: a document edited through `didChange` (its worker
 * reusing what it learnt from the previous versions, engine/incremental.ts) gets the diagnostics
 * that opening its final text fresh gets. The document is large enough to be read a block at a
 * time, so unchanged blocks are reused; the edits touch the headline, debris lines, names and
 * amounts, the start and the end.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic, PublishDiagnosticsParams, Range } from "vscode-languageserver-protocol";
import { LineIndex } from "../../server/src/engine";
import { startClient } from "../helpers/lspClient";
import { samplesDir } from "../helpers/paths";

const samples = readdirSync(samplesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(samplesDir, f), "utf8"));

/** An edit as a client sends it: the range of the text before it, and what replaces that range. */
interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** Edits of `text`, each computed on the text the previous ones left. */
function edits(): ((current: string) => Edit)[] {
  const middle = (current: string): number => current.indexOf(" ", Math.floor(current.length / 2));
  return [
    (current) => ({ start: middle(current), end: middle(current), newText: "a" }),
    (current) => ({ start: 0, end: current.indexOf("\n"), newText: "Bộ trưởng Ngoại giao Nguyễn Văn An thăm Hà Nội" }),
    (current) => ({ start: middle(current), end: middle(current), newText: "\nXem thêm:\nTin liên quan\n" }),
    (current) => ({ start: Math.floor(current.length / 3), end: Math.floor(current.length / 3) + 200, newText: " Phó Thủ tướng Trần Hồng Hà nói 5 tỷ USD ngày 12/3. " }),
    (current) => ({ start: current.length, end: current.length, newText: "\nChia sẻ\n© Bản quyền thuộc về Báo Nhân Dân\n" }),
    () => ({ start: 0, end: 0, newText: "Trang chủ | Thời sự | Thế giới\n" }),
    (current) => ({ start: Math.floor(current.length * 0.7), end: Math.floor(current.length * 0.7) + 3000, newText: "" }),
  ];
}

/** Diagnostics without what names the document (the uri in related information, the version a fix is for). */
const comparable = (params: PublishDiagnosticsParams): unknown[] =>
  params.diagnostics.map((d: Diagnostic) => ({
    ...d,
    relatedInformation: d.relatedInformation?.map((r) => ({ range: r.location.range, message: r.message })),
    data: d.data && typeof d.data === "object" ? { ...(d.data as Record<string, unknown>), version: undefined } : (d.data as unknown),
  }));

test("a large document edited through didChange gets the diagnostics its final text gets when opened fresh", async () => {
  let text = "";
  for (let k = 0; text.length < 260_000; k++) text += `${samples[k % samples.length]}\n`;
  const client = await startClient({ settings: { maxFileSize: 5_000_000 } });
  try {
    const uri = pathToFileURL(join(samplesDir, "..", "incremental-edited.txt")).href;
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "article", version: 1, text } });
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    let version = 1;
    for (const make of edits()) {
      const edit = make(text);
      const lines = new LineIndex(text);
      const range: Range = { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) };
      text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      version++;
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: edit.newText }] });
      // Every version's diagnostics, so each edit is analyzed against the state the previous one left.
      const edited = await client.waitForDiagnostics(uri, (p) => p.version === version, 60_000);
      const freshUri = pathToFileURL(join(samplesDir, "..", `incremental-fresh-${version}.txt`)).href;
      await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: freshUri, languageId: "article", version: 1, text } });
      const fresh = await client.waitForDiagnostics(freshUri, (p) => p.version === 1, 60_000);
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: freshUri } });
      assert.ok(fresh.diagnostics.length > 0, "the text has debris");
      assert.deepEqual(comparable(edited), comparable(fresh), `after edit ${version - 1}`);
    }
  } finally {
    await client.stop();
  }
});
