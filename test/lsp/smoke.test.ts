import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { analyze, LineIndex } from "../../server/src/engine";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import type { Hover, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { samplesDir, serverPath } from "../helpers/paths";

test("the server starts over stdio, publishes debris diagnostics and answers a hover", async () => {
  const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification("textDocument/publishDiagnostics", resolve));
  connection.listen();
  try {
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification("initialized", {});
    const file = readdirFirst();
    const text = readFileSync(file, "utf8");
    const uri = pathToFileURL(file).href;
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    const published = await diagnostics;
    assert.equal(published.uri, uri);
    assert.ok(published.diagnostics.length > 0, "the sample has debris");
    assert.ok(published.diagnostics.every((d) => typeof d.code === "string" && d.source === "article-annotator"));
    const person = analyze(text).entities.find((e) => e.type === "person");
    assert.ok(person, "the sample names a person");
    const position = new LineIndex(text).positionAt(person.start + 1);
    const hover = await connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position });
    assert.ok(hover && typeof hover.contents === "object" && "value" in hover.contents);
    assert.match(hover.contents.value, /\*\*Person\*\*/);
    assert.match(hover.contents.value, /mention/);
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
  } finally {
    connection.dispose();
    child.kill();
  }
});

function readdirFirst(): string {
  return join(samplesDir, readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).sort()[0]!);
}
