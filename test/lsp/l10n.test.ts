/**
 * The language server in English and in Vietnamese, over stdio (issue 18): the same article's
 * hover on a titled person (the office by its labels, the mentions sentence), an amount (numbers
 * as the language writes them; a qualified one, its qualifier by its label), a debris diagnostic (the engine's message, the link to the rules'
 * documentation in the language) and its quick fix, in the language `initialize`'s `locale` names,
 * overridden by `articleAnnotator.language` from the initialization options (Neovim) or the
 * configuration, and switched live by `workspace/didChangeConfiguration`. A bad value is the
 * default, with one warning.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { CodeAction, CodeLens, Diagnostic, Hover, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "../helpers/lspClient";
import { L10N_ARTICLE } from "../helpers/l10nArticle";

const ARTICLE = L10N_ARTICLE;
const uri = "file:///l10n-test/article.txt";

/** What the person reads in each language, for ARTICLE. */
const EXPECTED = {
  en: {
    person: "**Person** · Lương Văn Đạt",
    office: "Prime Minister of Vietnam",
    mentions: "2 mentions in this article",
    minister: "Minister of Foreign Affairs of Laos",
    mention: "1 mention in this article",
    amount: "Money · 2,500,000,000 USD",
    qualified: "Money · ≈ (more than) 3,800,000,000 USD",
    suggestion: "_suggestion — not reviewed yet · found by `person.title-trigger`_",
    debris: "Repeats the line above (a caption or headline copy).",
    related: "First copy",
    rulesDoc: /\/docs\/rules\.md#duplicate-line$/,
    quickFix: "Remove the repeated line",
    lens: "Emit annotated record",
  },
  vi: {
    person: "**Nhân vật** · Lương Văn Đạt",
    office: "Thủ tướng (Việt Nam)",
    mentions: "Được nhắc đến 2 lần trong bài này",
    minister: "Bộ trưởng Ngoại giao (Lào)",
    mention: "Được nhắc đến 1 lần trong bài này",
    amount: "Số tiền · 2.500.000.000 USD",
    qualified: "Số tiền · ≈ (hơn) 3.800.000.000 USD",
    suggestion: "_gợi ý — chưa được rà soát · do `person.title-trigger` tìm thấy_",
    debris: "Lặp lại dòng phía trên (bản sao của chú thích ảnh hoặc tiêu đề).",
    related: "Bản đầu tiên",
    rulesDoc: /\/docs\/rules\.vi\.md#duplicate-line$/,
    quickFix: "Xóa dòng lặp lại",
    lens: "Tạo bản ghi chú thích",
  },
} as const;
type Language = keyof typeof EXPECTED;

function positionOf(needle: string, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = ARTICLE.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = ARTICLE.slice(0, at + 1);
  return { line: before.split("\n").length - 1, character: at + 1 - before.lastIndexOf("\n") - 1 };
}

async function hover(client: TestClient, needle: string): Promise<string> {
  const result = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(needle) });
  assert.ok(result && typeof result.contents === "object" && "value" in result.contents, `a hover on ${needle}`);
  return result.contents.value;
}

const messageOf = (d: Diagnostic): string => (typeof d.message === "string" ? d.message : d.message.value);
const debrisIn = (params: PublishDiagnosticsParams): Diagnostic | undefined => params.diagnostics.find((d) => d.code === "duplicate-line");

/** Opens ARTICLE: its first published diagnostics that include the debris. */
async function open(client: TestClient): Promise<PublishDiagnosticsParams> {
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text: ARTICLE } });
  return client.waitForDiagnostics(uri, (params) => debrisIn(params) !== undefined);
}

