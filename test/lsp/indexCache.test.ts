/**
 * The persistent workspace index over the real server (stdio): with `initializationOptions.cacheDir`,
 * a restarted server takes its workspace symbols from the cache without analyzing (proved with the
 * `analysis-throw` failpoint, which would leave every analyzed file out of the index), an edited file
 * is analyzed again, and a corrupt or unwritable cache is told in the log and indexed around.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SymbolInformation } from "vscode-languageserver-protocol";
import { CONTENT_CACHE_FOLDER } from "../../server/src/host/contentCache";
import { FAILPOINTS_VARIABLE } from "../../server/src/host/failpoints";
import { startClient, type TestClient } from "../helpers/lspClient";
import { temporaryFolders } from "../helpers/temporary";

/** New folders under the system's temporary folder, removed when the tests end. */
const temporary = temporaryFolders();

const article = (minister: string): string => `Hai nước ký thỏa thuận hợp tác\nNgày 3/4, Thủ tướng Lào Khamphet Vongsa tiếp Bộ trưởng Công Thương ${minister} tại Viêng Chăn.\n`;

function workspace(): { root: string; cacheDir: string } {
  const root = temporary("aa-index-cache-");
  writeFileSync(join(root, "a.txt"), article("Nguyễn Hoàng Long"));
  writeFileSync(join(root, "b.txt"), article("Trần Quang Vinh"));
  return { root, cacheDir: temporary("aa-index-cache-dir-") };
}

