/**
 * Curation over stdio, as a person does it: emit, annotate a missed name, reject a detection,
 * retype another, accept all; then edit the article (ten lines above, a word changed near the
 * manual entity, debris and a sentence with an accepted entity deleted) and save. Every decision
 * survives on its text, the deleted one is orphaned with both fixes working, and nothing is lost.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "../helpers/lspClient";
import { assertValidRecord } from "../helpers/schema";
import type { RecordEntityJson as Entity, RecordJson } from "../helpers/record";

const ARTICLE = [
  "Báo Sông Hồng",
  "Trang chủ   Thời sự   Thế giới   Kinh tế",
  "Việt Nam và Campuchia ký thỏa thuận thương mại",
  "Hà Phương",
  "Ngày 5/6, tại Phnom Penh, Phó Thủ tướng Campuchia Sok Chenda đã hội đàm với Bộ trưởng Công Thương Nguyễn Hồng Diên.",
  "Hai bên nhất trí nâng kim ngạch thương mại song phương lên 3 tỷ USD vào năm 2027.",
  "Cựu vận động viên Lý Hoàng Nam nói thỏa thuận mở ra nhiều cơ hội cho doanh nghiệp hai nước.",
  "Thứ trưởng Ngoại giao Lê Thị Thu Hằng cho biết Việt Nam sẵn sàng tăng nhập khẩu gạo từ Campuchia.",
  "Tin liên quan",
  "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội",
  "Khai mạc hội chợ thương mại Việt - Lào",
  "",
].join("\n");


function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - before.lastIndexOf("\n") - 1 };
}

function rangeOf(text: string, needle: string, from = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is in the text`);
  return { start: position(text, at), end: position(text, at + needle.length) };
}

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A workspace holding ARTICLE as campuchia.txt, a server on it, and the article open and analyzed. */
async function openArticle(name: string, settings: Record<string, unknown> = {}): Promise<{ root: string; file: string; uri: string; recordFile: string; recordUri: string; client: TestClient }> {
  const root = mkdtempSync(join(tmpdir(), `aa-curation-${name}-`));
  const file = join(root, "campuchia.txt");
  writeFileSync(file, ARTICLE);
  const uri = pathToFileURL(file).href;
  const recordFile = join(root, "campuchia.annotations.json");
  const client = await startClient({ rootUri: pathToFileURL(root).href, settings });
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: ARTICLE } });
  await client.waitForDiagnostics(uri);
  return { root, file, uri, recordFile, recordUri: pathToFileURL(recordFile).href, client };
}

async function run(client: TestClient, command: string, args: object): Promise<{ message: string; count: number; suggestionsLeft: number; canUndo: boolean } | null> {
  return client.connection.sendRequest("workspace/executeCommand", { command, arguments: [args] });
}