/** Asserts that the hover, the debris diagnostic, its quick fix and the CodeLens are said in `language`. */
async function assertSaid(client: TestClient, published: PublishDiagnosticsParams, language: Language): Promise<void> {
  const expected = EXPECTED[language];
  const person = await hover(client, "Lương Văn Đạt");
  for (const part of [expected.person, expected.office, expected.mentions, expected.suggestion]) assert.ok(person.includes(part), `${language} hover has ${JSON.stringify(part)}:\n${person}`);
  const minister = await hover(client, "Bounmy Sayavong");
  for (const part of [expected.minister, expected.mention]) assert.ok(minister.includes(part), `${language} hover has ${JSON.stringify(part)}:\n${minister}`);
  const amount = await hover(client, "2,5 tỷ USD");
  assert.ok(amount.includes(expected.amount), `${language} amount hover has ${JSON.stringify(expected.amount)}:\n${amount}`);
  const qualified = await hover(client, "3,8 tỷ USD");
  assert.ok(qualified.includes(expected.qualified), `${language} amount hover has ${JSON.stringify(expected.qualified)}:\n${qualified}`);
  assert.ok(!qualified.includes("more-than"), `the qualifier's label, not its code:\n${qualified}`);
  // The other language's words are not there.
  const other = EXPECTED[language === "en" ? "vi" : "en"];
  assert.ok(!person.includes(other.mentions) && !person.includes(other.office), `no ${language === "en" ? "vi" : "en"} words in the ${language} hover:\n${person}`);

  const debris = debrisIn(published);
  assert.ok(debris, `a duplicate-line diagnostic: ${JSON.stringify(published.diagnostics)}`);
  assert.equal(messageOf(debris), expected.debris);
  assert.equal(debris.relatedInformation?.[0]?.message, expected.related);
  assert.match(debris.codeDescription?.href ?? "", expected.rulesDoc);

  const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: debris.range, context: { diagnostics: [debris], only: ["quickfix"] } });
  assert.equal(actions[0]?.title, expected.quickFix, JSON.stringify(actions.map((a) => a.title)));

  const lenses = await client.connection.sendRequest<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
  assert.ok(lenses.some((lens) => lens.command?.title === expected.lens), JSON.stringify(lenses.map((lens) => lens.command?.title)));
}

for (const [locale, language] of [["vi", "vi"], ["vi-VN", "vi"], ["en", "en"], ["en-US", "en"]] as const) {
  test(`l10n: initialize with locale ${locale}: the hover, the debris diagnostic, its quick fix and the CodeLens in ${language === "vi" ? "Vietnamese" : "English"}`, async () => {
    const client = await startClient({ locale });
    try {
      await assertSaid(client, await open(client), language);
    } finally {
      await client.stop();
    }
  });
}

test("l10n: locale en, initializationOptions.language vi (Neovim's init_options): Vietnamese", async () => {
  const client = await startClient({ locale: "en", initializationOptions: { language: "vi" } });
  try {
    await assertSaid(client, await open(client), "vi");
  } finally {
    await client.stop();
  }
});

test("l10n: locale en, articleAnnotator.language vi in the configuration: Vietnamese from the first publish", async () => {
  const client = await startClient({ locale: "en", settings: { language: "vi" } });
  try {
    await assertSaid(client, await open(client), "vi");
    // A setting in the configuration wins over the initialization options too.
    const other = await startClient({ locale: "vi", initializationOptions: { language: "vi" }, settings: { language: "en" } });
    try {
      await assertSaid(other, await open(other), "en");
    } finally {
      await other.stop();
    }
  } finally {
    await client.stop();
  }
});

test("l10n: workspace/didChangeConfiguration switches the language live: diagnostics republished, the next hover in the new language", async () => {
  const client = await startClient({ locale: "vi" });
  try {
    await assertSaid(client, await open(client), "vi");
    // Pulled: the client says settings changed, the server asks for them.
    client.settings = { language: "en" };
    client.diagnostics.delete(uri);
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const english = await client.waitForDiagnostics(uri, (params) => debrisIn(params) !== undefined && messageOf(debrisIn(params)!) === EXPECTED.en.debris);
    await assertSaid(client, english, "en");
    // Pushed: the settings come with the notification.
    client.diagnostics.delete(uri);
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { articleAnnotator: { language: "vi" } } });
    const vietnamese = await client.waitForDiagnostics(uri, (params) => debrisIn(params) !== undefined && messageOf(debrisIn(params)!) === EXPECTED.vi.debris);
    await assertSaid(client, vietnamese, "vi");
    // "auto" follows the locale again.
    client.settings = { language: "auto" };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await assertSaid(client, await client.waitForDiagnostics(uri, (params) => debrisIn(params) !== undefined), "vi");
  } finally {
    await client.stop();
  }
});

