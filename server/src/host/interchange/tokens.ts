/**
 * Tokens and sentences for the token-based formats (CoNLL IOB2, spaCy/Prodigy) and for agreement
 * over tokens: Unicode text segmentation (UAX #29) through `Intl.Segmenter`, which splits
 * Vietnamese at its syllables (the spaces between them) and keeps punctuation as tokens of its own;
 * a line break ends a sentence. A token never crosses a span's edge: tokens are cut at every
 * boundary given, so each span is a whole number of tokens. Offsets: UTF-16 code units, end-exclusive.
 *
 * No token is only whitespace or invisible format characters (General_Category Cf: zero-width
 * space U+200B, the byte order mark / zero-width no-break space U+FEFF, zero-width non-joiner and
 * joiner U+200C/D, word joiner U+2060, soft hyphen U+00AD, bidi marks, …): UAX #29 makes a segment
 * of a zero-width space, and of a format character after a line break, which CoNLL would write as an
 * invisible word and kappa would count. They are dropped like whitespace; a format character inside
 * a word (a soft hyphen, a joiner: UAX #29 WB4 keeps them with it) stays in its token.
 */

export interface Token {
  start: number;
  end: number;
  text: string;
}

const words = new Intl.Segmenter("vi", { granularity: "word" });
const sentences = new Intl.Segmenter("vi", { granularity: "sentence" });

/** What no token consists of alone: whitespace (JavaScript's `\s`, U+FEFF included) and format characters (Cf). */
export const INVISIBLE = /^[\s\p{Cf}]*$/u;

/**
 * The sentences of `text`, each a list of its tokens (whitespace and invisible format characters
 * dropped, `INVISIBLE`; empty sentences left out), every token cut at each offset of `cuts` that
 * falls inside it. Joining the tokens with the text between them (whitespace and format characters
 * only) gives the text back; each token is `text.slice(start, end)`.
 */
export function tokenSentences(text: string, cuts: Iterable<number> = []): Token[][] {
  const boundaries = [...new Set(cuts)].filter((k) => k > 0 && k < text.length).sort((a, b) => a - b);
  const result: Token[][] = [];
  let next = 0; // the first boundary not yet passed
  for (const sentence of sentences.segment(text)) {
    const tokens: Token[] = [];
    for (const word of words.segment(sentence.segment)) {
      if (INVISIBLE.test(word.segment)) continue;
      let start = sentence.index + word.index;
      const end = start + word.segment.length;
      while (next < boundaries.length && boundaries[next]! <= start) next++;
      for (; next < boundaries.length && boundaries[next]! < end; next++) {
        pushVisible(tokens, tokenAt(text, start, boundaries[next]!));
        start = boundaries[next]!;
      }
      pushVisible(tokens, tokenAt(text, start, end));
    }
    if (tokens.length > 0) result.push(tokens);
  }
  return result;
}

/** Adds `token` unless it is only invisible characters (a piece of a word cut at a span's edge can be). */
function pushVisible(tokens: Token[], token: Token): void {
  if (!INVISIBLE.test(token.text)) tokens.push(token);
}

function tokenAt(text: string, start: number, end: number): Token {
  return { start, end, text: text.slice(start, end) };
}
