/** Where an open document's record lives: host/records.ts's policy, with the workspace folder that holds it as the root. */
import * as l10n from "@vscode/l10n";
import { isInside } from "../host/paths";
import { recordLocation, type RecordLocation } from "../host/records";
import type { ResolvedSettings } from "../host/settings";
import { URI } from "./uri";

/** Where the record of `documentUri` lives, or why it cannot live anywhere (an unsaved document, a records folder outside the workspace). */
export function documentRecordLocation(documentUri: string, settings: Pick<ResolvedSettings, "recordsFolder">, workspaceFolders: readonly string[]): RecordLocation | { error: string } {
  const articlePath = URI.path(documentUri);
  if (!documentUri.startsWith("file:") || articlePath === undefined) return { error: l10n.t("save the article to a file first") };
  const root = workspaceFolders.map((f) => URI.path(f)).find((f): f is string => f !== undefined && isInside(articlePath, f));
  return recordLocation(articlePath, { root, folder: settings.recordsFolder, confined: true });
}
