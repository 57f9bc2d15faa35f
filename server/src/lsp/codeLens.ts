/** A CodeLens on the first line summarizing the article, with its actions. */
import type { CodeLens } from "vscode-languageserver";
import type { Analysis, PersonAttributes } from "../engine";
import { Commands, type ArticleSummary } from "./protocol";

export function summarize(uri: string, version: number, analysis: Analysis, skipped?: string, skipReason?: string): ArticleSummary {
  const count = (type: string): number => analysis.entities.filter((e) => e.type === type).length;
  // People and forums are counted once however often they are mentioned; amounts and dates each time.
  const distinct = (type: string): number =>
    new Set(analysis.entities.filter((e) => e.type === type).map((e) => (e.type === "person" ? (e.attributes as PersonAttributes).canonical : e.text))).size;
  const debris = new Set<number>();
  for (const b of analysis.boilerplate) if (b.scope === "lines") for (let k = b.startLine; k <= b.endLine; k++) debris.add(k);
  const summary: ArticleSummary = { uri, version, people: distinct("person"), forums: distinct("forum"), amounts: count("amount"), dates: count("date"), debrisLines: debris.size };
  if (skipped) summary.skipped = skipped;
  if (skipped && skipReason) summary.skipReason = skipReason;
  return summary;
}

export function summaryText(s: ArticleSummary): string {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  return [plural(s.people, "person", "people"), plural(s.forums, "forum", "forums"), plural(s.amounts, "amount", "amounts"), plural(s.debrisLines, "line of debris", "lines of debris")].join(" · ");
}

export function codeLenses(uri: string, version: number, analysis: Analysis, options: { canWrite: boolean }): CodeLens[] {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const summary = summarize(uri, version, analysis);
  const lenses: CodeLens[] = [{ range, command: { title: summaryText(summary), command: "" } }];
  if (analysis.boilerplate.length > 0) lenses.push({ range, command: { title: "Fix all debris", command: Commands.fixAll, arguments: [uri, version] } });
  if (options.canWrite) lenses.push({ range, command: { title: "Emit annotated record", command: Commands.emitRecord, arguments: [uri] } });
  return lenses;
}
