/**
 * spaCy / Prodigy JSON Lines (issue 15): one annotation task per article, in the shape Prodigy's
 * `ner_manual` interface reads and `prodigy db-out` writes (https://prodi.gy/docs/api-interfaces#ner_manual),
 * and spaCy's projects convert to `Doc`s (words from `tokens[].text`, spaces from `tokens[].ws`:
 * https://spacy.io/api/doc#init). One file, `annotations.jsonl` (https://jsonlines.org/), a line per
 * document:
 *
 * ```json
 * {"text": "…", "meta": {"path": "samples/a.txt"},
 *  "tokens": [{"text": "Ông", "start": 0, "end": 3, "id": 0, "ws": true}, …],
 *  "spans": [{"start": 4, "end": 17, "token_start": 1, "token_end": 3, "label": "PER", "text": "…"}],
 *  "answer": "accept", "_annotator_id": "tester"}
 * ```
 *
 * - Offsets (`tokens[].start/end`, `spans[].start/end`) are character offsets into `text`, Python
 *   string indexes, i.e. Unicode code points, end-exclusive ("start and end character offsets":
 *   https://prodi.gy/docs/api-interfaces#ner_manual); not our UTF-16 units (`CodePointOffsets`).
 * - `token_start` and `token_end` are indexes into `tokens`, both inclusive: a one-token span has
 *   `token_start === token_end` (https://prodi.gy/docs/api-interfaces#ner_manual, "token_end").
 * - `ws`: whether one space (U+0020) follows the token as its own trailing whitespace, spaCy's
 *   `Token.whitespace_` (" " or ""; https://support.prodi.gy/t/3421). spaCy builds a `Doc` from
 *   `words` and `spaces` (https://spacy.io/api/doc#init), whose text is each word followed by one
 *   space where `spaces` says so: the tokens must rebuild the text exactly, or every character
 *   offset after a difference is off in spaCy. So any other whitespace is a token of its own, as
 *   spaCy's tokenizer makes it (spacy/tokenizer.pyx `Tokenizer.__call__`: "We find spans of
 *   whitespace and non-space characters, and ignore spans that are exactly ' '"): after a word,
 *   a first single space is the word's `ws` and the rest of the run ("\n", "\r\n", " ", "\n  ")
 *   is one whitespace token (`Token.is_space` in spaCy; `ws` false); whitespace at the start of
 *   the text is a token whole. Invisible format characters between words (a zero-width space:
 *   `tokens.ts` makes no word of them) go into those separator tokens the same way, so
 *   `"".join(t.text + (" " if t.ws else "") for t in tokens) == text`, always.
 * - Tokens: `tokenSentences` (UAX #29 through `Intl.Segmenter`) flattened, cut at every span edge,
 *   so each span is whole tokens, as `ner_manual` requires, with the separator tokens between
 *   them (cut at span edges too).
 * - `meta` is shown in Prodigy's annotation card and kept by `db-out` (the task format,
 *   https://prodi.gy/docs/api-interfaces): `meta.path` carries the document's name.
 * - `_annotator_id`: Prodigy's name of who annotated the task (named multi-user sessions; the
 *   `review` recipe tells annotators apart by it, https://prodi.gy/docs/review): written when the spans that name an annotator all name
 *   the same one, and given to every span read (`_session_id` when it is absent).
 * - `answer: "accept"` as `db-out` writes an accepted task; on import tasks answered "reject" or
 *   "ignore" are problems, left out.
 *
 * Span attributes are not carried (`carriesAttributes: false`): Prodigy's span objects hold
 * start, end, token_start, token_end, label (and text) and its interface does not keep fields of
 * ours when a person edits the spans. Suggestions are written as spans like the rest: Prodigy has
 * no notion of an unreviewed span in an accepted task (they come back as reviewed).
 */
import * as l10n from "@vscode/l10n";
import { CodePointOffsets } from "../offsets";
import { isObject, parseJson, type JsonObject } from "../jsonInput";
import { tokenSentences, type Token } from "../tokens";
import type { ImportProblem, InputFile, InterchangeDocument, InterchangeFormat, InterchangeSpan } from "../types";

/** The file `write` produces. */
export const SPACY_FILE = "annotations.jsonl";

/** One token of a Prodigy task; offsets in code points. */
export interface ProdigyToken {
  text: string;
  start: number;
  end: number;
  id: number;
  ws: boolean;
}

/** One span of a Prodigy task; `start`/`end` in code points, `token_start`/`token_end` inclusive token indexes. */
export interface ProdigySpan {
  start: number;
  end: number;
  token_start: number;
  token_end: number;
  label: string;
  text: string;
}

