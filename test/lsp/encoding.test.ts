import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, SymbolInformation } from "vscode-languageserver-protocol";
import iconv from "iconv-lite";
import { startClient } from "../helpers/lspClient";

/** Written for this test; stored in TCVN3 and shown as an editor reading it as Windows-1252 does. */
const ARTICLE = "Thủ tướng Nguyễn Văn Bình tiếp Đại sứ Lào\nChiều 12/3, tại Hà Nội, hai bên nhất trí tăng cường hợp tác kinh tế.\nTin liên quan\nXem thêm: Việt Nam và Lào ký kết thỏa thuận\n";
const MOJIBAKE = iconv.decode(iconv.encode(ARTICLE, "tcvn"), "windows-1252");

test("server: mojibake gets one [encoding] warning naming TCVN3 and no code action; a TCVN3 file in the workspace does not stop indexing", async () => {
  const root = mkdtempSync(join(tmpdir(), "aa-lsp-encoding-"));
  mkdirSync(join(root, "news"));
  const file = join(root, "news", "mojibake.txt");
  writeFileSync(file, MOJIBAKE);
  writeFileSync(join(root, "news", "raw.txt"), iconv.encode(ARTICLE, "tcvn"));
  writeFileSync(join(root, "news", "other.txt"), "Tổng thống Indonesia Budi Santoso thăm Việt Nam\nChiều 3/4, Tổng thống Indonesia Budi Santoso đã hội kiến Chủ tịch nước Lê Văn Hiếu tại Hà Nội.\n");
  const uri = pathToFileURL(file).href;
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: MOJIBAKE } });
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic!.code, "encoding");
    assert.equal(diagnostic!.severity, 2, "a warning");
    assert.match(diagnostic!.message as string, /^Looks like TCVN3 \(ABC\) text read as Windows-1252 \(mojibake\): 'Thñ' reads 'Thủ'/);
    const actions = await client.connection.sendRequest<CodeAction[] | null>("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, context: { diagnostics } });
    assert.deepEqual((actions ?? []).filter((a) => a.edit), [], "no edit is offered");
    const deadline = Date.now() + 10_000;
    let found: SymbolInformation[] = [];
    while (Date.now() < deadline && found.length === 0) found = await client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query: "budi santoso" });
    assert.equal(found[0]?.name, "Budi Santoso", "the other article is indexed");
  } finally {
    await client.stop();
  }
});
