/**
 * The settings, one typed object with one validation for every front door: the language server
 * (`articleAnnotator.*`, pulled through `workspace/configuration`), the index worker (as plain
 * data), the CLI's settings file (`--config`, `.article-annotator.json`, the same keys without the
 * prefix) and, as types, the VS Code client. The keys and defaults match `contributes.configuration`
 * in package.json.
 */
import * as l10n from "@vscode/l10n";
import { isBuiltInLabel } from "./interchange/labels";
import { userInfo } from "node:os";
import { boilerplateRules, compileCustomRules, type BoilerplateRule, type CustomRuleDefinition, type KnowledgeBaseData, type RuleSettings } from "../engine";
import { DEFAULT_DEADLINE_SECONDS, isDeadline } from "./analysisPool";
import { isLanguageSetting, localize, type LanguageSetting } from "./l10n";

export interface Settings {
  /** Glob patterns (minimatch, matched against the whole path; a pattern without "/" against the file name) of the files that are articles. */
  files: string[];
  /** Largest article analyzed, in characters (UTF-16 code units); a larger one is skipped with the reason. */
  maxFileSize: number;
  /** Per debris rule id: "off" or a severity. */
  rules: RuleSettings;
  /** User rules (an outlet's footer…), as written; compiled by `compileCustomRules`. */
  customRules: CustomRuleDefinition[];
  /** Where records go: "" beside the article, else a folder relative to the root (workspace folder, or the CLI's current folder). */
  recordsFolder: string;
  /** Seconds an analysis may run before it is stopped (> 0). */
  analysisDeadline: number;
  /** The name decisions are recorded under; "" for the OS user name (`annotatorName`). */
  annotator: string;
  /** A person's own labels to annotate with, beside the entity types (entity type `custom`). */
  labels: LabelDefinition[];
  /** Link people and forums to the knowledge base (`attributes.kb`) and check titles against it; detection never depends on it. */
  knowledgeBase: boolean;
  /** The language of what a person reads: "auto" follows the editor's locale (the CLI: `LC_ALL`, `LC_MESSAGES`, `LANG`); a flag (`--lang`) beats it. */
  language: LanguageSetting;
}

/** One of a person's labels: `id` is what records store (`attributes.label`), `name` what is shown, `color` a CSS hex color for VS Code. */
export interface LabelDefinition {
  id: string;
  name: string;
  color?: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  files: ["**/*.txt"],
  maxFileSize: 2_000_000,
  rules: {},
  customRules: [],
  recordsFolder: "",
  analysisDeadline: DEFAULT_DEADLINE_SECONDS,
  annotator: "",
  labels: [],
  knowledgeBase: true,
  language: "auto",
});

/** The keys a settings object may hold. */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Settings with their user rules compiled (RegExps stay in the thread that compiled them). */
export interface ResolvedSettings extends Settings {
  compiledRules: BoilerplateRule[];
  /**
   * The workspace's own knowledge base entries (`.article-annotator/kb.json`), layered over the
   * built-in ones; set by the front door that read the file, not a setting a person writes here.
   */
  knowledgeBaseLayers?: readonly KnowledgeBaseData[];
}

/**
 * A problem with one setting. `error`: the value is unusable and the default is used in its place
 * (the CLI stops on one); `warning`: an unknown key or rule id, ignored.
 */
export interface SettingsProblem {
  severity: "error" | "warning";
  /** The key as the user wrote it, prefixed the way the front door names it ("articleAnnotator.rules.spam", "rules.spam"). */
  key: string;
  message: string;
}

const SEVERITIES = new Set(["off", "error", "warning", "information", "hint"]);

/**
 * Checks raw settings (a JSON value) and returns usable ones: each bad value is replaced by its
 * default and reported. `prefix` names the keys in messages ("articleAnnotator." in an editor, ""
 * in the CLI's file). Never throws.
 */
