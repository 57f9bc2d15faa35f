/**
 * Every request the server sends the client, in one place. LSP lets the client answer any of them
 * with an error, and clients do: VS Code rejects a `window/showMessageRequest` still open when its
 * window closes ("Canceled", LSP's RequestCancelled -32800), a client may not support a request,
 * or the connection may be gone. None of that may end the server (Node ends a process on an
 * unhandled promise rejection), so each method here always resolves — to `undefined` when the
 * request failed — and logs why. Lint forbids sending these requests anywhere else in `lsp/`.
 */
import type {
  ApplyWorkspaceEditResult,
  Connection,
  MessageActionItem,
  ShowDocumentParams,
  WorkDoneProgressServerReporter,
  WorkspaceEdit,
} from "vscode-languageserver";
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type DidChangeWatchedFilesRegistrationOptions } from "vscode-languageserver";

export class ClientRequests {
  constructor(private readonly connection: Connection) {}

  /** `window/showMessage` (error): a notification, dropped when the connection is gone. */
  showError(message: string): void {
    this.notify("showMessage", () => this.connection.window.showErrorMessage(message));
  }

  /** `window/showMessage` (warning): a notification, dropped when the connection is gone. */
  showWarning(message: string): void {
    this.notify("showMessage", () => this.connection.window.showWarningMessage(message));
  }

  /** `window/showMessageRequest` (info): the action the person chose, or undefined (dismissed, cancelled, failed). */
  showInformation(message: string, ...actions: MessageActionItem[]): Promise<MessageActionItem | undefined> {
    return this.settle("showInformationMessage", () => this.connection.window.showInformationMessage(message, ...actions)).then((choice) => choice ?? undefined);
  }

  /** `window/showDocument`: whether the client showed it. */
  showDocument(params: ShowDocumentParams): Promise<boolean> {
    return this.settle("showDocument", () => this.connection.window.showDocument(params)).then((result) => result?.success === true);
  }

  /** `workspace/applyEdit`: the client's answer, or undefined when the request failed. */
  applyEdit(label: string, edit: WorkspaceEdit): Promise<ApplyWorkspaceEditResult | undefined> {
    return this.settle("applyEdit", () => this.connection.workspace.applyEdit({ label, edit }));
  }

  /** `workspace/semanticTokens/refresh`. */
  refreshSemanticTokens(): Promise<void> {
    return this.settle("semanticTokens/refresh", () => this.connection.languages.semanticTokens.refresh());
  }

  /** `workspace/codeLens/refresh`. */
  refreshCodeLenses(): Promise<void> {
    return this.settle("codeLens/refresh", () => this.connection.sendRequest("workspace/codeLens/refresh"));
  }

  /** `client/registerCapability` for configuration changes under `section`. */
  watchConfiguration(section: string): Promise<void> {
    return this.settle("registerCapability", () => this.connection.client.register(DidChangeConfigurationNotification.type, { section })).then(() => undefined);
  }

  /** `client/registerCapability` for file events on `watchers`. */
  watchFiles(watchers: DidChangeWatchedFilesRegistrationOptions["watchers"]): Promise<void> {
    return this.settle("registerCapability", () => this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers })).then(() => undefined);
  }

  /**
   * `workspace/configuration` of `section` for `scopeUri` (none: the window-wide value): the
   * client's answer as `value`, or undefined when the request failed.
   */
  configuration(scopeUri: string | undefined, section: string): Promise<{ value: unknown } | undefined> {
    return this.settle("configuration", async () => ({ value: (await this.connection.workspace.getConfiguration(scopeUri === undefined ? { section } : { scopeUri, section })) as unknown }));
  }

  /** `window/workDoneProgress/create`: a reporter, or undefined when the client refused one (work goes on without progress). */
  createProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    return this.settle("workDoneProgress/create", () => this.connection.window.createWorkDoneProgress());
  }

  private notify(name: string, send: () => void): void {
    try {
      send();
    } catch (error) {
      this.log(name, error);
    }
  }

  /** Sends a request (`send` may also throw at once: a closed connection) and settles it. */
  private async settle<T>(name: string, send: () => Promise<T>): Promise<T | undefined> {
    try {
      return await send();
    } catch (error) {
      this.log(name, error);
      return undefined;
    }
  }

  private log(name: string, error: unknown): void {
    try {
      this.connection.console.log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // the connection is gone: nobody to tell
    }
  }
}
