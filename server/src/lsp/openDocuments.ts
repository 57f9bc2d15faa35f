/**
 * The documents open in the editor (LSP's text document sync, `TextDocuments`), found by any
 * spelling of their uri. A request may name an open file as another part of the system spells it
 * (the workspace index and records spell file URIs as Node's `pathToFileURL` does; VS Code escapes
 * `( ) ! ' & + , ; = $ @`): `get` answers with the open document all the same, so one file is
 * one document. Each document keeps the uri its client opened it with, for everything sent back.
 */
import { TextDocuments } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "./uri";

export class OpenDocuments extends TextDocuments<TextDocument> {
  /** `URI.key` of each open document → the uri its client opened it with. */
  private readonly clientUris = new Map<string, string>();

  constructor() {
    super(TextDocument);
    this.onDidOpen(({ document }) => this.clientUris.set(URI.key(document.uri), document.uri));
    this.onDidClose(({ document }) => this.clientUris.delete(URI.key(document.uri)));
  }

  /** The open document at `uri`, spelled as its client does or any other way; undefined when it is not open. */
  override get(uri: string): TextDocument | undefined {
    const exact = super.get(uri);
    if (exact) return exact;
    const clientUri = this.clientUris.get(URI.key(uri));
    return clientUri === undefined ? undefined : super.get(clientUri);
  }
}
