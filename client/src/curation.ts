/**
 * Curation in VS Code: the keyboard-first commands over the server's curation commands. Everything
 * that changes a record runs in the server (so Neovim has it as code actions); this module only
 * adds what needs VS Code's UI — the selection and cursor as arguments, a type picker, input boxes
 * for what the engine cannot read (an amount's value and unit, an attribute), and the context key
 * that lets Ctrl+Z undo the last annotation action until the text is edited.
 */
import * as l10n from "@vscode/l10n";
import { commands, Position, QuickPickItemKind, Range, window, workspace, type Disposable, type QuickPickItem, type TextEditor } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { Commands, PrefillRequest, ReviewEntitiesRequest, type CurationArgs, type CurationReply, type ReviewEntity, type ServerDescription } from "../../server/src/lsp/protocol";
import type { LabelDefinition } from "../../server/src/host/settings";
import { capitalize, typeName } from "./language";

/** The client's own commands (palette, keybindings, menus). */
export const UiCommands = {
  annotateSelection: "articleAnnotator.annotateSelection",
  annotateAllOccurrences: "articleAnnotator.annotateAllOccurrences",
  acceptHere: "articleAnnotator.acceptHere",
  rejectHere: "articleAnnotator.rejectHere",
  rejectAllHere: "articleAnnotator.rejectAllHere",
  changeTypeHere: "articleAnnotator.changeTypeHere",
  editAttributeHere: "articleAnnotator.editAttributeHere",
  removeHere: "articleAnnotator.removeHere",
  acceptAllSuggestions: "articleAnnotator.acceptAllSuggestions",
  nextSuggestion: "articleAnnotator.goToNextSuggestion",
  previousSuggestion: "articleAnnotator.goToPreviousSuggestion",
  undoAnnotation: "articleAnnotator.undoAnnotation",
} as const;

/** Context key: the last thing done in the active article was an annotation action that can be undone. */
const CAN_UNDO = "articleAnnotator.canUndoAnnotation";

/** Attributes a person may want to set, per entity type, beside those the entity already has. */
const COMMON_ATTRIBUTES: Record<string, string[]> = {
  person: ["role", "country", "title", "canonical", "portfolio"],
  forum: ["kind", "edition", "level", "format", "abbreviation"],
  amount: ["value", "unit", "kind", "approximate"],
  date: ["value", "year", "month", "day"],
  organization: ["canonical"],
  location: ["country"],
};

