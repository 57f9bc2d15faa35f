/**
 * CoNLL-2003 style named entities, IOB2 (issue 15). Export only. One file, `annotations.conll`:
 *
 * ```
 * -DOCSTART- -X- -X- O
 *
 * Ông -X- -X- O
 * Nguyễn -X- -X- B-PER
 * Văn -X- -X- I-PER
 * An -X- -X- I-PER
 * . -X- -X- O
 *
 * ```
 *
 * The rules it follows (Tjong Kim Sang & De Meulder 2003, "Introduction to the CoNLL-2003 Shared
 * Task", https://aclanthology.org/W03-0419/, and its data files https://www.clips.uantwerpen.be/conll2003/ner/):
 * - One token per line, four fields separated by a single space: the word, its part-of-speech
 *   tag, its syntactic chunk tag and its named entity tag. We have neither part-of-speech nor chunk
 *   tags, so both fields hold "-X-", the placeholder CoNLL-2003 itself writes where a field has no
 *   value (its `-DOCSTART- -X- -X- O` lines). Tools that read the CoNLL-2003 files (the entity tag
 *   in the last column) read ours.
 * - Sentences are separated by an empty line; each article begins with a `-DOCSTART- -X- -X- O`
 *   line followed by an empty line, as in the shared task's files. The article's name has no place
 *   in the format (no comment lines): articles come in the order given.
 * - Entity tags in IOB2 (Tjong Kim Sang & Veenstra 1999, "Representing Text Chunks",
 *   https://aclanthology.org/E99-1023/): `B-LABEL` on a span's first token, `I-LABEL` on the rest,
 *   `O` outside any span. (CoNLL-2003's own files use IOB1, where `B-` only starts an entity right
 *   after another of the same type; IOB2 is what today's tools, seqeval and spaCy's `iob` converter
 *   among them, expect.) Labels are `labels.ts`'s: PER, ORG, LOC as CoNLL-2003, FORUM, AMOUNT,
 *   DATE and custom labels' ids beside them.
 * - Tokens: Unicode word segmentation (UAX #29, `tokenSentences`), which for Vietnamese is its
 *   syllables and its punctuation marks, cut at every kept span's edges so each span is whole
 *   tokens; sentences by UAX #29 too, a line break ending one. Two sentences a span crosses are
 *   written as one. Whitespace is dropped, and so are invisible format characters (\p{Cf}: a
 *   zero-width space, a BOM) outside words (`tokens.ts`): the tokens, in order, are the text's
 *   other characters (CRLF, NFD and emoji included, unchanged; a soft hyphen inside a word stays).
 *   A span of invisible characters only has no token: it is left out and counted (`leftOut`).
 * - One tag per token: of overlapping spans, `iob2Spans` keeps the one starting first (the longest
 *   of those starting together) and drops the others. `write` cannot report them (a CoNLL file has no
 *   place for a note); the export counts them through `leftOut`.
 */
import { INVISIBLE, tokenSentences, type Token } from "../tokens";
import type { InterchangeDocument, InterchangeFormat, InterchangeSpan } from "../types";

/** The file `write` produces. */
export const CONLL_FILE = "annotations.conll";

/** CoNLL-2003's placeholder for a field without a value. */
const NONE = "-X-";

/**
 * The spans IOB2 can hold (no two overlap; earliest start, then longest, wins; none of invisible
 * characters only, which no token holds: `INVISIBLE`) and those it cannot.
 */
export function iob2Spans(spans: readonly InterchangeSpan[]): { kept: InterchangeSpan[]; dropped: InterchangeSpan[] } {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: InterchangeSpan[] = [];
  const dropped: InterchangeSpan[] = [];
  for (const span of ordered) {
    const last = kept[kept.length - 1];
    if ((last && span.start < last.end) || INVISIBLE.test(span.text)) dropped.push(span);
    else kept.push(span);
  }
  return { kept, dropped };
}

/** One line of the file: a token and its IOB2 tag. */
export interface ConllToken extends Token {
  tag: string;
}

/** The sentences of `document`, each token tagged B-/I-/O (spans `iob2Spans` keeps). */
export function conllSentences(document: InterchangeDocument): ConllToken[][] {
  const { kept } = iob2Spans(document.spans);
  const sentences = tokenSentences(document.text, kept.flatMap((s) => [s.start, s.end]));
  const tagged: ConllToken[][] = [];
  let k = 0; // the first kept span not yet passed
  let open: InterchangeSpan | undefined; // the span of the previous token, when one is
  for (const sentence of sentences) {
    const line: ConllToken[] = sentence.map((token) => {
      while (k < kept.length && kept[k]!.end <= token.start) k++;
      const span = kept[k] && kept[k]!.start <= token.start ? kept[k] : undefined;
      const tag = span ? `${span === open ? "I" : "B"}-${span.label}` : "O";
      open = span;
      return { ...token, tag };
    });
    // A span that goes on from the previous sentence joins the two.
    const previous = tagged[tagged.length - 1];
    if (previous && line[0]?.tag.startsWith("I-")) previous.push(...line);
    else tagged.push(line);
  }
  return tagged;
}

function write(documents: readonly InterchangeDocument[]): { path: string; content: string }[] {
  const parts: string[] = [];
  for (const document of documents) {
    parts.push(`-DOCSTART- ${NONE} ${NONE} O\n\n`);
    for (const sentence of conllSentences(document)) {
      parts.push(sentence.map((t) => `${t.text} ${NONE} ${NONE} ${t.tag}\n`).join("") + "\n");
    }
  }
  return [{ path: CONLL_FILE, content: parts.join("") }];
}

export const conll: InterchangeFormat = {
  id: "conll",
  title: "CoNLL-2003 (IOB2)",
  carriesAttributes: false,
  leftOut: (document) => iob2Spans(document.spans).dropped.length,
  write,
};
