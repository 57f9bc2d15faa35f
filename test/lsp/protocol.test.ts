import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, CodeLens, Diagnostic, DocumentSymbol, Hover, SemanticTokens, SymbolInformation, WorkspaceEdit } from "vscode-languageserver-protocol";
import { applyTextEdits, startClient, type TestClient } from "../helpers/lspClient";
import { assertValidRecord } from "../helpers/schema";

const ARTICLE = [
  "Báo Bình Minh",
  "Thời sự   Thế giới   Kinh tế   Văn hóa",
  "Việt Nam và Lào thúc đẩy hợp tác giáo dục",
  "Minh Anh",
  "Ngày 12/3, tại Viêng Chăn, Bộ trưởng Ngoại giao Lào Khamphet Vongsa đã tiếp Thứ trưởng Ngoại giao Đỗ Minh Khang, nhân dịp ông dự Hội nghị Ủy ban hỗn hợp Việt Nam - Lào lần thứ 45.",
  "Hai bên nhất trí nâng kim ngạch thương mại lên 2,5 tỷ USD, tăng 15% so với năm trước; Việt Nam sẽ cấp 300 suất học bổng cho sinh viên Lào.",
  "Lễ ký kết biên bản ghi nhớ tại Viêng Chăn",
  "Lễ ký kết biên bản ghi nhớ tại Viêng Chăn",
  "Ông Khamphet đánh giá cao việc hai nước cùng xây dựngCộng đồng ASEAN vững mạnh và thịnh vượng trong khu vực.",
  "Tin liên quan",
  "Thủ tướng tiếp Đại sứ Pháp tại Hà Nội",
  "Khai mạc triển lãm ảnh về quan hệ hai nước",
  "",
].join("\n");

function workspace(): { root: string; file: string; uri: string } {
  const root = mkdtempSync(join(tmpdir(), "aa-lsp-"));
  mkdirSync(join(root, "news"));
  const file = join(root, "news", "lao.txt");
  writeFileSync(file, ARTICLE);
  writeFileSync(join(root, "news", "other.txt"), "Tổng thống Indonesia Budi Santoso thăm Việt Nam\nChiều 3/4, Tổng thống Indonesia Budi Santoso đã hội kiến Chủ tịch nước Lê Văn Hiếu tại Hà Nội.\n");
  writeFileSync(join(root, "notes.md"), "# not an article");
  return { root, file, uri: pathToFileURL(file).href };
}

async function open(client: TestClient, uri: string, text: string, languageId = "plaintext"): Promise<Diagnostic[]> {
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  return (await client.waitForDiagnostics(uri)).diagnostics;
}

