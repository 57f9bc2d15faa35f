/** Debris findings as diagnostics: code = rule id, a link to the rule's documentation, fix in `data`. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { join } from "node:path";
import type { BoilerplateFinding, Severity } from "../engine";
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

/** The rules' documentation shipped with the server (dist/../docs/rules.md). */
const RULES_DOC = URI.fromPath(join(__dirname, "..", "docs", "rules.md"));

export function toDiagnostics(document: TextDocument, result: DocumentAnalysis): Diagnostic[] {
  if (result.skipped && result.analysis.length > 0) {
    // A stopped or failed analysis is a fault to see (a warning); a file too large is a notice.
    const fault = result.skipReason === "analysis-stopped" || result.skipReason === "internal-error";
    const severity = fault ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
    return [{ range: toRange(document, 0, 0), message: `Article Annotator: ${result.skipped}.`, severity, source: SOURCE, code: result.skipReason ?? "skipped" }];
  }
  const encoding = result.analysis.encoding;
  // Mojibake: one warning and nothing else (the engine found nothing else, so no fix is offered).
  if (encoding) return [{ range: toRange(document, encoding.start, encoding.end), message: encoding.message, severity: DiagnosticSeverity.Warning, source: SOURCE, code: encoding.rule, codeDescription: { href: `${RULES_DOC}#${encoding.rule}` } }];
  return result.analysis.boilerplate.map((finding) => findingToDiagnostic(document, finding, result.version));
}

export function findingToDiagnostic(document: TextDocument, finding: BoilerplateFinding, version: number): Diagnostic {
  // A whole-line finding is shown on its text lines, not on the line break after them.
  const end = finding.scope === "lines" ? Math.max(finding.start, trimLineBreak(document.getText(), finding.end)) : finding.end;
  const data: DiagnosticData = { fix: finding.fix, safe: finding.safe, version };
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.start, end),
    message: finding.message,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: `${RULES_DOC}#${finding.rule.startsWith("custom.") ? "user-rules" : finding.rule}` },
    source: SOURCE,
    data,
  };
  // Removable debris is faded; a run-together word is article text to repair, not to fade.
  if (finding.rule !== "run-together") diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related) {
    diagnostic.relatedInformation = [{ location: { uri: document.uri, range: toRange(document, finding.related.start, finding.related.end) }, message: finding.related.message }];
  }
  return diagnostic;
}

function trimLineBreak(text: string, end: number): number {
  let k = end;
  if (text[k - 1] === "\n") k--;
  if (text[k - 1] === "\r") k--;
  return k;
}
