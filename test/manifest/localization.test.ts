/**
 * The manifest and the rules' documentation in both languages (issue 18): what VS Code shows from
 * package.json (settings, commands, the Review view, semantic tokens, the workspace-trust notes) is
 * a `%key%` of package.nls.json with its Vietnamese in package.nls.vi.json; the setting
 * `articleAnnotator.language` is declared; docs/rules.vi.md has every anchor of docs/rules.md, the
 * addresses diagnostics link to (`rules.md#<rule-id>`, `rules.vi.md#<rule-id>`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { boilerplateRules } from "../../server/src/engine";
import { repoRoot } from "../helpers/paths";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const readJson = (file: string): Json => JSON.parse(readFileSync(join(repoRoot, file), "utf8")) as Json;
const manifest = readJson("package.json") as { [key: string]: Json };
const nls = readJson("package.nls.json") as Record<string, string>;
const nlsVi = readJson("package.nls.vi.json") as Record<string, string>;

/** The manifest fields VS Code shows to a person (VS Code's contribution points and `capabilities`). */
const SHOWN = new Set(["title", "category", "description", "markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "deprecationMessage", "markdownDeprecationMessage", "name", "contextualTitle", "contents", "label", "shortTitle"]);
/** A `%key%` placeholder, replaced by VS Code with the key's text in the display language. */
const PLACEHOLDER = /^%([^%\s]+)%$/;

/** Every string under a shown field of `value`, with its path ("contributes.commands[0].title"). */
function shownStrings(value: Json, path: string, shown = false): { path: string; text: string }[] {
  if (typeof value === "string") return shown ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, k) => shownStrings(item, `${path}[${k}]`, shown));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => {
      // Language aliases are names a person types ("News Article", "article"), not sentences.
      if (key === "aliases") return [];
      return shownStrings(item, `${path}.${key}`, SHOWN.has(key));
    });
  }
  return [];
}

const fields = [
  ...shownStrings(manifest.contributes!, "contributes"),
  ...shownStrings(manifest.capabilities!, "capabilities"),
  { path: "description", text: manifest.description as string },
];

test("manifest: every shown string of contributes and capabilities is a %key%, none a literal", () => {
  // Not vacuous: the walk reaches the command titles, the settings and the view.
  assert.ok(fields.length >= 45, `only ${fields.length} shown strings found`);
  for (const expected of ["contributes.commands[0].title", "contributes.commands[0].category", "contributes.configuration.title", "contributes.views.explorer[0].name", "contributes.viewsWelcome[0].contents"]) {
    assert.ok(fields.some((f) => f.path === expected), `${expected} is walked`);
  }
  assert.ok(fields.some((f) => f.path.startsWith("contributes.configuration.properties.articleAnnotator.files.") && f.path.endsWith("Description")));
  const literals = fields.filter((f) => !PLACEHOLDER.test(f.text));
  assert.deepEqual(literals, [], "literals left in package.json (move them to package.nls.json)");
});

test("manifest: every %key% has its English in package.nls.json and its Vietnamese in package.nls.vi.json, and no key is unused", () => {
  const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]!));
  for (const key of used) {
    assert.ok(typeof nls[key] === "string" && nls[key].trim() !== "", `package.nls.json: ${key}`);
    assert.ok(typeof nlsVi[key] === "string" && nlsVi[key].trim() !== "", `package.nls.vi.json: ${key}`);
  }
  assert.deepEqual(Object.keys(nls).sort(), [...used].sort(), "package.nls.json holds exactly the keys package.json uses");
  assert.deepEqual(Object.keys(nlsVi).sort(), Object.keys(nls).sort(), "package.nls.vi.json has package.nls.json's keys");
  // Code spans (setting names, rule ids, JSON) are the same in both languages.
  const spans = (text: string): string[] => [...text.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
  for (const key of Object.keys(nls)) assert.deepEqual(spans(nlsVi[key]!), spans(nls[key]!), `the code spans of ${key}`);
});

test("manifest: articleAnnotator.language (auto, vi, en; default auto) names what it sets, in both languages", () => {
  const configuration = (manifest.contributes as { configuration: { properties: Record<string, Record<string, Json>> } }).configuration;
  const setting = configuration.properties["articleAnnotator.language"];
  assert.ok(setting, "the setting is declared");
  assert.equal(setting.type, "string");
  assert.deepEqual(setting.enum, ["auto", "vi", "en"]);
  assert.equal(setting.default, "auto");
  assert.ok(setting.scope === "application" || setting.scope === "window", `scope ${JSON.stringify(setting.scope)}`);
  const descriptions = setting.enumDescriptions as string[];
  assert.equal(descriptions.length, 3);
  const english = descriptions.map((d) => nls[PLACEHOLDER.exec(d)![1]!]);
  assert.match(english[0]!, /display language/);
  assert.deepEqual(english.slice(1), ["Tiếng Việt", "English"]);
  const description = (setting.markdownDescription ?? setting.description) as string;
  const [, key] = PLACEHOLDER.exec(description)!;
  for (const part of [/hovers/, /diagnostics/, /code actions/, /CodeLens/, /Review view/, /messages/]) assert.match(nls[key!]!, part);
  assert.match(nlsVi[key!]!, /chẩn đoán/);
});

test("manifest: the vscode.l10n catalogues (l10n/) are declared and shipped with the Vietnamese manifest and rules", () => {
  assert.equal(manifest.l10n, "./l10n");
  assert.ok(existsSync(join(repoRoot, "l10n", "bundle.l10n.vi.json")));
  const shipped = readFileSync(join(repoRoot, ".vscodeignore"), "utf8").split(/\r?\n/);
  for (const line of ["!l10n/**", "!package.nls.json", "!package.nls.vi.json", "!docs/rules.md", "!docs/rules.vi.md"]) assert.ok(shipped.includes(line), `.vscodeignore: ${line}`);
});

/** The anchors of a Markdown file's `## ` headings as GitHub and VS Code make them (lower case, punctuation but "-" dropped, spaces to "-"). */
function anchors(file: string): string[] {
  return readFileSync(join(repoRoot, file), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.startsWith("## "))
    .map((line) => line.slice(3).trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-"));
}

test("docs: rules.vi.md has every anchor of rules.md, in the same order, and each links to the other", () => {
  const english = anchors("docs/rules.md");
  assert.deepEqual(anchors("docs/rules.vi.md"), english);
  // The anchors diagnostics link to: every debris rule, the encoding warning and the user's own rules.
  for (const id of [...boilerplateRules.map((rule) => rule.id), "encoding", "user-rules"]) assert.ok(english.includes(id), `rules.md#${id}`);
  assert.match(readFileSync(join(repoRoot, "docs", "rules.md"), "utf8"), /\]\(rules\.vi\.md\)/);
  assert.match(readFileSync(join(repoRoot, "docs", "rules.vi.md"), "utf8"), /\]\(rules\.md\)/);
});
