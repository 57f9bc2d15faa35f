/**
 * `agree DIR_A DIR_B`: how far two annotators agree, B measured against A
 * (host/interchange/agreement.ts), over the articles whose records are in both folders (paired by
 * their path below each folder). Only the reviewed annotation counts (a person's entities; with
 * `--include-suggestions` also unreviewed ones). Kappa needs the article's text: it is read at the
 * records' `source.path` (relative to the current folder) or beside the record, and only when its
 * hash is the one both records were made on.
 */
import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { AnnotatedRecord } from "../engine";
import { describeError, readArticleFile } from "../host/articleFiles";
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
      notes.push(`${name}: A and B annotated different versions of the article (its hash differs); not compared`);
      otherVersions++;
      continue;
    }
    const text = articleText(recordA.record, recordA.path, options.settings) ?? articleText(recordB.record, recordB.path, options.settings);
    if (text === undefined) notes.push(`${recordA.record.source.path}: the article's text (as annotated) was not found; left out of kappa`);
    const chosen = (record: AnnotatedRecord) => record.entities.filter((e) => !e.orphaned && (e.origin === "manual" || (options.includeSuggestions && e.origin === "auto")));
    pairs.push({ path: recordA.record.source.path, text, a: chosen(recordA.record), b: chosen(recordB.record) });
  }
  const onlyA = [...a.keys()].filter((name) => !b.has(name)).length;
  const onlyB = [...b.keys()].filter((name) => !a.has(name)).length;
  for (const note of notes) complain(io, note);
  if (pairs.length === 0) {
    complain(io, `no article has a record in both ${folderA} and ${folderB}`);
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
    complain(io, `${folder}: ${code === "ENOENT" ? "no such folder" : code === "ENOTDIR" ? "not a folder (agree compares two folders of records)" : describeError(error)}`);
    return undefined;
  }
  const records = new Map<string, { path: string; record: AnnotatedRecord }>();
  for (const name of names) {
    const path = join(folder, name);
    const parsed = parseRecord(await readFile(path, "utf8"));
    if ("problems" in parsed) complain(io, `${path}: left out: ${describeProblems(parsed.problems)}`);
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

const ratio = (value: number | null): string => (value === null ? "—" : value.toFixed(3));

/** The report as a table, kappa, and the disagreements as `path:line:col: kind: A … · B …`. */
export function agreementText(report: AgreementReport, folderA: string, folderB: string, left: { onlyA: number; onlyB: number; otherVersions: number }): string {
  const notCompared = [...(left.onlyA + left.onlyB > 0 ? [`${left.onlyA} only in A, ${left.onlyB} only in B`] : []), ...(left.otherVersions > 0 ? [`${left.otherVersions} annotated on different versions`] : [])];
  const lines = [`Agreement of B (${folderB}) against A (${folderA}) over ${report.articles} article${report.articles === 1 ? "" : "s"}${notCompared.length > 0 ? ` (not compared: ${notCompared.join("; ")})` : ""}`, ""];
  const row = (cells: readonly string[]): string => cells.map((cell, k) => (k === 0 ? cell.padEnd(10) : cell.padStart(k < 3 ? 5 : 7))).join(" ").trimEnd();
  const scores = (s: Scores): string[] => [ratio(s.precision), ratio(s.recall), ratio(s.f1)];
  lines.push(row(["", "", "", "", "exact", "", "", "overlap", ""]), row(["label", "A", "B", "P", "R", "F1", "P", "R", "F1"]));
  for (const label of [...report.labels, report.overall]) lines.push(row([label.label, String(label.a), String(label.b), ...scores(label.exact), ...scores(label.overlap)]));
  lines.push("", `Cohen's kappa over ${report.kappa.tokens} tokens of ${report.kappa.articles} article${report.kappa.articles === 1 ? "" : "s"}: ${ratio(report.kappa.value)}`);
  lines.push("", `${report.disagreements.length} disagreement${report.disagreements.length === 1 ? "" : "s"}${report.disagreements.length > 0 ? ":" : "."}`);
  const side = (name: string, span: { label: string; text: string } | undefined): string => (span ? `${name} ${span.label} "${span.text}"` : `${name} —`);
  for (const d of report.disagreements) lines.push(`${d.path}:${d.line}:${d.column}: ${d.kind}: ${side("A", d.a)} · ${side("B", d.b)}`);
  return lines.join("\n") + "\n";
}
