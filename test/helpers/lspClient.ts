/**
 * A real JSON-RPC client for protocol tests: starts dist/server.js over stdio, answers the server's
 * requests (configuration, progress, applyEdit) and collects what it publishes. Waits are on
 * events, with a deadline, never a fixed sleep.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-languageserver-protocol/node";
import type { ApplyWorkspaceEditParams, PublishDiagnosticsParams, WorkspaceEdit } from "vscode-languageserver-protocol";
import { serverPath } from "./paths";

export interface TestClient {
  connection: MessageConnection;
  child: ChildProcess;
  /** Settings the client answers `workspace/configuration` with. */
  settings: Record<string, unknown>;
  /** Edits the server asked the client to apply. */
  appliedEdits: ApplyWorkspaceEditParams[];
  /** Progress tokens the server created. */
  progressTokens: unknown[];
  /** Messages the server showed. */
  messages: { type: number; message: string }[];
  /** Lines the server logged (window/logMessage). */
  logs: string[];
  /** Server-to-client requests received, by method, in order. */
  requests: string[];
  /** Text the server wrote on stderr. */
  stderr(): string;
  /** Latest diagnostics per uri. */
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Resolves with the first diagnostics for `uri` that satisfy `test`. */
  waitForDiagnostics(uri: string, test?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startClient(
  options: {
    rootUri?: string;
    capabilities?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    initializationOptions?: unknown;
    /** The editor's language, as `initialize` says it (LSP 3.16 `locale`: "vi", "en-US"); none by default. */
    locale?: string;
    env?: Record<string, string>;
    /**
     * How the client answers the server's request `method`: "cancel" answers LSP's RequestCancelled
     * error ("Canceled", as VS Code does for a message still open when its window closes); "close"
     * never answers and closes the connection, as a client that quits does. Default: answer.
     */
    refuse?: (method: string) => "cancel" | "close" | undefined;
  } = {},
): Promise<TestClient> {
  const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...options.env } });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // Every request the server sends goes through here: recorded, then answered, refused or abandoned.
  const onRequest = <P>(method: string, answer: (params: P) => unknown): void => {
    connection.onRequest(method, (params: P): unknown => {
      client.requests.push(method);
      const refusal = options.refuse?.(method);
      if (refusal === "cancel") return new ResponseError(-32800, "Canceled");
      if (refusal === "close") {
        child.stdin.end();
        return new Promise<never>(() => undefined);
      }
      return answer(params);
    });
  };
  const client: TestClient = {
    connection,
    child,
    settings: options.settings ?? {},
    appliedEdits: [],
    progressTokens: [],
    messages: [],
    logs: [],
    requests: [],
    stderr: () => stderr,
    diagnostics: new Map(),
    waitForDiagnostics: (uri, test = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const current = client.diagnostics.get(uri);
        if (current && test(current)) return resolve(current);
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (params: PublishDiagnosticsParams): void => {
          if (params.uri === uri && test(params)) {
            clearTimeout(timer);
            listeners.delete(listener);
            resolve(params);
          }
        };
        listeners.add(listener);
      }),
    stop: async () => {
      try {
        await Promise.race([connection.sendRequest("shutdown"), new Promise((resolve) => setTimeout(resolve, 2000))]);
        await connection.sendNotification("exit");
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
    },
  };
  const listeners = new Set<(params: PublishDiagnosticsParams) => void>();
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    client.diagnostics.set(params.uri, params);
    for (const listener of [...listeners]) listener(params);
  });
  connection.onNotification("window/showMessage", (params: { type: number; message: string }) => {
    client.messages.push(params);
  });
  onRequest("window/showMessageRequest", (params: { type: number; message: string }) => {
    client.messages.push(params);
    return null;
  });
  connection.onNotification("window/logMessage", (params: { message: string }) => {
    client.logs.push(params.message);
  });
  connection.onNotification("articleAnnotator/summary", () => undefined);
  connection.onNotification("$/progress", () => undefined);
  onRequest("workspace/configuration", (params: { items: { section?: string }[] }) => params.items.map(() => client.settings));
  onRequest("window/workDoneProgress/create", (params: { token: unknown }) => {
    client.progressTokens.push(params.token);
    return null;
  });
  onRequest("workspace/applyEdit", (params: ApplyWorkspaceEditParams) => {
    client.appliedEdits.push(params);
    return { applied: true };
  });
  onRequest("client/registerCapability", () => null);
  onRequest("window/showDocument", () => ({ success: true }));
  onRequest("workspace/semanticTokens/refresh", () => null);
  onRequest("workspace/codeLens/refresh", () => null);
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: "workspace" }] : null,
    initializationOptions: options.initializationOptions,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    capabilities: options.capabilities ?? {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ["create"] }, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true } },
    },
  });
  await connection.sendNotification("initialized", {});
  return client;
}

/** Applies the text edits of a WorkspaceEdit meant for `uri` to `text` (edits are non-overlapping). */
export function applyTextEdits(text: string, edit: WorkspaceEdit, uri: string): string {
  const edits = (edit.documentChanges ?? []).flatMap((change) => ("textDocument" in change && change.textDocument.uri === uri ? change.edits : []));
  const lines = text.split("\n");
  const offsetOf = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  const sorted = edits.map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: "newText" in e ? e.newText : e.snippet.value })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}
