/**
 * `annotate`: one annotated record per article, on stdout or into a folder. Each record is emitted
 * through host/records.ts, as the editor's "Emit annotated record" does: an existing record (in
 * `--out`, else where `recordsFolder` puts it) is merged, so what a person decided is kept, and a
 * record file that cannot be read is never overwritten.
 */
import { emitRecord, readRecordText, recordLocation } from "../host/records";
import { writeAtomic } from "../host/atomicWrite";
import { FileProblem } from "../host/articleFiles";
import type { AnnotatedRecord } from "../engine";
import { forEachArticle, type ArticleRun } from "./articles";
import { complain, type Io } from "./io";
import { summaryTable } from "./summary";

export interface AnnotateOptions extends ArticleRun {
  format: "jsonl" | "json";
  out: string | undefined;
}

export async function annotate(inputs: readonly string[], options: AnnotateOptions, io: Io): Promise<number> {
  const records: AnnotatedRecord[] = [];
  const folder = options.out ?? options.settings.recordsFolder;
  const { failed, found } = await forEachArticle(inputs, options, io, ({ article, analysis, inputFolder }) => {
    if (analysis.encoding) throw new FileProblem(article.path, `not annotated: ${analysis.encoding.message}`);
    // Paths are relative to the current folder, as to the workspace folder in the editor.
    const location = recordLocation(article.path, { root: process.cwd(), outsideRoot: inputFolder, folder, confined: false });
    if ("error" in location) throw new FileProblem(article.path, location.error);
    const emitted = emitRecord({ text: article.text, analysis, source: { path: location.sourcePath, sha256: article.sha256, length: article.bytes }, previous: readRecordText(location.path) });
    if ("error" in emitted) throw new FileProblem(location.path, emitted.error);
    if (options.out) writeAtomic(location.path, emitted.content);
    if (options.out || options.format === "json") records.push(emitted.record);
    else io.stdout(JSON.stringify(emitted.record) + "\n");
  });
  if (options.out) {
    if (records.length > 0) io.stdout(summaryTable(records, io.columns) + "\n");
    io.stdout(`\n${records.length} record${records.length === 1 ? "" : "s"} written to ${options.out}${failed ? `, ${failed} file${failed === 1 ? "" : "s"} failed` : ""}.\n`);
  } else if (options.format === "json") io.stdout(JSON.stringify(records, null, 2) + "\n");
  if (found === 0 && failed === 0) complain(io, `no article files found in ${inputs.join(", ")}`);
  return failed > 0 || found === 0 ? 1 : 0;
}