/** Polls `condition` until it holds or the deadline passes. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `"${needle}" is in the text`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - before.lastIndexOf("\n") - 1 };
}

test("protocol: debris diagnostics carry the rule code, a link to its documentation, tags, related information and fix data", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    const diagnostics = await open(client, uri, ARTICLE);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [
      ["navigation", 0],
      ["navigation", 1],
      ["duplicate-line", 7],
      ["run-together", 8],
      ["related-links", 9],
    ]);
    for (const d of diagnostics) {
      assert.equal(d.source, "article-annotator");
      assert.match(d.codeDescription!.href, new RegExp(`rules\\.md#${String(d.code)}$`));
      assert.equal(typeof (d.data as { version: number }).version, "number");
    }
    assert.deepEqual(diagnostics.find((d) => d.code === "navigation")!.tags, [1], "debris is faded");
    assert.equal(diagnostics.find((d) => d.code === "run-together")!.tags, undefined, "a run-together word is not faded");
    const duplicate = diagnostics.find((d) => d.code === "duplicate-line")!;
    assert.equal(duplicate.relatedInformation![0]!.location.range.start.line, 6, "points at the first copy");
    const related = diagnostics.find((d) => d.code === "related-links")!;
    assert.deepEqual([related.range.start.line, related.range.end.line], [9, 11], "the block ends on its last text line");
  } finally {
    await client.stop();
  }
});

test("protocol: a hover on debris the page-layout classifier found says its evidence in one line", async () => {
  const { root } = workspace();
  const file = join(root, "news", "layout.txt");
  const page = ["Kinh tế - Tài chính", "Hai nước ký thỏa thuận hợp tác về giáo dục và đào tạo", "Sáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế trong năm nay.", "• 2 giờ trước", ""].join("\n");
  writeFileSync(file, page);
  const uri = pathToFileURL(file).href;
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await open(client, uri, page);
    const hoverOn = async (needle: string): Promise<string> => {
      const result = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(page, needle, 1) });
      assert.ok(result && typeof result.contents === "object" && "value" in result.contents, `a hover on ${needle}`);
      return result.contents.value;
    };
    const label = await hoverOn("Kinh tế");
    assert.match(label, /debris.*page-layout/);
    assert.match(label, /Short line \\?\(\d words?\\?\) above the headline/, "the evidence, markdown-escaped");
    assert.match(await hoverOn("2 giờ trước"), /A time with no date/);
  } finally {
    await client.stop();
  }
});

test("protocol: hover cards for a person, a forum, an amount, a date and debris", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await open(client, uri, ARTICLE);
    const hover = async (needle: string, delta = 1): Promise<string> => {
      const result = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(ARTICLE, needle, delta) });
      assert.ok(result && typeof result.contents === "object" && "value" in result.contents, `a hover on ${needle}`);
      return result.contents.value;
    };
    const person = await hover("Khamphet Vongsa");
    // Codes are shown by their labels: the office composed with its portfolio and country.
    assert.match(person, /\*\*Person\*\*/);
    assert.match(person, /Minister of Foreign Affairs of Laos/);
    assert.match(person, /2 mentions in this article/);
    assert.match(await hover("Ông Khamphet", 5), /refers to \*\*Khamphet Vongsa\*\*/);
    assert.match(await hover("Hội nghị Ủy ban"), /edition 45/);
    assert.match(await hover("2,5 tỷ USD"), /Money · 2,500,000,000 USD/);
    assert.match(await hover("Ngày 12/3"), /\*\*Date\*\*/);
    assert.match(await hover("Tin liên quan"), /debris.*related-links/);
    const nothing = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(ARTICLE, "nhất trí") });
    assert.equal(nothing, null);
  } finally {
    await client.stop();
  }
});

test("protocol: quick-fixes and fix-all edit the text exactly; stale fixes are not offered", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    const diagnostics = await open(client, uri, ARTICLE);
    const related = diagnostics.find((d) => d.code === "related-links")!;
    const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: related.range, context: { diagnostics: [related], only: ["quickfix"] } });
    assert.deepEqual(actions.map((a) => a.title), ["Remove the related-articles list (3 lines)", "Fix all debris in this article"]);
    assert.equal(actions[0]!.isPreferred, true);
    const fixed = applyTextEdits(ARTICLE, actions[0]!.edit!, uri);
    assert.equal(fixed, ARTICLE.split("\n").slice(0, 9).join("\n") + "\n", "the related list is gone, nothing else");

    const runTogether = diagnostics.find((d) => d.code === "run-together")!;
    const [repair] = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: runTogether.range, context: { diagnostics: [runTogether] } });
    assert.match(applyTextEdits(ARTICLE, repair!.edit!, uri), /xây dựng Cộng đồng ASEAN/);

    const [fixAll] = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: related.range, context: { diagnostics: [], only: ["source.fixAll"] } });
    assert.equal(fixAll!.kind, "source.fixAll.articleAnnotator");
    const cleaned = applyTextEdits(ARTICLE, fixAll!.edit!, uri);
    assert.deepEqual(cleaned.split("\n").filter(Boolean), [
      "Việt Nam và Lào thúc đẩy hợp tác giáo dục",
      "Minh Anh",
      ARTICLE.split("\n")[4],
      ARTICLE.split("\n")[5],
      "Lễ ký kết biên bản ghi nhớ tại Viêng Chăn",
      "Ông Khamphet đánh giá cao việc hai nước cùng xây dựng Cộng đồng ASEAN vững mạnh và thịnh vượng trong khu vực.",
    ]);
    const edit = fixAll!.edit as WorkspaceEdit;
    assert.equal((edit.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 1, "the edit names the version it was made for");

    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "X" }] });
    const stale = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: related.range, context: { diagnostics: [related], only: ["quickfix"] } });
    assert.deepEqual(stale, [], "a diagnostic of version 1 gets no fix on version 2");
    const fresh = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.equal(fresh.diagnostics.length, diagnostics.length);
  } finally {
    await client.stop();
  }
});

