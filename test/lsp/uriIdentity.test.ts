/**
 * One file, one document, whatever the spelling of its uri. VS Code escapes `( ) ! ' & + , ; = $ @`
 * and every non-ASCII letter in file URIs; Node's `pathToFileURL`, which the index and records use,
 * does not escape the first set. A file indexed from disk, then opened and edited under VS Code's
 * spelling, is one entry in workspace symbols (the live text, shown under the client's uri), and
 * requests that name it either way reach the open document.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DocumentSymbol, SymbolInformation } from "vscode-languageserver-protocol";
import { startClient } from "../helpers/lspClient";

/** A file URI spelled as VS Code spells it: every character but `A–Z a–z 0–9 - . _ ~` escaped in each path segment. */
function vscodeFileUri(path: string): string {
  return "file://" + path.split("/").map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())).join("/");
}

const NAMES = ["bài (1).txt", "Tom & Jerry's notes.txt", "số #1 100%.txt", "tên có dấu + thêm=mới; $@!.txt"];

function article(official: string): string {
  return `Hai nước tăng cường hợp tác\nNgày 3/4, Bộ trưởng Ngoại giao ${official} đã tiếp Đại sứ Lào tại Hà Nội.\n`;
}

for (const [k, name] of NAMES.entries()) {
  test(`"${name}": indexed, then opened and edited under VS Code's spelling of its uri, it is one document`, async () => {
    const root = mkdtempSync(join(tmpdir(), "aa-uri-"));
    const file = join(root, name);
    const before = ["Nguyễn Văn An", "Lê Thị Hoa", "Phạm Quốc Bảo", "Đỗ Minh Châu"][k]!;
    const after = "Hoàng Trọng Nghĩa";
    writeFileSync(file, article(before));
    const uri = vscodeFileUri(file);
    assert.equal(fileURLToPath(uri), file, "the test's uri names the file");
    if (/[()!'&+,;=$@]/.test(name)) assert.notEqual(uri, pathToFileURL(file).href, "and is spelled differently from Node's");

    const client = await startClient({ rootUri: pathToFileURL(root).href });
    try {
      const symbols = (query: string): Promise<SymbolInformation[]> => client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query });
      const deadline = Date.now() + 10_000;
      while ((await symbols(before)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal((await symbols(before)).length, 1, "indexed from disk");

      await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: article(before) } });
      await client.waitForDiagnostics(uri);
      const text = article(after);
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      await client.waitForDiagnostics(uri, (params) => params.version === 2);

      assert.deepEqual(await symbols(before), [], "the stale entry from disk is gone");
      const found = await symbols(after);
      assert.deepEqual(found.map((symbol) => symbol.location.uri), [uri], "one entry, under the client's uri");

      // A request naming the file as Node spells it reaches the open (edited) document.
      const outline = await client.connection.sendRequest<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: pathToFileURL(file).href } });
      assert.ok(JSON.stringify(outline).includes(after), "Node's spelling finds the open document's live text");
    } finally {
      await client.stop();
    }
  });
}
