// The catalogues of what a person reads (l10n/, @vscode/l10n's bundle format).
//
//   node scripts/l10n.mjs           writes l10n/bundle.l10n.json: every `l10n.t(...)` template of the
//                                   client, the server, the CLI and the engine, collected by
//                                   @vscode/l10n-dev (keys sorted; the English text is the key)
//   node scripts/l10n.mjs --check [--catalogues DIR]
//                                   exits 1, saying why, when l10n/bundle.l10n.json is not what the
//                                   sources say, when a language's catalogue (bundle.l10n.vi.json)
//                                   lacks a key or has one no source uses, when a translation's
//                                   placeholders ({0}, {name}) differ from its template's, or when
//                                   package.nls.<language>.json and package.nls.json (the manifest's
//                                   %keys%) disagree
//
// The engine marks its messages with its own `l10n.t` (server/src/engine/l10n.ts), of the same name
// and call shape; the extractor recognises a call by the import of "@vscode/l10n", so an engine
// file is handed to it with that import line before its text (the file itself is not changed).
import { getL10nJson } from "@vscode/l10n-dev";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const catalogues = process.argv.indexOf("--catalogues");
const folder = catalogues > 0 ? process.argv[catalogues + 1] : join(root, "l10n");
const english = join(folder, "bundle.l10n.json");
const LANGUAGES = ["vi"];
const check = process.argv.includes("--check");

const sources = ["client/src", "server/src"]
  .flatMap((dir) => readdirSync(join(root, dir), { recursive: true }).map((file) => join(dir, String(file))))
  .filter((file) => file.endsWith(".ts"))
  .sort();
const files = sources.map((file) => {
  const contents = readFileSync(join(root, file), "utf8");
  const marked = file.startsWith("server/src/engine/") ? `import * as l10n from "@vscode/l10n";\n${contents}` : contents;
  return { extension: ".ts", contents: marked };
});
const found = await getL10nJson(files);
const sorted = Object.fromEntries(Object.keys(found).sort().map((key) => [key, found[key]]));
const text = `${JSON.stringify(sorted, null, 2)}\n`;

if (!check) {
  writeFileSync(english, text);
  console.log(`l10n: ${Object.keys(sorted).length} messages in ${english}`);
  process.exit(0);
}

const problems = [];
const read = (path) => {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push(`${path}: ${error.message}`);
    return {};
  }
};
if (readFileSync(english, "utf8") !== text) problems.push(`${english} is not what the sources say: run node scripts/l10n.mjs`);
const placeholders = (message) => [...String(message).matchAll(/\{([^{}\s]+)\}/g)].map((m) => m[1]).sort().join(",");
const translated = (value) => (typeof value === "string" ? value : value?.message);
const compare = (name, base, other) => {
  for (const key of Object.keys(base)) {
    if (!(key in other)) problems.push(`${name}: no translation of ${JSON.stringify(key)}`);
    else if (typeof translated(other[key]) !== "string" || translated(other[key]).trim() === "") problems.push(`${name}: empty translation of ${JSON.stringify(key)}`);
    else if (placeholders(translated(base[key])) !== placeholders(translated(other[key]))) problems.push(`${name}: the placeholders of ${JSON.stringify(key)} differ (${placeholders(translated(base[key]))} / ${placeholders(translated(other[key]))})`);
  }
  for (const key of Object.keys(other)) if (!(key in base)) problems.push(`${name}: ${JSON.stringify(key)} is not used`);
};
for (const language of LANGUAGES) compare(`l10n/bundle.l10n.${language}.json`, sorted, read(join(folder, `bundle.l10n.${language}.json`)));

const nls = read(join(root, "package.nls.json"));
const manifest = readFileSync(join(root, "package.json"), "utf8");
for (const [, key] of manifest.matchAll(/"%([^%"]+)%"/g)) if (!(key in nls)) problems.push(`package.nls.json: no ${key} (package.json uses %${key}%)`);
for (const language of LANGUAGES) compare(`package.nls.${language}.json`, nls, read(join(root, `package.nls.${language}.json`)));

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`l10n: ${Object.keys(sorted).length} messages; ${LANGUAGES.join(", ")} complete; package.nls complete`);
