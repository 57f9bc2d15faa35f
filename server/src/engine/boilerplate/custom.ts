/**
 * User rules: patterns for an outlet's own footer or menu ("custom.<id>"), from settings or a CLI
 * config file. A pattern is a JavaScript regular expression tested against each trimmed line; a
 * matching line is debris. Bad definitions are reported, never thrown, and simply not used.
 */
import type { Severity } from "../types";
import type { BoilerplateRule, RawFinding } from "./rule";
import { l10n, type Message } from "../l10n";

export interface CustomRuleDefinition {
  /** Short name; the rule's id becomes "custom.<id>". */
  id: string;
  /** Regular expression tested against each trimmed line (flags "iu"). */
  pattern: string;
  message?: string;
  severity?: Severity;
}

const SEVERITIES = new Set(["error", "warning", "information", "hint"]);
const MAX_PATTERN_LENGTH = 500;
/** Lines longer than this are not tested: user patterns could backtrack on huge lines. */
const MAX_LINE_LENGTH = 2000;

/**
 * The rules of `definitions` (settings' or a config file's `customRules`, as parsed JSON), and what
 * is wrong with the ones left out: `problems` in English with their templates (engine/l10n.ts, for a
 * front door to say them in the user's language; `message` is the English text). `{0}` of each
 * problem's template is where it is ("customRules[2]"); a regular expression's own complaint is
 * JavaScript's text, an argument.
 */
export function compileCustomRules(definitions: unknown): { rules: BoilerplateRule[]; problems: Message[] } {
  const rules: BoilerplateRule[] = [];
  const problems: Message[] = [];
  const done = (): { rules: BoilerplateRule[]; problems: Message[] } => ({ rules, problems });
  if (definitions === undefined) return done();
  if (!Array.isArray(definitions)) {
    problems.push(l10n.t("customRules must be a list of { id, pattern, message?, severity? }"));
    return done();
  }
  definitions.forEach((definition: unknown, index) => {
    const where = `customRules[${index}]`;
    if (typeof definition !== "object" || definition === null) return void problems.push(l10n.t("{0} must be an object", where));
    const { id, pattern, message, severity } = definition as Record<string, unknown>;
    if (typeof id !== "string" || !/^[\w.-]{1,60}$/.test(id)) return void problems.push(l10n.t("{0}.id must be a short name (letters, digits, . _ -)", where));
    if (typeof pattern !== "string" || pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return void problems.push(l10n.t("{0}.pattern must be a regular expression of 1 to {1} characters", where, MAX_PATTERN_LENGTH));
    if (message !== undefined && typeof message !== "string") return void problems.push(l10n.t("{0}.message must be text", where));
    if (severity !== undefined && !SEVERITIES.has(severity as string)) return void problems.push(l10n.t("{0}.severity must be one of error, warning, information, hint", where));
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, "iu");
    } catch (error) {
      return void problems.push(l10n.t("{0}.pattern is not a valid regular expression: {1}", where, error instanceof Error ? error.message : String(error)));
    }
    rules.push({
      id: `custom.${id}`,
      description: (message) ?? `Lines matching /${pattern}/ (a user rule).`,
      defaultSeverity: (severity as Severity | undefined) ?? "warning",
      detect(context) {
        const findings: RawFinding[] = [];
        context.trimmed.forEach((line, k) => {
          if (line !== "" && line.length <= MAX_LINE_LENGTH && regex.test(line)) {
            // The user's own message is said as written (no template); the default one is the engine's.
            findings.push({ kind: "lines", startLine: k, endLine: k, ...(message !== undefined ? { message } : l10n.t("Matches the user rule \"{0}\".", id)) });
          }
        });
        return findings;
      },
    });
  });
  return done();
}
