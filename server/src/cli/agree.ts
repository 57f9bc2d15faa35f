/**
 * `agree DIR_A DIR_B`: how far two annotators agree, B measured against A
 * (host/interchange/agreement.ts), over the articles whose records are in both folders (paired by
 * their path below each folder). Only the reviewed annotation counts (a person's entities; with
 * `--include-suggestions` also unreviewed ones). Kappa needs the article's text: it is read at the
 * records' `source.path` (relative to the current folder) or beside the record, and only when its
 * hash is the one both records were made on.
 */
import * as l10n from "@vscode/l10n";
import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { AnnotatedRecord } from "../engine";
import { describeError, readArticleFile } from "../host/articleFiles";
import { formatDecimal } from "../host/l10n";
import { agreement, type AgreementPair, type AgreementReport, type Scores } from "../host/interchange/agreement";
import { describeProblems, parseRecord, RECORD_SUFFIX } from "../host/records";
import type { ResolvedSettings } from "../host/settings";
import { complain, type Io } from "./io";

export interface AgreeOptions {
  format: "text" | "json";
  includeSuggestions: boolean;
  settings: ResolvedSettings;
}

export async function agreeCommand(folders: readonly string[], options: AgreeOptions, io: Io): Promise<number> {
  const [folderA, folderB] = folders as [string, string];
  const [a, b] = await Promise.all([readRecords(folderA, io), readRecords(folderB, io)]);
  if (!a || !b) return 2;
  const pairs: AgreementPair[] = [];
  const notes: string[] = [];
  let otherVersions = 0;
  for (const [name, recordA] of a) {
    const recordB = b.get(name);
    if (!recordB) continue;
    if (recordA.record.source.sha256 !== recordB.record.source.sha256) {
      notes.push(l10n.t("{0}: A and B annotated different versions of the article (its hash differs); not compared", name));
      otherVersions++;
      continue;
    }
    const text = articleText(recordA.record, recordA.path, options.settings) ?? articleText(recordB.record, recordB.path, options.settings);
    if (text === undefined) notes.push(l10n.t("{0}: the article's text (as annotated) was not found; left out of kappa", recordA.record.source.path));
    const chosen = (record: AnnotatedRecord) => record.entities.filter((e) => !e.orphaned && (e.origin === "manual" || (options.includeSuggestions && e.origin === "auto")));
    pairs.push({ path: recordA.record.source.path, text, a: chosen(recordA.record), b: chosen(recordB.record) });
  }
  const onlyA = [...a.keys()].filter((name) => !b.has(name)).length;
  const onlyB = [...b.keys()].filter((name) => !a.has(name)).length;
  for (const note of notes) complain(io, note);
  if (pairs.length === 0) {
    complain(io, l10n.t("no article has a record in both {0} and {1}", folderA, folderB));
    return 1;
  }
  const report = agreement(pairs);
  io.stdout(options.format === "json" ? JSON.stringify({ a: folderA, b: folderB, onlyInA: onlyA, onlyInB: onlyB, otherVersions, ...report }, null, 2) + "\n" : agreementText(report, folderA, folderB, { onlyA, onlyB, otherVersions }));
  return 0;
}

/** The records below `folder` by their path below it; undefined (reported) when the folder cannot be read. */
async function readRecords(folder: string, io: Io): Promise<Map<string, { path: string; record: AnnotatedRecord }> | undefined> {
  let names: string[];
  try {
    names = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith(RECORD_SUFFIX)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    complain(io, `${folder}: ${code === "ENOENT" ? l10n.t("no such folder") : code === "ENOTDIR" ? l10n.t("not a folder (agree compares two folders of records)") : describeError(error)}`);
    return undefined;
  }
  const records = new Map<string, { path: string; record: AnnotatedRecord }>();
  for (const name of names) {
    const path = join(folder, name);
    const parsed = parseRecord(await readFile(path, "utf8"));
    if ("problems" in parsed) complain(io, l10n.t("{0}: left out: {1}", path, describeProblems(parsed.problems)));
    else records.set(name.split("\\").join("/"), { path, record: parsed.record });
  }
  return records;
}

