/** A readable per-article table for people (the records themselves are JSON), from the one summary (host/summary.ts). */
import { basename } from "node:path";
import { ENTITY_KINDS, ENTITY_TYPES, type AnnotatedRecord, type EntityType } from "../engine";
import { summarizeCounts, type CountsSummary } from "../host/summary";

export function summaryTable(records: readonly AnnotatedRecord[], width = 120): string {
  const rows = records.map((record) => ({ record, summary: summarizeCounts(record.entities.filter((e) => e.origin !== "rejected"), record.boilerplate) }));
  // The types the engine finds, and any other type some article has.
  const types = ENTITY_TYPES.filter((type) => ENTITY_KINDS[type].inSummaryLine === "always" || type === "date" || rows.some((r) => r.summary.mentions[type] > 0));
  const titles = ["article", ...types.map((type) => ENTITY_KINDS[type].plural), "debris lines", "title"];
  const numbers = (summary: CountsSummary): string[] => [...types.map((type) => String(summary.counts[type])), String(summary.debrisLines)];
  const cells = rows.map(({ record, summary }) => [basename(record.source.path).replace(/\.txt$/i, ""), ...numbers(summary), record.article.title ?? ""]);
  const last = titles.length - 1;
  const widths = titles.map((title, c) => Math.max(title.length, ...cells.map((row) => displayWidth(row[c]!))));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  widths[last] = Math.max(10, Math.min(widths[last]!, width - fixed));
  const format = (row: readonly string[]): string =>
    row.map((cell, c) => (c >= 1 && c < last ? cell.padStart(widths[c]!) : truncate(cell, widths[c]!).padEnd(widths[c]!))).join("  ").trimEnd();
  const total = (c: number): string => String(cells.reduce((sum, row) => sum + Number(row[c]), 0));
  const lines = [format(titles), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(format)];
  if (rows.length > 1) lines.push(format([`${rows.length} articles`, ...titles.slice(1, last).map((_, k) => total(k + 1)), ""]));
  lines.push(countingNote(types));
  return lines.join("\n");
}

/** What the numbers count: "people, forums: each once per article; amounts, dates: every mention." */
function countingNote(types: readonly EntityType[]): string {
  const distinct = types.filter((type) => ENTITY_KINDS[type].counted === "distinct").map((type) => ENTITY_KINDS[type].plural);
  const mentions = types.filter((type) => ENTITY_KINDS[type].counted === "mentions").map((type) => ENTITY_KINDS[type].plural);
  return [distinct.length > 0 ? `${distinct.join(", ")}: each counted once per article` : "", mentions.length > 0 ? `${mentions.join(", ")}: every mention` : ""].filter(Boolean).join("; ") + ".";
}

function displayWidth(text: string): number {
  return [...text.normalize("NFC")].length;
}

function truncate(text: string, width: number): string {
  const chars = [...text.normalize("NFC")];
  return chars.length <= width ? chars.join("") : chars.slice(0, width - 1).join("") + "…";
}
