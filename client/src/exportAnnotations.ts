/**
 * "Export Annotations…" (`articleAnnotator.exportAnnotations`): asks for the format, the scope (the
 * workspace or the active article), the options and the folder, then runs the server's export
 * (`Commands.exportAnnotations`), which does the work for every LSP client.
 */
import * as l10n from "@vscode/l10n";
import { commands, ProgressLocation, Uri, window, workspace, type Disposable } from "vscode";
import { Commands, EXPORT_FORMATS, type ExportArgs, type ExportReply } from "../../server/src/lsp/protocol";

export const EXPORT_COMMAND = "articleAnnotator.exportAnnotations";

/**
 * A format's name and what it is for, in the client's language, by the format's id
 * (`EXPORT_FORMATS`); a format not listed here shows the protocol's English text.
 */
function describeFormat(format: (typeof EXPORT_FORMATS)[number]): { label: string; detail: string } {
  switch (format.id) {
    case "brat":
      return { label: format.label, detail: l10n.t(".txt + .ann per article and annotation.conf: the folder opens in brat as it is") };
    case "conll":
      return { label: format.label, detail: l10n.t("one token per line, for training NER models") };
    case "w3c":
      return { label: format.label, detail: l10n.t("JSON-LD with TextQuoteSelector and TextPositionSelector") };
    case "labelstudio":
      return { label: format.label, detail: l10n.t("tasks JSON with annotations and predictions, and the labeling config") };
    case "doccano":
      return { label: format.label, detail: l10n.t("sequence-labeling JSONL") };
    case "spacy":
      return { label: format.label, detail: l10n.t("JSONL with tokens and spans") };
    case "jsonl":
      return { label: l10n.t("Article Annotator records"), detail: l10n.t("our records as JSON Lines") };
    default:
      return { label: format.label, detail: format.detail };
  }
}

export function registerExport(): Disposable {
  return commands.registerCommand(EXPORT_COMMAND, exportAnnotations);
}

async function exportAnnotations(): Promise<void> {
  const format = await window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ ...describeFormat(f), id: f.id })),
    { title: l10n.t("Export Annotations: format"), placeHolder: l10n.t("The tool the annotations go to"), matchOnDetail: true },
  );
  if (!format) return;
  const active = window.activeTextEditor?.document;
  const article = active && active.uri.scheme === "file" && (active.languageId === "article" || active.languageId === "plaintext") ? active : undefined;
  let uris: string[] | undefined;
  if (article) {
    const scope = await window.showQuickPick(
      [
        { label: l10n.t("Every article in the workspace"), uris: undefined },
        { label: l10n.t("This article: {0}", workspace.asRelativePath(article.uri)), uris: [article.uri.toString()] },
      ],
      { title: l10n.t("Export Annotations: which articles") },
    );
    if (!scope) return;
    uris = scope.uris;
  }
  const options = await window.showQuickPick(
    [
      { label: l10n.t("Include suggestions"), detail: l10n.t("also the engine's unreviewed suggestions (as predictions where the format has them)"), key: "includeSuggestions" as const },
      ...(format.id === "jsonl" ? [] : [{ label: l10n.t("Remove debris"), detail: l10n.t("export the articles cleaned of scraping debris, offsets moved into the cleaned text"), key: "clean" as const }]),
    ],
    { title: l10n.t("Export Annotations: options (none: the reviewed annotations of the articles as they are)"), canPickMany: true },
  );
  if (!options) return;
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const picked = await window.showOpenDialog({ title: l10n.t("Export Annotations: folder to write into"), canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: l10n.t("Export here"), ...(folder ? { defaultUri: folder } : {}) });
  const out = picked?.[0];
  if (!out) return;
  const args: ExportArgs = { format: format.id, out: out.fsPath, ...(uris ? { uris } : {}), includeSuggestions: options.some((o) => o.key === "includeSuggestions"), clean: options.some((o) => o.key === "clean") };
  try {
    const reply = await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t("Exporting annotations as {0}…", format.label) }, () => commands.executeCommand<ExportReply>(Commands.exportAnnotations, args));
    const failures = reply.failed.length > 0 ? ` ${reply.failed.slice(0, 3).join("; ")}${reply.failed.length > 3 ? "; …" : ""}` : "";
    const show = reply.failed.length > 0 ? window.showWarningMessage : window.showInformationMessage;
    const reveal = l10n.t("Reveal");
    const choice = await show(l10n.t("Article Annotator: {0}.{1}", reply.message, failures), ...(reply.files.length > 0 ? [reveal] : []));
    if (choice === reveal && reply.files[0]) await commands.executeCommand("revealFileInOS", Uri.file(reply.files[0]));
  } catch (error) {
    void window.showErrorMessage(l10n.t("Article Annotator: {0}", error instanceof Error ? error.message : String(error)));
  }
}
