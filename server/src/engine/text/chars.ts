/** Character tests for hot loops: ASCII answered without a Unicode regular expression. */

/** A–Z or a–z. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Characters with no width that a reader never sees: zero-width space, non-joiner and joiner,
 * bidi marks and embeddings, word joiner and invisible operators, bidi isolates, the BOM (also in
 * the middle of a file) and the soft hyphen. A character class body, for regular expressions.
 */
export const INVISIBLE_CLASS = "\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF";

/**
 * Letters typed for "Đ"/"đ" because they look the same: the Icelandic eth (U+00D0, U+00F0) and the
 * African D (U+0189, U+0256). Read as "Đ"/"đ" in the normalized text and in every value or key.
 */
export const LOOKALIKE_LETTERS: Readonly<Record<string, string>> = { "\u00D0": "\u0110", "\u00F0": "\u0111", "\u0189": "\u0110", "\u0256": "\u0111" };
/** A character class body of the keys of LOOKALIKE_LETTERS. */
export const LOOKALIKE_CLASS = Object.keys(LOOKALIKE_LETTERS).join("");
