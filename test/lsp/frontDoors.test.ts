/**
 * The CLI and the language server are two front doors over one host layer: for the same article
 * they write the same record, byte for byte. Checked on every sample and on its variants as files
 * are really stored: with a UTF-8 BOM, with CRLF line breaks, in UTF-16 (LE and BE, with a BOM) and
 * decomposed (NFD). Nothing is documented to differ: `source.path` is relative to the current
 * folder (CLI) and the workspace folder (server), the same folder here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startClient } from "../helpers/lspClient";
import { cliPath, samplesDir } from "../helpers/paths";

const VARIANTS: { suffix: string; bytes: (text: string) => Buffer }[] = [
  { suffix: "", bytes: (text) => Buffer.from(text, "utf8") },
  { suffix: "-bom", bytes: (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]) },
  { suffix: "-crlf", bytes: (text) => Buffer.from(text.replace(/\r?\n/g, "\r\n"), "utf8") },
  { suffix: "-utf16le", bytes: (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) },
  { suffix: "-utf16be", bytes: (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]) },
  { suffix: "-nfd", bytes: (text) => Buffer.from(text.normalize("NFD"), "utf8") },
];

/** The text an editor shows for a file's bytes (a BOM is not text). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

test("front doors: the CLI's annotate --out and the server's emit write the same bytes for every sample and its BOM, CRLF, UTF-16 and NFD variants", async () => {
  const root = mkdtempSync(join(tmpdir(), "aa-front-doors-"));
  const articles = join(root, "articles");
  mkdirSync(articles);
  const names: string[] = [];
  for (const sample of readdirSync(samplesDir).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(join(samplesDir, sample), "utf8");
    for (const variant of VARIANTS) {
      const name = sample.replace(/\.txt$/, `${variant.suffix}.txt`);
      writeFileSync(join(articles, name), variant.bytes(text));
      names.push(name);
    }
  }
  assert.ok(names.length >= 5 * VARIANTS.length, "every sample, in every variant");

  const run = spawnSync(process.execPath, [cliPath, "annotate", "articles", "--out", "cli-records"], { cwd: root, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);

  const client = await startClient({ rootUri: pathToFileURL(root).href, settings: { recordsFolder: "server-records" } });
  try {
    for (const name of names) {
      const file = join(articles, name);
      const uri = pathToFileURL(file).href;
      await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: decode(readFileSync(file)) } });
      const recordUri = await client.connection.sendRequest<string | null>("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
      assert.equal(recordUri, pathToFileURL(join(root, "server-records", "articles", name.replace(/\.txt$/, ".annotations.json"))).href, name);
      const fromServer = readFileSync(join(root, "server-records", "articles", name.replace(/\.txt$/, ".annotations.json")), "utf8");
      const fromCli = readFileSync(join(root, "cli-records", "articles", name.replace(/\.txt$/, ".annotations.json")), "utf8");
      assert.equal(fromServer, fromCli, `${name}: the server's record differs from the CLI's`);
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    }
  } finally {
    await client.stop();
  }
});
