/**
 * Wires the language server: document sync, analysis cached per (uri, version), diagnostics
 * (debounced, never published for a stale version) and hovers. One feature per module; this file
 * only connects them.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, type Analysis } from "../engine";
import { findingToDiagnostic } from "./convert";
import { hoverAt } from "./hover";

const DEBOUNCE_MS = 150;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; analysis: Analysis }>();
  const timers = new Map<string, NodeJS.Timeout>();

  const analysisOf = (document: TextDocument): Analysis => {
    const cached = cache.get(document.uri);
    if (cached?.version === document.version) return cached.analysis;
    let analysis: Analysis;
    try {
      analysis = analyze(document.getText());
    } catch (error) {
      connection.console.error(`analysis failed for ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      analysis = { length: document.getText().length, article: {}, entities: [], boilerplate: [] };
    }
    cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  };

  const publish = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const diagnostics = analysisOf(document).boilerplate.map((finding) => findingToDiagnostic(document, finding));
    if (documents.get(uri)?.version !== version) return; // a newer edit arrived: its own run will publish
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (uri: string): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      publish(uri);
    }, DEBOUNCE_MS));
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
    },
    serverInfo: { name: "article-annotator" },
  }));

  documents.onDidOpen(({ document }) => publish(document.uri));
  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    cache.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    return hoverAt(document, analysisOf(document), document.offsetAt(position));
  });

  documents.listen(connection);
  connection.listen();
}
