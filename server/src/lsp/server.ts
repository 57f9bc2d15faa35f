/**
 * Wires the language server: one feature per module, this file only connects them. Analysis is
 * cached per (uri, version) and debounced; nothing is published for a stale version; every handler
 * turns an internal error into a log line and an empty result.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisPool } from "../host/analysisPool";
import { AnalysisCache, type DocumentAnalysis } from "./analyses";
import { codeActions, fixAllEdit } from "./codeActions";
import { codeLenses, summarize } from "./codeLens";
import { toDiagnostics } from "./diagnostics";
import { hoverAt } from "./hover";
import { CodeActionKinds, Commands, SummaryNotification, SummaryRequest } from "./protocol";
import { recordEdit } from "./records";
import { LEGEND, semanticTokens } from "./semanticTokens";
import { SettingsStore, type ResolvedSettings } from "./settings";
import { documentSymbols } from "./symbols";
import { WorkspaceIndex } from "./workspaceIndex";

/**
 * Wait after an edit before analyzing again: a little longer than the last analysis of the document
 * took, so a short article is fresh almost at once and a huge one is not re-analyzed per keystroke.
 */
const DEBOUNCE_MIN_MS = 25;
const DEBOUNCE_MAX_MS = 300;
const debounceAfter = (lastAnalysisMs: number | undefined): number => Math.round(Math.min(DEBOUNCE_MAX_MS, Math.max(DEBOUNCE_MIN_MS, 2 * (lastAnalysisMs ?? 0))));

/** Analysis workers: two, so one analysis stopped at its deadline does not hold up another document. */
const ANALYSIS_WORKERS = 2;

