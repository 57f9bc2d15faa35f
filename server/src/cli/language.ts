/**
 * The CLI's language, chosen before anything is said (help and argument errors too): `--lang
 * vi|en|auto` (`--lang=vi`; any command), else the settings file's `"language"` (`--config FILE`,
 * else `.article-annotator.json`), else the environment (POSIX `LC_ALL`, `LC_MESSAGES`, `LANG`:
 * host/l10n's `environmentLocale`), else English. `auto`, from the flag or the file, means the
 * environment's. The settings file is only peeked at here (a file that cannot be read or holds no
 * valid "language" says nothing); its full check is `loadConfig`'s, in the language chosen.
 */
import { existsSync, readFileSync } from "node:fs";
import { chooseLanguage, environmentLocale, isLanguageSetting, type Language, type LanguageSetting } from "../host/l10n";
import { DEFAULT_CONFIG, parseSettingsText } from "./config";

/** The language, and the `--lang` value when it names none (the caller reports it, in `language`). */
export interface CliLanguage {
  language: Language;
  badFlag?: string;
}

/**
 * The language for `argv` (the arguments after the script) in environment `env`; `readSettings`
 * returns a settings file's text, or undefined when it cannot be read (injectable for tests).
 */
export function cliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv, readSettings: (path: string) => string | undefined = readIfPresent): CliLanguage {
  const flag = lastValue(argv, "--lang");
  const locale = environmentLocale(env);
  const fromFile = (): LanguageSetting | undefined => {
    const config = lastValue(argv, "--config");
    const text = readSettings(config ?? DEFAULT_CONFIG);
    if (text === undefined) return undefined;
    try {
      const language = (parseSettingsText(text) as { language?: unknown } | null)?.language;
      return isLanguageSetting(language) ? language : undefined;
    } catch {
      return undefined;
    }
  };
  if (flag !== undefined && isLanguageSetting(flag)) return { language: chooseLanguage(flag, locale) };
  const language = chooseLanguage(fromFile(), locale);
  return flag === undefined ? { language } : { language, badFlag: flag };
}

/** The value of the last `name VALUE` or `name=VALUE` in `argv` before "--"; undefined when absent (or given no value). */
export function lastValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg === name) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        i++;
      }
    } else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  }
  return value;
}

function readIfPresent(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}
