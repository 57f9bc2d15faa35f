/**
 * The VS Code side: starts the language server and adds only what needs VS Code's UI — a status
 * bar item with the active article's counts and review state, the curation keybindings and pickers
 * (curation.ts), the Review view (reviewView.ts), the export's pickers (exportAnnotations.ts) and the
 * palette commands. Everything an LSP client
 * can do is done in the server, so the server also serves Neovim, Emacs or Helix. What the client
 * shows is in the language of `articleAnnotator.language` (language.ts), as the server's is.
 */
import * as l10n from "@vscode/l10n";
import * as path from "node:path";
import { commands, languages, Selection, StatusBarAlignment, SymbolInformation, TextEditorRevealType, window, workspace, type ExtensionContext, type Range, type StatusBarItem, type TextDocument, type TextEditor, type Uri } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
// The wire protocol is the server's (ids and shapes only: the client never imports the engine).
import { Commands, foldForSearch, SummaryNotification as SUMMARY_NOTIFICATION, SummaryRequest as SUMMARY_REQUEST, type ArticleSummary } from "../../server/src/lsp/protocol";
import { registerCuration } from "./curation";
import { registerExport } from "./exportAnnotations";
import { LabelColors } from "./labelColors";
import { configureLanguage, PRODUCT_NAME } from "./language";
import { ReviewView, REVEAL_COMMAND } from "./reviewView";

/** The server's commands, and the client's own. */
const COMMANDS = { ...Commands, showOutput: "articleAnnotator.showOutput" };

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  configureLanguage(context.extensionPath);
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    // .txt files only (the server checks articleAnnotator.files), and the article language.
    documentSelector: [
      { scheme: "file", language: "plaintext", pattern: "**/*.txt" },
      { scheme: "untitled", language: "article" },
      { scheme: "file", language: "article" },
    ],
    synchronize: { configurationSection: "articleAnnotator" },
    // Restricted Mode: the server keeps the read-only features and writes no records. The workspace
    // index persists in the extension's storage for this workspace (or its global storage without a folder).
    initializationOptions: { trusted: workspace.isTrusted, cacheDir: (context.storageUri ?? context.globalStorageUri).fsPath },
    middleware: {
      // From the palette, the server's commands apply to the active editor's document.
      executeCommand: (command, args, next): unknown => next(command, args.length > 0 ? args : [window.activeTextEditor?.document.uri.toString()]) as unknown,
      // VS Code's symbol picker keeps only names that match the query as typed: an unaccented query
      // ("bui thanh son") is let through by showing the name's unaccented form beside it.
      provideWorkspaceSymbols: async (query, token, next) => {
        const symbols = await next(query, token);
        if (!symbols || query.trim() === "" || foldForSearch(query) !== query.toLowerCase()) return symbols;
        return symbols.map((symbol) => {
          const folded = foldForSearch(symbol.name);
          if (folded === symbol.name.toLowerCase() || !("location" in symbol)) return symbol;
          return new SymbolInformation(`${symbol.name} (${folded})`, symbol.kind, symbol.containerName ?? "", symbol.location);
        });
      },
    },
  };
  client = new LanguageClient("articleAnnotator", PRODUCT_NAME, serverOptions, clientOptions);

  const status = window.createStatusBarItem(StatusBarAlignment.Right, 100);
  status.name = PRODUCT_NAME;
  status.command = COMMANDS.emitRecord;
  context.subscriptions.push(status);
  const summaries = new Map<string, ArticleSummary>();
  const refresh = (editor: TextEditor | undefined): void => showSummary(status, editor ? summaries.get(editor.document.uri.toString()) : undefined);

  context.subscriptions.push(
    commands.registerCommand(COMMANDS.showOutput, () => client?.outputChannel.show()),
    window.onDidChangeActiveTextEditor(refresh),
    workspace.onDidCloseTextDocument((document) => summaries.delete(document.uri.toString())),
  );
  // Plain-text files that are articles (articleAnnotator.files) open as the "article" language, so
  // its grammar and editor defaults (word wrap, no Unicode highlighting of Vietnamese) apply.
  const adopt = (document: TextDocument): void => {
    if (document.languageId !== "plaintext" || document.uri.scheme !== "file") return;
    const globs = workspace.getConfiguration("articleAnnotator", document.uri).get<string[]>("files", ["**/*.txt"]);
    if (globs.some((glob) => languages.match({ pattern: glob, scheme: "file" }, document) > 0)) void languages.setTextDocumentLanguage(document, "article");
  };
  context.subscriptions.push(
    workspace.onDidOpenTextDocument(adopt),
    workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
  );
  workspace.textDocuments.forEach(adopt);
  await client.start();
  const review = new ReviewView(client);
  const labelColors = new LabelColors(client);
  const recolor = (): void => void labelColors.refresh(window.activeTextEditor).catch(() => undefined);
  context.subscriptions.push(
    labelColors,
    window.onDidChangeActiveTextEditor(recolor),
    window.createTreeView("articleAnnotator.review", { treeDataProvider: review, showCollapseAll: true }),
    commands.registerCommand(REVEAL_COMMAND, async (uri: Uri, range: Range) => {
      const editor = await window.showTextDocument(uri, { preserveFocus: false });
      editor.selection = new Selection(range.start, range.end);
      editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    commands.registerCommand("articleAnnotator.refreshReview", () => review.refresh()),
    ...registerCuration(client, () => review.refresh()),
    registerExport(),
  );
  client.onNotification(SUMMARY_NOTIFICATION, (summary: ArticleSummary) => {
    summaries.set(summary.uri, summary);
    refresh(window.activeTextEditor);
    review.refresh();
    if (summary.uri === window.activeTextEditor?.document.uri.toString()) recolor();
  });
  // The language changed: the client's own strings follow at once (the server re-reads the setting itself).
  context.subscriptions.push(
    workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("articleAnnotator.language")) return;
      configureLanguage(context.extensionPath);
      refresh(window.activeTextEditor);
      review.refresh();
    }),
  );
  const active = window.activeTextEditor;
  if (active) {
    const summary = await client.sendRequest<ArticleSummary | null>(SUMMARY_REQUEST, { uri: active.document.uri.toString() });
    if (summary) summaries.set(summary.uri, summary);
    refresh(active);
  }
}