/** Starts a server on `root`, waits until it logs that indexing ended, and returns that line. */
async function indexed(root: string, cacheDir: string | undefined, env: Record<string, string> = {}): Promise<{ client: TestClient; line: string }> {
  const client = await startClient({ rootUri: pathToFileURL(root).href, initializationOptions: { trusted: true, cacheDir }, env });
  const until = Date.now() + 20_000;
  for (;;) {
    const line = client.logs.find((l) => l.startsWith("indexed "));
    if (line) return { client, line };
    if (Date.now() > until) {
      await client.stop();
      throw new Error(`indexing did not end; log: ${client.logs.join(" | ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const names = async (client: TestClient, query: string): Promise<string[]> =>
  (await client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query })).map((s) => `${s.name} @ ${s.location.uri.replace(/^.*\//, "")}`).sort();

const shards = (cacheDir: string): string[] => readdirSync(join(cacheDir, CONTENT_CACHE_FOLDER, "index")).map((name) => join(cacheDir, CONTENT_CACHE_FOLDER, "index", name));

test("index cache: a restarted server takes symbols from the cache without analyzing; an edited file is analyzed again", async () => {
  const { root, cacheDir } = workspace();
  const first = await indexed(root, cacheDir);
  try {
    assert.match(first.line, /^indexed 2 files in .*: 0 from the cache, 2 analyzed \(cache read in \d+ ms\)$/);
    assert.deepEqual(await names(first.client, "vinh"), ["Trần Quang Vinh @ b.txt"]);
  } finally {
    await first.client.stop();
  }
  assert.ok(shards(cacheDir).length > 0, "entries were written");

  // Every analysis now throws: whatever is indexed came from the cache.
  const cached = await indexed(root, cacheDir, { [FAILPOINTS_VARIABLE]: "analysis-throw=Viêng Chăn" });
  try {
    assert.match(cached.line, /: 2 from the cache, 0 analyzed \(cache read in \d+ ms\)$/);
    assert.deepEqual(await names(cached.client, "long"), ["Nguyễn Hoàng Long @ a.txt"]);
    assert.deepEqual(await names(cached.client, "vinh"), ["Trần Quang Vinh @ b.txt"]);
    assert.deepEqual(await names(cached.client, "khamphet"), ["Khamphet Vongsa @ a.txt", "Khamphet Vongsa @ b.txt"]);
  } finally {
    await cached.client.stop();
  }

  writeFileSync(join(root, "b.txt"), article("Đỗ Minh Khang"));
  const edited = await indexed(root, cacheDir);
  try {
    assert.match(edited.line, /: 1 from the cache, 1 analyzed \(cache read in \d+ ms\)$/);
    assert.deepEqual(await names(edited.client, "khang"), ["Đỗ Minh Khang @ b.txt"]);
    assert.deepEqual(await names(edited.client, "vinh"), [], "the old text's entries are gone");
  } finally {
    await edited.client.stop();
  }

  // A record is part of the key (entries are curated by it): a new one means a new analysis.
  writeFileSync(join(root, "a.annotations.json"), "{ not a record");
  const recorded = await indexed(root, cacheDir);
  try {
    assert.match(recorded.line, /: 1 from the cache, 1 analyzed \(cache read in \d+ ms\)$/);
  } finally {
    await recorded.client.stop();
  }

  // Other rule settings are other keys.
  const client = await startClient({ rootUri: pathToFileURL(root).href, initializationOptions: { cacheDir }, settings: { rules: { "related-links": "off" } } });
  try {
    const until = Date.now() + 20_000;
    while (!client.logs.some((l) => l.startsWith("indexed ")) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.match(client.logs.find((l) => l.startsWith("indexed ")) ?? "", /: 0 from the cache, 2 analyzed \(cache read in \d+ ms\)$/);
  } finally {
    await client.stop();
  }
});

test("index cache: a corrupt cache is ignored with a message and rewritten; an unusable folder leaves the index as without a cache", async () => {
  const { root, cacheDir } = workspace();
  await (await indexed(root, cacheDir)).client.stop();
  for (const path of shards(cacheDir)) writeFileSync(path, readFileSync(path, "utf8").slice(0, 40));

  const corrupt = await indexed(root, cacheDir);
  try {
    assert.match(corrupt.line, /: 0 from the cache, 2 analyzed \(cache read in \d+ ms\)$/);
    assert.ok(corrupt.client.logs.some((l) => /content cache: ignoring .*index.*not JSON/.test(l)), `the log tells: ${corrupt.client.logs.join(" | ")}`);
    assert.deepEqual(await names(corrupt.client, "vinh"), ["Trần Quang Vinh @ b.txt"]);
  } finally {
    await corrupt.client.stop();
  }
  for (const path of shards(cacheDir)) assert.doesNotThrow(() => JSON.parse(readFileSync(path, "utf8")), "rewritten whole");
  assert.match((await indexed(root, cacheDir).then(async ({ client, line }) => (await client.stop(), line))), /: 2 from the cache, 0 analyzed \(cache read in \d+ ms\)$/);

  const file = join(cacheDir, "a-file");
  writeFileSync(file, "");
  const unusable = await indexed(root, file);
  try {
    assert.match(unusable.line, /: 0 from the cache, 2 analyzed \(cache read in \d+ ms\)$/);
    assert.ok(unusable.client.logs.some((l) => /content cache: cannot create/.test(l)), `the log tells: ${unusable.client.logs.join(" | ")}`);
    assert.deepEqual(await names(unusable.client, "long"), ["Nguyễn Hoàng Long @ a.txt"]);
  } finally {
    await unusable.client.stop();
  }

  const relative = await indexed(root, "relative/folder");
  try {
    assert.match(relative.line, /\(no cache folder\)$/);
    assert.ok(relative.client.logs.some((l) => l.includes("cacheDir must be an absolute folder path")));
  } finally {
    await relative.client.stop();
  }
});

test("index cache: an open document's symbols come from its live text, not from the cache's entry for its file", async () => {
  const { root, cacheDir } = workspace();
  await (await indexed(root, cacheDir)).client.stop();
  const client = await startClient({ rootUri: pathToFileURL(root).href, initializationOptions: { cacheDir } });
  try {
    const uri = pathToFileURL(join(root, "a.txt")).href;
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: article("Lê Văn Tám") } });
    await client.waitForDiagnostics(uri);
    const until = Date.now() + 20_000;
    while (!client.logs.some((l) => l.startsWith("indexed ")) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.match(client.logs.find((l) => l.startsWith("indexed ")) ?? "", /: 2 from the cache, 0 analyzed/);
    // The live text's entries replace the file's when its analysis is published (right after its diagnostics).
    let live: string[] = [];
    while ((live = await names(client, "tam")).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.deepEqual(live, ["Lê Văn Tám @ a.txt"]);
    assert.deepEqual(await names(client, "long"), [], "the file's cached entries do not replace the live text's");
  } finally {
    await client.stop();
  }
});
