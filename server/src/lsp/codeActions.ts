/**
 * Code actions: a quick-fix per debris diagnostic (built from the diagnostic's data, preferred when
 * safe), "Fix all" (`source.fixAll.articleAnnotator`) and "Emit annotated record". Every edit names
 * the document version it was computed for, so a client refuses it once the text has changed.
 */
import * as l10n from "@vscode/l10n";
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { applyFixes, type Analysis } from "../engine";
import { toRange } from "./convert";
import type { DiagnosticData } from "./diagnostics";
import { CodeActionKinds, Commands, SOURCE } from "./protocol";
import { formatNumber } from "../host/l10n";

export function codeActions(document: TextDocument, analysis: Analysis | undefined, params: CodeActionParams, options: { canWrite: boolean }): CodeAction[] {
  const wants = (kind: string): boolean => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const action = quickFix(document, withData(document, diagnostic, analysis));
      if (action) actions.push(action);
    }
    // Ctrl+. on any debris also offers to clean the whole article (VS Code lists source actions elsewhere).
    const fixAll = actions.length > 0 && analysis ? fixAllEdit(document, analysis) : undefined;
    if (fixAll) actions.push({ title: l10n.t("Fix all debris in this article"), kind: CodeActionKind.QuickFix, edit: fixAll });
  }
  if (analysis && analysis.boilerplate.length > 0 && wants(CodeActionKinds.fixAll)) {
    const edit = fixAllEdit(document, analysis);
    if (edit) actions.push({ title: l10n.t("Article Annotator: fix all debris"), kind: CodeActionKinds.fixAll, edit });
  }
  if (analysis && options.canWrite && wants(CodeActionKinds.emitRecord)) {
    const title = l10n.t("Emit annotated record");
    actions.push({ title, kind: CodeActionKinds.emitRecord, command: { title, command: Commands.emitRecord, arguments: [document.uri] } });
  }
  return actions;
}

function quickFix(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  if (diagnostic.source !== SOURCE || !isData(diagnostic.data) || diagnostic.data.version !== document.version) return undefined;
  const { fix, safe } = diagnostic.data;
  const title = fix.newText === "" ? removal(diagnostic) : l10n.t("Repair: \"{0}\"", fix.newText.length > 40 ? fix.newText.slice(0, 39) + "…" : fix.newText);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: safe,
    edit: versioned(document, [{ range: toRange(document, fix.start, fix.end), newText: fix.newText }]),
  };
}

/** Every safe fix of the document, as one edit. */
export function fixAllEdit(document: TextDocument, analysis: Analysis): WorkspaceEdit | undefined {
  const result = applyFixes(document.getText(), analysis.boilerplate);
  if (!result.edit) return undefined;
  return versioned(document, [{ range: toRange(document, result.edit.start, result.edit.end), newText: result.edit.newText }]);
}

function versioned(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}

/** The title of a removal's quick fix, by rule: what it removes. */
function removalTitle(rule: string): string {
  switch (rule) {
    case "navigation":
      return l10n.t("Remove the navigation line");
    case "prompt":
      return l10n.t("Remove the prompt");
    case "view-count":
      return l10n.t("Remove the view counter");
    case "copyright":
      return l10n.t("Remove the copyright line");
    case "image-placeholder":
      return l10n.t("Remove the image placeholder");
    case "photo-credit":
      return l10n.t("Remove the photo credit");
    case "spam":
      return l10n.t("Remove the spam");
    case "duplicate-line":
      return l10n.t("Remove the repeated line");
    case "related-links":
      return l10n.t("Remove the related-articles list");
    default:
      return l10n.t("Remove this debris ({0})", rule);
  }
}

/** A removal's quick-fix title, with the number of lines when it spans several. */
function removal(diagnostic: Diagnostic): string {
  const lines = diagnostic.range.end.line - diagnostic.range.start.line + 1;
  const title = removalTitle(String(diagnostic.code));
  return lines > 1 ? l10n.t("{action} ({count} lines)", { action: title, count: formatNumber(lines) }) : title;
}

/** Clients that drop `data` from diagnostics (some do) get it back from the analysis of this version. */
function withData(document: TextDocument, diagnostic: Diagnostic, analysis: Analysis | undefined): Diagnostic {
  if (diagnostic.source !== SOURCE || isData(diagnostic.data) || !analysis) return diagnostic;
  const start = document.offsetAt(diagnostic.range.start);
  const finding = analysis.boilerplate.find((b) => b.rule === diagnostic.code && b.start === start);
  if (!finding) return diagnostic;
  const data: DiagnosticData = { fix: finding.fix, safe: finding.safe, version: document.version };
  return { ...diagnostic, data };
}

function isData(data: unknown): data is DiagnosticData {
  const d = data as Partial<DiagnosticData> | undefined;
  return typeof d === "object" && d !== null && typeof d.version === "number" && typeof d.fix?.start === "number" && typeof d.fix.end === "number" && typeof d.fix.newText === "string";
}