function showSummary(status: StatusBarItem, summary: ArticleSummary | undefined): void {
  if (summary?.skipReason === "analysis-stopped" || summary?.skipReason === "internal-error") {
    // A fault to see: the article has no analysis, and the log says why.
    status.text = `$(warning) ${PRODUCT_NAME}`;
    status.tooltip = l10n.t("Article Annotator: {0} — click to show the server log", summary.skipped ?? "");
    status.command = COMMANDS.showOutput;
    status.show();
    return;
  }
  status.command = COMMANDS.emitRecord;
  if (!summary || summary.skipped) {
    status.hide();
    return;
  }
  const count = (type: string): number => summary.counts[type] ?? 0;
  const review = summary.suggestionsLeft > 0 ? l10n.t("$(checklist) {0} to review", summary.suggestionsLeft) : l10n.t("$(pass) reviewed");
  status.text = `$(person) ${count("person")}  $(organization) ${count("forum")}  $(symbol-number) ${count("amount")}  $(trash) ${summary.debrisLines}  ${review}`;
  // The tooltip's parts are a list (each one whole in its language), joined as the CodeLens joins its counts.
  const parts = [
    summary.text,
    summary.suggestionsLeft > 0 ? l10n.t("{0} to review", summary.suggestionsLeft) : l10n.t("nothing left to review"),
    ...(summary.orphaned ? [l10n.t("{0} orphaned", summary.orphaned)] : []),
  ];
  status.tooltip = l10n.t("Article Annotator: {0} — click to emit the annotated record", parts.join(" · "));
  status.show();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
