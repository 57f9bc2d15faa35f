/**
 * The CLI's settings file: `--config FILE`, else `.article-annotator.json` in the current folder.
 *   { "rules": { "spam": "off", "run-together": "hint" },
 *     "customRules": [{ "id": "acme-footer", "pattern": "^Acme News ©", "message": "Acme's footer" }],
 *     "analysisDeadline": 10 }
 */
import { existsSync, readFileSync } from "node:fs";
import { boilerplateRules, compileCustomRules, type CustomRuleDefinition, type RuleSettings } from "../engine";
import { DEFAULT_DEADLINE_SECONDS, isDeadline } from "../host/analysisPool";

/** What an analysis runs with: plain data (checked here, compiled in the analysis worker). */
export interface AnalysisSettings {
  rules: RuleSettings;
  customRules: CustomRuleDefinition[];
  /** Seconds an analysis may take before it is stopped and its file reported as failed. */
  analysisDeadline: number;
}

export const DEFAULT_CONFIG = ".article-annotator.json";
const SETTINGS = new Set(["off", "error", "warning", "information", "hint"]);

export class ConfigProblem extends Error {}

/**
 * Reads and checks the settings; `warn` receives non-fatal remarks (an unknown rule id). Throws
 * ConfigProblem, with the file's name and the reason, when the file is missing, not a JSON object,
 * or holds a bad value.
 */
export function loadConfig(path: string | undefined, warn: (message: string) => void): AnalysisSettings {
  const file = path ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  const settings: AnalysisSettings = { rules: {}, customRules: [], analysisDeadline: DEFAULT_DEADLINE_SECONDS };
  if (!file) return settings;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new ConfigProblem(`${file}: cannot read the settings: ${reason}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigProblem(`${file}: the settings must be a JSON object`);
  const { rules, customRules, analysisDeadline, ...rest } = raw as Record<string, unknown>;
  for (const key of Object.keys(rest)) warn(`${file}: unknown setting "${key}" ignored (known: rules, customRules, analysisDeadline)`);
  const compiled = compileCustomRules(customRules);
  if (compiled.errors.length > 0) throw new ConfigProblem(compiled.errors.map((e) => `${file}: ${e}`).join("\n"));
  if (Array.isArray(customRules)) settings.customRules = customRules as CustomRuleDefinition[];
  if (analysisDeadline !== undefined) {
    if (!isDeadline(analysisDeadline)) throw new ConfigProblem(`${file}: "analysisDeadline" must be a positive number of seconds`);
    settings.analysisDeadline = analysisDeadline;
  }
  if (rules !== undefined) {
    if (typeof rules !== "object" || rules === null || Array.isArray(rules)) throw new ConfigProblem(`${file}: "rules" must map rule ids to off, error, warning, information or hint`);
    const known = new Set([...boilerplateRules, ...compiled.rules].map((r) => r.id));
    const severities: Record<string, string> = {};
    for (const [id, value] of Object.entries(rules)) {
      if (typeof value !== "string" || !SETTINGS.has(value)) throw new ConfigProblem(`${file}: rules.${id} must be off, error, warning, information or hint`);
      if (!known.has(id)) warn(`${file}: unknown rule "${id}" (known: ${[...known].join(", ")})`);
      severities[id] = value;
    }
    settings.rules = severities as RuleSettings;
  }
  return settings;
}
