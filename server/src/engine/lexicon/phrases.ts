import { normalizeText } from "../text/normalize";
import { tokenize, type Token } from "../text/tokens";

/** A phrase found in a token list: tokens `start` to `end` (exclusive) and the phrase's value. */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

/** Normalizes a data phrase the way document text is normalized, and folds its case. */
export function foldPhrase(phrase: string): string[] {
  const text = normalizeText(phrase).text;
  return tokenize(text).map((token) => token.folded);
}

/**
 * A set of multi-word phrases matched token by token, ignoring case and tone placement
 * (data files and documents are normalized the same way). Longest match wins.
 */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, { words: string[]; exact?: string[]; value: T }[]>();
  /** The first code units of the first words, as a bit set: most tokens are turned away without a map look-up. */
  private readonly firstUnits = new Uint32Array(0x10000 / 32);

  /**
   * `entries` are [phrase, value] or [phrase, value, caseSensitive]; a case-sensitive phrase matches
   * only as capitalized as written ("US" but not "us"). `allCaseSensitive` makes every phrase so.
   */
  constructor(entries: Iterable<readonly [string, T] | readonly [string, T, boolean]>, allCaseSensitive = false) {
    for (const [phrase, value, caseSensitive] of entries) {
      const words = foldPhrase(phrase);
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      const exact = caseSensitive === true || allCaseSensitive ? tokenize(normalizeText(phrase).text).map((t) => t.text) : undefined;
      list.push(exact ? { words, exact, value } : { words, value });
      this.byFirst.set(words[0]!, list);
      const unit = words[0]!.charCodeAt(0);
      this.firstUnits[unit >>> 5]! |= 1 << (unit & 31);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Longest phrase starting at token `index`, or undefined. */
  matchAt(tokens: readonly Token[], index: number): PhraseMatch<T> | undefined {
    const first = tokens[index];
    if (!first) return undefined;
    const unit = first.folded.charCodeAt(0);
    if ((this.firstUnits[unit >>> 5]! & (1 << (unit & 31))) === 0) return undefined;
    const candidates = this.byFirst.get(first.folded);
    if (!candidates) return undefined;
    outer: for (const { words, exact, value } of candidates) {
      if (index + words.length > tokens.length) continue;
      for (let k = 0; k < words.length; k++) {
        const token = tokens[index + k]!;
        if (token.folded !== words[k] || (exact && token.text !== exact[k])) continue outer;
      }
      return { start: index, end: index + words.length, value };
    }
    return undefined;
  }

  /** Whether the whole token list is exactly one phrase of the set. */
  matchesAll(tokens: readonly Token[]): boolean {
    const match = this.matchAt(tokens, 0);
    return match !== undefined && match.end === tokens.length;
  }

  has(phrase: string): boolean {
    const tokens = tokenize(normalizeText(phrase).text);
    return this.matchesAll(tokens);
  }
}

/** Builds a PhraseSet from data entries that list several spellings (`vi`) for one value. */
export function phraseSet<E>(entries: readonly E[], spellings: (entry: E) => readonly string[]): PhraseSet<E> {
  return new PhraseSet(entries.flatMap((entry) => spellings(entry).map((s) => [s, entry] as const)));
}
