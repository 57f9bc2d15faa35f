/** The one place engine offsets become LSP positions and engine severities LSP ones. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { BoilerplateFinding, Severity } from "../engine";

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A whole-line finding is shown on its text lines, not on the line break after them. */
export function findingToDiagnostic(document: TextDocument, finding: BoilerplateFinding): Diagnostic {
  const end = finding.scope === "lines" ? Math.max(finding.start, trimLineBreak(document.getText(), finding.end)) : finding.end;
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.start, end),
    message: finding.message,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: "article-annotator",
    tags: [DiagnosticTag.Unnecessary],
    data: { fix: finding.fix },
  };
  if (finding.related) {
    diagnostic.relatedInformation = [
      { location: { uri: document.uri, range: toRange(document, finding.related.start, finding.related.end) }, message: finding.related.message },
    ];
  }
  return diagnostic;
}

function trimLineBreak(text: string, end: number): number {
  let k = end;
  if (text[k - 1] === "\n") k--;
  if (text[k - 1] === "\r") k--;
  return k;
}
