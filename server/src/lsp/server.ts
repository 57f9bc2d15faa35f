/**
 * Wires the language server: one feature per module, this file only connects them. Analysis is
 * cached per (uri, version) and debounced; nothing is published for a stale version; every handler
 * turns an internal error into a log line and an empty result.
 */
import * as l10n from "@vscode/l10n";
import { isAbsolute } from "node:path";
import { analysisRequest } from "../host/analysisWorker";
import { engineFingerprint } from "../host/contentCache";
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisPool } from "../host/analysisPool";
import { readArticleFileAsync } from "../host/articleFiles";
import { curatedAnalysis } from "../host/curationSession";
import { BUILT_IN_TYPES, builtInKnowledgeBase, ENTITY_TYPES, isEntityType, type AnnotatedRecord } from "../engine";
import { entityTypeLabel } from "../host/labels";
import { URI } from "./uri";
import { AnalysisCache, type DocumentAnalysis } from "./analyses";
import { ClientRequests } from "./clientRequests";
import { Curation } from "./curation";
import { OpenDocuments } from "./openDocuments";
import { curationActions } from "./curationActions";
import { codeActions, fixAllEdit } from "./codeActions";
import { codeLenses, summarize } from "./codeLens";
import { toDiagnostics } from "./diagnostics";
import { hoverAt } from "./hover";
import { exportAnnotations } from "./exportAnnotations";
import { knowledgeBaseCommand } from "./knowledgeBaseActions";
import { LanguageChoice } from "./language";
import { CodeActionKinds, Commands, ReviewEntitiesRequest, ReviewListRequest, SummaryNotification, SummaryRequest, PrefillRequest, type CurationArgs, type ExportArgs, type ReviewArticle, type ReviewEntity, type ServerDescription } from "./protocol";
import { reviewArticles, reviewEntities } from "./review";
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
  /** The package version, for an export's generator name. */
  version?: string;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions): void {
  const documents = new OpenDocuments();
  const log = (message: string): void => connection.console.error(message);
  const pool = new AnalysisPool({ script: options.workerScript, size: ANALYSIS_WORKERS });
  pool.warm();
  const cache = new AnalysisCache(pool, log);
  const requests = new ClientRequests(connection);
  const index = new WorkspaceIndex(requests, log, options.workerScript);
  const timers = new Map<string, NodeJS.Timeout>();
  /** How long the last analysis of each document took, for the debounce. */
  const analysisMs = new Map<string, number>();
  let settings: SettingsStore = new SettingsStore(connection, requests, false);
  let workspaceFolders: string[] = [];
  let client = { configuration: false, progress: false, dynamicConfiguration: false, watchFiles: false, refreshTokens: false, refreshLenses: false };
  /** False in an untrusted workspace (VS Code's Restricted Mode): no record is written. */
  let trusted = true;
  const language = new LanguageChoice(
    (message) => requests.showWarning(message),
    (line) => connection.console.warn(line),
  );
  /** Settles once the window-wide language setting has been read after `initialized`: nothing is said before. */
  let languageRead: Promise<void> = Promise.resolve();

  /** Runs a handler; an internal error is logged and answered with `fallback`. */
  const safely = async <T>(name: string, fallback: T, work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ResponseError) throw error; // an answer for the client (a cancelled request), not a failure
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  const curation = new Curation({
    connection,
    requests,
    document: (uri) => documents.get(uri),
    analysis: async (document) => {
      const resolved = await settings.get(document.uri);
      const result = await cache.get(document, resolved);
      return result.skipped || result.version !== document.version ? undefined : { analysis: result.analysis, settings: resolved };
    },
    analyzeSnippet: async (text, resolved) => {
      const outcome = await pool.analyze(analysisRequest(text, resolved), resolved.analysisDeadline);
      return outcome.kind === "done" ? outcome.analysis : undefined;
    },
    workspaceFolders: () => workspaceFolders,
    trusted: () => trusted,
    refresh: (uri) => {
      schedule(uri, 0);
      if (client.refreshTokens) void requests.refreshSemanticTokens();
      if (client.refreshLenses) void requests.refreshCodeLenses();
    },
  });

  /**
   * The document's analysis as the person sees it: the engine's, curated by the person's decisions
   * (rejected and orphaned entities left out, theirs added); `record` is the curated record.
   */
  const analysisOf = async (document: TextDocument): Promise<DocumentAnalysis & { settings: ResolvedSettings; record?: AnnotatedRecord }> => {
    await languageRead;
    const resolved = await settings.get(document.uri);
    const result = await cache.get(document, resolved);
    if (result.skipped) return { ...result, settings: resolved };
    const record = await curation.recordFor(document, result.analysis, resolved);
    if (!record) return { ...result, settings: resolved };
    return { ...result, analysis: curatedAnalysis(result.analysis, record), settings: resolved, record };
  };

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const result = await analysisOf(document);
    if (result.ms !== undefined) analysisMs.set(uri, result.ms);
    // A newer edit arrived, or the document was closed and opened again (a language change closes and
    // reopens it at the same version): the newer run publishes. A run cancelled for it is never shown.
    if (documents.get(uri) !== document || documents.get(uri)?.version !== version || result.skipReason === "superseded") return;
    await connection.sendDiagnostics({ uri, version, diagnostics: [...toDiagnostics(document, result), ...curation.orphanDiagnostics(document, result.record)] });
    await connection.sendNotification(SummaryNotification, summarize(uri, version, result.analysis, result.record, result.skipped, result.skipReason));
    for (const recordDiagnostics of await curation.recordDiagnostics()) await connection.sendDiagnostics(recordDiagnostics);
    if (!result.skipped) index.update(uri, document.getText(), result.analysis, result.record, curation.hasRecord(uri));
    if (!result.skipped && result.record) await curation.refreshStale(document);
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
      watchFiles: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      refreshTokens: params.capabilities.workspace?.semanticTokens?.refreshSupport === true,
      refreshLenses: params.capabilities.workspace?.codeLens?.refreshSupport === true,
    };
    settings = new SettingsStore(connection, requests, client.configuration, () => workspaceFolders);
    const initializationOptions = params.initializationOptions as { trusted?: unknown; cacheDir?: unknown } | undefined;
    trusted = initializationOptions?.trusted !== false;
    language.initialize(params.locale, params.initializationOptions);
    // Where the workspace index persists between sessions (VS Code: the workspace's storage folder).
    const cacheDir = initializationOptions?.cacheDir;
    if (typeof cacheDir === "string" && isAbsolute(cacheDir)) index.useCache(cacheDir, engineFingerprint(options.workerScript));
    else if (cacheDir !== undefined && cacheDir !== null) log(`initializationOptions.cacheDir must be an absolute folder path, not ${JSON.stringify(cacheDir)}; the workspace index is not cached`);
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.fixAll, CodeActionKinds.emitRecord, CodeActionKinds.curate] },
        executeCommandProvider: { commands: Object.values(Commands) },
        semanticTokensProvider: { legend: LEGEND, full: true },
        documentSymbolProvider: { label: l10n.t("Article") },
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true } },
        experimental: { articleAnnotator: { entityTypes: ENTITY_TYPES.map((type) => ({ type, label: entityTypeLabel(type), plural: entityTypeLabel(type, true), builtIn: (BUILT_IN_TYPES as readonly string[]).includes(type) })) } satisfies ServerDescription },
      },
      serverInfo: { name: "article-annotator" },
    };
  });

  /**
   * Reads the window-wide language setting (no scopeUri) from the client, or takes it from the
   * pushed settings; when the language in use changes, everything with words is said again.
   */
  const readLanguage = async (pushed?: unknown): Promise<void> => {
    const section = typeof pushed === "object" && pushed !== null ? (pushed as Record<string, unknown>).articleAnnotator : undefined;
    let changed: boolean;
    if (section !== undefined) changed = language.configured(section);
    else if (client.configuration) {
      const answer = await requests.configuration(undefined, "articleAnnotator");
      // A client that refuses the request leaves the language as it was.
      if (!answer) return;
      changed = language.configured(answer.value);
    } else return;
    if (changed) languageChanged();
  };

  /** The language changed: diagnostics, lenses, tokens and the skip notices are said again in it (a hover asks anew each time). */
  const languageChanged = (): void => {
    cache.clear(); // a skipped analysis keeps its notice's words
    for (const document of documents.all()) schedule(document.uri, 0);
    if (client.refreshTokens) void requests.refreshSemanticTokens();
    if (client.refreshLenses) void requests.refreshCodeLenses();
  };

  connection.onInitialized(() => {
    languageRead = safely("language", undefined, () => readLanguage());
    if (client.dynamicConfiguration) void requests.watchConfiguration("articleAnnotator");
    // Records changed by hand, by the CLI or by git while their article is open are read again.
    // So is a workspace's knowledge base, which takes effect on save.
    if (client.watchFiles) void requests.watchFiles([{ globPattern: "**/*.annotations.json" }, { globPattern: "**/.article-annotator/kb.json" }]);
    void safely("indexing", undefined, async () => {
      await languageRead;
      const resolved = await settings.get(workspaceFolders[0] ?? "");
      await index.start(workspaceFolders, resolved, client.progress);
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    cache.clear();
    // Publishing waits for the language: a document republished now is said in the new one.
    languageRead = safely("language", undefined, () => readLanguage(change.settings));
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  // TextDocuments reports an open as a change too, right after it: that change must not delay the open's run.
  const justOpened = new Set<string>();
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const path = URI.path(change.uri);
      if (path && settings.isKnowledgeBaseFile(path)) {
        settings.knowledgeBaseChanged(path);
        cache.clear();
        for (const document of documents.all()) schedule(document.uri, 0);
      } else if (path) void safely("recordChanged", undefined, () => curation.recordChanged(path));
    }
  });
  documents.onDidSave(({ document }) => void safely("save", undefined, () => curation.saved(document)));
  documents.onDidOpen(({ document }) => {
    curation.opened(document);
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
    void safely("close", undefined, async () => curation.closed(document.uri, await settings.get(document.uri)));
    settings.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /**
   * A request about an open document: `work` on its analysis, or `fallback` when it is not open.
   * When the client cancels the request (LSP's $/cancelRequest) before the analysis is ready, the
   * request stops waiting and answers RequestCancelled; the analysis goes on for the others.
   */
  const withDocument = <T>(
    name: string,
    token: CancellationToken,
    uri: string,
    fallback: T,
    work: (document: TextDocument, result: DocumentAnalysis & { settings: ResolvedSettings; record?: AnnotatedRecord }) => T | Promise<T>,
  ): Promise<T> =>
    safely(name, fallback, async () => {
      const document = documents.get(uri);
      if (!document) return fallback;
      const result = await unlessCancelled(analysisOf(document), token);
      if (result === CANCELLED) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      return work(document, result);
    });

  connection.onHover(({ textDocument, position }, token) => withDocument("hover", token, textDocument.uri, null, (document, { analysis, settings: resolved }) => hoverAt(document, analysis, document.offsetAt(position), resolved.knowledgeBase ? builtInKnowledgeBase(resolved.knowledgeBaseLayers) : undefined)));
  connection.onCodeAction((params, token) =>
    withDocument("codeAction", token, params.textDocument.uri, [], async (document, { analysis, skipped, record, settings: resolved }) => [
      ...codeActions(document, skipped ? undefined : analysis, params, { canWrite: trusted }),
      ...(skipped || !record || !trusted ? [] : await curationActions(document, record, params, (span, type) => curation.prefill(document.getText(), span, type, record, resolved), resolved.labels, resolved.knowledgeBase)),
    ]),
  );
  connection.languages.semanticTokens.on((params, token) => withDocument("semanticTokens", token, params.textDocument.uri, { data: [] }, (document, { analysis }) => semanticTokens(document, analysis)));
  connection.onDocumentSymbol(({ textDocument }, token) => withDocument("documentSymbol", token, textDocument.uri, [], (document, { analysis, skipped }) => (skipped ? [] : documentSymbols(document, analysis))));
  connection.onCodeLens(({ textDocument }, token) =>
    withDocument("codeLens", token, textDocument.uri, [], (document, { analysis, skipped, record }) => (skipped ? [] : codeLenses(document.uri, document.version, analysis, record, { canWrite: trusted }))),
  );
  connection.onWorkspaceSymbol(({ query }) => safely("workspaceSymbol", [], () => index.query(query)));
  connection.onRequest(PrefillRequest, (params: { uri: string; range: CurationArgs["range"]; type: string }, token: CancellationToken) =>
    withDocument("prefill", token, params.uri, null, async (document, { record, settings: resolved }) => {
      if (!record || !params.range || !isEntityType(params.type)) return null;
      const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
      return (await curation.prefill(document.getText(), span, params.type, record, resolved)) ?? null;
    }),
  );
  connection.onRequest(ReviewListRequest, () =>
    safely("reviewList", [] as ReviewArticle[], async () => {
      await index.whenReady();
      return reviewArticles(index.articles());
    }),
  );
  connection.onRequest(ReviewEntitiesRequest, (params: { uri: string }) =>
    safely("reviewEntities", [] as ReviewEntity[], async () => {
      const open = documents.get(params.uri);
      const document = open ?? (await readDocument(params.uri));
      if (!document) return [];
      let record: AnnotatedRecord | undefined;
      try {
        record = (await analysisOf(document)).record;
      } finally {
        if (!open) {
          // A closed article leaves nothing behind.
          cache.delete(document.uri);
          void curation.closed(document.uri);
        }
      }
      return reviewEntities(document, record);
    }),
  );

  /** A closed article read from disk as a document (version 0), for views of articles that are not open. */
  const readDocument = async (uri: string): Promise<TextDocument | undefined> => {
    const path = URI.path(uri);
    if (!uri.startsWith("file:") || !path) return undefined;
    const resolved = await settings.get(uri);
    try {
      return TextDocument.create(uri, "plaintext", 0, (await readArticleFileAsync(path, resolved.maxFileSize)).text);
    } catch {
      return undefined;
    }
  };
  connection.onRequest(SummaryRequest, (params: { uri: string }, token: CancellationToken) =>
    withDocument("summary", token, params.uri, null, (document, { analysis, skipped, skipReason, record }) => summarize(document.uri, document.version, analysis, record, skipped, skipReason)),
  );

  const curationCommands = new Set<string>([Commands.annotate, Commands.accept, Commands.acceptAll, Commands.reject, Commands.changeType, Commands.setAttribute, Commands.remove, Commands.reattach, Commands.undo, Commands.nextSuggestion, Commands.previousSuggestion]);
  connection.onExecuteCommand((params) =>
    safely("executeCommand", null, async () => {
      if (params.command === Commands.exportAnnotations) {
        const args = params.arguments?.[0] as ExportArgs | undefined;
        if (!trusted) throw new ResponseError(ErrorCodes.InvalidRequest, l10n.t("nothing is written in Restricted Mode; trust this workspace to export"));
        if (!args || typeof args !== "object") throw new ResponseError(ErrorCodes.InvalidParams, l10n.t("export needs one argument: {0}", "{ format, out, uris?, includeSuggestions?, clean? }"));
        try {
          return await exportAnnotations(args, { pool, settings: (uri) => settings.get(uri), workspaceFolders: () => workspaceFolders, generator: `article-annotator@${options.version ?? "dev"}` });
        } catch (error) {
          throw new ResponseError(ErrorCodes.InvalidParams, l10n.t("cannot export: {0}", error instanceof Error ? error.message : String(error)));
        }
      }
      if (params.command === Commands.addToKnowledgeBase || params.command === Commands.notEntityInCorpus) {
        return knowledgeBaseCommand(params.command === Commands.addToKnowledgeBase ? "add" : "reject", params.arguments?.[0] as CurationArgs | undefined, {
          document: (uri) => documents.get(uri),
          analysis: analysisOf,
          workspaceFolders: () => workspaceFolders,
          trusted: () => trusted,
          requests,
          changed: (path) => {
            settings.knowledgeBaseChanged(path);
            cache.clear();
            for (const open of documents.all()) schedule(open.uri, 0);
          },
        });
      }
      if (curationCommands.has(params.command)) {
        const args = params.arguments?.[0] as CurationArgs | string | undefined;
        // From a palette (no arguments but the document's uri, see the VS Code client), act at the start.
        const curationArgs: CurationArgs | undefined = typeof args === "string" ? { uri: args } : args;
        if (!curationArgs || typeof curationArgs.uri !== "string") return null;
        return curation.execute(params.command, curationArgs);
      }
      const [uri, version] = (params.arguments ?? []) as [string | undefined, number | undefined];
      const document = uri ? documents.get(uri) : undefined;
      if (!document) {
        requests.showWarning(l10n.t("Article Annotator: open the article first."));
        return null;
      }
      const result = await analysisOf(document);
      if (params.command === Commands.fixAll) {
        if (version !== undefined && version !== document.version) return null; // the text changed since the lens was drawn
        const edit = fixAllEdit(document, result.analysis);
        if (edit) await requests.applyEdit(l10n.t("Fix all debris"), edit);
        return null;
      }
      if (params.command === Commands.emitRecord && !trusted) {
        requests.showWarning(l10n.t("Article Annotator: records are not written in Restricted Mode; trust this workspace to emit them."));
        return null;
      }
      if (params.command === Commands.emitRecord) {
        const emitted = await curation.emit(document);
        if ("error" in emitted) {
          requests.showError(l10n.t("Article Annotator: cannot emit the record: {0}.", emitted.error));
          return null;
        }
        const path = URI.path(emitted.uri) ?? emitted.uri;
        void requests.showInformation(l10n.t("Article Annotator: record written to {0}.", path), { title: l10n.t("Open record") }).then((choice) => {
          if (choice) void requests.showDocument({ uri: emitted.uri, takeFocus: true });
        });
        return emitted.uri;
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

const CANCELLED = Symbol("cancelled");

/** `work`'s result, or CANCELLED as soon as `token` is cancelled (`work` itself goes on: others may share it). */
function unlessCancelled<T>(work: Promise<T>, token: CancellationToken): Promise<T | typeof CANCELLED> {
  if (token.isCancellationRequested) return Promise.resolve(CANCELLED);
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(CANCELLED));
    work.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