/** One line of `annotations.jsonl`. */
export interface ProdigyTask {
  text: string;
  meta: { path: string };
  tokens: ProdigyToken[];
  spans: ProdigySpan[];
  answer: "accept";
  _annotator_id?: string;
}

/** The Prodigy task of `document` (offsets converted to code points). */
export function prodigyTask(document: InterchangeDocument): ProdigyTask {
  const { text, spans } = document;
  const points = new CodePointOffsets(text);
  const tokens = docTokens(text, spans.flatMap((s) => [s.start, s.end]));
  const tokenAt = new Map<number, number>(); // UTF-16 start → token index
  const tokenEnding = new Map<number, number>(); // UTF-16 end → token index
  tokens.forEach((t, k) => {
    tokenAt.set(t.start, k);
    tokenEnding.set(t.end, k);
  });
  const annotators = new Set(spans.flatMap((s) => (s.annotator !== undefined ? [s.annotator] : [])));
  const annotator = annotators.size === 1 ? [...annotators][0] : undefined;
  return {
    text,
    meta: { path: document.name },
    tokens: tokens.map((t, k) => ({ text: t.text, start: points.toCodePoint(t.start), end: points.toCodePoint(t.end), id: k, ws: t.ws })),
    spans: spans.map((s) => ({
      start: points.toCodePoint(s.start),
      end: points.toCodePoint(s.end),
      token_start: firstTokenFrom(tokens, tokenAt, s.start),
      token_end: lastTokenTo(tokens, tokenEnding, s.end),
      label: s.label,
      text: s.text,
    })),
    answer: "accept",
    ...(annotator !== undefined ? { _annotator_id: annotator } : {}),
  };
}

/** A token of a spaCy `Doc` (UTF-16 offsets): a word, or a run of whitespace (and format characters); `ws`: one space follows, as its own. */
interface DocToken extends Token {
  ws: boolean;
}

/**
 * The tokens spaCy's `Doc(words, spaces)` takes for `text`: the words of `tokenSentences` (cut at
 * `cuts`) and, between them, what spaCy's tokenizer makes of the rest: after a word, one space is
 * its `ws` and the rest of the run is one token (cut at `cuts` inside it); a run at the start of
 * the text is a token whole. Rejoined (`text`, then " " where `ws`) they are `text` exactly.
 */
export function docTokens(text: string, cuts: readonly number[]): DocToken[] {
  const edges = [...new Set(cuts)].sort((a, b) => a - b);
  const result: DocToken[] = [];
  let at = 0; // the end of the last word
  const separator = (end: number): void => {
    let from = at;
    const previous = result[result.length - 1];
    if (previous && from < end && text[from] === " ") {
      previous.ws = true;
      from++;
    }
    for (const edge of edges) {
      if (edge <= from || edge >= end) continue;
      result.push({ start: from, end: edge, text: text.slice(from, edge), ws: false });
      from = edge;
    }
    if (from < end) result.push({ start: from, end, text: text.slice(from, end), ws: false });
  };
  for (const word of tokenSentences(text, cuts).flat()) {
    separator(word.start);
    result.push({ ...word, ws: false });
    at = word.end;
  }
  separator(text.length);
  return result;
}

/** The first token at or after `start` (a span starting in whitespace starts at the next token). */
function firstTokenFrom(tokens: readonly Token[], tokenAt: ReadonlyMap<number, number>, start: number): number {
  const exact = tokenAt.get(start);
  if (exact !== undefined) return exact;
  const k = tokens.findIndex((t) => t.start >= start);
  return k === -1 ? tokens.length - 1 : k;
}

/** The last token ending at or before `end`. */
function lastTokenTo(tokens: readonly Token[], tokenEnding: ReadonlyMap<number, number>, end: number): number {
  const exact = tokenEnding.get(end);
  if (exact !== undefined) return exact;
  for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k]!.end <= end) return k;
  return 0;
}

/** Why a task cannot be read, or its document. */
type TaskResult = { document: InterchangeDocument } | { problem: string; column?: number };

/**
 * The document of one task (line `line` of `file`). Every span needs integer `start` < `end` in
 * 0..text length (code points) and a string `label`; when the task has `tokens` and the span has
 * `token_start`/`token_end`, those tokens must begin and end where the span does. Tokens are
 * indexed as given, whitespace tokens (spaCy's "\n", "  ", ours) included: they count like any other.
 */
