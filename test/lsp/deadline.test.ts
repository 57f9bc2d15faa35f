import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Hover, PublishDiagnosticsParams, SymbolInformation } from "vscode-languageserver-protocol";
import { FAILPOINTS_VARIABLE } from "../../server/src/host/failpoints";
import { CancellationTokenSource } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "../helpers/lspClient";

/**
 * Defense in depth: whatever the engine does on some text, the server stays responsive. The
 * `analysis-hang` failpoint makes the engine loop forever on a text holding MARKER (as it once did
 * on astral letters); the analysis is stopped at the deadline and the document gets one diagnostic.
 */
const MARKER = "HANG-THE-ENGINE";
const ARTICLE = "Hai nước ký thỏa thuận hợp tác\nNgày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Công Thương Nguyễn Hoàng Long tại Viêng Chăn.\nTin liên quan\nKhai mạc triển lãm ảnh về Hà Nội\n";
const env = { [FAILPOINTS_VARIABLE]: `analysis-hang=${MARKER}` };

async function open(client: TestClient, uri: string, text: string, version = 1): Promise<void> {
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version, text } });
}

const hoverAt = (client: TestClient, uri: string, line: number, character: number): Promise<Hover | null> =>
  client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line, character } });

test("deadline: a looping analysis is stopped after the deadline with one diagnostic; hovers are answered and other documents served", async () => {
  const deadline = 2;
  const client = await startClient({ settings: { analysisDeadline: deadline }, env });
  try {
    const stuck = "file:///tmp/aa-deadline/stuck.txt";
    const good = "file:///tmp/aa-deadline/good.txt";
    const order: string[] = [];
    const seen = (uri: string, test: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams> =>
      client.waitForDiagnostics(uri, test, timeoutMs).then((p) => {
        order.push(uri);
        return p;
      });
    const started = performance.now();
    await open(client, stuck, ARTICLE + MARKER + "\n");
    await open(client, good, ARTICLE);
    // A hover on the stuck document waits for its analysis, so it is answered when the deadline passes.
    const hover = hoverAt(client, stuck, 1, 26).then((h) => ({ h, ms: performance.now() - started }));
    const stopped = seen(stuck, (p) => p.diagnostics.some((d) => d.code === "analysis-stopped"), (deadline + 8) * 1000);
    const served = seen(good, (p) => p.diagnostics.some((d) => d.code === "related-links"), (deadline + 8) * 1000);

    const goodDiagnostics = await served;
    const published = await stopped;
    assert.deepEqual(order, [good, stuck], "the other document is served while the stuck one runs to its deadline");
    assert.deepEqual(goodDiagnostics.diagnostics.map((d) => d.code), ["related-links"]);
    assert.equal(published.diagnostics.length, 1, "one diagnostic for the stopped document");
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic!.severity, 2, "a warning");
    assert.match(typeof diagnostic!.message === "string" ? diagnostic!.message : diagnostic!.message.value, new RegExp(`analysis stopped after ${deadline} s`));
    const answered = await hover;
    assert.equal(answered.h, null, "the hover is answered (empty) instead of hanging");
    assert.ok(answered.ms < (deadline + 5) * 1000, `hover answered after ${Math.round(answered.ms)} ms, within the deadline and a margin`);
    assert.ok(client.logs.some((line) => line.includes("analysis stopped after") && line.includes(stuck)), "the log names the document");
    const summary = await client.connection.sendRequest<{ skipped?: string; skipReason?: string } | null>("articleAnnotator/getSummary", { uri: stuck });
    assert.equal(summary?.skipReason, "analysis-stopped", "the summary (the status bar's source) says why");

    // The server still analyzes: a hover on the good document, and the stuck one once its text is fixed.
    const entity = await hoverAt(client, good, 1, 26);
    assert.ok(entity && JSON.stringify(entity.contents).includes("person"), "hovers on other documents answered");
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: stuck, version: 2 }, contentChanges: [{ text: ARTICLE }] });
    const recovered = await client.waitForDiagnostics(stuck, (p) => p.version === 2, (deadline + 8) * 1000);
    assert.deepEqual(recovered.diagnostics.map((d) => d.code), ["related-links"], "a fresh worker analyzes the next version");
  } finally {
    await client.stop();
  }
});

