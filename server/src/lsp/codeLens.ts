/** A CodeLens on the first line summarizing the article (host/summary.ts), with its actions. */
import type { CodeLens } from "vscode-languageserver";
import type { Analysis } from "../engine";
import { countsText, summarizeCounts } from "../host/summary";
import { Commands, type ArticleSummary } from "./protocol";

export function summarize(uri: string, version: number, analysis: Analysis, skipped?: string, skipReason?: string): ArticleSummary {
  const counts = summarizeCounts(analysis.entities, analysis.boilerplate);
  const summary: ArticleSummary = { uri, version, ...counts, text: countsText(counts) };
  if (skipped) summary.skipped = skipped;
  if (skipped && skipReason) summary.skipReason = skipReason;
  return summary;
}

export function codeLenses(uri: string, version: number, analysis: Analysis, options: { canWrite: boolean }): CodeLens[] {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const summary = summarize(uri, version, analysis);
  const lenses: CodeLens[] = [{ range, command: { title: summary.text, command: "" } }];
  if (analysis.boilerplate.length > 0) lenses.push({ range, command: { title: "Fix all debris", command: Commands.fixAll, arguments: [uri, version] } });
  if (options.canWrite) lenses.push({ range, command: { title: "Emit annotated record", command: Commands.emitRecord, arguments: [uri] } });
  return lenses;
}
