/**
 * Legacy Vietnamese encodings in text: bytes of TCVN3 (ABC), VNI, VISCII or Windows-1258 read as
 * Windows-1252 or Latin-1, the mojibake an editor makes of such a file and keeps once it saves it as
 * UTF-8 ("ViÖt Nam vµ Lµo" is TCVN3 for "Việt Nam và Lào", "Vieät Nam" is VNI).
 *
 * Evidence, for each encoding: the words (runs of letters between ASCII spaces, digits and
 * punctuation) that re-reading them in that encoding changes. Such a word counts for the encoding
 * when it is not a Vietnamese syllable as written and becomes one once re-read (tone placement
 * aside); every other changed word counts against it (a syllable as written, or no syllable once
 * re-read), and so does a word holding a letter no legacy text read as Windows-1252 can show
 * ("ệ", "ư": the text is Unicode Vietnamese already). ASCII words change under no encoding and count
 * for nothing, so English is never flagged; German or French words ("Öl", "été") do not become
 * syllables, so they count against.
 */
import { isVietnameseSyllable } from "../lexicon";
import { LEGACY_ENCODINGS, legacyEncoding, type LegacyEncoding, type LegacyEncodingInfo } from "../lexicon/legacyEncodings";
import { normalizeTonePlacement } from "../text/tone";
import { l10n, type Message } from "../l10n";

export { LEGACY_ENCODINGS, legacyEncoding, type LegacyEncoding, type LegacyEncodingInfo } from "../lexicon/legacyEncodings";

/** Why a text is taken for one legacy encoding read as Windows-1252. */
export interface LegacyEncodingEvidence {
  encoding: LegacyEncoding;
  /** The encoding's usual name ("TCVN3 (ABC)"). */
  label: string;
  /** Words that become Vietnamese syllables once re-read in the encoding. */
  words: number;
  /** Words re-reading changes, or that hold letters only Unicode has (`words` of them count for it). */
  changed: number;
  /** The first few words that count for it, with their offsets (UTF-16) in the text given. */
  examples: { start: number; end: number; written: string; reads: string }[];
}

/** At least this many words must become syllables: a line or two of Vietnamese. */
export const MIN_WORDS = 3;
/** And at least this share of the words re-reading changes. */
export const MIN_SHARE = 0.6;
/** The decision is made on the first words of a text that are not plain ASCII: this many, then reading stops. */
const SAMPLE = 2000;
/** Longer words are no syllable in any encoding (the longest, "nghiêng", takes 9 characters in VNI): not read. */
const MAX_WORD = 16;
/** At most this many examples (`legacyEncodingMessage` has a template for each count up to it). */
const EXAMPLES = 3;
/** A word: letters (ASCII or not), split at ASCII spaces, digits, punctuation and any Unicode space. */
const WORD = /(?:[A-Za-z]|[^\x00-\x7F\s])+/g;
const ASCII_WORD = /^[A-Za-z]+$/;
/** Every character some legacy encoding's table re-reads: a letter outside it and outside Latin-1 is Unicode's own. */
const SHOWN = new Set(LEGACY_ENCODINGS.flatMap((encoding) => [...encoding.asWindows1252.keys()]));

/**
 * The legacy encoding `text` most likely is, read as Windows-1252 (or Latin-1); undefined when no
 * encoding makes at least {@link MIN_WORDS} words, and {@link MIN_SHARE} of those it changes,
 * Vietnamese syllables. Linear in the text; the decision is made on the first 2,000 words that are
 * not plain ASCII.
 */
export function detectLegacyEncoding(text: string): LegacyEncodingEvidence | undefined {
  const tallies = LEGACY_ENCODINGS.map((encoding): LegacyEncodingEvidence => ({ encoding: encoding.id, label: encoding.label, words: 0, changed: 0, examples: [] }));
  WORD.lastIndex = 0;
  let sampled = 0;
  for (let match = WORD.exec(text); match && sampled < SAMPLE; match = WORD.exec(text)) {
    const word = match[0];
    if (word.length > MAX_WORD || ASCII_WORD.test(word)) continue;
    sampled++;
    if (hasUnicodeOnlyLetter(word)) {
      for (const tally of tallies) tally.changed++;
      continue;
    }
    const writtenIsSyllable = isSyllable(word);
    LEGACY_ENCODINGS.forEach((encoding, k) => {
      const reads = reread(word, encoding);
      if (reads === word) return;
      const tally = tallies[k]!;
      tally.changed++;
      if (writtenIsSyllable || !isSyllable(reads)) return;
      tally.words++;
      if (tally.examples.length < EXAMPLES && !tally.examples.some((e) => e.written === word)) tally.examples.push({ start: match.index, end: match.index + word.length, written: word, reads });
    });
  }
  const plausible = tallies.filter((t) => t.words >= MIN_WORDS && t.words >= MIN_SHARE * t.changed);
  return plausible.sort((a, b) => b.words - a.words)[0];
}

