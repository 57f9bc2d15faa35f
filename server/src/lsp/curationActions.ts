/**
 * Curation as code actions, so every LSP client offers it (Neovim's `vim.lsp.buf.code_action()` on
 * a visual selection, VS Code's Ctrl+.): annotate the selection as each entity type (and every
 * occurrence of it), accept, reject, retype or remove the entity under the cursor, accept all
 * suggestions, the two fixes of an orphaned annotation, and with the knowledge base on, adding a
 * person or forum to it or rejecting a text everywhere (knowledgeBaseActions.ts). Each runs a server command
 * (protocol.ts `Commands`) with `CurationArgs`.
 */
import * as l10n from "@vscode/l10n";
import type { CodeAction, CodeActionParams } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { BUILT_IN_TYPES, occurrences, type AnnotatedRecord, type EntityType, type RecordEntity } from "../engine";
import type { LabelDefinition } from "../host/settings";
import { entityTypeLabel } from "../host/labels";
import { formatNumber } from "../host/l10n";
import { CodeActionKinds, Commands, ORPHANED_CODE, SOURCE, type CurationArgs } from "./protocol";
import { knowledgeBaseActions } from "./knowledgeBaseActions";

/** Attributes the engine can give a span as a type; undefined when a person must give them (an amount it cannot read). */
export type Prefill = (span: { start: number; end: number }, type: EntityType) => Promise<object | undefined>;

export async function curationActions(document: TextDocument, record: AnnotatedRecord, params: CodeActionParams, prefill: Prefill, labels: readonly LabelDefinition[] = [], knowledgeBase = false): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const actions: CodeAction[] = [];
  if (wants("quickfix")) actions.push(...orphanFixes(document, params));
  if (!wants(CodeActionKinds.curate)) return actions;
  const text = document.getText();
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const action = actionMaker(document);

  const visible = record.entities.filter((e) => e.origin !== "rejected" && !e.orphaned);
  const under = visible.find((e) => (start === end ? e.start <= start && start <= e.end : e.start === start && e.end === end));
  if (start < end && !under) {
    const quote = text.slice(start, end);
    if (quote.trim() !== "") {
      const count = occurrences(text, quote).length;
      const choices: { name: string; type: EntityType; attributes: Record<string, unknown> }[] = [];
      for (const type of BUILT_IN_TYPES) {
        const attributes = await prefill({ start, end }, type);
        // An amount the engine cannot read is left out: VS Code asks for its value and unit.
        if (attributes) choices.push({ name: entityTypeLabel(type), type, attributes: attributes as Record<string, unknown> });
      }
      for (const label of labels) choices.push({ name: label.name, type: "custom", attributes: { label: label.id } });
      for (const { name, type, attributes } of choices) {
        actions.push(action(l10n.t("Annotate \"{quote}\" as {type}", { quote: short(quote), type: name }), Commands.annotate, { range: params.range, type, attributes }));
        if (count > 1) actions.push(action(l10n.t("Annotate all {count} occurrences of \"{quote}\" as {type}", { count: formatNumber(count), quote: short(quote), type: name }), Commands.annotate, { range: params.range, type, attributes, all: true }));
      }
    }
  }
  if (under) actions.push(...entityActions(under, visible, action), ...(knowledgeBase ? knowledgeBaseActions(document, under) : []));
  const left = record.review.suggestionsLeft;
  if (left > 0) actions.push(action(left === 1 ? l10n.t("Accept the 1 suggestion left") : l10n.t("Accept all {0} suggestions", formatNumber(left)), Commands.acceptAll, {}));
  return actions;
}

type ActionMaker = (title: string, command: string, args: Omit<CurationArgs, "uri" | "version">, kind?: string) => CodeAction;

function actionMaker(document: TextDocument): ActionMaker {
  return (title, command, args, kind = CodeActionKinds.curate) => ({
    title,
    kind,
    command: { title, command, arguments: [{ uri: document.uri, version: document.version, ...args } satisfies CurationArgs] },
  });
}

/** The two fixes of an orphaned annotation's diagnostic: delete it, or re-attach it to the selection. */
function orphanFixes(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const action = actionMaker(document);
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || diagnostic.code !== ORPHANED_CODE) continue;
    const id = (diagnostic.data as { id?: unknown } | undefined)?.id;
    if (typeof id !== "string") continue;
    actions.push({ ...action(l10n.t("Delete the orphaned annotation"), Commands.remove, { target: { id } }, "quickfix"), diagnostics: [diagnostic] });
    if (start < end) actions.push({ ...action(l10n.t("Re-attach the orphaned annotation to \"{0}\"", short(document.getText().slice(start, end))), Commands.reattach, { target: { id }, range: params.range }, "quickfix"), diagnostics: [diagnostic] });
  }
  return actions;
}

function entityActions(entity: RecordEntity, visible: readonly RecordEntity[], action: ActionMaker): CodeAction[] {
  const target = { type: entity.type, start: entity.start, end: entity.end };
  const type = entityTypeLabel(entity.type);
  const quote = short(entity.text);
  const actions: CodeAction[] = [];
  if (entity.origin === "auto") actions.push({ ...action(l10n.t("Accept \"{quote}\" as {type}", { quote, type }), Commands.accept, { target }), isPreferred: true });
  actions.push(action(l10n.t("Reject \"{quote}\": not a {type}", { quote, type }), Commands.reject, { target }));
  const same = visible.filter((e) => e.type === entity.type && e.text === entity.text).length;
  if (same > 1) actions.push(action(l10n.t("Reject all {count} occurrences of \"{quote}\": not a {type}", { count: formatNumber(same), quote, type }), Commands.reject, { target, all: true }));
  if (entity.origin === "manual") actions.push(action(entity.decision?.action === "added" ? l10n.t("Remove the annotation \"{0}\"", quote) : l10n.t("Take back the decision on \"{0}\" (a suggestion again)", quote), Commands.remove, { target }));
  for (const other of BUILT_IN_TYPES) if (other !== entity.type) actions.push(action(l10n.t("Change \"{quote}\" to {type}", { quote, type: entityTypeLabel(other) }), Commands.changeType, { target, type: other }));
  return actions;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? flat.slice(0, 39) + "…" : flat;
}
