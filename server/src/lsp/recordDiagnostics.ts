/** A record file's problems (host/records.ts `parseRecord`) as diagnostics on that file, for every LSP client. */
import * as l10n from "@vscode/l10n";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { findNodeAtLocation, parseTree, type Node as JsonNode } from "jsonc-parser";
import type { RecordProblem } from "../host/records";
import { SOURCE } from "./protocol";

/**
 * Diagnostics at the value each problem points at (a JSON Pointer, RFC 6901, found with
 * jsonc-parser; the property's name and value when it is one) or at a JSON syntax error's offset.
 */
export function problemDiagnostics(text: string, problems: readonly RecordProblem[]): Diagnostic[] {
  const tree = parseTree(text);
  const positionAt = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines.at(-1)!.length };
  };
  return problems.map((problem) => {
    let start = problem.offset ?? 0;
    let end = start + 1;
    if (problem.offset === undefined && tree) {
      const path = problem.pointer.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~")).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      const node: JsonNode | undefined = findNodeAtLocation(tree, path) ?? tree;
      const shown = node.parent?.type === "property" ? node.parent : node;
      start = shown.offset;
      end = shown.type === "object" || shown.type === "array" ? shown.offset + 1 : shown.offset + shown.length;
    }
    return { range: { start: positionAt(start), end: positionAt(end) }, severity: DiagnosticSeverity.Error, source: SOURCE, code: "record-schema", message: l10n.t("Annotated record: {0}. The record is not written until this is fixed.", problem.message) };
  });
}
