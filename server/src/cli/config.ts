/**
 * The CLI's settings file: `--config FILE`, else `.article-annotator.json` in the current folder.
 * The keys are the editor's `articleAnnotator.*` settings without the prefix, checked by the same
 * code (host/settings.ts):
 *   { "rules": { "spam": "off", "run-together": "hint" },
 *     "customRules": [{ "id": "acme-footer", "pattern": "^Acme News ©", "message": "Acme's footer" }],
 *     "analysisDeadline": 10, "recordsFolder": "records", "language": "vi" }
 */
import * as l10n from "@vscode/l10n";
import { existsSync, readFileSync } from "node:fs";
import { resolveSettings, type ResolvedSettings } from "../host/settings";

export const DEFAULT_CONFIG = ".article-annotator.json";

export class ConfigProblem extends Error {}

/**
 * The JSON value of a settings file's text (a UTF-8 byte order mark before it is allowed). Throws
 * SyntaxError when the text is not JSON. The one reading of the file's format: loadConfig, and the
 * language chosen before the arguments are read (cli/language.ts).
 */
export function parseSettingsText(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ""));
}

/**
 * Reads and checks the settings; `warn` receives non-fatal remarks (an unknown key or rule id).
 * Throws ConfigProblem, with the file's name and every reason, when the file is missing, not a JSON
 * object, or holds a bad value (unlike the editor, which falls back to the default: a batch run
 * should not quietly run with settings other than the ones written).
 */
export function loadConfig(path: string | undefined, warn: (message: string) => void): ResolvedSettings {
  const file = path ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  if (!file) return resolveSettings({}).settings;
  let raw: unknown;
  try {
    raw = parseSettingsText(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? l10n.t("no such file") : error instanceof Error ? error.message : String(error);
    throw new ConfigProblem(l10n.t("{0}: cannot read the settings: {1}", file, reason));
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigProblem(l10n.t("{0}: the settings must be a JSON object", file));
  const { settings, problems } = resolveSettings(raw);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new ConfigProblem(errors.map((p) => `${file}: ${p.message}`).join("\n"));
  for (const problem of problems) warn(`${file}: ${problem.message}`);
  return settings;
}
