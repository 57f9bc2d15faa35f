/**
 * Every request the server sends the client may be refused: LSP lets a client answer any of them
 * with an error, VS Code answers "Canceled" (RequestCancelled) for a message still open when its
 * window closes, and a client that quits never answers at all. For each request the server sends,
 * a client refuses it (or closes in the middle of it) while a person works through an article
 * (open, fix all, emit, next suggestion, accept all): the server lives on, or ends quietly with its
 * client, and never with an unhandled rejection.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startClient, type TestClient } from "../helpers/lspClient";

const ARTICLE = [
  "Trang chủ   Thời sự   Thế giới",
  "Hai nước ký hiệp định thương mại",
  "Ngày 5/6, Bộ trưởng Công Thương Nguyễn Văn Thành đã hội đàm với người đồng cấp Lào tại Viêng Chăn.",
  "Hai bên nhất trí đưa kim ngạch thương mại lên 2 tỷ USD vào năm 2028.",
  "Tin liên quan",
  "",
].join("\n");

/** Every request this server sends, and what makes it send one in `workThrough`. */
const REQUESTS = [
  "client/registerCapability", // initialized: configuration and record-file watching
  "window/workDoneProgress/create", // initialized: indexing the workspace
  "workspace/configuration", // opening the article
  "workspace/applyEdit", // fix all
  "window/showMessageRequest", // emit: "record written … [Open record]"
  "window/showDocument", // next suggestion
  "workspace/semanticTokens/refresh", // accept all
  "workspace/codeLens/refresh", // accept all
];

const CAPABILITIES = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    semanticTokens: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
};

function workspace(): { root: string; uri: string } {
  const root = mkdtempSync(join(tmpdir(), "aa-refusal-"));
  const file = join(root, "article.txt");
  writeFileSync(file, ARTICLE);
  return { root, uri: pathToFileURL(file).href };
}

/** Opens the article and works through it as a person does; each step sends the server's requests above. */
async function workThrough(client: TestClient, uri: string): Promise<void> {
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: ARTICLE } });
  await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
  const execute = (command: string, args: unknown): Promise<unknown> => client.connection.sendRequest("workspace/executeCommand", { command, arguments: [args] });
  await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.fixAll", arguments: [uri, 1] });
  await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
  await execute("articleAnnotator.nextSuggestion", { uri, position: { line: 0, character: 0 } });
  await execute("articleAnnotator.acceptAll", { uri });
}

/** Traces of a crash on the server's stderr. */
function crashTrace(stderr: string): string | undefined {
  return /Unhandled|Canceled|^\s+at /m.test(stderr) ? stderr : undefined;
}

test("the test drives every request the server sends (so refusing each below is a real test)", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href, capabilities: CAPABILITIES });
  try {
    await workThrough(client, uri);
    const deadline = Date.now() + 5000;
    while (REQUESTS.some((method) => !client.requests.includes(method)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(REQUESTS.filter((method) => !client.requests.includes(method)), [], "every request was sent");
  } finally {
    await client.stop();
  }
});

for (const method of REQUESTS) {
  test(`the client cancels ${method} ("Canceled"): the server lives on and answers`, async () => {
    const { root, uri } = workspace();
    const client = await startClient({ rootUri: pathToFileURL(root).href, capabilities: CAPABILITIES, refuse: (m) => (m === method ? "cancel" : undefined) });
    try {
      await workThrough(client, uri);
      // Give a refused request's rejection time to surface, then ask something that needs the server.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const symbols = await client.connection.sendRequest<unknown[]>("textDocument/documentSymbol", { textDocument: { uri } });
      assert.ok(Array.isArray(symbols), "the server still answers");
      assert.ok(client.requests.includes(method), `${method} was sent`);
      assert.equal(client.child.exitCode, null, "the server is running");
      assert.equal(crashTrace(client.stderr()), undefined, "no unhandled rejection");
    } finally {
      await client.stop();
    }
  });

  test(`the client quits in the middle of ${method}: the server ends quietly`, async () => {
    const { root, uri } = workspace();
    const client = await startClient({ rootUri: pathToFileURL(root).href, capabilities: CAPABILITIES, refuse: (m) => (m === method ? "close" : undefined) });
    const exited = new Promise<void>((resolve) => {
      if (client.child.exitCode !== null) resolve();
      else client.child.once("exit", () => resolve());
    });
    try {
      await Promise.race([workThrough(client, uri).catch(() => undefined), exited]);
      await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error("the server did not end with its client")), 10_000))]);
      assert.ok(client.requests.includes(method), `${method} was sent`);
      assert.equal(crashTrace(client.stderr()), undefined, "no unhandled rejection");
    } finally {
      client.child.kill();
    }
  });
}
