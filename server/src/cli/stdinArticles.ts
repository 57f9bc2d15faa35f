/**
 * `annotate --stdin`: articles as JSON Lines on standard input, the input of a map step (GNU
 * parallel `--pipe`, Hadoop Streaming, Spark's `RDD.pipe`). Each line is `{"id": …, "text": …}` (a
 * text; `id` a non-empty string or a number, standing where a path would) or `{"path": …}` (a file,
 * relative to the current folder, read as a file argument is). Blank lines are skipped; a line that
 * is neither, or whose article cannot be read, is reported as `stdin:LINE: …` and the others go
 * on. No line at all is no error: an empty partition of a map step writes nothing and exits 0.
 */
import * as l10n from "@vscode/l10n";
import { on } from "node:events";
import { createInterface } from "node:readline";
import { dirname, resolve } from "node:path";
import type { ArticleInput } from "./articles";

/** The two shapes of a line, as messages show them. */
const TEXT_LINE = '{"id": …, "text": …}';
const PATH_LINE = '{"path": …}';

/** Lines read but not yet asked for, at most (then reading pauses): a few articles, not the whole input. */
const READ_AHEAD_LINES = 16;

/** The inputs on `stdin`, one per non-blank line, in order; reads as they are asked for. */
export async function* stdinArticles(stdin: NodeJS.ReadableStream): AsyncIterable<ArticleInput> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  let number = 0;
  // readline's own iterator holds up to 1,024 lines (1,024 articles) before it pauses.
  for await (const [line] of on(lines, "line", { close: ["close"], highWaterMark: READ_AHEAD_LINES }) as AsyncIterable<[string]>) {
    number++;
    // A BOM before the first line is not part of the JSON.
    const json = number === 1 ? line.replace(/^\uFEFF/, "") : line;
    if (json.trim() !== "") yield stdinArticle(json, number);
  }
}

/** One line of input as an article input, or a `problem` that says what is wrong with it (`number`: the line's, from 1). */
export function stdinArticle(line: string, number: number): ArticleInput {
  const problem = (message: string): ArticleInput => ({ problem: `stdin:${number}: ${message}` });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return problem(l10n.t("not JSON ({0}); each line is {1} or {2}", error instanceof Error ? error.message : String(error), TEXT_LINE, PATH_LINE));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem(l10n.t("not a JSON object; each line is {0} or {1}", TEXT_LINE, PATH_LINE));
  const { id, text, path } = value as Record<string, unknown>;
  if (text !== undefined && path !== undefined) return problem(l10n.t('give "text" or "path", not both'));
  if (path !== undefined) {
    if (typeof path !== "string" || path === "") return problem(l10n.t('"path" must be a non-empty string'));
    return { path, inputFolder: dirname(resolve(path)), where: `stdin:${number}` };
  }
  if (text === undefined) return problem(l10n.t('no "text" and no "path"'));
  if (typeof text !== "string") return problem(l10n.t('"text" must be a string'));
  if (typeof id === "number" && Number.isFinite(id)) return { id: String(id), text, where: `stdin:${number}` };
  if (typeof id !== "string" || id === "") return problem(l10n.t("a \"text\" needs an \"id\" (a non-empty string or a number), which its record's source.path takes"));
  return { id, text, where: `stdin:${number}` };
}
