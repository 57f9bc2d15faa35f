/**
 * Growing a workspace's own knowledge base from the editor (issue 16), in any LSP client: "Add to
 * the knowledge base" on a person or forum (the entry pre-filled from the entity and the article),
 * and "Not a person anywhere in the corpus" (a rejection list in the same file). Each writes
 * `.article-annotator/kb.json` in the article's workspace folder (atomically; a file that cannot be
 * read is left as it is) and takes effect at once in every open article.
 */
import * as l10n from "@vscode/l10n";
import { readFile } from "node:fs/promises";
import type { CodeAction } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { findEntity, isEntityType, type Analysis, type AnnotatedRecord, type EntityTarget, type RecordEntity } from "../engine";
import { annotatorName, type ResolvedSettings } from "../host/settings";
import { entityTypeLabel } from "../host/labels";
import type { ClientRequests } from "./clientRequests";
import { writeAtomic } from "../host/atomicWrite";
import { isInside } from "../host/paths";
import { entryFor, idsOf, knowledgeBaseContent, parseKnowledgeBase, withEntry, withNotEntity, WORKSPACE_KNOWLEDGE_BASE, type EntitySnapshot } from "../host/workspaceKnowledgeBase";
import { join } from "node:path";
import { CodeActionKinds, Commands, type CurationArgs } from "./protocol";
import { URI } from "./uri";

/** The knowledge base actions on `entity` (a person or forum shown in the article). */
export function knowledgeBaseActions(document: TextDocument, entity: RecordEntity): CodeAction[] {
  if (entity.type !== "person" && entity.type !== "forum") return [];
  const target = { type: entity.type, start: entity.start, end: entity.end };
  const quote = entity.text.replace(/\s+/g, " ").trim().slice(0, 40);
  const action = (title: string, command: string): CodeAction => ({ title, kind: CodeActionKinds.curate, command: { title, command, arguments: [{ uri: document.uri, version: document.version, target } satisfies CurationArgs] } });
  const actions: CodeAction[] = [];
  if (typeof (entity.attributes as { kb?: unknown }).kb !== "string") actions.push(action(l10n.t("Add \"{0}\" to the knowledge base", quote), Commands.addToKnowledgeBase));
  actions.push(action(l10n.t("\"{quote}\" is not a {type} anywhere in the corpus", { quote, type: entityTypeLabel(entity.type) }), Commands.notEntityInCorpus));
  return actions;
}

export interface KnowledgeBaseEdit {
  /** The article's uri and the entity (as the record holds it). */
  uri: string;
  entity: EntitySnapshot;
  workspaceFolders: readonly string[];
  /** Who decided, when (a rejection's `by` and `at`). */
  by: string;
  at: string;
}

/**
 * Adds the entity to its workspace folder's knowledge base (`add`) or marks its text as not its
 * type anywhere in the corpus (`reject`); resolves to the file written and what was done, or why
 * nothing was (no workspace folder, a file that cannot be read).
 */
export async function editWorkspaceKnowledgeBase(edit: KnowledgeBaseEdit, kind: "add" | "reject"): Promise<{ path: string; message: string } | { error: string }> {
  const path = URI.path(edit.uri);
  const root = path ? edit.workspaceFolders.map((f) => URI.path(f)).find((f): f is string => f !== undefined && isInside(path, f)) : undefined;
  if (!root) return { error: l10n.t("the article is not in a workspace folder, where the knowledge base lives") };
  const file = join(root, WORKSPACE_KNOWLEDGE_BASE);
  let current: string | undefined;
  try {
    current = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return { error: l10n.t("{file} cannot be read ({reason})", { file, reason: error instanceof Error ? error.message : String(error) }) };
  }
  let data;
  if (current !== undefined) {
    const parsed = parseKnowledgeBase(current);
    if ("problems" in parsed) return { error: l10n.t("{file} cannot be used, so it was left as it is: {problem}", { file, problem: parsed.problems[0] ?? "?" }) };
    data = parsed.data;
  }
  let next;
  let message: string;
  if (kind === "add") {
    const entry = entryFor(edit.entity, edit.uri, idsOf(data));
    if (!entry) return { error: l10n.t("only people and forums go into the knowledge base") };
    next = withEntry(data, entry);
    const added = "people" in entry ? entry.people : entry.forums;
    message = l10n.t("added {name} ({id}) to {file}", { name: added.name, id: added.id, file: WORKSPACE_KNOWLEDGE_BASE });
  } else {
    next = withNotEntity(data, { text: edit.entity.text.replace(/\s+/g, " ").trim(), type: edit.entity.type, by: edit.by, at: edit.at });
    message = l10n.t("\"{text}\" is no longer suggested as a {type} anywhere in this workspace ({file})", { text: edit.entity.text, type: isEntityType(edit.entity.type) ? entityTypeLabel(edit.entity.type) : edit.entity.type, file: WORKSPACE_KNOWLEDGE_BASE });
  }
  writeAtomic(file, knowledgeBaseContent(next));
  return { path: file, message };
}

/** What a knowledge base command needs of the server. */
export interface KnowledgeBaseCommandHost {
  document(uri: string): TextDocument | undefined;
  /** The document's analysis as shown (curated) and its record and settings. */
  analysis(document: TextDocument): Promise<{ analysis: Analysis; record?: AnnotatedRecord; settings: ResolvedSettings }>;
  workspaceFolders(): readonly string[];
  trusted(): boolean;
  requests: ClientRequests;
  /** The knowledge base file at `path` was written: read it again and analyze the open articles again. */
  changed(path: string): void;
}

/**
 * `Commands.addToKnowledgeBase` (`add`) and `Commands.notEntityInCorpus` (`reject`) on `args.target`
 * of `args.uri`: answers what was done and the file, or null (nothing done: no such document or
 * entity, Restricted Mode, a file that cannot be used — the person is told why).
 */
export async function knowledgeBaseCommand(kind: "add" | "reject", args: CurationArgs | undefined, host: KnowledgeBaseCommandHost): Promise<{ message: string; path: string } | null> {
  const document = args?.uri ? host.document(args.uri) : undefined;
  if (!document || !args?.target) return null;
  if (!host.trusted()) {
    host.requests.showWarning(l10n.t("Article Annotator: nothing is written in Restricted Mode; trust this workspace to grow its knowledge base."));
    return null;
  }
  const { analysis, record, settings } = await host.analysis(document);
  const target = args.target as EntityTarget;
  const entity = record ? findEntity(record, target) : "type" in target ? analysis.entities.find((e) => e.type === target.type && e.start === target.start && e.end === target.end) : undefined;
  if (!entity) return null;
  const edited = await editWorkspaceKnowledgeBase(
    { uri: document.uri, entity: { type: entity.type, text: entity.text, attributes: entity.attributes as Record<string, unknown> }, workspaceFolders: host.workspaceFolders(), by: annotatorName(settings), at: new Date().toISOString() },
    kind,
  );
  if ("error" in edited) {
    host.requests.showError(l10n.t("Article Annotator: {0}.", edited.error));
    return null;
  }
  host.changed(edited.path);
  void host.requests.showInformation(l10n.t("Article Annotator: {0}.", edited.message), { title: l10n.t("Open") }).then((choice) => {
    if (choice) void host.requests.showDocument({ uri: URI.fromPath(edited.path), takeFocus: true });
  });
  return { message: edited.message, path: edited.path };
}