test("curation over stdio: decisions survive edits, a deleted one is orphaned with two working fixes, and nothing is lost", async () => {
  const root = mkdtempSync(join(tmpdir(), "aa-curation-"));
  mkdirSync(join(root, "news"));
  const file = join(root, "news", "campuchia.txt");
  writeFileSync(file, ARTICLE);
  const recordFile = join(root, "news", "campuchia.annotations.json");
  const uri = pathToFileURL(file).href;
  const client = await startClient({ rootUri: pathToFileURL(root).href, settings: { annotator: "lan" } });
  const readRecord = (): RecordJson => JSON.parse(readFileSync(recordFile, "utf8")) as RecordJson;
  try {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: ARTICLE } });
    await client.waitForDiagnostics(uri);
    assert.equal(await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] }), pathToFileURL(recordFile).href);
    const emitted = readRecord();
    assertValidRecord(emitted);
    const detected = (type: string, text: string): Entity => {
      const entity = emitted.entities.find((e) => e.type === type && e.text === text);
      assert.ok(entity, `the engine finds the ${type} "${text}"`);
      return entity;
    };
    const amount = detected("amount", "3 tỷ USD");
    const minister = detected("person", "Lê Thị Thu Hằng");
    const chenda = detected("person", "Sok Chenda");
    assert.ok(!emitted.entities.some((e) => e.text.includes("Lý Hoàng Nam")), "the name without a title is missed: the person adds it");

    // Annotate a selection as person, through the code action a client shows for the selection.
    const selection = rangeOf(ARTICLE, "Lý Hoàng Nam");
    const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: selection, context: { diagnostics: [] } });
    const annotate = actions.find((a) => a.title === 'Annotate "Lý Hoàng Nam" as Person');
    assert.ok(annotate?.command, `a code action annotates the selection (offered: ${actions.map((a) => a.title).join("; ")})`);
    const annotated = await client.connection.sendRequest<{ message: string }>("workspace/executeCommand", annotate.command);
    assert.match(annotated.message, /Annotated "Lý Hoàng Nam" as Person/);
    const manual = readRecord().entities.find((e) => e.text === "Lý Hoàng Nam");
    assert.ok(manual, "the record on disk has the manual entity at once");
    assert.deepEqual([manual.origin, manual.decision?.action, manual.decision?.by], ["manual", "added", "lan"]);
    assert.deepEqual(manual.selector, { prefix: ARTICLE.slice(manual.start - 32, manual.start), suffix: ARTICLE.slice(manual.end, manual.end + 32) }, "its TextQuoteSelector context");

    // Reject a detection, retype another, accept all.
    await run(client, "articleAnnotator.reject", { uri, version: 1, target: { type: "amount", start: amount.start, end: amount.end } });
    await run(client, "articleAnnotator.changeType", { uri, version: 1, target: { type: "person", start: chenda.start, end: chenda.end }, type: "organization" });
    const accepted = await run(client, "articleAnnotator.acceptAll", { uri });
    assert.ok(accepted && accepted.count > 0 && accepted.suggestionsLeft === 0, "every suggestion is accepted");
    const reviewed = readRecord();
    assertValidRecord(reviewed);
    assert.equal(reviewed.review.suggestionsLeft, 0);
    assert.deepEqual(reviewed.review.reviewedBy, ["lan"]);
    assert.equal(reviewed.entities.find((e) => e.start === amount.start && e.type === "amount")?.origin, "rejected");
    assert.equal(reviewed.entities.find((e) => e.start === chenda.start && e.type === "organization")?.origin, "manual");
    assert.equal(reviewed.entities.find((e) => e.start === minister.start)?.decision?.action, "accepted");
    const decisions = reviewed.entities.map((e) => e.id).sort();

    // The edits: ten lines above the body, a word near the manual entity, the debris block and the minister's sentence deleted.
    let text = ARTICLE;
    let version = 1;
    const edit = async (from: number, to: number, newText: string): Promise<void> => {
      const range = { start: position(text, from), end: position(text, to) };
      text = text.slice(0, from) + newText + text.slice(to);
      version++;
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    };
    const bodyStart = text.indexOf("Ngày 5/6");
    await edit(bodyStart, bodyStart, Array.from({ length: 10 }, (_, k) => `Dòng chèn thêm số ${k + 1} của biên tập viên.`).join("\n") + "\n");
    const word = text.indexOf("mở ra nhiều");
    await edit(word, word + "mở ra".length, "đem lại");
    const debris = text.indexOf("Tin liên quan");
    await edit(debris, text.length, "");
    const sentence = text.indexOf("Thứ trưởng Ngoại giao Lê Thị Thu Hằng");
    await edit(sentence, text.indexOf("\n", sentence) + 1, "");
    writeFileSync(file, text);
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri } });

    const saved = await waitFor(() => {
      const record = readRecord();
      return record.entities.some((e) => e.orphaned) ? record : undefined;
    }, "the saved article's record shows the orphan");
    assertValidRecord(saved);
    const slice = (e: Entity): string => text.slice(e.start, e.end);
    const moved = saved.entities.find((e) => e.id === manual.id)!;
    assert.equal(slice(moved), "Lý Hoàng Nam", "the manual entity is on its text");
    assert.ok(!moved.orphaned);
    const rejected = saved.entities.find((e) => e.origin === "rejected" && e.type === "amount")!;
    assert.equal(slice(rejected), "3 tỷ USD", "the rejected one followed its text");
    const orphan = saved.entities.find((e) => e.orphaned)!;
    assert.equal(orphan.text, "Lê Thị Thu Hằng", "the deleted accepted entity is orphaned with its last quote");
    for (const e of saved.entities.filter((x) => !x.orphaned)) assert.equal(slice(e), e.text, `${e.id} points at its own text`);
    assert.deepEqual(saved.entities.map((e) => e.id).filter((id) => decisions.includes(id)).sort(), decisions.filter((id) => saved.entities.some((e) => e.id === id)).sort());
    assert.ok(decisions.every((id) => saved.entities.some((e) => e.id === id)), "no decision was lost");
    assert.equal(saved.source.sha256, (await import("node:crypto")).createHash("sha256").update(readFileSync(file)).digest("hex"), "the record names the saved text");

    // The rejected amount stays hidden: no hover, no outline entry.
    const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: position(text, rejected.start + 1) });
    assert.equal(hover, null, "no hover on a rejected detection");
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.ok(!JSON.stringify(symbols).includes("3 tỷ USD"), "not in the outline");

    // The orphan's diagnostic and its two fixes.
    const diagnostic = await waitFor(() => client.diagnostics.get(uri)?.diagnostics.find((d: Diagnostic) => d.code === "orphaned-annotation"), "the orphan's diagnostic");
    const fixes = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: rangeOf(text, "Nguyễn Hồng Diên"), context: { diagnostics: [diagnostic], only: ["quickfix"] } });
    const remove = fixes.find((a) => a.title === "Delete the orphaned annotation");
    const reattach = fixes.find((a) => a.title.startsWith("Re-attach the orphaned annotation"));
    assert.ok(remove?.command && reattach?.command, "both fixes are offered");
    await client.connection.sendRequest("workspace/executeCommand", remove.command);
    assert.ok(!readRecord().entities.some((e) => e.id === orphan.id), "delete removes it from the record");
    const undone = await run(client, "articleAnnotator.undo", { uri });
    assert.match(undone!.message, /Undid/);
    assert.ok(readRecord().entities.some((e) => e.id === orphan.id && e.orphaned), "undo brings the orphan back");
    await client.connection.sendRequest("workspace/executeCommand", reattach.command);
    const reattached = readRecord().entities.find((e) => e.id === orphan.id)!;
    assert.ok(!reattached.orphaned, "re-attached");
    assert.equal(slice(reattached), "Nguyễn Hồng Diên");
    assertValidRecord(readRecord());
  } finally {
    await client.stop();
  }
});

