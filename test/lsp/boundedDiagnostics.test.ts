/**
 * A document with thousands of findings, or one whose fix is the whole page, over real stdio: one
 * publishDiagnostics stays bounded in count and in size, and every quick-fix still works.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { CodeAction, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { applyTextEdits, startClient } from "../helpers/lspClient";
import { MAX_DIAGNOSTICS, MORE_FINDINGS_CODE } from "../../server/src/lsp/diagnostics";

/** Bytes of a notification's JSON body, as it travels. */
const bytes = (params: PublishDiagnosticsParams): number => Buffer.byteLength(JSON.stringify({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params }));
const MAX_NOTIFICATION = 300_000;

test("thousands of findings: at most the cap plus one diagnostic counting the rest by rule, warnings first, in a bounded notification", async () => {
  const client = await startClient();
  try {
    const uri = "file:///tmp/many-findings.txt";
    // 3,000 run-together words (information) on one line, then a copyright line (a warning) at the very end.
    const text = "Hai nước ký thỏa thuận hợp tác\n" + "Hai bên xây dựngCộng đồng vững mạnh. ".repeat(3000) + "\n© 2025 Báo Mẫu. Bảo lưu mọi quyền.\n";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    const published = await client.waitForDiagnostics(uri, undefined, 60_000);
    const { diagnostics } = published;
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
    assert.ok(bytes(published) < MAX_NOTIFICATION, `${bytes(published)} bytes`);
    const more = diagnostics.filter((d) => d.code === MORE_FINDINGS_CODE);
    assert.equal(more.length, 1);
    assert.match(more[0]!.message as string, /^2,501 more debris findings are not listed \(run-together 2,501\)/);
    assert.ok(diagnostics.some((d) => d.code === "copyright"), "the warning at the end is shown before information");
    // A shown finding's quick-fix works as before.
    const shown = diagnostics.find((d) => d.code === "run-together")!;
    const [repair] = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: shown.range, context: { diagnostics: [shown], only: ["quickfix"] } });
    assert.ok(repair?.edit);
    assert.ok(applyTextEdits(text, repair.edit, uri).startsWith("Hai nước ký thỏa thuận hợp tác\nHai bên xây dựng Cộng đồng vững mạnh. Hai bên xây dựngCộng"));
  } finally {
    await client.stop();
  }
});

test("a page on one line with its spaces stripped: its diagnostic quotes it briefly, carries no page-sized fix, and its quick-fix still repairs it", async () => {
  const client = await startClient();
  try {
    const uri = "file:///tmp/stripped-page.txt";
    const text = "Thủtướngtiếpđạisứvàhaibênnhấttríthúcđẩyhợptáckinhtếthươngmại".repeat(500) + ".";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    const published = await client.waitForDiagnostics(uri, undefined, 60_000);
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic!.code, "run-together");
    assert.ok(bytes(published) < 5000, `${bytes(published)} bytes for a ${text.length}-unit page`);
    const [repair] = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic], only: ["quickfix"] } });
    assert.ok(repair?.edit, "the fix is found again in the analysis");
    assert.ok(applyTextEdits(text, repair.edit, uri).startsWith("Thủ tướng tiếp đại sứ và hai bên"));
  } finally {
    await client.stop();
  }
});
