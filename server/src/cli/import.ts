/**
 * `import`: annotations made in another tool (brat, Label Studio, doccano, W3C, spaCy/Prodigy)
 * into records (host/interchange/import.ts). Each imported document names its article
 * (`source.path`, relative to the current folder). When that file exists, its record is the one the
 * editor and `annotate` keep (`recordsFolder`, or below `--out DIR`), merged, never replaced. When it
 * does not and `--out DIR` is given, the imported text is written as `DIR/NAME` with its record
 * beside it. A document with any problem (a span that does not fit its text, an unknown label, a
 * record that cannot be read) is reported and nothing is written for it.
 */
import * as l10n from "@vscode/l10n";
import { existsSync } from "node:fs";
import { formatNumber, localize } from "../host/l10n";
import { isAbsolute, resolve } from "node:path";
import { encodeArticle, FileProblem, readArticleFile, sourceDigest } from "../host/articleFiles";
import { writeAtomic } from "../host/atomicWrite";
import { FORMATS } from "../host/interchange/formats";
import { importDocument } from "../host/interchange/import";
import { describeImportProblem, readInputFiles } from "../host/interchange/inputs";
import type { FormatId } from "../host/interchange/types";
import { isInside } from "../host/paths";
import { readRecordText, recordLocation } from "../host/records";
import { annotatorName } from "../host/settings";
import { Analyzer, type ArticleRun } from "./articles";
import { complain, type Io } from "./io";

export interface ImportOptions extends ArticleRun {
  format: FormatId;
  out: string | undefined;
  /** Import only the spans of this annotator (`--annotator NAME`), when a source holds several people's work. */
  annotator?: string;
}

export async function importCommand(inputs: readonly string[], options: ImportOptions, io: Io): Promise<number> {
  const format = FORMATS[options.format];
  if (!format.read) throw new Error(l10n.t("{0} is export-only", options.format));
  const { files, problems: unreadable } = await readInputFiles(inputs, format.inputSuffixes ?? [".json", ".jsonl"]);
  const read = format.read(files);
  const { problems } = read;
  for (const problem of [...unreadable, ...problems]) complain(io, describeImportProblem(problem));
  let failed = new Set([...unreadable, ...problems].map((p) => p.file)).size;
  const documents = read.documents.map((d) => (options.annotator === undefined ? d : { ...d, spans: d.spans.filter((s) => s.annotator === options.annotator) }));
  const several = options.annotator === undefined ? documents.filter((d) => new Set(d.spans.map((s) => s.annotator ?? "")).size > 1).length : 0;
  if (several === 1) complain(io, l10n.t("1 document holds the work of several annotators, imported together into one record; --annotator NAME imports one person's (then agree compares two)"));
  else if (several > 1) complain(io, l10n.t("{0} documents hold the work of several annotators, imported together into one record; --annotator NAME imports one person's (then agree compares two)", several));
  if (documents.length === 0) {
    complain(io, l10n.t("no annotated documents found in {0}", inputs.join(", ")));
    return 1;
  }
  const cwd = process.cwd();
  const at = new Date().toISOString();
  const analyzer = new Analyzer(options);
  let records = 0;
  let added = 0;
  let alreadyThere = 0;
  let orphaned = 0;
  try {
    const seen = new Set<string>();
    for (const imported of documents) {
      // A name without ".txt" (a task or line number) is given one, so the article is found as one.
      const document = /\.txt$/i.test(imported.name) ? imported : { ...imported, name: `${imported.name.replace(/\/+$/, "")}.txt` };
      try {
        if (seen.has(document.name)) throw new FileProblem(document.name, l10n.t("appears twice in the import; only the first was imported"));
        seen.add(document.name);
        if (document.text.length > options.settings.maxFileSize) throw new FileProblem(document.name, l10n.t("its text has {0} characters, more than the limit of {1} (--max-size)", formatNumber(document.text.length), formatNumber(options.settings.maxFileSize)));
        const inPlace = resolve(cwd, document.name);
        if (isAbsolute(document.name) || !isInside(inPlace, cwd)) throw new FileProblem(document.name, l10n.t("names a file outside the current folder; records are only written below it"));
        const outPath = options.out === undefined ? undefined : resolve(options.out, document.name);
        if (outPath && !isInside(outPath, resolve(options.out!))) throw new FileProblem(document.name, l10n.t("refusing to write outside {0}", options.out!));
        const articlePath = existsSync(inPlace) ? inPlace : outPath && existsSync(outPath) ? outPath : undefined;
        if (!articlePath && !outPath) throw new FileProblem(document.name, l10n.t("no such article here; give --out DIR to write the imported text and its record there"));
        const article = articlePath ? readArticleFile(articlePath, options.settings.maxFileSize, options.legacyEncoding ? { legacyEncoding: options.legacyEncoding } : {}) : undefined;
        const path = articlePath ?? outPath!;
        const text = article?.text ?? document.text;
        const folder = path === inPlace ? (options.out ?? options.settings.recordsFolder) : "";
        const location = recordLocation(path, { root: cwd, folder, confined: false });
        if ("error" in location) throw new FileProblem(document.name, location.error);
        const analysis = await analyzer.analyze(path, text);
        if (analysis.encoding) throw new FileProblem(path, l10n.t("not imported: {0}", localize(analysis.encoding)));
        const digest = article ? { sha256: article.sha256, length: article.bytes } : sourceDigest(text, "utf-8");
        const result = await importDocument({
          document,
          format: options.format,
          articleText: text,
          analysis,
          source: { path: location.sourcePath, ...digest },
          recordText: readRecordText(location.path),
          labels: options.settings.labels,
          annotator: annotatorName(options.settings),
          at,
          analyzeSnippet: (snippet) => analyzer.analyze(path, snippet).catch(() => undefined),
        });
        if ("problems" in result) {
          for (const problem of result.problems) complain(io, problem);
          failed++;
          continue;
        }
        if (!article) writeAtomic(path, encodeArticle(text, "utf-8"));
        writeAtomic(location.path, result.content);
        records++;
        added += result.added;
        alreadyThere += result.alreadyThere;
        orphaned += result.orphaned;
      } catch (error) {
        failed++;
        complain(io, error instanceof FileProblem ? error.message : `${document.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await analyzer.dispose();
  }
  const notes = [
    ...(alreadyThere > 0 ? [l10n.t("{0} already in the records", alreadyThere)] : []),
    ...(orphaned > 0 ? [l10n.t("{0} not found in the article's text (kept as orphans)", orphaned)] : []),
    ...(failed > 0 ? [failed === 1 ? l10n.t("1 file or document failed") : l10n.t("{0} files or documents failed", failed)] : []),
  ];
  const annotations = added === 1 ? l10n.t("1 annotation") : l10n.t("{0} annotations", added);
  const into = records === 1 ? l10n.t("1 record") : l10n.t("{0} records", records);
  io.stderr(`article-annotator: ${[l10n.t("imported {annotations} from {format} into {records}", { annotations, format: format.title, records: into }), ...notes].join("; ")}.\n`);
  return failed > 0 ? 1 : 0;
}