test("curation over stdio: a malformed record file gets diagnostics at its bad values, and no action changes its bytes", async () => {
  const { uri, recordFile, recordUri, client } = await openArticle("bad");
  try {
    await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as { entities: (Omit<Entity, "start"> & { start: unknown })[] };
    record.entities[0]!.origin = "rejectd";
    record.entities[1]!.start = "zero";
    const bad = JSON.stringify(record, null, 2);
    writeFileSync(recordFile, bad);
    const amount = record.entities.find((e) => e.type === "amount")! as Entity;

    const actions: [string, object][] = [
      ["articleAnnotator.annotate", { uri, range: rangeOf(ARTICLE, "Lý Hoàng Nam"), type: "person" }],
      ["articleAnnotator.reject", { uri, target: { type: "amount", start: amount.start, end: amount.end } }],
      ["articleAnnotator.acceptAll", { uri }],
      ["articleAnnotator.undo", { uri }],
    ];
    for (const [command, args] of actions) assert.equal(await run(client, command, args), null, `${command} is refused`);
    assert.equal(await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] }), null, "emit is refused");
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri } });
    const published = await client.waitForDiagnostics(recordUri, (p) => p.diagnostics.length >= 2);
    const lines = bad.split("\n");
    const at = (d: Diagnostic): string => lines[d.range.start.line]!.trim();
    const message = (d: Diagnostic): string => (typeof d.message === "string" ? d.message : "");
    assert.ok(published.diagnostics.some((d) => /origin/.test(message(d)) && at(d).startsWith('"origin": "rejectd"')), JSON.stringify(published.diagnostics));
    assert.ok(published.diagnostics.some((d) => /start/.test(message(d)) && at(d).startsWith('"start": "zero"')), JSON.stringify(published.diagnostics));
    assert.ok(client.messages.some((m) => /cannot be read|cannot be merged/.test(m.message)), "the person is told why");
    await new Promise((resolve) => setTimeout(resolve, 300)); // a save's write would have happened by now
    assert.equal(readFileSync(recordFile, "utf8"), bad, "the record's bytes are unchanged");
  } finally {
    await client.stop();
  }
});

