/** `annotate`: one annotated record per article, on stdout or into a folder. */
import { statSync } from "node:fs";
import { analyze, buildRecord, type AnalyzeOptions, type AnnotatedRecord } from "../engine";
import { forEachArticle } from "./articles";
import { complain, type Io } from "./io";
import { recordPath, writeAtomic } from "./output";
import { summaryTable } from "./summary";

export interface AnnotateOptions {
  format: "jsonl" | "json";
  out: string | undefined;
  maxSize: number;
  analysis: AnalyzeOptions;
}

export function annotate(inputs: readonly string[], options: AnnotateOptions, io: Io): number {
  const folderRoot = inputs.length === 1 && isFolder(inputs[0]!) ? inputs[0] : undefined;
  const records: AnnotatedRecord[] = [];
  const { failed, found } = forEachArticle(inputs, options.maxSize, io, (article) => {
    const record = buildRecord(article.text, analyze(article.text, options.analysis), { path: article.path, sha256: article.sha256, length: article.bytes });
    if (options.out) writeAtomic(recordPath(options.out, article.path, folderRoot), JSON.stringify(record, null, 2) + "\n");
    if (options.out || options.format === "json") records.push(record);
    else io.stdout(JSON.stringify(record) + "\n");
  });
  if (options.out) {
    if (records.length > 0) io.stdout(summaryTable(records.map((record) => ({ file: record.source.path, record })), io.columns) + "\n");
    io.stdout(`\n${records.length} record${records.length === 1 ? "" : "s"} written to ${options.out}${failed ? `, ${failed} file${failed === 1 ? "" : "s"} failed` : ""}.\n`);
  } else if (options.format === "json") io.stdout(JSON.stringify(records, null, 2) + "\n");
  if (found === 0 && failed === 0) complain(io, `no .txt files found in ${inputs.join(", ")}`);
  return failed > 0 || found === 0 ? 1 : 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
