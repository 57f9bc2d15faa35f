/**
 * Runs the boilerplate rules in order (each sees the lines flagged before it), merges what they
 * find, and marks the debris on the document so entity detectors skip it.
 */
import type { ArticleDocument } from "../document";
import { SpanIndex } from "../text/spanIndex";
import { boundedMessage, shortened } from "../text/shorten";
import { l10n, type MessageTemplate } from "../l10n";
import type { BoilerplateFinding, Severity } from "../types";
import type { BoilerplateRule, RawFinding, RuleContext } from "./rule";
import { copyrightRule, imageRule, navigationRule, photoCreditRule, promptRule, viewCountRule } from "./rules/lineRules";
import { spamRule } from "./rules/spam";
import { duplicateLineRule } from "./rules/duplicateLine";
import { relatedLinksRule } from "./rules/related";
import { runTogetherRule } from "./rules/runTogether";
import { pageLayoutRule } from "./rules/pageLayout";

export type { BoilerplateRule } from "./rule";
export { compileCustomRules, type CustomRuleDefinition } from "./custom";

/** Every rule, in the order they run. */
export const boilerplateRules: readonly BoilerplateRule[] = [
  navigationRule,
  promptRule,
  viewCountRule,
  copyrightRule,
  imageRule,
  photoCreditRule,
  spamRule,
  duplicateLineRule,
  relatedLinksRule,
  runTogetherRule,
  // Last: it reads what the phrase rules found as its strongest evidence.
  pageLayoutRule,
];

/** Per-rule settings: off, or another severity. */
export type RuleSettings = Readonly<Record<string, Severity | "off">>;

/** Finds debris in `doc` (normalized offsets) and records it on the document. User rules run first. */
export function detectBoilerplate(doc: ArticleDocument, settings: RuleSettings = {}, customRules: readonly BoilerplateRule[] = []): BoilerplateFinding[] {
  const trimmed = doc.lines.map((line) => line.text.trim());
  const flagged = new Set<number>();
  const flaggedSpans = new SpanIndex();
  const firstNonBlank = trimmed.findIndex((line) => line !== "");
  const context: RuleContext = {
    doc,
    trimmed,
    firstLine: firstNonBlank >= 0 ? firstNonBlank : 0,
    flagged,
    isFlaggedSpan: (start, end) => flaggedSpans.overlaps(start, end),
    isBlank: (line) => trimmed[line] === "",
    previousNonBlank: (line) => {
      for (let k = line - 1; k >= 0; k--) if (trimmed[k] !== "") return k;
      return -1;
    },
    nextNonBlank: (line) => {
      for (let k = line + 1; k < trimmed.length; k++) if (trimmed[k] !== "") return k;
      return -1;
    },
  };
  const findings: BoilerplateFinding[] = [];
  const tableRows = new Set<number>();
  trimmed.forEach((line, index) => {
    if (isTableRow(line)) tableRows.add(index);
  });
  for (const rule of [...customRules, ...boilerplateRules]) {
    const setting = settings[rule.id];
    if (setting === "off") continue;
    // A table row is article data (guidelines, Refinements 2026-11-30): the built-in rules never take one; a user's rule may.
    const raws = customRules.includes(rule) ? rule.detect(context) : rule.detect(context).flatMap((raw) => withoutTableRows(raw, tableRows));
    for (const raw of raws) {
      const finding = toFinding(doc, rule, raw, setting ?? rule.defaultSeverity);
      findings.push(finding);
      if (raw.kind === "lines") for (let k = raw.startLine; k <= raw.endLine; k++) flagged.add(k);
      else flaggedSpans.add({ start: raw.start, end: raw.end });
    }
  }
  const merged = dropContained(findings);
  for (const finding of merged) {
    if (finding.scope === "lines") for (let k = finding.startLine; k <= finding.endLine; k++) doc.debrisLines.add(k);
    else doc.debrisSpans.push({ start: finding.start, end: finding.end });
  }
  return merged;
}

/**
 * A row of a table as scraped pages keep it: "| cell | cell |" with at least two non-empty cells,
 * or the row under a header that only rules it ("|---|:--:|"). `line` is trimmed.
 */
