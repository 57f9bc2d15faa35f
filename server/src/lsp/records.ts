/**
 * "Emit annotated record" as a WorkspaceEdit (undoable): the record of a document goes beside it
 * (NAME.annotations.json) or into the records folder set in settings, which must lie inside the
 * workspace. An existing record is merged: what a person added or rejected is kept. A record file
 * that cannot be read as a record is never overwritten.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { buildRecord, mergeRecords, RECORD_SCHEMA_VERSION, type AnnotatedRecord, type Analysis } from "../engine";
import type { ResolvedSettings } from "./settings";
import { URI } from "./uri";

export type RecordEditResult = { edit: WorkspaceEdit; recordUri: string } | { error: string };

/** Where the record of `documentUri` goes, or why it cannot go anywhere. */
export function recordLocation(documentUri: string, settings: ResolvedSettings, workspaceFolders: readonly string[]): { path: string; root?: string } | { error: string } {
  const articlePath = URI.path(documentUri);
  if (!documentUri.startsWith("file:") || articlePath === undefined) return { error: "save the article to a file first" };
  const name = basename(articlePath).replace(/\.txt$/i, "") + ".annotations.json";
  const root = workspaceFolders.map((f) => URI.path(f)).find((f): f is string => f !== undefined && isInside(articlePath, f));
  if (settings.recordsFolder.trim() === "") return root ? { path: join(dirname(articlePath), name), root } : { path: join(dirname(articlePath), name) };
  if (!root) return { error: "a records folder is set but the article is not in a workspace folder" };
  const folder = isAbsolute(settings.recordsFolder) ? settings.recordsFolder : resolve(root, settings.recordsFolder);
  if (!isInside(folder, root)) return { error: `the records folder "${settings.recordsFolder}" is outside the workspace; records are only written inside it` };
  return { path: join(folder, relative(root, dirname(articlePath)), name), root };
}

export function recordEdit(
  document: TextDocument,
  analysis: Analysis,
  settings: ResolvedSettings,
  workspaceFolders: readonly string[],
  openText: (uri: string) => string | undefined,
): RecordEditResult {
  const location = recordLocation(document.uri, settings, workspaceFolders);
  if ("error" in location) return location;
  const text = document.getText();
  const sourcePath = location.root ? relative(location.root, URI.path(document.uri)!).split(sep).join("/") : URI.path(document.uri)!;
  const bytes = Buffer.from(text, "utf8");
  const fresh = buildRecord(text, analysis, { path: sourcePath, sha256: createHash("sha256").update(bytes).digest("hex"), length: bytes.length });
  const recordUri = URI.fromPath(location.path);
  const existing = openText(recordUri) ?? (existsSync(location.path) ? readFileSync(location.path, "utf8") : undefined);
  let previous: AnnotatedRecord | undefined;
  if (existing !== undefined) {
    const parsed = parseRecord(existing);
    if ("error" in parsed) return { error: `${basename(location.path)} exists but ${parsed.error}; it was left as it is` };
    previous = parsed.record;
  }
  const content = JSON.stringify(mergeRecords(previous, fresh, text), null, 2) + "\n";
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  if (existing === undefined) changes.push({ kind: "create", uri: recordUri, options: { ignoreIfExists: true } });
  changes.push({ textDocument: { uri: recordUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: endOf(existing ?? "") }, newText: content }] });
  return { edit: { documentChanges: changes }, recordUri };
}

function parseRecord(text: string): { record: AnnotatedRecord } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const record = value as Partial<AnnotatedRecord> | null;
  if (typeof record !== "object" || record === null || record.schemaVersion !== RECORD_SCHEMA_VERSION || !Array.isArray(record.entities)) {
    return { error: `is not an annotated record of schema version ${RECORD_SCHEMA_VERSION}` };
  }
  const bad = record.entities.findIndex((e) => typeof e !== "object" || e === null || typeof e.start !== "number" || typeof e.end !== "number" || typeof e.text !== "string" || typeof e.type !== "string");
  if (bad >= 0) return { error: `has a malformed entity (entities[${bad}])` };
  return { record: record as AnnotatedRecord };
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
