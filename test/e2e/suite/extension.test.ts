/**
 * The extension end to end inside VS Code: activation on a .txt article, diagnostics, hover,
 * quick-fix, fix-all, the emit-record command. The workspace (made by scripts/test-vscode.mjs) holds
 * a copy of a sample article and a small article full of debris, both described in ../fixture.ts.
 * The tests run in order and build on each other (the quick-fix runs before fix-all on the same file).
 */
import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { DEBRIS_ARTICLE, SAMPLE, textOf, type FixtureLine } from "../fixture";
import { waitFor, type TestCase } from "./harness";

const EXTENSION_ID = "article-annotator.article-annotator";
const SOURCE = "article-annotator";
const FIX_ALL_KIND = "source.fixAll.articleAnnotator";
const COMMANDS = { emitRecord: "articleAnnotator.emitRecord", fixAll: "articleAnnotator.fixAll" };

export const tests: TestCase[] = [
  {
    name: "activates on a .txt article and publishes its diagnostics",
    timeoutMs: 120_000, // the first test pays for VS Code's and the server's start-up
    bail: true,
    run: async () => {
      const document = await open(SAMPLE.file);
      assert.ok(["plaintext", "article"].includes(document.languageId), `a .txt article opens as plaintext or article, not ${document.languageId}`);
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is not loaded (is --extensionDevelopmentPath the repository root?)`);
      await waitFor(`extension ${EXTENSION_ID} to activate`, () => (extension.isActive ? true : undefined));
      const diagnostics = await waitForDiagnostics(document.uri, "diagnostics on the sample", (d) => d.length > 0);
      const codes = new Set(diagnostics.map(codeOf));
      for (const rule of ["navigation", "related-links"]) assert.ok(codes.has(rule), `a "${rule}" diagnostic on ${SAMPLE.file}; got ${[...codes].join(", ")}`);
    },
  },
  {
    name: "flags each debris line of the fresh article, and nothing else",
    run: async () => {
      const document = await open(DEBRIS_ARTICLE.file);
      const lines = DEBRIS_ARTICLE.lines;
      const expected = new Set(lines.flatMap((l) => (l.debris ? [l.debris] : [])));
      const diagnostics = await waitForDiagnostics(document.uri, `diagnostics of every rule (${[...expected].join(", ")})`, (d) => sameSet(new Set(d.map(codeOf)), expected));
      for (const diagnostic of diagnostics) {
        const line = lines[diagnostic.range.start.line];
        assert.ok(line?.debris === codeOf(diagnostic), `"${codeOf(diagnostic)}" diagnostic on line ${diagnostic.range.start.line + 1} (${JSON.stringify(line?.text)}), which the fixture marks ${line?.debris ?? "as article"}`);
      }
    },
  },
  {
    name: "hover on a person's name shows a person card",
    run: async () => {
      const document = await open(SAMPLE.file);
      const offset = document.getText().indexOf(SAMPLE.person);
      assert.ok(offset >= 0, `${SAMPLE.file} names ${SAMPLE.person}`);
      const position = document.positionAt(offset + 1);
      let seen = "";
      const card = await waitFor(
        `a hover card on ${SAMPLE.person}`,
        async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, position);
          seen = hovers.map(hoverText).join("\n---\n");
          return seen.includes("person") ? seen : undefined;
        },
        { describe: () => JSON.stringify(seen) },
      );
      assert.ok(card.includes(`**Person** · ${SAMPLE.person}`), `the card names the person: ${card}`);
      assert.match(card, /minister/, "the card gives the person's role");
      assert.ok(card.includes(`(${SAMPLE.country})`), `the card gives the country (${SAMPLE.country}): ${card}`);
    },
  },
  {
    name: "a quick-fix on a debris diagnostic removes that debris",
    run: async () => {
      const document = await open(DEBRIS_ARTICLE.file);
      const rule = "image-placeholder";
      const [diagnostic] = await waitForDiagnostics(document.uri, `a "${rule}" diagnostic`, (d) => d.some((x) => codeOf(x) === rule), rule);
      assert.ok(diagnostic);
      const before = document.getText();
      assert.equal(before, textOf(DEBRIS_ARTICLE.lines), "the article is untouched before the quick-fix");

      const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && a.diagnostics?.some((d) => codeOf(d) === rule));
      assert.ok(fix, `a quick-fix for the "${rule}" diagnostic; got ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(fix.edit, `the quick-fix "${fix.title}" carries an edit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), "VS Code applied the quick-fix edit");

      const after = document.getText();
      assert.notEqual(after, before, "the quick-fix changed the text");
      assert.equal(after, textOf(DEBRIS_ARTICLE.lines.filter((l) => l.debris !== rule)), "the quick-fix removed exactly the image placeholder line");
      // The server re-analyzes the new version: that diagnostic is gone, the others stay.
      await waitForDiagnostics(document.uri, `the "${rule}" diagnostic to go away`, (d) => d.length > 0 && !d.some((x) => codeOf(x) === rule));
    },
  },
  {
    name: `fix-all (${FIX_ALL_KIND}) removes every debris line and keeps the article`,
    run: async () => {
      const document = await open(DEBRIS_ARTICLE.file);
      await waitForDiagnostics(document.uri, "debris diagnostics left to fix", (d) => d.length > 0);
      const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
      const actions = await codeActions(document.uri, whole, FIX_ALL_KIND);
      const fixAll = actions.find((a) => a.kind?.value === FIX_ALL_KIND);
      assert.ok(fixAll, `a ${FIX_ALL_KIND} action; got ${JSON.stringify(actions.map((a) => `${a.kind?.value}: ${a.title}`))}`);
      assert.ok(fixAll.edit, "the fix-all action carries an edit");
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit), "VS Code applied the fix-all edit");
      assert.equal(document.getText(), textOf(articleLines(DEBRIS_ARTICLE.lines)), "only the article lines are left");
      await waitForDiagnostics(document.uri, "no debris diagnostics after fix-all", (d) => d.length === 0);
    },
  },
  {
    name: "the emit command writes NAME.annotations.json beside the article",
    run: async () => {
      const document = await open(SAMPLE.file);
      const recordPath = path.join(path.dirname(document.uri.fsPath), SAMPLE.file.replace(/\.txt$/, "") + ".annotations.json");
      assert.ok(!existsSync(recordPath), `no record yet at ${recordPath} (the workspace is fresh)`);

      const result = await vscode.commands.executeCommand<unknown>(COMMANDS.emitRecord, document.uri.toString());
      assert.equal(typeof result, "string", `the command answers the record's uri; got ${JSON.stringify(result)}`);
      assert.equal(samePath(vscode.Uri.parse(result as string).fsPath), samePath(recordPath), "the record goes beside the article");
      await waitFor(`${path.basename(recordPath)} to exist on disk`, () => (existsSync(recordPath) ? true : undefined));

      // The record is written through a WorkspaceEdit: its text is in VS Code's document until saved.
      const record = await vscode.workspace.openTextDocument(vscode.Uri.file(recordPath));
      checkRecord(await waitFor("the record's JSON", () => parseJson(record.getText())), "in the editor");
      if (record.isDirty) assert.ok(await record.save(), "the record saves");
      checkRecord(parseJson(readFileSync(recordPath, "utf8")), "on disk");
    },
  },
  {
    name: `the ${COMMANDS.fixAll} command cleans the sample through the server`,
    run: async () => {
      const document = await open(SAMPLE.file);
      const before = document.getText();
      await waitForDiagnostics(document.uri, "debris diagnostics on the sample", (d) => d.length > 0);
      await vscode.commands.executeCommand(COMMANDS.fixAll, document.uri.toString());
      const after = await waitFor("the server's fix-all edit to land", () => (document.getText() !== before ? document.getText() : undefined));
      assert.ok(after.length < before.length, "fix-all only removes debris here");
      assert.ok(after.includes(SAMPLE.person), "the article text stays");
      await waitForDiagnostics(document.uri, "no debris diagnostics on the cleaned sample", (d) => d.length === 0);
    },
  },
];

/** Opens a file of the workspace in an editor (which activates the extension on a .txt file). */
async function open(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "VS Code was started on the test workspace folder");
  const uri = vscode.Uri.joinPath(folder.uri, name);
  assert.ok(existsSync(uri.fsPath), `the test workspace holds ${name}`);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until this server's diagnostics of `uri` satisfy `ready`; returns them (only those of `rule` when given). */
async function waitForDiagnostics(uri: vscode.Uri, what: string, ready: (diagnostics: vscode.Diagnostic[]) => boolean, rule?: string): Promise<vscode.Diagnostic[]> {
  const found = await waitFor(what, () => (ready(ours(uri)) ? ours(uri) : undefined), {
    describe: () => JSON.stringify(ours(uri).map((d) => `${d.range.start.line + 1}: ${codeOf(d)}`)),
  });
  return rule ? found.filter((d) => codeOf(d) === rule) : found;
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>("vscode.executeCodeActionProvider", uri, range, kind);
  return (items ?? []).filter((item): item is vscode.CodeAction => typeof item.command !== "string");
}

/** A diagnostic's rule id (the code, which may carry a link to the rule's documentation). */
function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" ? code.value : code);
}

function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === "string" ? c : c.value)).join("\n");
}

function articleLines(lines: readonly FixtureLine[]): FixtureLine[] {
  return lines.filter((l) => !l.debris);
}

/** A path in a form that compares equal to the same path (Windows: any drive letter case). */
function samePath(p: string): string {
  const normal = path.normalize(p);
  return process.platform === "win32" ? normal.toLowerCase() : normal;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function checkRecord(value: unknown, where: string): void {
  const record = value as { schemaVersion?: unknown; entities?: { type?: unknown; text?: unknown }[] } | undefined;
  assert.ok(record && typeof record === "object", `the record ${where} is a JSON object`);
  assert.equal(record.schemaVersion, 1, `the record ${where} has schemaVersion 1`);
  assert.ok(Array.isArray(record.entities), `the record ${where} lists entities`);
  assert.ok(
    record.entities.some((e) => e.type === "person" && e.text === SAMPLE.person),
    `the record ${where} has ${SAMPLE.person} as a person`,
  );
}
