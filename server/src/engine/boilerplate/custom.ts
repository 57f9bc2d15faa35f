/**
 * User rules: patterns for an outlet's own footer or menu ("custom.<id>"), from settings or a CLI
 * config file. A pattern is a JavaScript regular expression tested against each trimmed line; a
 * matching line is debris. Bad definitions are reported, never thrown, and simply not used.
 */
import type { Severity } from "../types";
import type { BoilerplateRule, RawFinding } from "./rule";

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

export function compileCustomRules(definitions: unknown): { rules: BoilerplateRule[]; errors: string[] } {
  const rules: BoilerplateRule[] = [];
  const errors: string[] = [];
  if (definitions === undefined) return { rules, errors };
  if (!Array.isArray(definitions)) return { rules, errors: ["customRules must be a list of { id, pattern, message?, severity? }"] };
  definitions.forEach((definition: unknown, index) => {
    const where = `customRules[${index}]`;
    if (typeof definition !== "object" || definition === null) return void errors.push(`${where} must be an object`);
    const { id, pattern, message, severity } = definition as Record<string, unknown>;
    if (typeof id !== "string" || !/^[\w.-]{1,60}$/.test(id)) return void errors.push(`${where}.id must be a short name (letters, digits, . _ -)`);
    if (typeof pattern !== "string" || pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return void errors.push(`${where}.pattern must be a regular expression of 1 to ${MAX_PATTERN_LENGTH} characters`);
    if (message !== undefined && typeof message !== "string") return void errors.push(`${where}.message must be text`);
    if (severity !== undefined && !SEVERITIES.has(severity as string)) return void errors.push(`${where}.severity must be one of error, warning, information, hint`);
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, "iu");
    } catch (error) {
      return void errors.push(`${where}.pattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
    rules.push({
      id: `custom.${id}`,
      description: (message) ?? `Lines matching /${pattern}/ (a user rule).`,
      defaultSeverity: (severity as Severity | undefined) ?? "warning",
      detect(context) {
        const findings: RawFinding[] = [];
        context.trimmed.forEach((line, k) => {
          if (line !== "" && line.length <= MAX_LINE_LENGTH && regex.test(line)) {
            findings.push({ kind: "lines", startLine: k, endLine: k, message: (message) ?? `Matches the user rule "${id}".` });
          }
        });
        return findings;
      },
    });
  });
  return { rules, errors };
}
