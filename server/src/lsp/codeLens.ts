/** A CodeLens on the first line summarizing the article (host/summary.ts), with its actions. */
import * as l10n from "@vscode/l10n";
import type { CodeLens } from "vscode-languageserver";
import type { AnnotatedRecord, Analysis } from "../engine";
import { countsText, summarizeCounts } from "../host/summary";
import { Commands, type ArticleSummary } from "./protocol";
import { formatNumber } from "../host/l10n";

/**
 * The summary of a document: counts of what is shown (`analysis`: the curated view, rejected and
 * orphaned entities left out) and, from its curated `record`, the review state.
 */
export function summarize(uri: string, version: number, analysis: Analysis, record: AnnotatedRecord | undefined, skipped?: string, skipReason?: string): ArticleSummary {
  const counts = summarizeCounts(analysis.entities, analysis.boilerplate);
  const suggestionsLeft = record?.review.suggestionsLeft ?? analysis.entities.length;
  const orphaned = record?.entities.filter((e) => e.orphaned).length ?? 0;
  const summary: ArticleSummary = { uri, version, ...counts, suggestionsLeft, orphaned, text: countsText(counts) };
  if (skipped) summary.skipped = skipped;
  if (skipped && skipReason) summary.skipReason = skipReason;
  return summary;
}

export function codeLenses(uri: string, version: number, analysis: Analysis, record: AnnotatedRecord | undefined, options: { canWrite: boolean }): CodeLens[] {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const summary = summarize(uri, version, analysis, record);
  const lenses: CodeLens[] = [{ range, command: { title: summary.text, command: "" } }];
  if (options.canWrite && summary.suggestionsLeft > 0) {
    lenses.push({ range, command: { title: l10n.t("{0} to review", formatNumber(summary.suggestionsLeft)), command: Commands.nextSuggestion, arguments: [{ uri, position: { line: 0, character: 0 } }] } });
    lenses.push({ range, command: { title: l10n.t("Accept all"), command: Commands.acceptAll, arguments: [{ uri }] } });
  } else if (options.canWrite && record) {
    lenses.push({ range, command: { title: l10n.t("Reviewed"), command: "" } });
  }
  if (analysis.boilerplate.length > 0) lenses.push({ range, command: { title: l10n.t("Fix all debris"), command: Commands.fixAll, arguments: [uri, version] } });
  if (options.canWrite) lenses.push({ range, command: { title: l10n.t("Emit annotated record"), command: Commands.emitRecord, arguments: [uri] } });
  return lenses;
}