export interface ServerOptions {
  /** The script the worker threads run (the server bundle itself): document analyses and the workspace index. */
  workerScript: string;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string): void => connection.console.error(message);
  const pool = new AnalysisPool({ script: options.workerScript, size: ANALYSIS_WORKERS });
  pool.warm();
  const cache = new AnalysisCache(pool, log);
  const index = new WorkspaceIndex(connection, log, options.workerScript);
  const timers = new Map<string, NodeJS.Timeout>();
  /** How long the last analysis of each document took, for the debounce. */
  const analysisMs = new Map<string, number>();
  let settings: SettingsStore = new SettingsStore(connection, false);
  let workspaceFolders: string[] = [];
  let client = { configuration: false, progress: false, dynamicConfiguration: false };
  /** False in an untrusted workspace (VS Code's Restricted Mode): no record is written. */
  let trusted = true;

  /** Runs a handler; an internal error is logged and answered with `fallback`. */
  const safely = async <T>(name: string, fallback: T, work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  const analysisOf = async (document: TextDocument): Promise<DocumentAnalysis & { settings: ResolvedSettings }> => {
    const resolved = await settings.get(document.uri);
    return { ...(await cache.get(document, resolved)), settings: resolved };
  };

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const result = await analysisOf(document);
    if (result.ms !== undefined) analysisMs.set(uri, result.ms);
    if (documents.get(uri)?.version !== version) return; // a newer edit arrived: its own run publishes
    await connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(document, result) });
    await connection.sendNotification(SummaryNotification, summarize(uri, version, result.analysis, result.skipped, result.skipReason));
    if (!result.skipped) index.update(uri, document.getText(), result.analysis);
  };

  const schedule = (uri: string, delay = debounceAfter(analysisMs.get(uri))): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void safely("diagnostics", undefined, () => publish(uri));
    }, delay));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = {
      configuration: params.capabilities.workspace?.configuration === true,
      progress: params.capabilities.window?.workDoneProgress === true,
      dynamicConfiguration: params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    };
    settings = new SettingsStore(connection, client.configuration);
    trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.fixAll, CodeActionKinds.emitRecord] },
        executeCommandProvider: { commands: [Commands.fixAll, Commands.emitRecord] },
        semanticTokensProvider: { legend: LEGEND, full: true },
        documentSymbolProvider: { label: "Article" },
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: "article-annotator" },
    };
  });

  connection.onInitialized(() => {
    if (client.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "articleAnnotator" });
    void safely("indexing", undefined, async () => {
      const resolved = await settings.get(workspaceFolders[0] ?? "");
      await index.start(workspaceFolders, resolved, client.progress);
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    cache.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  // TextDocuments reports an open as a change too, right after it: that change must not delay the open's run.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    cache.delete(document.uri);
    analysisMs.delete(document.uri);
    justOpened.delete(document.uri);
    settings.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const withDocument = <T>(name: string, uri: string, fallback: T, work: (document: TextDocument, result: DocumentAnalysis) => T | Promise<T>): Promise<T> =>
    safely(name, fallback, async () => {
      const document = documents.get(uri);
      if (!document) return fallback;
      const result = await analysisOf(document);
      return work(document, result);
    });

  connection.onHover(({ textDocument, position }) => withDocument("hover", textDocument.uri, null, (document, { analysis }) => hoverAt(document, analysis, document.offsetAt(position))));
  connection.onCodeAction((params) =>
    withDocument("codeAction", params.textDocument.uri, [], (document, { analysis, skipped }) => codeActions(document, skipped ? undefined : analysis, params, { canWrite: trusted })),
  );
  connection.languages.semanticTokens.on((params) => withDocument("semanticTokens", params.textDocument.uri, { data: [] }, (document, { analysis }) => semanticTokens(document, analysis)));
  connection.onDocumentSymbol(({ textDocument }) => withDocument("documentSymbol", textDocument.uri, [], (document, { analysis, skipped }) => (skipped ? [] : documentSymbols(document, analysis))));
  connection.onCodeLens(({ textDocument }) =>
    withDocument("codeLens", textDocument.uri, [], (document, { analysis, skipped }) => (skipped ? [] : codeLenses(document.uri, document.version, analysis, { canWrite: trusted }))),
  );
  connection.onWorkspaceSymbol(({ query }) => safely("workspaceSymbol", [], () => index.query(query)));
  connection.onRequest(SummaryRequest, (params: { uri: string }) =>
    withDocument("summary", params.uri, null, (document, { analysis, skipped, skipReason }) => summarize(document.uri, document.version, analysis, skipped, skipReason)),
  );

  connection.onExecuteCommand((params) =>
    safely("executeCommand", null, async () => {
      const [uri, version] = (params.arguments ?? []) as [string | undefined, number | undefined];
      const document = uri ? documents.get(uri) : undefined;
      if (!document) {
        void connection.window.showWarningMessage("Article Annotator: open the article first.");
        return null;
      }
      const result = await analysisOf(document);
      if (params.command === Commands.fixAll) {
        if (version !== undefined && version !== document.version) return null; // the text changed since the lens was drawn
        const edit = fixAllEdit(document, result.analysis);
        if (edit) await connection.workspace.applyEdit({ label: "Fix all debris", edit });
        return null;
      }
      if (params.command === Commands.emitRecord && !trusted) {
        void connection.window.showWarningMessage("Article Annotator: records are not written in Restricted Mode; trust this workspace to emit them.");
        return null;
      }
      if (params.command === Commands.emitRecord) {
        const emitted = recordEdit(document, result.analysis, result.settings, workspaceFolders, (recordUri) => documents.get(recordUri)?.getText());
        if ("error" in emitted) {
          void connection.window.showErrorMessage(`Article Annotator: cannot emit the record: ${emitted.error}.`);
          return null;
        }
        const applied = await connection.workspace.applyEdit({ label: "Emit annotated record", edit: emitted.edit });
        return applied.applied ? emitted.recordUri : null;
      }
      return null;
    }),
  );

  connection.onShutdown(async () => {
    index.dispose();
    await pool.dispose();
  });
  documents.listen(connection);
  connection.listen();
}
