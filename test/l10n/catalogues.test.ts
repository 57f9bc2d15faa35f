/**
 * The catalogues (issue 18): every message the sources say through l10n.t is in the English bundle
 * and translated in the Vietnamese one, with the same placeholders (scripts/l10n.mjs --check); and
 * the lint rule that keeps English prose out of the front doors and the host layer fails on a
 * literal and passes its translation (eslint.config.mjs, eslint-plugin-i18next's no-literal-string).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import { temporaryFolders } from "../helpers/temporary";

const temporaryFolder = temporaryFolders();

const root = join(__dirname, "..", "..", "..");
const script = join(root, "scripts", "l10n.mjs");

function check(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, "--check", ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test("the catalogues are complete: every l10n.t message in English and in Vietnamese, placeholders alike, package.nls alike", () => {
  const { status, output } = check();
  assert.equal(status, 0, output);
  assert.match(output, /vi complete/);
});

test("a Vietnamese catalogue without a message, or with a placeholder changed, fails the check and names the message", () => {
  const folder = temporaryFolder("l10n-check-");
  cpSync(join(root, "l10n"), folder, { recursive: true });
  const vi = JSON.parse(readFileSync(join(folder, "bundle.l10n.vi.json"), "utf8")) as Record<string, string>;
  delete vi["1 person"];
  vi["{0} people"] = "{1} người";
  writeFileSync(join(folder, "bundle.l10n.vi.json"), JSON.stringify(vi, null, 2));
  const { status, output } = check("--catalogues", folder);
  assert.equal(status, 1);
  assert.match(output, /no translation of "1 person"/);
  assert.match(output, /the placeholders of "\{0\} people" differ/);
});

async function lintRule(code: string, filePath: string): Promise<string[]> {
  const configs = ((await import(pathToFileURL(join(root, "eslint.config.mjs")).href)) as { default: Linter.Config[] }).default;
  const rule = configs.filter((config) => config.plugins && "i18next" in config.plugins);
  assert.equal(rule.length, 1, "eslint.config.mjs has one block with the i18next rule");
  const { parser } = (await import("typescript-eslint")).default;
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser } }, ...rule] });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test("the lint rule: an English sentence in a front door is an error; the same through l10n.t, a code or a log line is not", async () => {
  const literal = await lintRule(`export const title = "Remove the repeated line";\n`, "server/src/lsp/probe.ts");
  assert.equal(literal.length, 1, literal.join("\n"));
  assert.match(literal[0]!, /i18next\/no-literal-string/);
  assert.equal((await lintRule(`const title = "Remove the repeated line";\nexport default title;\n`, "server/src/cli/probe.ts")).length, 1);
  assert.equal((await lintRule(`const title = "Remove the repeated line";\nexport default title;\n`, "client/src/probe.ts")).length, 1);
  const allowed = [
    `import * as l10n from "@vscode/l10n";\nexport const title = l10n.t("Remove the repeated line");\n`,
    `export const code = "related-links";\n`,
    `declare const connection: { console: { warn(m: string): void } };\nconnection.console.warn("indexing stopped: not enough memory");\n`,
  ];
  for (const code of allowed) assert.deepEqual(await lintRule(code, "server/src/lsp/probe.ts"), [], code);
  // The engine is language-free: its messages are marked by its own l10n.t, and not linted here.
  assert.deepEqual(await lintRule(`export const m = "Repeats the line above";\n`, "server/src/engine/probe.ts"), []);
});