export function registerCuration(client: LanguageClient, onChange: () => void): Disposable[] {
  const types = (): ServerDescription["entityTypes"] =>
    (client.initializeResult?.capabilities.experimental as { articleAnnotator?: ServerDescription } | undefined)?.articleAnnotator?.entityTypes ?? [];
  let undoUri: string | undefined;
  const setUndo = (uri: string | undefined): void => {
    undoUri = uri;
    void commands.executeCommand("setContext", CAN_UNDO, uri !== undefined);
  };

  /** Runs a server curation command for the active article; shows its message; keeps the undo key in step. */
  const run = async (command: string, args: Omit<CurationArgs, "uri">): Promise<CurationReply | null> => {
    const editor = window.activeTextEditor;
    if (!editor) return null;
    const uri = editor.document.uri.toString();
    const reply = await commands.executeCommand<CurationReply | null>(command, { uri, version: editor.document.version, ...args } satisfies CurationArgs);
    if (reply) {
      window.setStatusBarMessage(`$(check) ${reply.message}`, 4000);
      setUndo(reply.canUndo ? uri : undefined);
      onChange();
    }
    return reply;
  };
  const here = (editor: TextEditor): Pick<CurationArgs, "position"> => ({ position: { line: editor.selection.active.line, character: editor.selection.active.character } });
  const selection = (editor: TextEditor): CurationArgs["range"] => ({ start: editor.selection.start, end: editor.selection.end });

  /** An entity type, or one of the person's labels (`articleAnnotator.labels`, type `custom`). */
  const pickType = async (title: string, editor: TextEditor, exclude?: string): Promise<{ type: string; attributes?: Record<string, unknown> } | undefined> => {
    type Item = QuickPickItem & { choice?: { type: string; attributes?: Record<string, unknown> } };
    const labels = workspace.getConfiguration("articleAnnotator", editor.document.uri).get<LabelDefinition[]>("labels", []);
    const items: Item[] = [
      ...types()
        .filter((t) => t.builtIn && t.type !== exclude)
        .map((t): Item => ({ label: capitalize(typeName(t.type, t).label), choice: { type: t.type } })),
      ...(labels.length > 0 ? [{ label: l10n.t("your labels"), kind: QuickPickItemKind.Separator }] : []),
      ...labels.map((l): Item => ({ label: l.name || l.id, description: l.id, choice: { type: "custom", attributes: { label: l.id } } })),
    ];
    const picked = await window.showQuickPick(items, { title, placeHolder: l10n.t("Entity type or label") });
    return picked?.choice;
  };

  /** Attributes for `type` on `range`: the engine's, else (an amount) asked for. Undefined when the person cancels. */
  const attributesFor = async (editor: TextEditor, range: CurationArgs["range"], type: string): Promise<Record<string, unknown> | undefined | null> => {
    const prefilled = await client.sendRequest<Record<string, unknown> | null>(PrefillRequest, { uri: editor.document.uri.toString(), range, type });
    if (prefilled) return prefilled;
    if (type !== "amount") return null; // the server fills in blank attributes
    const value = await window.showInputBox({
      title: l10n.t("Amount: value"),
      prompt: l10n.t("The number \"{0}\" stands for (e.g. 5600000)", editor.document.getText(editor.selection)),
      validateInput: (v) => (Number.isFinite(Number(v)) && v.trim() !== "" ? undefined : l10n.t("a plain number")),
    });
    if (value === undefined) return undefined;
    const unit = await window.showInputBox({ title: l10n.t("Amount: unit"), prompt: l10n.t("ISO 4217 code (USD, VND…), % or the measure noun"), validateInput: (v) => (v.trim() ? undefined : l10n.t("a unit")) });
    if (unit === undefined) return undefined;
    return { kind: unit === "%" ? "percent" : /^[A-Z]{3}$/.test(unit) ? "money" : "quantity", value: Number(value), unit: unit.trim() };
  };

  const annotate = async (all: boolean): Promise<void> => {
    const editor = window.activeTextEditor;
    if (!editor) return;
    if (editor.selection.isEmpty) {
      void window.showInformationMessage(l10n.t("Article Annotator: select the text to annotate first."));
      return;
    }
    const choice = await pickType(all ? l10n.t("Annotate every occurrence as…") : l10n.t("Annotate the selection as…"), editor);
    if (!choice) return;
    const range = selection(editor);
    const attributes = choice.attributes ?? (await attributesFor(editor, range, choice.type));
    if (attributes === undefined) return;
    await run(Commands.annotate, { range, type: choice.type, all, ...(attributes ? { attributes } : {}) });
  };

  /** The entity under the cursor, as the Review view lists it. */
  const entityHere = async (editor: TextEditor): Promise<ReviewEntity | undefined> => {
    const entities = await client.sendRequest<ReviewEntity[]>(ReviewEntitiesRequest, { uri: editor.document.uri.toString() });
    const at = editor.selection.active;
    return entities.find((e) => !e.orphaned && new Range(new Position(e.range.start.line, e.range.start.character), new Position(e.range.end.line, e.range.end.character)).contains(at));
  };

  /** A command on the active text editor; its promise is the command's result (awaited by `executeCommand`). */
  const textCommand = (id: string, work: (editor: TextEditor) => Promise<unknown>): Disposable =>
    commands.registerCommand(id, () => (window.activeTextEditor ? work(window.activeTextEditor) : undefined));

  const disposables: Disposable[] = [
    commands.registerCommand(UiCommands.annotateSelection, () => annotate(false)),
    commands.registerCommand(UiCommands.annotateAllOccurrences, () => annotate(true)),
    textCommand(UiCommands.acceptHere, (editor) => run(Commands.accept, here(editor))),
    textCommand(UiCommands.rejectHere, (editor) => run(Commands.reject, here(editor))),
    textCommand(UiCommands.rejectAllHere, (editor) => run(Commands.reject, { ...here(editor), all: true })),
    textCommand(UiCommands.removeHere, (editor) => run(Commands.remove, here(editor))),
    textCommand(UiCommands.acceptAllSuggestions, () => run(Commands.acceptAll, {})),
    textCommand(UiCommands.nextSuggestion, (editor) => run(Commands.nextSuggestion, here(editor))),
    textCommand(UiCommands.previousSuggestion, (editor) => run(Commands.previousSuggestion, here(editor))),
    textCommand(UiCommands.undoAnnotation, () => run(Commands.undo, {})),
    textCommand(UiCommands.changeTypeHere, async (editor) => {
      const entity = await entityHere(editor);
      if (!entity) return window.showInformationMessage(l10n.t("Article Annotator: put the cursor on an annotation first."));
      const choice = await pickType(l10n.t("Change \"{0}\" to…", entity.text), editor, entity.type);
      if (!choice) return;
      const attributes = choice.attributes ?? (await attributesFor(editor, entity.range, choice.type));
      if (attributes === undefined) return;
      await run(Commands.changeType, { ...here(editor), type: choice.type, ...(attributes ? { attributes } : {}) });
    }),
    textCommand(UiCommands.editAttributeHere, async (editor) => {
      const entity = await entityHere(editor);
      if (!entity) return window.showInformationMessage(l10n.t("Article Annotator: put the cursor on an annotation first."));
      const another = l10n.t("Another attribute…");
      const names = [...new Set([...Object.keys(entity.attributes), ...(COMMON_ATTRIBUTES[entity.type] ?? [])])];
      const items: QuickPickItem[] = [
        ...names.map((name) => ({ label: name, description: entity.attributes[name] === undefined ? "" : JSON.stringify(entity.attributes[name]) })),
        { label: "", kind: QuickPickItemKind.Separator },
        { label: another },
      ];
      const picked = await window.showQuickPick(items, { title: l10n.t("An attribute of \"{0}\"", entity.text) });
      if (!picked) return;
      const name = picked.label === another ? await window.showInputBox({ title: l10n.t("Attribute name") }) : picked.label;
      if (!name) return;
      const current = entity.attributes[name];
      const input = await window.showInputBox({
        title: l10n.t("{attribute} of \"{text}\"", { attribute: name, text: entity.text }),
        value: current === undefined ? "" : typeof current === "string" ? current : JSON.stringify(current),
        prompt: l10n.t("Text, a number, true/false or JSON; empty removes it"),
      });
      if (input === undefined) return;
      await run(Commands.setAttribute, { ...here(editor), name, value: input.trim() === "" ? null : parseValue(input) });
    }),
    // Typing in the article ends the annotation undo: Ctrl+Z is the editor's own again.
    workspace.onDidChangeTextDocument((event) => {
      if (undoUri === event.document.uri.toString() && event.contentChanges.length > 0) setUndo(undefined);
    }),
    window.onDidChangeActiveTextEditor(() => setUndo(undefined)),
  ];
  return disposables;
}

/** An input box's text as JSON when it is JSON (a number, true, a list), else as the text itself. */
function parseValue(input: string): unknown {
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input.trim();
  }
}