export function resolveSettings(raw: unknown, prefix = ""): { settings: ResolvedSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  // `say` makes the whole sentence from the key as the front door names it, so a translation may place it anywhere.
  const error = (key: string, say: (name: string) => string): void => void problems.push({ severity: "error", key: prefix + key, message: say(prefix + key) });
  const warning = (key: string, message: string): void => void problems.push({ severity: "warning", key: prefix + key, message });
  if (raw !== undefined && raw !== null && (typeof raw !== "object" || Array.isArray(raw))) problems.push({ severity: "error", key: prefix, message: l10n.t("the settings must be a JSON object") });
  const value = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const key of Object.keys(value)) if (!(SETTING_KEYS as string[]).includes(key)) warning(key, l10n.t('unknown setting "{0}" ignored (known: {1})', prefix + key, SETTING_KEYS.join(", ")));

  let files = [...DEFAULT_SETTINGS.files];
  if (value.files !== undefined) {
    if (Array.isArray(value.files) && value.files.every((f) => typeof f === "string" && f.trim() !== "")) files = value.files as string[];
    else error("files", (name) => l10n.t("{0} must be a list of glob patterns", name));
  }
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  if (value.maxFileSize !== undefined) {
    if (typeof value.maxFileSize === "number" && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0) maxFileSize = value.maxFileSize;
    else error("maxFileSize", (name) => l10n.t("{0} must be a positive number of characters", name));
  }
  const compiled = compileCustomRules(value.customRules ?? []);
  // Each problem's text starts with the setting's own name ("customRules[0].id must be …"): the prefix makes it the full key.
  for (const problem of compiled.problems) problems.push({ severity: "error", key: `${prefix}customRules`, message: prefix + localize(problem) });
  // The good definitions are kept (the analysis worker compiles them again and skips the bad ones).
  const customRules = Array.isArray(value.customRules) ? (value.customRules as CustomRuleDefinition[]) : [];
  const rules: Record<string, string> = {};
  if (value.rules !== undefined) {
    if (typeof value.rules !== "object" || value.rules === null || Array.isArray(value.rules)) error("rules", (name) => l10n.t("{0} must map rule ids to off, error, warning, information or hint", name));
    else {
      const known = new Set([...boilerplateRules, ...compiled.rules].map((r) => r.id));
      for (const [id, setting] of Object.entries(value.rules)) {
        if (typeof setting !== "string" || !SEVERITIES.has(setting)) error(`rules.${id}`, (name) => l10n.t("{0} must be off, error, warning, information or hint", name));
        else {
          if (!known.has(id)) warning(`rules.${id}`, l10n.t('unknown rule "{0}" in {1} (known: {2})', id, `${prefix}rules`, [...known].join(", ")));
          rules[id] = setting;
        }
      }
    }
  }
  let recordsFolder = DEFAULT_SETTINGS.recordsFolder;
  if (value.recordsFolder !== undefined) {
    if (typeof value.recordsFolder === "string") recordsFolder = value.recordsFolder;
    else error("recordsFolder", (name) => l10n.t('{0} must be a folder path ("" for beside the article)', name));
  }
  let analysisDeadline = DEFAULT_SETTINGS.analysisDeadline;
  if (value.analysisDeadline !== undefined) {
    if (isDeadline(value.analysisDeadline)) analysisDeadline = value.analysisDeadline;
    else error("analysisDeadline", (name) => l10n.t("{0} must be a positive number of seconds", name));
  }
  let knowledgeBase = DEFAULT_SETTINGS.knowledgeBase;
  if (value.knowledgeBase !== undefined) {
    if (typeof value.knowledgeBase === "boolean") knowledgeBase = value.knowledgeBase;
    else error("knowledgeBase", (name) => l10n.t("{0} must be true or false", name));
  }
  let language = DEFAULT_SETTINGS.language;
  if (value.language !== undefined) {
    if (isLanguageSetting(value.language)) language = value.language;
    else error("language", (name) => l10n.t("{0} must be auto, vi or en", name));
  }
  let annotator = DEFAULT_SETTINGS.annotator;
  if (value.annotator !== undefined) {
    if (typeof value.annotator === "string" && value.annotator.length <= 100) annotator = value.annotator.trim();
    else error("annotator", (name) => l10n.t('{0} must be a name (at most 100 characters; "" for the OS user name)', name));
  }
  const labels: LabelDefinition[] = [];
  if (value.labels !== undefined) {
    if (!Array.isArray(value.labels)) error("labels", (name) => l10n.t("{0} must be a list of { id, name, color? }", name));
    else {
      value.labels.forEach((raw: unknown, k) => {
        const label = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
        const where = `labels[${k}]`;
        if (typeof label.id !== "string" || !/^[\w.-]{1,40}$/.test(label.id)) return error(where, (name) => l10n.t("{0} needs an id (letters, digits, . _ -; at most 40)", name));
        if (labels.some((l) => l.id === label.id)) return error(where, (name) => l10n.t('{0} repeats the id "{1}"', name, String(label.id)));
        if (isBuiltInLabel(label.id)) return error(where, (name) => l10n.t("{0} the id \"{1}\" is a built-in entity type's label or name (PER, ORG, LOC, FORUM, AMOUNT, DATE, person, …); choose another", name, String(label.id)));
        if (label.name !== undefined && (typeof label.name !== "string" || label.name.trim() === "")) return error(where, (name) => l10n.t("{0} has an empty name", name));
        if (label.color !== undefined && (typeof label.color !== "string" || !/^#[0-9a-fA-F]{6}$/.test(label.color))) return error(where, (name) => l10n.t("{0} color must be a hex color such as #d97706", name));
        labels.push({ id: label.id, name: typeof label.name === "string" ? label.name.trim() : label.id, ...(typeof label.color === "string" ? { color: label.color } : {}) });
      });
    }
  }
  return {
    settings: { files, maxFileSize, rules: rules as RuleSettings, customRules, recordsFolder, analysisDeadline, annotator, labels, knowledgeBase, language, compiledRules: compiled.rules },
    problems,
  };
}

/** The name decisions are recorded under: the `annotator` setting, else the OS user name, else "annotator". */
export function annotatorName(settings: Pick<Settings, "annotator">): string {
  if (settings.annotator !== "") return settings.annotator;
  try {
    return userInfo().username || "annotator";
  } catch {
    return "annotator"; // no user entry (some containers)
  }
}