function readTask(task: JsonObject, file: InputFile, line: number): TaskResult {
  const { text } = task;
  if (typeof text !== "string") return { problem: l10n.t('the task has no "text" string') };
  if (task.answer === "reject" || task.answer === "ignore") return { problem: l10n.t('the task was answered "{0}" in Prodigy', task.answer) };
  const meta = isObject(task.meta) ? task.meta : {};
  const named = [meta.path, meta.file, meta.source].find((v): v is string => typeof v === "string" && v !== "");
  const name = named ?? `${file.name}#${line}`;
  const points = new CodePointOffsets(text);
  const tokens = Array.isArray(task.tokens) ? task.tokens : undefined;
  const annotator = typeof task._annotator_id === "string" ? task._annotator_id : typeof task._session_id === "string" ? task._session_id : undefined;
  const rawSpans = task.spans === undefined ? [] : task.spans;
  if (!Array.isArray(rawSpans)) return { problem: l10n.t('"spans" must be a list') };
  const spans: InterchangeSpan[] = [];
  for (const [k, raw] of rawSpans.entries()) {
    const where = `spans[${k}]`;
    if (!isObject(raw)) return { problem: l10n.t("{0} is not an object", where) };
    const { start, end, label } = raw;
    if (typeof label !== "string" || label === "") return { problem: l10n.t("{0} has no label", where) };
    const from = typeof start === "number" ? points.toUtf16(start) : undefined;
    const to = typeof end === "number" ? points.toUtf16(end) : undefined;
    if (from === undefined || to === undefined || from >= to) {
      return { problem: l10n.t("{0} ({1}) does not fit the text: start {2}, end {3} (code points; the text has {4})", where, label, String(JSON.stringify(start)), String(JSON.stringify(end)), points.length) };
    }
    const tokenProblem = tokens ? checkTokens(raw, tokens, where) : undefined;
    if (tokenProblem) return { problem: tokenProblem };
    const spanText = text.slice(from, to);
    if (typeof raw.text === "string" && raw.text !== spanText) return { problem: l10n.t("{0} ({1}) says its text is {2} but the offsets give {3}", where, label, JSON.stringify(raw.text), JSON.stringify(spanText)) };
    spans.push({ id: `${k + 1}`, start: from, end: to, text: spanText, label, attributes: {}, suggestion: false, ...(annotator !== undefined ? { annotator } : {}) });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
  return { document: { name, text, spans } };
}

/** Whether the span's `token_start`/`token_end` (inclusive, when given) point at tokens that begin and end where it does. */
function checkTokens(span: JsonObject, tokens: readonly unknown[], where: string): string | undefined {
  const { token_start: first, token_end: last } = span;
  if (first === undefined && last === undefined) return undefined;
  const startToken = typeof first === "number" ? tokens[first] : undefined;
  const endToken = typeof last === "number" ? tokens[last] : undefined;
  if (!isObject(startToken) || !isObject(endToken)) return l10n.t("{0}: token_start {1} or token_end {2} is not a token (there are {3})", where, String(JSON.stringify(first)), String(JSON.stringify(last)), tokens.length);
  if (startToken.start !== span.start || endToken.end !== span.end) {
    return l10n.t("{0}: its tokens {1}..{2} cover {3}..{4}, not the span's {5}..{6} (token_end is inclusive)", where, String(first), String(last), String(startToken.start), String(endToken.end), String(span.start), String(span.end));
  }
  return undefined;
}

/** Reads every line of every file; a line with a problem is left out, the others still read. */
function read(files: readonly InputFile[]): { documents: InterchangeDocument[]; problems: ImportProblem[] } {
  const documents: InterchangeDocument[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const lines = file.content.replace(/^\uFEFF/, "").split("\n"); // a byte order mark is not JSON
    lines.forEach((content, k) => {
      const line = k + 1;
      if (content.trim() === "") return;
      const parsed = parseJson(content);
      if (!parsed.ok) {
        problems.push({ file: file.path, line, ...(parsed.column !== undefined ? { column: parsed.column } : {}), message: l10n.t("not a JSON line: {0}", parsed.message) });
        return;
      }
      if (!isObject(parsed.value)) {
        problems.push({ file: file.path, line, column: 1, message: l10n.t("a task must be a JSON object") });
        return;
      }
      const result = readTask(parsed.value, file, line);
      if ("problem" in result) problems.push({ file: file.path, line, column: 1, message: l10n.t("{0}; the document is left out", result.problem) });
      else documents.push(result.document);
    });
  }
  return { documents, problems };
}

export const spacy: InterchangeFormat = {
  id: "spacy",
  title: "spaCy / Prodigy JSONL",
  carriesAttributes: false,
  inputSuffixes: [".jsonl"],
  write(documents) {
    return [{ path: SPACY_FILE, content: documents.map((d) => JSON.stringify(prodigyTask(d)) + "\n").join("") }];
  },
  read,
};
