/** `annotate`: one annotated record per article, on stdout or into a folder. */
import { statSync } from "node:fs";
import { buildRecord, type AnnotatedRecord } from "../engine";
import { forEachArticle, type ArticleRun } from "./articles";
import { complain, type Io } from "./io";
import { recordPath, writeAtomic } from "./output";
import { summaryTable } from "./summary";

export interface AnnotateOptions extends ArticleRun {
  format: "jsonl" | "json";
  out: string | undefined;
}

export async function annotate(inputs: readonly string[], options: AnnotateOptions, io: Io): Promise<number> {
  const folderRoot = inputs.length === 1 && isFolder(inputs[0]!) ? inputs[0] : undefined;
  const records: AnnotatedRecord[] = [];
  const { failed, found } = await forEachArticle(inputs, options, io, (article, analysis) => {
    const record = buildRecord(article.text, analysis, { path: article.path, sha256: article.sha256, length: article.bytes });
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
