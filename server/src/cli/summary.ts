/** A readable per-article table for people (the records themselves are JSON), from the one summary (host/summary.ts). */
import * as l10n from "@vscode/l10n";
import { basename } from "node:path";
import { ENTITY_KINDS, ENTITY_TYPES, type AnnotatedRecord, type EntityType } from "../engine";
import { summarizeCounts, typeHeading, type CountsSummary } from "../host/summary";

/** Articles listed one per row at most; past that, the table says how many more there are and the totals still count them all. */
export const MAX_TABLE_ROWS = 1000;

interface Row {
  name: string;
  summary: CountsSummary;
  title: string;
}

/**
 * The table `annotate --out` prints, built one record at a time so a run over any number of
 * articles holds at most MAX_TABLE_ROWS rows (the totals count every article).
 */
export class SummaryTable {
  private readonly rows: Row[] = [];
  private readonly totals = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>;
  private readonly present = new Set<EntityType>();
  private debrisLines = 0;
  private articles = 0;

  get size(): number {
    return this.articles;
  }

  add(record: AnnotatedRecord): void {
    const summary = summarizeCounts(record.entities.filter((e) => e.origin !== "rejected"), record.boilerplate);
    this.articles++;
    for (const type of ENTITY_TYPES) {
      this.totals[type] += summary.counts[type];
      if (summary.mentions[type] > 0) this.present.add(type);
    }
    this.debrisLines += summary.debrisLines;
    if (this.rows.length < MAX_TABLE_ROWS) this.rows.push({ name: basename(record.source.path).replace(/\.txt$/i, ""), summary, title: record.article.title ?? "" });
  }

  /** The table, fitted to `width` columns (the title column is cut to fit). */
  render(width = 120): string {
    // The types the engine finds, and any other type some article has.
    const types = ENTITY_TYPES.filter((type) => ENTITY_KINDS[type].inSummaryLine === "always" || type === "date" || this.present.has(type));
    const titles = [l10n.t("article"), ...types.map(typeHeading), l10n.t("debris lines"), l10n.t("title")];
    const numbers = (counts: Record<EntityType, number>, debris: number): string[] => [...types.map((type) => String(counts[type])), String(debris)];
    const cells = this.rows.map((row) => [row.name, ...numbers(row.summary.counts, row.summary.debrisLines), row.title]);
    const omitted = this.articles - this.rows.length;
    const totalRow = this.articles > 1 ? [l10n.t("{0} articles", this.articles), ...numbers(this.totals, this.debrisLines), ""] : undefined;
    const last = titles.length - 1;
    // The totals row too: "10000 articles" is not cut to the width of short names.
    const widths = titles.map((title, c) => Math.max(displayWidth(title), ...[...cells, ...(totalRow ? [totalRow] : [])].map((row) => displayWidth(row[c]!))));
    const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
    widths[last] = Math.max(10, Math.min(widths[last]!, width - fixed));
    const format = (row: readonly string[]): string =>
      row.map((cell, c) => (c >= 1 && c < last ? cell.padStart(widths[c]!) : truncate(cell, widths[c]!).padEnd(widths[c]!))).join("  ").trimEnd();
    const lines = [format(titles), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(format)];
    if (omitted > 0) lines.push(omitted === 1 ? l10n.t("… and 1 more article (each in its record; the totals count them)") : l10n.t("… and {0} more articles (each in its record; the totals count them)", omitted));
    if (totalRow) lines.push(format(totalRow));
    lines.push(countingNote(types));
    return lines.join("\n");
  }
}

/** What the numbers count: "people, forums: each once per article; amounts, dates: every mention." */
function countingNote(types: readonly EntityType[]): string {
  const distinct = types.filter((type) => ENTITY_KINDS[type].counted === "distinct").map(typeHeading);
  const mentions = types.filter((type) => ENTITY_KINDS[type].counted === "mentions").map(typeHeading);
  return [distinct.length > 0 ? l10n.t("{0}: each counted once per article", distinct.join(", ")) : "", mentions.length > 0 ? l10n.t("{0}: every mention", mentions.join(", ")) : ""].filter(Boolean).join("; ") + ".";
}

function displayWidth(text: string): number {
  return [...text.normalize("NFC")].length;
}

function truncate(text: string, width: number): string {
  const chars = [...text.normalize("NFC")];
  return chars.length <= width ? chars.join("") : chars.slice(0, width - 1).join("") + "…";
}