test("protocol: emitting the record writes NAME.annotations.json, valid against the schema, says so, and keeps a person's corrections", async () => {
  const { root, file, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await open(client, uri, ARTICLE);
    const recordUri = await client.connection.sendRequest<string>("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
    assert.equal(recordUri, pathToFileURL(file.replace(/\.txt$/, ".annotations.json")).href);
    const recordFile = file.replace(/\.txt$/, ".annotations.json");
    await waitFor(() => client.messages.some((m) => m.message.includes(`record written to ${recordFile}`)), "the user is told where the record went");
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as { source: { path: string }; entities: { id: string; type: string; text: string; origin: string; start: number; end: number; attributes: object }[] };
    assertValidRecord(record);
    assert.equal(record.source.path, "news/lao.txt");

    // A person rejects one detection and adds a missed one; emitting again keeps both.
    const rejected = record.entities.find((e) => e.type === "amount")!;
    rejected.origin = "rejected";
    const start = ARTICLE.indexOf("Viêng Chăn");
    record.entities.push({ ...record.entities[0]!, id: "m1", type: "location", text: "Viêng Chăn", start, end: start + 10, attributes: {}, origin: "manual" });
    writeFileSync(recordFile, JSON.stringify(record));
    await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
    const again = JSON.parse(readFileSync(recordFile, "utf8")) as typeof record;
    assertValidRecord(again);
    assert.ok(again.entities.some((e) => e.id === "m1" && e.origin === "manual"), "the manual entity is kept");
    assert.equal(again.entities.filter((e) => e.start === rejected.start && e.end === rejected.end).map((e) => e.origin).join(), "rejected", "the rejected one stays rejected and does not come back");

    writeFileSync(file.replace(/\.txt$/, ".annotations.json"), "{ not json");
    const refused = await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
    assert.equal(refused, null);
    assert.match(client.messages.at(-1)!.message, /the existing record cannot be merged: not valid JSON \(.*\); it was left as it is/);
    assert.equal(readFileSync(file.replace(/\.txt$/, ".annotations.json"), "utf8"), "{ not json", "a malformed record is never overwritten");
  } finally {
    await client.stop();
  }
});

test("protocol: semantic tokens, document symbols, CodeLens and workspace symbols", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await open(client, uri, ARTICLE);
    const tokens = await client.connection.sendRequest<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    const lines = ARTICLE.split("\n");
    for (let k = 0; k < tokens.data.length; k += 5) {
      const [dLine, dChar, length, type] = tokens.data.slice(k, k + 4) as [number, number, number, number];
      line += dLine;
      character = dLine === 0 ? character + dChar : dChar;
      decoded.push(`${["person", "forum", "amount", "date"][type]}:${lines[line]!.slice(character, character + length)}`);
    }
    for (const expected of ["person:Khamphet Vongsa", "person:Đỗ Minh Khang", "forum:Hội nghị Ủy ban hỗn hợp Việt Nam - Lào lần thứ 45", "amount:2,5 tỷ USD", "amount:15%", "date:Ngày 12/3"]) assert.ok(decoded.includes(expected), `${expected} in ${decoded.join(", ")}`);

    const [root_] = await client.connection.sendRequest<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.equal(root_!.name, "Việt Nam và Lào thúc đẩy hợp tác giáo dục");
    assert.deepEqual(root_!.children!.map((c) => c.name), ["People", "Forums", "Amounts", "Dates"]);
    assert.deepEqual(root_!.children![0]!.children!.map((c) => c.name), ["Khamphet Vongsa", "Đỗ Minh Khang"]);

    const lenses = await client.connection.sendRequest<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    assert.match(lenses[0]!.command!.title, /^2 people · 1 forum · 3 amounts · 6 lines of debris$/);
    assert.deepEqual(lenses.slice(1).map((l) => l.command!.command), ["articleAnnotator.nextSuggestion", "articleAnnotator.acceptAll", "articleAnnotator.fixAll", "articleAnnotator.emitRecord"]);

    const deadline = Date.now() + 10_000;
    let found: SymbolInformation[] = [];
    while (Date.now() < deadline && found.length === 0) found = await client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query: "budi santoso" });
    assert.equal(found[0]?.name, "Budi Santoso", "the other article is indexed in the background");
    assert.match(found[0].location.uri, /other\.txt$/);
    assert.ok(client.progressTokens.length > 0, "indexing showed progress");
  } finally {
    await client.stop();
  }
});