test("deadline: an engine error on one document is a warning diagnostic, and the server goes on", async () => {
  const client = await startClient({ env: { [FAILPOINTS_VARIABLE]: `analysis-throw=${MARKER}` } });
  try {
    const broken = "file:///tmp/aa-deadline/broken.txt";
    await open(client, broken, ARTICLE + MARKER);
    const published = await client.waitForDiagnostics(broken, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [["internal-error", 2]]);
    const good = "file:///tmp/aa-deadline/fine.txt";
    await open(client, good, ARTICLE);
    assert.deepEqual((await client.waitForDiagnostics(good)).diagnostics.map((d) => d.code), ["related-links"]);
  } finally {
    await client.stop();
  }
});

test("deadline: the workspace index gives up a file whose analysis does not finish and indexes the others", async () => {
  const root = mkdtempSync(join(tmpdir(), "aa-deadline-index-"));
  writeFileSync(join(root, "a-stuck.txt"), ARTICLE.replace("Nguyễn Hoàng Long", "Trần Quang Vinh") + MARKER);
  writeFileSync(join(root, "b-good.txt"), ARTICLE);
  const client = await startClient({ rootUri: pathToFileURL(root).href, settings: { analysisDeadline: 1 }, env });
  try {
    const until = Date.now() + 15_000;
    let symbols: SymbolInformation[] = [];
    while (Date.now() < until) {
      symbols = await client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query: "Nguyễn Hoàng Long" });
      if (symbols.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(symbols.map((s) => s.location.uri), [pathToFileURL(join(root, "b-good.txt")).href], "the file after the stuck one is indexed");
    assert.deepEqual(await client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query: "Trần Quang Vinh" }), [], "the stuck file is not");
    assert.ok(client.logs.some((line) => line.includes("a-stuck.txt is not indexed")), "the log names the file given up");
  } finally {
    await client.stop();
  }
});

test("cancellation: the analysis of a version a newer one replaced is stopped, not waited out to its deadline", async () => {
  const slow = "SLOW-THE-ENGINE";
  const deadline = 2;
  const client = await startClient({ settings: { analysisDeadline: deadline }, env: { [FAILPOINTS_VARIABLE]: `analysis-slow=${slow}` } });
  try {
    const uri = "file:///tmp/aa-cancel/edited.txt";
    await open(client, uri, ARTICLE + slow + "\n");
    await new Promise((resolve) => setTimeout(resolve, 300)); // version 1's analysis is under way (held by the failpoint)
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: ARTICLE }] });
    const published = await client.waitForDiagnostics(uri, (params) => params.version === 2, 10_000);
    assert.ok(!published.diagnostics.some((d) => d.code === "analysis-stopped"), "version 2 is analyzed");
    await new Promise((resolve) => setTimeout(resolve, (deadline + 1) * 1000));
    assert.deepEqual(client.logs.filter((line) => line.includes("analysis stopped")), [], "version 1 was cancelled, never stopped at its deadline");
    assert.equal((await client.waitForDiagnostics(uri)).version, 2, "nothing was published for version 1");
  } finally {
    await client.stop();
  }
});

test("cancellation: a hover the client cancels while the analysis runs is answered RequestCancelled at once", async () => {
  const slow = "SLOW-THE-ENGINE";
  const client = await startClient({ settings: { analysisDeadline: 30 }, env: { [FAILPOINTS_VARIABLE]: `analysis-slow=${slow}` } });
  try {
    const uri = "file:///tmp/aa-cancel/hovered.txt";
    await open(client, uri, ARTICLE + slow + "\n");
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 12 } }, source.token);
    setTimeout(() => source.cancel(), 200);
    await assert.rejects(hover, (error: { code?: number }) => error.code === -32800, "RequestCancelled");
    // The server is free: another document is served while the first analysis still waits.
    const other = "file:///tmp/aa-cancel/other.txt";
    await open(client, other, ARTICLE);
    await client.waitForDiagnostics(other, (params) => params.diagnostics.length > 0, 10_000);
  } finally {
    await client.stop();
  }
});
