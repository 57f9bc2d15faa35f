/**
 * The knowledge base over stdio (issue 16): the hover shows the entry of a linked person (office
 * on the article's date, terms, source), an article's title the person no longer held gets an
 * information diagnostic linked to the source, and `knowledgeBase: false` turns both off; a
 * workspace's own knowledge base takes effect when its file changes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Hover } from "vscode-languageserver-protocol";
import { startClient } from "../helpers/lspClient";

const ARTICLE = "Hà Nội, ngày 12/9/2023\nThủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Phạm Bình Minh tại Hà Nội.\n";
const uri = "file:///kb-test/article.txt";

function positionOf(needle: string): { line: number; character: number } {
  const at = ARTICLE.indexOf(needle) + 1;
  const before = ARTICLE.slice(0, at);
  return { line: before.split("\n").length - 1, character: at - before.lastIndexOf("\n") - 1 };
}

for (const knowledgeBase of [true, false]) {
  test(`knowledge base ${knowledgeBase ? "on" : "off"}: hover card and the title check`, async () => {
    const client = await startClient({ settings: { knowledgeBase } });
    try {
      await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: ARTICLE } });
      const published = await client.waitForDiagnostics(uri);
      const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf("Phạm Minh Chính") });
      const card = hover && typeof hover.contents === "object" && "value" in hover.contents ? hover.contents.value : "";
      const title = published.diagnostics.filter((d) => d.code === "kb-title");
      if (!knowledgeBase) {
        assert.ok(!card.includes("Knowledge base"), card);
        assert.deepEqual(title, []);
        return;
      }
      assert.match(card, /\*\*Knowledge base\*\* · \[Phạm Minh Chính\]\(https:\/\/en\.wikipedia\.org\/wiki\/[^)]+\)/);
      assert.match(card, /on 2023-09-12: Prime Minister/);
      assert.match(card, /Prime Minister: since 2021-04-05/);
      // Phạm Bình Minh left the foreign ministry in 2021: the 2023 article's title gets a note with the source.
      assert.equal(title.length, 1, JSON.stringify(published.diagnostics));
      assert.equal(title[0]!.severity, 3);
      const message = title[0]!.message;
      assert.match(typeof message === "string" ? message : message.value, /^The article calls Phạm Bình Minh "Bộ trưởng Ngoại giao" on 2023-09-12; the knowledge base has Phạm Bình Minh in that office 2011-08-03 – 2021-04-07\. Source: https:/);
      assert.match(title[0]!.codeDescription?.href ?? "", /^https:\/\/en\.wikipedia\.org\//);
    } finally {
      await client.stop();
    }
  });
}

test("a workspace's knowledge base takes effect when the file changes, without a restart", async () => {
  const root = mkdtempSync(join(tmpdir(), "aa-kb-lsp-"));
  const text = "Viêng Chăn, ngày 3/4/2025\nBộ trưởng Ngoại giao Lào Khăm Phăn Vông Sa tiếp Thủ tướng Phạm Minh Chính.\n";
  writeFileSync(join(root, "a.txt"), text);
  const article = pathToFileURL(join(root, "a.txt")).href;
  const client = await startClient({ rootUri: pathToFileURL(root).href, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  const card = async (): Promise<string> => {
    const at = text.indexOf("Khăm Phăn") + 1;
    const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: article }, position: { line: 1, character: at - text.indexOf("\n") - 1 } });
    return hover && typeof hover.contents === "object" && "value" in hover.contents ? hover.contents.value : "";
  };
  try {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: article, languageId: "plaintext", version: 1, text } });
    await client.waitForDiagnostics(article);
    assert.ok(!(await card()).includes("Knowledge base"), "not known yet");
    mkdirSync(join(root, ".article-annotator"));
    const kb = join(root, ".article-annotator", "kb.json");
    writeFileSync(kb, JSON.stringify({ people: [{ id: "la.kham-phan-vong-sa", name: "Khăm Phăn Vông Sa", country: "LA", source: "https://example.org/kpvs", roles: [{ role: "minister", portfolio: "foreign-affairs", start: "2024-11", source: "https://example.org/kpvs" }] }] }));
    client.diagnostics.delete(article);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(kb).href, type: 1 }] });
    await client.waitForDiagnostics(article);
    const after = await card();
    assert.match(after, /\*\*Knowledge base\*\* · \[Khăm Phăn Vông Sa\]\(https:\/\/example\.org\/kpvs\)/);
    assert.match(after, /on 2025-04-03: Minister of Foreign Affairs/);
  } finally {
    await client.stop();
  }
});

test("code actions grow the workspace's knowledge base: a person added from the article, a text rejected everywhere", async () => {
  const root = mkdtempSync(join(tmpdir(), "aa-kb-actions-"));
  const text = "Viêng Chăn, ngày 3/4/2025\nBộ trưởng Ngoại giao Lào Khăm Phăn Vông Sa tiếp Thủ tướng Phạm Minh Chính.\n";
  const other = "Hà Nội, ngày 5/4/2025\nThủ tướng Phạm Minh Chính gặp Bộ trưởng Ngoại giao Lào Khăm Phăn Vông Sa.\n";
  writeFileSync(join(root, "a.txt"), text);
  writeFileSync(join(root, "b.txt"), other);
  const a = pathToFileURL(join(root, "a.txt")).href;
  const b = pathToFileURL(join(root, "b.txt")).href;
  const client = await startClient({ rootUri: pathToFileURL(root).href, settings: { annotator: "lan" } });
  const at = (source: string, needle: string) => {
    const offset = source.indexOf(needle) + 1;
    const before = source.slice(0, offset);
    return { line: before.split("\n").length - 1, character: offset - before.lastIndexOf("\n") - 1 };
  };
  const actions = (uri: string, source: string, needle: string) =>
    client.connection.sendRequest<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: at(source, needle), end: at(source, needle) }, context: { diagnostics: [], only: ["refactor.articleAnnotator"] } });
  const people = async (uri: string, source: string): Promise<string[]> => {
    type Symbol = { name: string; children?: Symbol[] };
    const names = (symbols: Symbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const symbols = await client.connection.sendRequest<Symbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    return names(symbols).filter((name) => source.includes(name) && /^(Phạm|Khăm)/.test(name));
  };
  try {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: a, languageId: "plaintext", version: 1, text } });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: b, languageId: "plaintext", version: 1, text: other } });
    await client.waitForDiagnostics(a);
    await client.waitForDiagnostics(b);
    const add = (await actions(a, text, "Khăm Phăn")).find((x) => x.title === 'Add "Khăm Phăn Vông Sa" to the knowledge base');
    assert.ok(add?.command, "an Add to the knowledge base action");
    const reply = await client.connection.sendRequest<{ message: string; path: string } | null>("workspace/executeCommand", add.command);
    assert.match(reply?.message ?? "", /^added Khăm Phăn Vông Sa \(la\.kham-phan-vong-sa\) to \.article-annotator\/kb\.json$/);
    const written = JSON.parse(readFileSync(join(root, ".article-annotator", "kb.json"), "utf8")) as { people: { id: string; name: string; aliases?: string[]; country?: string; source: string; roles: { role: string; portfolio?: string; start: string }[] }[] };
    assert.deepEqual(written.people.map((p) => [p.id, p.name, p.aliases, p.country, p.source, p.roles]), [["la.kham-phan-vong-sa", "Khăm Phăn Vông Sa", ["Kham Phan Vong Sa"], "LA", a, []]]);
    // The other article's hover now shows the entry, without a restart.
    const card = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: b }, position: at(other, "Khăm Phăn") });
    assert.match(card && typeof card.contents === "object" && "value" in card.contents ? card.contents.value : "", /\*\*Knowledge base\*\* · \[Khăm Phăn Vông Sa\]/);

    const reject = (await actions(a, text, "Minh Chính")).find((x) => x.title === '"Phạm Minh Chính" is not a Person anywhere in the corpus');
    assert.ok(reject?.command, "a corpus-wide rejection action");
    await client.connection.sendRequest("workspace/executeCommand", reject.command);
    const after = JSON.parse(readFileSync(join(root, ".article-annotator", "kb.json"), "utf8")) as { notEntities: { text: string; type: string; by: string }[] };
    assert.deepEqual(after.notEntities.map((n) => [n.text, n.type, n.by]), [["Phạm Minh Chính", "person", "lan"]]);
    for (const [uri, source] of [[a, text], [b, other]] as const) {
      const names = await people(uri, source);
      assert.ok(!names.includes("Phạm Minh Chính") && names.includes("Khăm Phăn Vông Sa"), `${uri}: ${names.join(", ")}`);
    }
  } finally {
    await client.stop();
  }
});
