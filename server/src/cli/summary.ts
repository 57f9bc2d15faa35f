/** A readable per-article table for people (the records themselves are JSON). */
import { basename } from "node:path";
import type { AnnotatedRecord } from "../engine";

interface Row {
  file: string;
  record: AnnotatedRecord;
}

const COLUMNS = ["article", "people", "forums", "amounts", "dates", "debris lines", "title"] as const;

export function summaryTable(rows: readonly Row[], width = 120): string {
  const cells = rows.map(({ file, record }) => {
    const count = (type: string): string => String(record.entities.filter((e) => e.type === type).length);
    const debris = new Set<number>();
    for (const b of record.boilerplate) if (b.scope === "lines") for (let k = b.startLine; k <= b.endLine; k++) debris.add(k);
    return [basename(file).replace(/\.txt$/i, ""), count("person"), count("forum"), count("amount"), count("date"), String(debris.size), record.article.title ?? ""];
  });
  const widths = COLUMNS.map((title, c) => Math.max(title.length, ...cells.map((row) => displayWidth(row[c]!))));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  widths[widths.length - 1] = Math.max(10, Math.min(widths[widths.length - 1]!, width - fixed));
  const format = (row: readonly string[]): string =>
    row.map((cell, c) => (c >= 1 && c <= 5 ? cell.padStart(widths[c]!) : truncate(cell, widths[c]!).padEnd(widths[c]!))).join("  ").trimEnd();
  const total = (c: number): string => String(cells.reduce((sum, row) => sum + Number(row[c]), 0));
  const lines = [format(COLUMNS), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(format)];
  if (rows.length > 1) lines.push(format([`${rows.length} articles`, total(1), total(2), total(3), total(4), total(5), ""]));
  return lines.join("\n");
}

function displayWidth(text: string): number {
  return [...text.normalize("NFC")].length;
}

function truncate(text: string, width: number): string {
  const chars = [...text.normalize("NFC")];
  return chars.length <= width ? chars.join("") : chars.slice(0, width - 1).join("") + "…";
}
