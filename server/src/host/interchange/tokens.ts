/**
 * Tokens and sentences for the token-based formats (CoNLL IOB2, spaCy/Prodigy) and for agreement
 * over tokens: Unicode text segmentation (UAX #29) through `Intl.Segmenter`, which splits
 * Vietnamese at its syllables (the spaces between them) and keeps punctuation as tokens of its own;
 * a line break ends a sentence. A token never crosses a span's edge: tokens are cut at every
 * boundary given, so each span is a whole number of tokens. Offsets: UTF-16 code units, end-exclusive.
 */

export interface Token {
  start: number;
  end: number;
  text: string;
}

const words = new Intl.Segmenter("vi", { granularity: "word" });
const sentences = new Intl.Segmenter("vi", { granularity: "sentence" });

/**
 * The sentences of `text`, each a list of its tokens (whitespace dropped; empty sentences left
 * out), every token cut at each offset of `cuts` that falls inside it. Joining the tokens with the
 * whitespace between them gives the text back.
 */
export function tokenSentences(text: string, cuts: Iterable<number> = []): Token[][] {
  const boundaries = [...new Set(cuts)].filter((k) => k > 0 && k < text.length).sort((a, b) => a - b);
  const result: Token[][] = [];
  let next = 0; // the first boundary not yet passed
  for (const sentence of sentences.segment(text)) {
    const tokens: Token[] = [];
    for (const word of words.segment(sentence.segment)) {
      if (word.segment.trim() === "") continue;
      let start = sentence.index + word.index;
      const end = start + word.segment.length;
      while (next < boundaries.length && boundaries[next]! <= start) next++;
      for (; next < boundaries.length && boundaries[next]! < end; next++) {
        tokens.push(tokenAt(text, start, boundaries[next]!));
        start = boundaries[next]!;
      }
      tokens.push(tokenAt(text, start, end));
    }
    if (tokens.length > 0) result.push(tokens);
  }
  return result;
}

function tokenAt(text: string, start: number, end: number): Token {
  return { start, end, text: text.slice(start, end) };
}