export function isTableRow(line: string): boolean {
  if (line.length < 3 || !line.startsWith("|") || !line.endsWith("|")) return false;
  const cells = line.slice(1, -1).split("|").map((cell) => cell.trim());
  if (cells.length >= 2 && cells.every((cell) => /^:?-{3,}:?$/.test(cell))) return true;
  return cells.filter((cell) => cell !== "").length >= 2;
}

/** A line finding without the table rows it covers: the runs of other lines, each a finding of its own. */
function withoutTableRows(raw: RawFinding, tableRows: ReadonlySet<number>): RawFinding[] {
  if (raw.kind !== "lines" || tableRows.size === 0) return [raw];
  const runs: RawFinding[] = [];
  let start = -1;
  for (let k = raw.startLine; k <= raw.endLine + 1; k++) {
    const kept = k <= raw.endLine && !tableRows.has(k);
    if (kept && start < 0) start = k;
    if (!kept && start >= 0) {
      runs.push({ ...raw, startLine: start, endLine: k - 1 });
      start = -1;
    }
  }
  return runs;
}

function toFinding(doc: ArticleDocument, rule: BoilerplateRule, raw: RawFinding, severity: Severity): BoilerplateFinding {
  // A rule may quote a huge line or run of letters; the finding's message (a diagnostic, a hover, a line of lint) stays short.
  const message = boundedMessage(raw.message);
  const template = raw.template && boundedTemplate(raw.template);
  if (raw.kind === "span") {
    const line = doc.lineIndex.lineAt(raw.start);
    // The flagged range is what the fix replaces (a removal takes one neighbouring space with it).
    const fix = spanRemoval(doc.text, raw.start, raw.end, raw.replacement);
    return {
      rule: rule.id,
      start: fix.start,
      end: fix.end,
      startLine: line,
      endLine: line,
      message,
      ...(template && { template }),
      severity,
      scope: "span",
      fix,
      safe: raw.unsafe !== true,
    };
  }
  const first = doc.lines[raw.startLine]!;
  const last = doc.lines[raw.endLine]!;
  const next = doc.lines[raw.endLine + 1];
  const start = first.start;
  const end = next ? next.start : last.end;
  const finding: BoilerplateFinding = {
    rule: rule.id,
    start,
    end,
    startLine: raw.startLine,
    endLine: raw.endLine,
    message,
    ...(template && { template }),
    severity,
    scope: "lines",
    fix: { start, end, newText: "" },
    safe: true,
  };
  if (raw.relatedLine !== undefined) {
    const related = doc.lines[raw.relatedLine]!;
    const said = raw.relatedMessage ?? l10n.t("Related line");
    finding.related = { start: related.start, end: related.end, message: said.message, template: said.template };
  }
  return finding;
}

/** A template whose quoted arguments are shortened as `boundedMessage` shortens the English message's quotes. */
function boundedTemplate(template: MessageTemplate): MessageTemplate {
  return { message: template.message, args: template.args.map((arg) => shortened(arg)) };
}

/** Removing a span inside a line: take one neighbouring space with it so no double space is left. */
function spanRemoval(text: string, start: number, end: number, replacement = ""): { start: number; end: number; newText: string } {
  if (replacement === "" && text[end] === " " && (start === 0 || text[start - 1] === " " || text[start - 1] === "\n")) end++;
  return { start, end, newText: replacement };
}


/**
 * Keeps one finding per debris: a whole-line finding inside an earlier or larger one (a caption copy
 * inside a related list) and a span inside a flagged line are dropped, so fixes never overlap.
 */
function dropContained(findings: readonly BoilerplateFinding[]): BoilerplateFinding[] {
  // Largest first; each kept block marks its lines, so "inside a kept block" is two look-ups.
  const bySize = [...findings].sort((a, b) => b.endLine - b.startLine - (a.endLine - a.startLine) || (a.scope === "lines" ? -1 : 1));
  const blockOf = new Map<number, number>();
  const kept: BoilerplateFinding[] = [];
  for (const finding of bySize) {
    const block = blockOf.get(finding.startLine);
    if (block !== undefined && block === blockOf.get(finding.endLine)) continue;
    kept.push(finding);
    if (finding.scope === "lines") for (let line = finding.startLine; line <= finding.endLine; line++) if (!blockOf.has(line)) blockOf.set(line, kept.length - 1);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
