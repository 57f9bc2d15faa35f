/**
 * The language of what the client itself shows — pickers, input boxes, messages, the status bar, the
 * Review view — set by `articleAnnotator.language`, the setting the language server also reads:
 *
 * - `"auto"`: VS Code's display language. VS Code loads `l10n/bundle.l10n.<language>.json` (package.json's
 *   `"l10n": "./l10n"`) as `vscode.l10n.bundle`; a display language without a catalogue is English.
 * - `"vi"`: `l10n/bundle.l10n.vi.json`, whatever the display language.
 * - `"en"`: the templates themselves (the English text is the key).
 *
 * Strings are said with `@vscode/l10n`'s `l10n.t(...)`; `configureLanguage` (at activation and on a
 * change of the setting) decides which catalogue it reads. Entity types are named from the label
 * tables the server also reads (`l10n/labels.<language>.json`, section `entityTypes`), so a change of
 * language renames them at once, without the server's `initialize` reply.
 */
import * as l10n from "@vscode/l10n";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { env, l10n as vscodeL10n, workspace } from "vscode";

/** The languages with a catalogue. */
export type Language = "en" | "vi";

/** The product's name: a name, the same in every language. */
export const PRODUCT_NAME = "Article Annotator";

/** An entity type's name, singular and plural ("person", "people"). */
export interface TypeName {
  label: string;
  plural: string;
}

let names: Record<string, TypeName> = {};

/**
 * The language a locale (BCP 47: "vi", "vi-VN", "en-us", "zh-cn") asks for: Vietnamese for "vi" and
 * its regions, else English (the only other catalogue).
 */
export function languageOfLocale(locale: string): Language {
  return /^vi(?:[-_]|$)/i.test(locale) ? "vi" : "en";
}

/**
 * Reads `articleAnnotator.language` and points `l10n.t` at its catalogue; reads the entity types'
 * names of that language. `extensionPath`: the extension's folder (holding l10n/). Returns the
 * language chosen. A missing or malformed catalogue leaves the English text (never throws).
 */
export function configureLanguage(extensionPath: string): Language {
  const setting = workspace.getConfiguration("articleAnnotator").get<string>("language", "auto");
  const language: Language = setting === "vi" || setting === "en" ? setting : languageOfLocale(env.language);
  try {
    if (setting === "vi") l10n.config({ fsPath: join(extensionPath, "l10n", "bundle.l10n.vi.json") });
    else if (setting === "en") l10n.config({ contents: {} });
    else l10n.config({ contents: vscodeL10n.bundle ?? {} });
  } catch {
    l10n.config({ contents: {} });
  }
  names = readTypeNames(extensionPath, language);
  return language;
}

/** The `entityTypes` section of `l10n/labels.<language>.json`; empty when the file is missing or malformed. */
function readTypeNames(extensionPath: string, language: Language): Record<string, TypeName> {
  try {
    const table = JSON.parse(readFileSync(join(extensionPath, "l10n", `labels.${language}.json`), "utf8")) as { entityTypes?: Record<string, Partial<TypeName>> };
    const read: Record<string, TypeName> = {};
    for (const [type, entry] of Object.entries(table.entityTypes ?? {})) {
      if (typeof entry?.label === "string" && typeof entry.plural === "string") read[type] = { label: entry.label, plural: entry.plural };
    }
    return read;
  } catch {
    return {};
  }
}

/**
 * The name of entity type `type` in the language in use, from the label table; else `fallback` (the
 * server's, from `initialize`); else the type's code.
 */
export function typeName(type: string, fallback?: TypeName): TypeName {
  return names[type] ?? fallback ?? { label: type, plural: type };
}

/** `text` with its first letter in capitals ("people" → "People", "người" → "Người"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** `text` with its first letter in lower case when it starts a word ("Officials" → "officials"), not an acronym ("ASEAN"). */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return second !== "" && second === second.toLocaleLowerCase() && second !== second.toLocaleUpperCase() ? text.charAt(0).toLocaleLowerCase() + text.slice(1) : text;
}
