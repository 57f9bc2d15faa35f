/**
 * The CLI's settings file: `--config FILE`, else `.article-annotator.json` in the current folder.
 *   { "rules": { "spam": "off", "run-together": "hint" },
 *     "customRules": [{ "id": "acme-footer", "pattern": "^Acme News ©", "message": "Acme's footer" }] }
 */
import { existsSync, readFileSync } from "node:fs";
import { boilerplateRules, compileCustomRules, type AnalyzeOptions, type RuleSettings } from "../engine";

export const DEFAULT_CONFIG = ".article-annotator.json";
const SETTINGS = new Set(["off", "error", "warning", "information", "hint"]);

export class ConfigProblem extends Error {}

/** Reads and checks the settings; `warn` receives non-fatal remarks (an unknown rule id). */
export function loadConfig(path: string | undefined, warn: (message: string) => void): AnalyzeOptions {
  const file = path ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  if (!file) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new ConfigProblem(`${file}: cannot read the settings: ${reason}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigProblem(`${file}: the settings must be a JSON object`);
  const { rules, customRules, ...rest } = raw as Record<string, unknown>;
  for (const key of Object.keys(rest)) warn(`${file}: unknown setting "${key}" ignored (known: rules, customRules)`);
  const options: AnalyzeOptions = {};
  const compiled = compileCustomRules(customRules);
  if (compiled.errors.length > 0) throw new ConfigProblem(compiled.errors.map((e) => `${file}: ${e}`).join("\n"));
  if (compiled.rules.length > 0) options.customRules = compiled.rules;
  if (rules !== undefined) {
    if (typeof rules !== "object" || rules === null || Array.isArray(rules)) throw new ConfigProblem(`${file}: "rules" must map rule ids to off, error, warning, information or hint`);
    const known = new Set([...boilerplateRules, ...compiled.rules].map((r) => r.id));
    const settings: Record<string, string> = {};
    for (const [id, value] of Object.entries(rules)) {
      if (typeof value !== "string" || !SETTINGS.has(value)) throw new ConfigProblem(`${file}: rules.${id} must be off, error, warning, information or hint`);
      if (!known.has(id)) warn(`${file}: unknown rule "${id}" (known: ${[...known].join(", ")})`);
      settings[id] = value;
    }
    options.rules = settings as RuleSettings;
  }
  return options;
}