test("curation over stdio: a person's own label (articleAnnotator.labels) annotates a selection as type custom; an unknown label is refused", async () => {
  const { root, uri, client } = await openArticle("labels", { labels: [{ id: "trade-goal", name: "Trade goal", color: "#d97706" }] });
  try {
    const selection = rangeOf(ARTICLE, "kim ngạch thương mại song phương");
    const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: selection, context: { diagnostics: [] } });
    const annotate = actions.find((a) => a.title === 'Annotate "kim ngạch thương mại song phương" as Trade goal');
    assert.ok(annotate?.command, actions.map((a) => a.title).join("; "));
    await client.connection.sendRequest("workspace/executeCommand", annotate.command);
    const record = JSON.parse(readFileSync(join(root, "campuchia.annotations.json"), "utf8")) as RecordJson;
    assertValidRecord(record);
    const entity = record.entities.find((e) => e.type === "custom");
    assert.deepEqual(entity && [entity.text, entity.attributes, entity.origin], ["kim ngạch thương mại song phương", { label: "trade-goal" }, "manual"]);
    assert.equal(await run(client, "articleAnnotator.annotate", { uri, range: rangeOf(ARTICLE, "Phnom Penh"), type: "custom", attributes: { label: "nope" } }), null);
    await waitFor(() => client.messages.some((m) => /no label "nope"/.test(m.message)), "the refusal is explained");
  } finally {
    await client.stop();
  }
});

test("curation over stdio: an attribute the schema refuses (country \"Vietnam\") is not set, and the record is left as it was", async () => {
  const { uri, recordFile, client } = await openArticle("attr");
  try {
    const position = rangeOf(ARTICLE, "Sok Chenda").start;
    const set = await run(client, "articleAnnotator.setAttribute", { uri, position, name: "country", value: "KH" });
    assert.match(set!.message, /Set country/);
    const before = readFileSync(recordFile, "utf8");
    assert.equal(await run(client, "articleAnnotator.setAttribute", { uri, position, name: "country", value: "Vietnam" }), null);
    await waitFor(() => client.messages.some((m) => /would not follow its schema/.test(m.message)), "the refusal names the schema");
    assert.equal(readFileSync(recordFile, "utf8"), before, "the record is unchanged");
    const undone = await run(client, "articleAnnotator.undo", { uri });
    assert.match(undone!.message, /Undid: set country/, "undo takes back the last action that was done, not the refused one");
  } finally {
    await client.stop();
  }
});

test("curation over stdio: a record rewritten on disk while a decision waits for the save is merged by entity, never doubled; a stale range is refused", async () => {
  const { file, uri, recordFile, client } = await openArticle("reload");
  try {
    await run(client, "articleAnnotator.annotate", { uri, version: 1, range: rangeOf(ARTICLE, "Phnom Penh"), type: "location" });
    await run(client, "articleAnnotator.reject", { uri, version: 1, position: rangeOf(ARTICLE, "Sok Chenda").start });
    // An unsaved edit, then a decision that waits for the save.
    const text = "Bản tin sáng.\n" + ARTICLE;
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Bản tin sáng.\n" }] });
    assert.equal(await run(client, "articleAnnotator.annotate", { uri, version: 1, range: rangeOf(ARTICLE, "Campuchia"), type: "location" }), null, "a range for version 1 is refused at version 2");
    const waiting = await run(client, "articleAnnotator.annotate", { uri, version: 2, range: rangeOf(text, "Lý Hoàng Nam"), type: "person" });
    assert.match(waiting!.message, /written when the article is saved/);
    // A formatter (or git) rewrites the record: same content, other bytes.
    writeFileSync(recordFile, JSON.stringify(JSON.parse(readFileSync(recordFile, "utf8"))));
    writeFileSync(file, text);
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri } });
    const saved = await waitFor(() => {
      const record = JSON.parse(readFileSync(recordFile, "utf8")) as RecordJson;
      return record.entities.some((e) => e.text === "Lý Hoàng Nam") ? record : undefined;
    }, "the waiting decision written at the save");
    const keys = saved.entities.map((e) => `${e.type}:${e.start}:${e.end}:${e.origin}`);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], "no entity twice");
    for (const wanted of ["Phnom Penh", "Sok Chenda", "Lý Hoàng Nam"]) {
      const entity = saved.entities.find((e) => e.text === wanted && e.origin !== "auto");
      assert.ok(entity, `${wanted} kept`);
      assert.equal(text.slice(entity.start, entity.end), wanted);
    }
  } finally {
    await client.stop();
  }
});

