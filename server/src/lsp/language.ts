/**
 * The language the server speaks (host/l10n.ts): the setting `articleAnnotator.language` ("auto",
 * "vi" or "en") when it names a language, else the editor's locale (LSP 3.16 `initialize`'s
 * `locale`: "vi", "vi-VN", "en-US"), else English.
 *
 * The setting is window-wide, so it is read without a scopeUri: from `workspace/configuration`
 * after `initialized` and on every `workspace/didChangeConfiguration` (or from the settings the
 * client pushes with it), and from `initializationOptions.language` for clients that pass their
 * settings there (Neovim: `init_options = { language = "vi" }`). A value from the configuration
 * wins over one from the initialization options; a bad value is the default ("auto") with one
 * warning to the person.
 */
import * as l10n from "@vscode/l10n";
import { chooseLanguage, currentLanguage, isLanguageSetting, LANGUAGE_SETTINGS, useLanguage, type Language, type LanguageSetting } from "../host/l10n";

/** The setting's key under the `articleAnnotator` section. */
export const LANGUAGE_KEY = "language";

export class LanguageChoice {
  private locale: string | undefined;
  private fromOptions: LanguageSetting | undefined;
  private fromConfiguration: LanguageSetting | undefined;
  private readonly reported = new Set<string>();
  private readonly badValues: { name: string; shown: string }[] = [];

  /**
   * @param warn tells the person `message` (said in the language in use)
   * @param log writes a line of the server's log (English, for bug reports)
   */
  constructor(
    private readonly warn: (message: string) => void,
    private readonly log: (line: string) => void,
  ) {}

  /** At `initialize`: the editor's `locale` and the client's `initializationOptions`; the language now in use. */
  initialize(locale: string | undefined, initializationOptions: unknown): Language {
    this.locale = typeof locale === "string" ? locale : undefined;
    const options = typeof initializationOptions === "object" && initializationOptions !== null ? (initializationOptions as Record<string, unknown>) : {};
    // The language first, so that a warning about the value is said in it.
    this.apply();
    this.fromOptions = this.setting(options[LANGUAGE_KEY], "initializationOptions.language");
    this.apply();
    this.tellBadValues();
    return currentLanguage();
  }

  /**
   * The `articleAnnotator` section as the client gives it (pulled or pushed): its `language`, or
   * none when the section does not set it. True when the language in use changed.
   */
  configured(section: unknown): boolean {
    const value = typeof section === "object" && section !== null && !Array.isArray(section) ? (section as Record<string, unknown>)[LANGUAGE_KEY] : undefined;
    this.fromConfiguration = this.setting(value, `articleAnnotator.${LANGUAGE_KEY}`);
    const changed = this.apply();
    this.tellBadValues();
    return changed;
  }

  /** The setting `value` names; undefined when none is given; the default for a bad one, told once (after the language is chosen, in it: `tellBadValues`). */
  private setting(value: unknown, name: string): LanguageSetting | undefined {
    if (value === undefined || value === null) return undefined;
    if (isLanguageSetting(value)) return value;
    // JSON.stringify gives undefined only for a function or a symbol, which JSON settings never hold.
    const shown = JSON.stringify(value) ?? typeof value;
    if (!this.reported.has(`${name}=${shown}`)) {
      this.reported.add(`${name}=${shown}`);
      this.badValues.push({ name, shown });
    }
    return "auto";
  }

  /** Tells each bad value found since the last call, in the language now in use. */
  private tellBadValues(): void {
    const choices = LANGUAGE_SETTINGS.map((s) => `"${s}"`).join(", ");
    for (const { name, shown } of this.badValues.splice(0)) {
      this.log(`settings: ${name} must be one of ${choices}, not ${shown} (the default is used)`);
      this.warn(l10n.t("Article Annotator: {setting} must be one of {choices}, not {value}. The default (\"auto\": the editor's language) is used.", { setting: name, choices, value: shown }));
    }
  }

  /** Uses the language the settings and the locale choose; true when it changed. */
  private apply(): boolean {
    const language = chooseLanguage(this.fromConfiguration ?? this.fromOptions, this.locale);
    if (language === currentLanguage()) return false;
    useLanguage(language);
    return currentLanguage() === language;
  }
}