/** The text the record was made on: at `source.path` or beside the record, when its bytes hash to `source.sha256`. */
function articleText(record: AnnotatedRecord, recordPath: string, settings: ResolvedSettings): string | undefined {
  for (const candidate of [resolve(record.source.path), join(dirname(recordPath), basename(record.source.path))]) {
    if (!existsSync(candidate)) continue;
    try {
      const article = readArticleFile(candidate, settings.maxFileSize);
      if (article.sha256 === record.source.sha256) return article.text;
    } catch {
      // unreadable: try the next place
    }
  }
  return undefined;
}

/** A score to 3 decimals as the language in use writes it ("0.972", "0,972"); "—" when undefined (nothing to score). */
const ratio = (value: number | null): string => (value === null ? "—" : formatDecimal(value, 3));

/** The report as a table, kappa, and the disagreements as `path:line:col: kind: A … · B …`. */
export function agreementText(report: AgreementReport, folderA: string, folderB: string, left: { onlyA: number; onlyB: number; otherVersions: number }): string {
  const notCompared = [...(left.onlyA + left.onlyB > 0 ? [l10n.t("{0} only in A, {1} only in B", left.onlyA, left.onlyB)] : []), ...(left.otherVersions > 0 ? [l10n.t("{0} annotated on different versions", left.otherVersions)] : [])];
  const over = report.articles === 1 ? l10n.t("Agreement of B ({0}) against A ({1}) over 1 article", folderB, folderA) : l10n.t("Agreement of B ({0}) against A ({1}) over {2} articles", folderB, folderA, report.articles);
  const lines = [notCompared.length > 0 ? l10n.t("{0} (not compared: {1})", over, notCompared.join("; ")) : over, ""];
  const widths = [10, 5, 5, 7, 7, 7, 7, 7, 7];
  const row = (cells: readonly string[]): string => cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join(" ").trimEnd();
  const scores = (s: Scores): string[] => [ratio(s.precision), ratio(s.recall), ratio(s.f1)];
  lines.push(groupHeadings(widths, [l10n.t("exact"), l10n.t("overlap")]), row([l10n.t("label"), "A", "B", "P", "R", "F1", "P", "R", "F1"]));
  for (const label of [...report.labels, report.overall]) lines.push(row([label === report.overall ? l10n.t("all") : label.label, String(label.a), String(label.b), ...scores(label.exact), ...scores(label.overlap)]));
  const kappa = ratio(report.kappa.value);
  lines.push("", report.kappa.articles === 1 ? l10n.t("Cohen's kappa over {0} tokens of 1 article: {1}", report.kappa.tokens, kappa) : l10n.t("Cohen's kappa over {0} tokens of {1} articles: {2}", report.kappa.tokens, report.kappa.articles, kappa));
  const count = report.disagreements.length;
  lines.push("", count === 0 ? l10n.t("0 disagreements.") : count === 1 ? l10n.t("1 disagreement:") : l10n.t("{0} disagreements:", count));
  const side = (name: string, span: { label: string; text: string } | undefined): string => (span ? `${name} ${span.label} "${span.text}"` : `${name} —`);
  for (const d of report.disagreements) lines.push(`${d.path}:${d.line}:${d.column}: ${d.kind}: ${side("A", d.a)} · ${side("B", d.b)}`);
  return lines.join("\n") + "\n";
}

/**
 * The line above the scores naming their two groups (exact, overlap), each ending where its group's
 * R column ends (columns 4 and 7 of `widths`, one space between columns); a name wider than that
 * column reaches left into the group's P column, never moving the other.
 */
function groupHeadings(widths: readonly number[], names: readonly [string, string]): string {
  const end = (column: number): number => widths.slice(0, column + 1).reduce((sum, width) => sum + width, 0) + column;
  let line = "";
  for (const [name, column] of [[names[0], 4], [names[1], 7]] as const) line = line.padEnd(Math.max(line.length + 1, end(column) - [...name].length)) + name;
  return line.trimEnd();
}