test("curation over stdio: a decision made on unsaved text is written, found in the text on disk, when the article is closed without saving", async () => {
  const { uri, recordFile, client } = await openArticle("close");
  try {
    const text = "Bản tin sáng.\n" + ARTICLE;
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Bản tin sáng.\n" }] });
    const waiting = await run(client, "articleAnnotator.annotate", { uri, version: 2, range: rangeOf(text, "Lý Hoàng Nam"), type: "person" });
    assert.match(waiting!.message, /written when the article is saved/);
    await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    const record = await waitFor(() => {
      try {
        return JSON.parse(readFileSync(recordFile, "utf8")) as RecordJson;
      } catch {
        return undefined;
      }
    }, "the record written at the close");
    const entity = record.entities.find((e) => e.text === "Lý Hoàng Nam" && e.origin === "manual");
    assert.ok(entity, "the decision is kept");
    assert.equal(ARTICLE.slice(entity.start, entity.end), "Lý Hoàng Nam", "on the text as saved");
  } finally {
    await client.stop();
  }
});

test("curation over stdio: a record changed by hand while its article is open is picked up (workspace/didChangeWatchedFiles)", async () => {
  const { uri, recordFile, recordUri, client } = await openArticle("watch");
  try {
    await client.connection.sendRequest("workspace/executeCommand", { command: "articleAnnotator.emitRecord", arguments: [uri] });
    const hoverOn = (text: string): Promise<Hover | null> => client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: rangeOf(ARTICLE, text).start });
    assert.ok(await hoverOn("Sok Chenda"), "a detection to reject by hand");
    // The person rejects it in the record file, in another editor.
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as RecordJson;
    Object.assign(record.entities.find((e) => e.text === "Sok Chenda")!, { origin: "rejected", decision: { action: "rejected", by: "lan", at: "2026-11-30T10:00:00Z" } });
    writeFileSync(recordFile, JSON.stringify(record, null, 2));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: recordUri, type: 2 }] });
    let hover = await hoverOn("Sok Chenda");
    for (const deadline = Date.now() + 5_000; hover !== null && Date.now() < deadline; hover = await hoverOn("Sok Chenda")) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(hover, null, "the hand edit is picked up: no hover on the rejected detection");
  } finally {
    await client.stop();
  }
});

test("curation over stdio: opening an article changed on disk while closed rewrites its record on the current text", async () => {
  const opened = await openArticle("stale");
  const { root, file, uri, recordFile } = opened;
  let client = opened.client;
  try {
    await run(client, "articleAnnotator.annotate", { uri, version: 1, range: rangeOf(ARTICLE, "Lý Hoàng Nam"), type: "person" });
  } finally {
    await client.stop();
  }
  // Edited elsewhere (another tool, a git checkout) while no editor had it open.
  const text = "Bản tin tối, cập nhật lúc 20 giờ.\n" + ARTICLE;
  writeFileSync(file, text);
  client = await startClient({ rootUri: pathToFileURL(root).href });
  try {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    await client.waitForDiagnostics(uri);
    const record = await waitFor(() => {
      const r = JSON.parse(readFileSync(recordFile, "utf8")) as RecordJson;
      return r.entities.some((e) => e.text === "Lý Hoàng Nam" && text.slice(e.start, e.end) === e.text) ? r : undefined;
    }, "the record rewritten on the current text");
    assert.equal(record.source.sha256, (await import("node:crypto")).createHash("sha256").update(text).digest("hex"));
  } finally {
    await client.stop();
  }
});

test("curation over stdio: a version that came without a save but holds the file's text is saved: the record is written at once; a changed one waits for the save", async () => {
  const { root, uri, recordFile, client } = await openArticle("unsaved-version");
  try {
    // An edit and its undo typed by hand: version 3, the text back as on disk, no save.
    const edited = ARTICLE.replace("Campuchia", "Campuchja");
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 3 }, contentChanges: [{ text: ARTICLE }] });
    const accepted = await run(client, "articleAnnotator.acceptAll", { uri });
    assert.equal(accepted?.suggestionsLeft, 0);
    assert.ok(existsSync(recordFile), "the record is written: the text is the file's");
    const written = readFileSync(recordFile, "utf8");
    // A real change not saved: the decision waits for the save.
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 4 }, contentChanges: [{ text: edited }] });
    const undone = await run(client, "articleAnnotator.undo", { uri });
    assert.ok(undone && undone.count === 1);
    assert.equal(readFileSync(recordFile, "utf8"), written, "an unsaved change leaves the record as it was");
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