test("l10n: a bad articleAnnotator.language is the default (the locale's language), with one warning in that language", async () => {
  const client = await startClient({ locale: "vi", settings: { language: "fr" } });
  try {
    await assertSaid(client, await open(client), "vi");
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.waitForDiagnostics(uri, (params) => debrisIn(params) !== undefined);
    await hover(client, "Lương Văn Đạt");
    const warnings = client.messages.filter((m) => m.message.includes("articleAnnotator.language"));
    assert.equal(warnings.length, 1, JSON.stringify(client.messages));
    assert.equal(warnings[0]!.type, 2, "a warning");
    assert.match(warnings[0]!.message, /^Article Annotator: articleAnnotator\.language phải là một trong "auto", "en", "vi", không phải "fr"\./);
    // The settings' own check does not tell it a second time (the language is checked on its own).
    assert.ok(!client.messages.some((m) => m !== warnings[0] && /language/.test(m.message)), JSON.stringify(client.messages));
  } finally {
    await client.stop();
  }
});

test("l10n: a bad value set while another language was in use is told in the language it leads to (locale vi, setting en, then fr)", async () => {
  const client = await startClient({ locale: "vi", settings: { language: "en" } });
  try {
    await assertSaid(client, await open(client), "en");
    client.settings = { language: "fr" };
    client.diagnostics.delete(uri);
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.waitForDiagnostics(uri, (params) => debrisIn(params) !== undefined && messageOf(debrisIn(params)!) === EXPECTED.vi.debris);
    const warnings = client.messages.filter((m) => m.message.includes("articleAnnotator.language"));
    assert.equal(warnings.length, 1, JSON.stringify(client.messages));
    assert.match(warnings[0]!.message, /phải là một trong "auto", "en", "vi", không phải "fr"/);
  } finally {
    await client.stop();
  }
});

test("l10n: a bad initializationOptions.language is the default too, with one warning", async () => {
  const client = await startClient({ locale: "en", initializationOptions: { language: 7 } });
  try {
    await assertSaid(client, await open(client), "en");
    const warnings = client.messages.filter((m) => m.message.includes("initializationOptions.language"));
    assert.equal(warnings.length, 1, JSON.stringify(client.messages));
    assert.match(warnings[0]!.message, /must be one of "auto", "en", "vi", not 7\. The default/);
  } finally {
    await client.stop();
  }
});

test("l10n: the knowledge base's card and its title check in Vietnamese: offices by their labels, the term, the source", async () => {
  const text = "Hà Nội, ngày 12/9/2023\nThủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Phạm Bình Minh tại Hà Nội.\n";
  const kbUri = "file:///l10n-test/kb.txt";
  const client = await startClient({ locale: "vi" });
  try {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: kbUri, languageId: "plaintext", version: 1, text } });
    const published = await client.waitForDiagnostics(kbUri);
    const at = text.indexOf("Phạm Minh Chính") + 1;
    const result = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: kbUri }, position: { line: 1, character: at - text.indexOf("\n") - 1 } });
    const card = result && typeof result.contents === "object" && "value" in result.contents ? result.contents.value : "";
    assert.match(card, /\*\*Cơ sở tri thức\*\* · \[Phạm Minh Chính\]\(https:/);
    assert.match(card, /ngày 2023-09-12: Thủ tướng/);
    assert.match(card, /Thủ tướng: từ 2021-04-05 \(\[nguồn\]\(https:/);
    assert.ok(!/Knowledge base|since|source\]/.test(card), card);
    // The title the knowledge base disagrees with: its source said in Vietnamese.
    const title = published.diagnostics.find((d) => d.code === "kb-title");
    assert.ok(title, JSON.stringify(published.diagnostics));
    assert.match(messageOf(title), / Nguồn: https:\/\//);
  } finally {
    await client.stop();
  }
});
