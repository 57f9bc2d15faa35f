/**
 * Debris findings as diagnostics: code = rule id, a link to the rule's documentation, fix in `data`.
 * Messages are said in the language in use (host/l10n.ts `localize`), the link goes to the
 * documentation in that language.
 */
import * as l10n from "@vscode/l10n";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { join } from "node:path";
import type { BoilerplateFinding, Severity } from "../engine";
import { currentLanguage, formatNumber, localize } from "../host/l10n";
import type { DocumentAnalysis } from "./analyses";
import { toRange } from "./convert";
import { SOURCE } from "./protocol";
import { URI } from "./uri";

/** What a quick-fix needs, carried by the diagnostic so that no server state is needed. */
export interface DiagnosticData {
  fix: { start: number; end: number; newText: string };
  safe: boolean;
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Debris diagnostics one document shows at most: past this, the most severe are shown (warnings
 * before information, then in document order) and one more diagnostic counts the rest by rule. A
 * page with thousands of findings (a text with its spaces stripped) stays readable in the Problems
 * view, and its notification a few hundred KB (about 0.4 KB a diagnostic). "Fix all", hovers and
 * `article-annotator lint` still cover every finding.
 */
export const MAX_DIAGNOSTICS = 500;
/** The code of the diagnostic that counts the findings not shown. */
export const MORE_FINDINGS_CODE = "more-findings";
/**
 * A fix whose replacement is longer than this (UTF-16 units) is not carried in the diagnostic's
 * data: a repaired run of letters can be the whole page. Its quick-fix finds the fix again in the
 * analysis of the same version (`withData` in codeActions.ts), as for clients that drop data.
 */
const MAX_DATA_TEXT = 1000;

/** The rules' documentation shipped with the server (dist/../docs/rules.md; rules.vi.md in Vietnamese, with the same anchors). */
const RULES_DOC = { en: URI.fromPath(join(__dirname, "..", "docs", "rules.md")), vi: URI.fromPath(join(__dirname, "..", "docs", "rules.vi.md")) };

/** The link to a rule's section of the documentation in the language in use. */
export function ruleLink(rule: string): string {
  return `${RULES_DOC[currentLanguage()]}#${rule.startsWith("custom.") ? "user-rules" : rule}`;
}

export function toDiagnostics(document: TextDocument, result: DocumentAnalysis): Diagnostic[] {
  if (result.skipped && result.analysis.length > 0) {
    // A stopped or failed analysis is a fault to see (a warning); a file too large is a notice.
    const fault = result.skipReason === "analysis-stopped" || result.skipReason === "internal-error";
    const severity = fault ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
    return [{ range: toRange(document, 0, 0), message: l10n.t("Article Annotator: {0}.", result.skipped), severity, source: SOURCE, code: result.skipReason ?? "skipped" }];
  }
  const encoding = result.analysis.encoding;
  // Mojibake: one warning and nothing else (the engine found nothing else, so no fix is offered).
  if (encoding) return [{ range: toRange(document, encoding.start, encoding.end), message: localize(encoding), severity: DiagnosticSeverity.Warning, source: SOURCE, code: encoding.rule, codeDescription: { href: ruleLink(encoding.rule) } }];
  const findings = result.analysis.boilerplate;
  const shown = findings.length <= MAX_DIAGNOSTICS ? findings : mostSevere(findings, MAX_DIAGNOSTICS);
  const diagnostics = shown.map((finding) => findingToDiagnostic(document, finding, result.version));
  if (shown.length < findings.length) diagnostics.push(moreFindings(document, findings, shown));
  return [...diagnostics, ...knowledgeBaseDiagnostics(document, result.analysis)];
}

/**
 * The knowledge base's disagreements with the article (a title the person did not hold on the
 * article's date), on the people still shown (a person's rejection removes them): information,
 * linked to the source of the knowledge base's fact.
 */
function knowledgeBaseDiagnostics(document: TextDocument, analysis: DocumentAnalysis["analysis"]): Diagnostic[] {
  const people = new Set(analysis.entities.filter((e) => e.type === "person").map((e) => `${e.start}:${e.end}`));
  return (analysis.knowledgeBase ?? [])
    .filter((finding) => people.has(`${finding.start}:${finding.end}`))
    .map((finding) => ({ range: toRange(document, finding.start, finding.end), message: l10n.t("{message} Source: {source}", { message: localize(finding), source: finding.source }), severity: DiagnosticSeverity.Information, source: SOURCE, code: finding.rule, codeDescription: { href: finding.source } }));
}

/** The `count` most severe findings (the first in the text among equals), in document order. */
function mostSevere(findings: readonly BoilerplateFinding[], count: number): BoilerplateFinding[] {
  const ranked = findings.map((finding, order) => ({ finding, order }));
  // LSP's DiagnosticSeverity counts up from the most severe (Error = 1).
  ranked.sort((a, b) => SEVERITY[a.finding.severity] - SEVERITY[b.finding.severity] || a.order - b.order);
  return ranked.slice(0, count).sort((a, b) => a.order - b.order).map(({ finding }) => finding);
}

/** One diagnostic at the top of the document: how many findings are not shown, by rule. */
function moreFindings(document: TextDocument, findings: readonly BoilerplateFinding[], shown: readonly BoilerplateFinding[]): Diagnostic {
  const shownSet = new Set(shown);
  const byRule = new Map<string, number>();
  for (const finding of findings) if (!shownSet.has(finding)) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  const hidden = findings.length - shown.length;
  const rules = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${formatNumber(count)}`).join(", ");
  return {
    range: toRange(document, 0, 0),
    message: l10n.t("{hidden} more debris findings are not listed ({rules}): a document shows at most {max}. \"Fix all\" and `article-annotator lint` cover them all.", { hidden: formatNumber(hidden), rules, max: formatNumber(MAX_DIAGNOSTICS) }),
    severity: DiagnosticSeverity.Information,
    code: MORE_FINDINGS_CODE,
    source: SOURCE,
  };
}

export function findingToDiagnostic(document: TextDocument, finding: BoilerplateFinding, version: number): Diagnostic {
  // A whole-line finding is shown on its text lines, not on the line break after them.
  const end = finding.scope === "lines" ? Math.max(finding.start, trimLineBreak(document.getText(), finding.end)) : finding.end;
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.start, end),
    message: localize(finding),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleLink(finding.rule) },
    source: SOURCE,
  };
  if (finding.fix.newText.length <= MAX_DATA_TEXT) diagnostic.data = { fix: finding.fix, safe: finding.safe, version } satisfies DiagnosticData;
  // Removable debris is faded; a run-together word is article text to repair, not to fade.
  if (finding.rule !== "run-together") diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related) {
    diagnostic.relatedInformation = [{ location: { uri: document.uri, range: toRange(document, finding.related.start, finding.related.end) }, message: localize(finding.related) }];
  }
  return diagnostic;
}

function trimLineBreak(text: string, end: number): number {
  let k = end;
  if (text[k - 1] === "\n") k--;
  if (text[k - 1] === "\r") k--;
  return k;
}
