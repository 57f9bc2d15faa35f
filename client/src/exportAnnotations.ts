/**
 * "Export Annotations…" (`articleAnnotator.exportAnnotations`): asks for the format, the scope (the
 * workspace or the active article), the options and the folder, then runs the server's export
 * (`Commands.exportAnnotations`), which does the work for every LSP client.
 */
import { commands, ProgressLocation, Uri, window, workspace, type Disposable } from "vscode";
import { Commands, EXPORT_FORMATS, type ExportArgs, type ExportReply } from "../../server/src/lsp/protocol";

export const EXPORT_COMMAND = "articleAnnotator.exportAnnotations";

export function registerExport(): Disposable {
  return commands.registerCommand(EXPORT_COMMAND, exportAnnotations);
}

async function exportAnnotations(): Promise<void> {
  const title = "Export Annotations";
  const format = await window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f.label, detail: f.detail, id: f.id })),
    { title: `${title}: format`, placeHolder: "The tool the annotations go to", matchOnDetail: true },
  );
  if (!format) return;
  const active = window.activeTextEditor?.document;
  const article = active && active.uri.scheme === "file" && (active.languageId === "article" || active.languageId === "plaintext") ? active : undefined;
  let uris: string[] | undefined;
  if (article) {
    const scope = await window.showQuickPick(
      [
        { label: "Every article in the workspace", uris: undefined },
        { label: `This article: ${workspace.asRelativePath(article.uri)}`, uris: [article.uri.toString()] },
      ],
      { title: `${title}: which articles` },
    );
    if (!scope) return;
    uris = scope.uris;
  }
  const options = await window.showQuickPick(
    [
      { label: "Include suggestions", detail: "also the engine's unreviewed suggestions (as predictions where the format has them)", key: "includeSuggestions" as const },
      ...(format.id === "jsonl" ? [] : [{ label: "Remove debris", detail: "export the articles cleaned of scraping debris, offsets moved into the cleaned text", key: "clean" as const }]),
    ],
    { title: `${title}: options (none: the reviewed annotations of the articles as they are)`, canPickMany: true },
  );
  if (!options) return;
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const picked = await window.showOpenDialog({ title: `${title}: folder to write into`, canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: "Export here", ...(folder ? { defaultUri: folder } : {}) });
  const out = picked?.[0];
  if (!out) return;
  const args: ExportArgs = { format: format.id, out: out.fsPath, ...(uris ? { uris } : {}), includeSuggestions: options.some((o) => o.key === "includeSuggestions"), clean: options.some((o) => o.key === "clean") };
  try {
    const reply = await window.withProgress({ location: ProgressLocation.Notification, title: `Exporting annotations as ${format.label}…` }, () => commands.executeCommand<ExportReply>(Commands.exportAnnotations, args));
    const failures = reply.failed.length > 0 ? ` ${reply.failed.slice(0, 3).join("; ")}${reply.failed.length > 3 ? "; …" : ""}` : "";
    const show = reply.failed.length > 0 ? window.showWarningMessage : window.showInformationMessage;
    const choice = await show(`Article Annotator: ${reply.message}.${failures}`, ...(reply.files.length > 0 ? ["Reveal"] : []));
    if (choice === "Reveal" && reply.files[0]) await commands.executeCommand("revealFileInOS", Uri.file(reply.files[0]));
  } catch (error) {
    void window.showErrorMessage(`Article Annotator: ${error instanceof Error ? error.message : String(error)}`);
  }
}