/** `text` read as Windows-1252 re-read in `encoding` (NFC): "ViÖt" in TCVN3 is "Việt", "Vieät" in VNI is "Việt". */
export function rereadLegacy(text: string, encoding: LegacyEncoding): string {
  return reread(text, legacyEncoding(encoding));
}

/** The evidence in a sentence: "'ViÖt' reads 'Việt', 'vµ' reads 'và' (12 of 14 words with such letters become Vietnamese syllables)". */
export function describeLegacyEvidence(evidence: LegacyEncodingEvidence): string {
  const examples = evidence.examples.map((e) => `'${visible(e.written)}' reads '${e.reads}'`).join(", ");
  return `${examples} (${evidence.words} of ${evidence.changed} words with such letters become Vietnamese syllables)`;
}

/**
 * The warning on a text that is mojibake of `evidence`'s encoding: "Looks like TCVN3 (ABC) text read
 * as Windows-1252 (mojibake): 'ViÖt' reads 'Việt' (12 of 14 words with such letters become
 * Vietnamese syllables). Nothing is annotated or fixed in it; …" — `describeLegacyEvidence` in a
 * sentence, with a template for each number of examples (1 to 3). Arguments: {0} the encoding's
 * name, then each example's written and re-read word, then the words that become syllables and
 * the words changed. Undefined when the evidence has no example (detectLegacyEncoding always gives one).
 */
export function legacyEncodingMessage(evidence: LegacyEncodingEvidence): Message | undefined {
  const { label, words, changed } = evidence;
  const [a, b, c] = evidence.examples.map((e) => [visible(e.written), e.reads] as const);
  if (!a) return undefined;
  if (!b) return l10n.t("Looks like {0} text read as Windows-1252 (mojibake): '{1}' reads '{2}' ({3} of {4} words with such letters become Vietnamese syllables). Nothing is annotated or fixed in it; open the original file as {0}, or convert it to UTF-8, and analyze that.", label, ...a, words, changed);
  if (!c) return l10n.t("Looks like {0} text read as Windows-1252 (mojibake): '{1}' reads '{2}', '{3}' reads '{4}' ({5} of {6} words with such letters become Vietnamese syllables). Nothing is annotated or fixed in it; open the original file as {0}, or convert it to UTF-8, and analyze that.", label, ...a, ...b, words, changed);
  return l10n.t("Looks like {0} text read as Windows-1252 (mojibake): '{1}' reads '{2}', '{3}' reads '{4}', '{5}' reads '{6}' ({7} of {8} words with such letters become Vietnamese syllables). Nothing is annotated or fixed in it; open the original file as {0}, or convert it to UTF-8, and analyze that.", label, ...a, ...b, ...c, words, changed);
}

/** Invisible characters a legacy letter shows as (TCVN3's "ư" is a soft hyphen; C1 controls), written as escapes. */
function visible(word: string): string {
  return word.replace(/[\u0080-\u009f\u00ad]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function reread(text: string, encoding: LegacyEncodingInfo): string {
  let out = "";
  let changed = false;
  for (const char of text) {
    const meant = encoding.asWindows1252.get(char);
    if (meant === undefined) out += char;
    else {
      out += meant;
      changed = true;
    }
  }
  return changed ? out.normalize("NFC") : text;
}

function hasUnicodeOnlyLetter(word: string): boolean {
  for (const char of word) if (char.charCodeAt(0) > 0xff && !SHOWN.has(char)) return true;
  return false;
}

function isSyllable(word: string): boolean {
  return isVietnameseSyllable(normalizeTonePlacement(word.normalize("NFC").toLowerCase()));
}