test("protocol: settings apply without a restart; other files and huge files are left alone", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await open(client, uri, ARTICLE);
    client.settings = { rules: { navigation: "off", "related-links": "error" }, customRules: [{ id: "credit", pattern: "^Minh Anh$", message: "Our own rule" }] };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const changed = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === "navigation"));
    assert.equal(changed.diagnostics.find((d) => d.code === "related-links")!.severity, 1);
    assert.ok(changed.diagnostics.some((d) => d.code === "custom.credit" && d.message === "Our own rule"));

    client.settings = { files: ["**/news/*.txt"], maxFileSize: 5000 };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const elsewhere = pathToFileURL(join(root, "elsewhere.txt")).href;
    assert.deepEqual(await open(client, elsewhere, ARTICLE), [], "a .txt file outside articleAnnotator.files is not an article");
    const huge = pathToFileURL(join(root, "news", "huge.txt")).href;
    const [notice] = await open(client, huge, ARTICLE.repeat(20));
    assert.match(typeof notice!.message === "string" ? notice!.message : notice!.message.value, /not analyzed: .* more than articleAnnotator\.maxFileSize/);

    client.settings = { rules: { spam: "loud" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await waitFor(() => client.messages.some((m) => /rules\.spam must be/.test(m.message)), "a bad setting is reported and the default used");
  } finally {
    await client.stop();
  }
});

test("protocol: in an untrusted workspace (Restricted Mode) the read-only features stay and no record is written", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href, initializationOptions: { trusted: false } });
  try {
    const diagnostics = await open(client, uri, ARTICLE);
    assert.ok(diagnostics.length > 0, "diagnostics still come");
    const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
    assert.ok(!actions.some((a) => a.kind === "source.articleAnnotator.emitRecord"), "no emit action");
    const lenses = await client.connection.sendRequest<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    assert.ok(!lenses.some((l) => l.command?.command === "articleAnnotator.emitRecord"));
    assert.equal(await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] }), null);
    assert.ok(!existsSync(join(root, "news", "lao.annotations.json")), "no record written");
    await waitFor(() => client.messages.some((m) => /Restricted Mode/.test(m.message)), "the user is told why");
  } finally {
    await client.stop();
  }
});

test("protocol: a records folder outside the workspace is refused with a message; one inside receives the record", async () => {
  const { root, uri } = workspace();
  const client = await startClient({ rootUri: pathToFileURL(root).href, settings: { recordsFolder: "../elsewhere" } });
  try {
    await open(client, uri, ARTICLE);
    assert.equal(await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] }), null);
    assert.ok(!existsSync(join(root, "elsewhere")) && !existsSync(join(root, "..", "elsewhere")), "nothing written outside");
    await waitFor(() => client.messages.some((m) => /outside the workspace; records are only written inside it/.test(m.message)), "the refusal is explained");
    client.settings = { recordsFolder: "records" };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const recordUri = await client.connection.sendRequest<string>("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
    assert.equal(recordUri, pathToFileURL(join(root, "records", "news", "lao.annotations.json")).href);
  } finally {
    await client.stop();
  }
});
