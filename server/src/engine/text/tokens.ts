/**
 * Word and punctuation tokens of one line of normalized text. Whitespace is not a token; each token
 * records how it is separated from the previous one, which the name and forum grammars need
 * ("Eui-yong" is one name part, "Mekong - Nhật Bản" two parties).
 */
export interface Token {
  readonly text: string;
  /** Lowercase form used for look-ups (the text is already NFC with normalized tone placement). */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly kind: "word" | "number" | "punct";
  /** Whitespace between the previous token (or line start) and this one. */
  readonly gap: string;
  /** First letter is uppercase. */
  readonly isCapitalized: boolean;
  /** Two or more letters or digits, the letters all uppercase (an acronym such as ASEAN, G20). */
  readonly isAllCaps: boolean;
}

// Words (letters, then letters or digits: "G20", "McDonald's"); numbers; any other character alone.
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu;

/** Tokenizes `text` from `offset` to `end` (one line). Offsets are into the whole text. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(offset, end);
  let last = 0;
  for (const match of slice.matchAll(TOKEN)) {
    const value = match[0];
    const at = match.index;
    const first = value[0]!;
    const kind = /\p{L}/u.test(first) ? "word" : /\p{N}/u.test(first) ? "number" : "punct";
    const letters = value.replace(/[^\p{L}]/gu, "");
    const alphanumeric = value.replace(/[^\p{L}\p{N}]/gu, "");
    tokens.push({
      text: value,
      folded: value.toLowerCase(),
      start: offset + at,
      end: offset + at + value.length,
      kind,
      gap: slice.slice(last, at),
      isCapitalized: kind === "word" && first !== first.toLowerCase(),
      isAllCaps: kind === "word" && alphanumeric.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    });
    last = at + value.length;
  }
  return tokens;
}

/** True when `token` follows its predecessor with no space ("Eui" + "-" + "yong"). */
export function isAttached(token: Token): boolean {
  return token.gap === "";
}
