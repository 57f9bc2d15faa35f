/**
 * The server's settings (`articleAnnotator.*`): one typed object with its defaults in one place,
 * pulled per document through `workspace/configuration` when the client offers it, cached, and
 * forgotten when the client says they changed. Bad values fall back to the defaults, with a log line.
 */
import type { Connection } from "vscode-languageserver";
import { compileCustomRules, type BoilerplateRule, type CustomRuleDefinition, type RuleSettings } from "../engine";
import { DEFAULT_DEADLINE_SECONDS, isDeadline } from "../host/analysisPool";

export interface Settings {
  /** Glob patterns of the files treated as articles. */
  files: string[];
  /** Largest document analyzed, in characters. */
  maxFileSize: number;
  /** Per rule: "off" or a severity. */
  rules: RuleSettings;
  /** User rules (patterns for an outlet's footer…). */
  customRules: CustomRuleDefinition[];
  /** Where records go: "" beside the article, else a folder relative to the workspace folder. */
  recordsFolder: string;
  /** Seconds an analysis may run before it is stopped (> 0). */
  analysisDeadline: number;
}

export const DEFAULT_SETTINGS: Settings = {
  files: ["**/*.txt"],
  maxFileSize: 2_000_000,
  rules: {},
  customRules: [],
  recordsFolder: "",
  analysisDeadline: DEFAULT_DEADLINE_SECONDS,
};

const SEVERITIES = new Set(["off", "error", "warning", "information", "hint"]);

/** Settings with their compiled user rules. */
export interface ResolvedSettings extends Settings {
  compiledRules: BoilerplateRule[];
  /** Problems found in the settings, for a message to the user. */
  problems: string[];
}

export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const files = Array.isArray(value.files) && value.files.every((f) => typeof f === "string") ? (value.files) : DEFAULT_SETTINGS.files;
  if (value.files !== undefined && files === DEFAULT_SETTINGS.files) problems.push("articleAnnotator.files must be a list of glob patterns");
  const maxFileSize = typeof value.maxFileSize === "number" && value.maxFileSize > 0 ? value.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  if (value.maxFileSize !== undefined && maxFileSize !== value.maxFileSize) problems.push("articleAnnotator.maxFileSize must be a positive number");
  const rules: Record<string, string> = {};
  if (typeof value.rules === "object" && value.rules !== null && !Array.isArray(value.rules)) {
    for (const [id, setting] of Object.entries(value.rules)) {
      if (typeof setting === "string" && SEVERITIES.has(setting)) rules[id] = setting;
      else problems.push(`articleAnnotator.rules.${id} must be off, error, warning, information or hint`);
    }
  }
  const compiled = compileCustomRules(value.customRules ?? []);
  problems.push(...compiled.errors.map((e) => `articleAnnotator.${e}`));
  const recordsFolder = typeof value.recordsFolder === "string" ? value.recordsFolder : DEFAULT_SETTINGS.recordsFolder;
  const deadline = value.analysisDeadline;
  const analysisDeadline = isDeadline(deadline) ? deadline : DEFAULT_SETTINGS.analysisDeadline;
  if (deadline !== undefined && analysisDeadline !== deadline) problems.push("articleAnnotator.analysisDeadline must be a positive number of seconds");
  return {
    files,
    maxFileSize,
    rules: rules as RuleSettings,
    customRules: Array.isArray(value.customRules) ? (value.customRules as CustomRuleDefinition[]) : [],
    recordsFolder,
    analysisDeadline,
    compiledRules: compiled.rules,
    problems,
  };
}

/** Settings per document, pulled from the client and cached until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private global: ResolvedSettings = resolveSettings({});
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullsConfiguration: boolean,
  ) {}

  get(uri: string): Promise<ResolvedSettings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: "articleAnnotator" })
        .then((raw) => this.report(resolveSettings(raw)))
        .catch(() => this.global);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Settings changed: forget the cache; `pushed` holds them when the client sends them along. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = typeof pushed === "object" && pushed !== null ? (pushed as Record<string, unknown>).articleAnnotator : undefined;
    if (section !== undefined) this.global = this.report(resolveSettings(section));
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private report(settings: ResolvedSettings): ResolvedSettings {
    for (const problem of settings.problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.connection.console.warn(`settings: ${problem} (the default is used)`);
      void this.connection.window.showWarningMessage(`Article Annotator: ${problem}. The default is used.`);
    }
    return settings;
  }
}
