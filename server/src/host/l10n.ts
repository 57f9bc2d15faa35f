/**
 * The language of what a person reads: English or Vietnamese, for every front door. Messages are
 * said through `@vscode/l10n` (`l10n.t(English template, ...args)`), whose catalogue for the
 * language in use is loaded here from `l10n/bundle.l10n.<language>.json` (English needs none: the
 * template is the English text). The same files are VS Code's `vscode.l10n` bundles (package.json
 * `"l10n": "./l10n"`), so the client, the server and the CLI say one thing one way.
 *
 * Which language: a setting or flag (`articleAnnotator.language`, `--lang`) when it names one, else
 * the editor's locale (LSP `initialize`'s `locale`, BCP 47 "vi", "vi-VN") or the environment's
 * (POSIX `LC_ALL`, then `LC_MESSAGES`, then `LANG`: "vi_VN.UTF-8"); English when none says
 * Vietnamese.
 */
import * as l10n from "@vscode/l10n";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { MessageTemplate } from "../engine";

/** The languages the interface speaks (ISO 639-1). */
export const LANGUAGES = ["en", "vi"] as const;
export type Language = (typeof LANGUAGES)[number];
/** What a person may choose: a language, or `auto` (follow the editor or the environment). */
export type LanguageSetting = "auto" | Language;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ["auto", ...LANGUAGES];

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return typeof value === "string" && (LANGUAGE_SETTINGS as readonly string[]).includes(value);
}

/**
 * The language a locale names: BCP 47 ("vi", "vi-VN", "en-US") or POSIX ("vi_VN.UTF-8",
 * "vi_VN@euro"); any case. `undefined` for no locale, "C" or "POSIX"; English for any other
 * language (the interface has no third one).
 */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const tag = locale.trim().toLowerCase().split(/[-_.@]/)[0];
  if (!tag || tag === "c" || tag === "posix") return undefined;
  return tag === "vi" ? "vi" : "en";
}

/** `setting` when it names a language, else the locale's, else English. */
export function chooseLanguage(setting: LanguageSetting | undefined, locale: string | undefined): Language {
  if (setting && setting !== "auto") return setting;
  return languageOfLocale(locale) ?? "en";
}

/** The environment's locale for messages, by POSIX precedence: `LC_ALL`, `LC_MESSAGES`, `LANG` (the first set and not empty). */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return value;
  }
  return undefined;
}

/**
 * The folder of the catalogues: `l10n/` beside `dist/` in a bundle (dist/server.js, dist/cli.js,
 * the .vsix), or at the repository's root from the compiled tests (build/server/src/host/).
 */
export function catalogueFolder(): string | undefined {
  return [join(__dirname, "..", "l10n"), join(__dirname, "..", "..", "..", "..", "l10n")].find((folder) => existsSync(join(folder, "bundle.l10n.json")));
}

let current: Language = "en";

/**
 * Says everything from now on in `language`: loads its catalogue into @vscode/l10n (a missing or
 * unreadable catalogue leaves English, the templates themselves, and returns false).
 */
export function useLanguage(language: Language): boolean {
  current = language;
  if (language === "en") {
    l10n.config({ contents: {} });
    return true;
  }
  const folder = catalogueFolder();
  if (!folder) return useEnglishInstead();
  try {
    l10n.config({ fsPath: join(folder, `bundle.l10n.${language}.json`) });
    return true;
  } catch {
    return useEnglishInstead();
  }
}

/** English after a catalogue could not be loaded. */
function useEnglishInstead(): false {
  current = "en";
  l10n.config({ contents: {} });
  return false;
}

/** The language in use (`useLanguage`). */
export function currentLanguage(): Language {
  return current;
}

/** The locale whose conventions write numbers in `language`: Vietnamese groups thousands with "." and marks decimals with ",". */
function numberLocale(language: Language): string {
  return language === "vi" ? "vi-VN" : "en-US";
}

/**
 * A number as the language in use writes it, with at most 3 decimals: "2,500,000" and "0.001" in
 * English, "2.500.000" and "0,001" in Vietnamese (where "1,000" would read as one and "3.8" as
 * thirty-eight hundred). For messages people read; records and JSON keep plain numbers.
 */
export function formatNumber(value: number): string {
  return value.toLocaleString(numberLocale(current));
}

/**
 * A number with exactly `fractionDigits` decimals (0 to 20), rounded, as the language in use
 * writes it: `formatDecimal(0.9716, 3)` is "0.972" in English, "0,972" in Vietnamese;
 * `formatDecimal(1536.04, 1)` is "1,536.0" or "1.536,0".
 */
export function formatDecimal(value: number, fractionDigits: number): string {
  return value.toLocaleString(numberLocale(current), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/**
 * An engine message in the language in use: English is the engine's own text (what records keep,
 * its quotes already shortened); another language fills the template's translation with the same
 * arguments. A message without a template (a user rule's own words) is shown as written.
 */
export function localize(said: { message: string; template?: MessageTemplate }): string {
  if (current === "en" || !said.template) return said.message;
  return l10n.t(said.template.message, ...said.template.args);
}
