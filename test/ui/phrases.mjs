// What the extension says, in the language of an end-to-end run, read from the catalogues it ships
// (l10n/bundle.l10n.<language>.json, l10n/labels.<language>.json) and the engine's country data,
// so a check expects the texts a person reads without keeping a second copy of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const readJson = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The phrasebook of `language` ("en" or "vi"). */
export function phrasebook(language) {
  const bundle = language === "en" ? {} : readJson(`l10n/bundle.l10n.${language}.json`);
  const labels = readJson(`l10n/labels.${language}.json`);
  const countries = readJson("server/src/engine/data/countries.json");
  const said = (key) => {
    const value = bundle[key] ?? key;
    return typeof value === "string" ? value : value.message;
  };
  return {
    language,
    /** The template `key` in the language, its placeholders filled in order ({0} or {name}). */
    t(key, ...args) {
      let k = 0;
      return said(key).replace(/\{(\w+)\}/g, (whole, name) => String(/^\d+$/.test(name) ? args[Number(name)] : args[k++] ?? whole));
    },
    /** A regular expression's source matching any of the templates, each placeholder a number `(\d+)`. */
    pattern(...keys) {
      return `(?:${keys.map((key) => said(key).split(/\{\w+\}/).map(escapeRe).join("(\\d+)")).join("|")})`;
    },
    /** The label of a role code ("prime-minister"). */
    role: (code) => labels.roles[code] ?? code,
    /** A country's name as the hover shows it (ISO 3166-1 alpha-2). */
    country(code) {
      const entry = countries.find((c) => c.code === code);
      return language === "vi" ? entry.vi[0] : entry.en;
    },
  };
}
