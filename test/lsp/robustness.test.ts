import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import type { Hover } from "vscode-languageserver-protocol";
import { serverPath } from "../helpers/paths";
import { startClient } from "../helpers/lspClient";

const ARTICLE = "Hai nước ký thỏa thuận hợp tác\nNgày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Công Thương Nguyễn Hoàng Long tại Viêng Chăn.\nTin liên quan\nKhai mạc triển lãm ảnh về Hà Nội\n";

test("robustness: the server survives a malformed message, an unknown method and requests for documents it does not have", async () => {
  const client = await startClient();
  try {
    // A frame whose body is not JSON, written straight to the server's input.
    const garbage = "{ this is not json";
    client.child.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    await assert.rejects(client.connection.sendRequest("articleAnnotator/noSuchMethod", {}), /Unhandled method|not found/i);
    const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: "file:///nowhere/missing.txt" }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    assert.deepEqual(await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: "file:///nowhere/missing.txt" } }), []);
    assert.equal(await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.fixAll", arguments: ["file:///nowhere/missing.txt"] }), null);
    // Still answering: a document opened now is analyzed.
    const uri = "file:///tmp/robust.txt";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: ARTICLE } });
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ["related-links"]);
  } finally {
    await client.stop();
  }
});

test("robustness: binary-looking and hostile text in one document does not affect the others", async () => {
  const client = await startClient();
  try {
    const hostile = "file:///tmp/hostile.txt";
    const text = "\u0000\uD800\uDFFF\uFFFF" + "Bộ trưởng ".repeat(2000) + "1,".repeat(5000) + "\u202E".repeat(100) + "A".repeat(20000);
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: hostile, languageId: "plaintext", version: 1, text } });
    const good = "file:///tmp/good.txt";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: good, languageId: "plaintext", version: 1, text: ARTICLE } });
    await client.waitForDiagnostics(hostile);
    const diagnostics = await client.waitForDiagnostics(good);
    assert.deepEqual(diagnostics.diagnostics.map((d) => d.code), ["related-links"]);
    const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: good }, position: { line: 1, character: 26 } });
    assert.ok(hover, "hovers still answered");
  } finally {
    await client.stop();
  }
});

test("robustness: a client that disconnects ends the server process instead of leaving it running", async () => {
  const child = spawn(process.execPath, [serverPath, "--stdio", `--clientProcessId=${process.pid}`], { stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.stdin.end(); // the client goes away without shutdown/exit
  const code = await Promise.race([exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000))]);
  if (code === "timeout") child.kill();
  assert.notEqual(code, "timeout", "the server exits when its input closes");
});
