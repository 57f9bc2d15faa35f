/**
 * "Emit annotated record" as a WorkspaceEdit (undoable in the editor): where the record goes, what
 * it holds and the merge with an existing record are host/records.ts's, as for the CLI's
 * `annotate`; this module only turns the result into an edit. The record of an open document uses
 * its live text, hashed as the file it is saved as (its encoding read from disk).
 */
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "../engine";
import { encodingOfFile, sourceDigest } from "../host/articleFiles";
import { isInside } from "../host/paths";
import { emitRecord, readRecordText, recordLocation, type RecordLocation } from "../host/records";
import type { ResolvedSettings } from "../host/settings";
import { URI } from "./uri";

export type RecordEditResult = { edit: WorkspaceEdit; recordUri: string } | { error: string };

/** Where the record of `documentUri` lives, or why it cannot live anywhere. */
export function documentRecordLocation(documentUri: string, settings: ResolvedSettings, workspaceFolders: readonly string[]): RecordLocation | { error: string } {
  const articlePath = URI.path(documentUri);
  if (!documentUri.startsWith("file:") || articlePath === undefined) return { error: "save the article to a file first" };
  const root = workspaceFolders.map((f) => URI.path(f)).find((f): f is string => f !== undefined && isInside(articlePath, f));
  return recordLocation(articlePath, { root, folder: settings.recordsFolder, confined: true });
}

export function recordEdit(
  document: TextDocument,
  analysis: Analysis,
  settings: ResolvedSettings,
  workspaceFolders: readonly string[],
  openText: (uri: string) => string | undefined,
): RecordEditResult {
  const location = documentRecordLocation(document.uri, settings, workspaceFolders);
  if ("error" in location) return location;
  const text = document.getText();
  const source = { path: location.sourcePath, ...sourceDigest(text, encodingOfFile(URI.path(document.uri)!)) };
  const recordUri = URI.fromPath(location.path);
  const existing = openText(recordUri) ?? readRecordText(location.path);
  const emitted = emitRecord({ text, analysis, source, previous: existing });
  if ("error" in emitted) return emitted;
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  if (existing === undefined) changes.push({ kind: "create", uri: recordUri, options: { ignoreIfExists: true } });
  changes.push({ textDocument: { uri: recordUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: endOf(existing ?? "") }, newText: emitted.content }] });
  return { edit: { documentChanges: changes }, recordUri };
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
