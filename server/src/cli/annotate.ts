/**
 * `annotate`: one annotated record per article, on stdout or into a folder. Each record is emitted
 * through host/records.ts, as the editor's "Emit annotated record" does: an existing record (in
 * `--out`, else where `recordsFolder` puts it) is merged, so what a person decided is kept, and a
 * record file that cannot be read is never overwritten. Records are written as each article is
 * done, in the order given, and never collected: memory does not grow with the number of articles.
 */
import * as l10n from "@vscode/l10n";
import { localize } from "../host/l10n";
import { emitRecord, readRecordText, recordLocation } from "../host/records";
import { writeAtomic } from "../host/atomicWrite";
import { describeError, FileProblem } from "../host/articleFiles";
import type { AnnotatedRecord } from "../engine";
import { forEachArticle, processArticles, type ArticleRun, type ArticleWork } from "./articles";
import { complain, type Io } from "./io";
import { stdinArticles } from "./stdinArticles";
import { SummaryTable } from "./summary";

export interface AnnotateOptions extends ArticleRun {
  format: "jsonl" | "json";
  out: string | undefined;
  /** `--stdin`: the articles are JSON Lines on `io.stdin` (see stdinArticles.ts), not files named on the command line. */
  stdin?: boolean;
}

export async function annotate(inputs: readonly string[], options: AnnotateOptions, io: Io): Promise<number> {
  const folder = options.out ?? options.settings.recordsFolder;
  const table = new SummaryTable();
  const output = recordOutput(options.format, io);
  const work = ({ article, analysis, inputFolder, io: shown }: ArticleWork): void => {
    if (analysis.encoding) throw new FileProblem(article.path, l10n.t("not annotated: {0}", localize(analysis.encoding)));
    let emitted;
    if (inputFolder === undefined) {
      // A text from stdin: no file, so no record file to merge; its id stands for the path.
      emitted = emitRecord({ text: article.text, analysis, source: { path: article.path, sha256: article.sha256, length: article.bytes }, previous: undefined });
    } else {
      // Paths are relative to the current folder, as to the workspace folder in the editor.
      const location = recordLocation(article.path, { root: process.cwd(), outsideRoot: inputFolder, folder, confined: false });
      if ("error" in location) throw new FileProblem(article.path, location.error);
      emitted = emitRecord({ text: article.text, analysis, source: { path: location.sourcePath, sha256: article.sha256, length: article.bytes }, previous: readRecordText(location.path) });
      if ("error" in emitted) throw new FileProblem(location.path, emitted.error);
      if (options.out) {
        try {
          writeAtomic(location.path, emitted.content);
        } catch (error) {
          // A file where the output folder should be, a full or read-only disk: this article fails, with the reason.
          throw new FileProblem(location.path, l10n.t("cannot write the record: {0}", describeError(error)));
        }
      }
    }
    if ("error" in emitted) throw new FileProblem(article.path, emitted.error);
    if (options.out) table.add(emitted.record);
    else output.write(emitted.record, shown);
  };
  const run = { ...options, command: "annotate" };
  const { failed, found } = options.stdin ? await annotateStdin(run, io, work) : await forEachArticle(inputs, run, io, work);
  if (options.out) {
    if (table.size > 0) io.stdout(table.render(io.columns) + "\n");
    io.stdout(`\n${writtenSummary(table.size, options.out, failed)}\n`);
  } else output.end();
  // An empty stdin is an empty partition of a map step (Spark runs the command for those too): nothing to do, no error.
  if (options.stdin) return failed > 0 ? 1 : 0;
  if (found === 0 && failed === 0) complain(io, l10n.t("no article files found in {0}", inputs.join(", ")));
  return failed > 0 || found === 0 ? 1 : 0;
}

async function annotateStdin(run: ArticleRun, io: Io, work: (item: ArticleWork) => void): Promise<{ failed: number; found: number }> {
  if (!io.stdin) throw new Error(l10n.t("annotate --stdin needs standard input"));
  const { failed, count } = await processArticles(stdinArticles(io.stdin), run, io, work);
  return { failed, found: count };
}

/** "3 records written to out, 1 file failed.": one template per number of each (1 or many). */
function writtenSummary(records: number, out: string, failed: number): string {
  if (failed === 0) return records === 1 ? l10n.t("1 record written to {0}.", out) : l10n.t("{0} records written to {1}.", records, out);
  if (failed === 1) return records === 1 ? l10n.t("1 record written to {0}, 1 file failed.", out) : l10n.t("{0} records written to {1}, 1 file failed.", records, out);
  return records === 1 ? l10n.t("1 record written to {0}, {1} files failed.", out, failed) : l10n.t("{0} records written to {1}, {2} files failed.", records, out, failed);
}

/**
 * Records on stdout as they come: JSON Lines (one per line), or one indented JSON array written
 * element by element — byte for byte what `JSON.stringify(records, null, 2)` gives.
 */
function recordOutput(format: "jsonl" | "json", io: Io): { write: (record: AnnotatedRecord, to: Io) => void; end: () => void } {
  if (format === "jsonl") return { write: (record, to) => to.stdout(JSON.stringify(record) + "\n"), end: () => undefined };
  let written = 0;
  return {
    write: (record, to) => {
      // JSON strings hold no raw "\n", so indenting after each one indents the element. Not /^/gm:
      // its ^ also matches after U+2028 and U+2029, which JSON.stringify leaves raw inside strings.
      to.stdout((written++ === 0 ? "[\n  " : ",\n  ") + JSON.stringify(record, null, 2).replaceAll("\n", "\n  "));
    },
    end: () => io.stdout(written === 0 ? "[]\n" : "\n]\n"),
  };
}
