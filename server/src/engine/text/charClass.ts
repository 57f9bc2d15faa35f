/**
 * The Unicode classes hot loops ask of a code point — letter (\p{L}), uppercase letter (\p{Lu}),
 * combining mark (\p{M}), number (\p{N}), white space (`\s`), and whether lowercasing or uppercasing changes it — as bits, answered from a
 * table filled the first time each code unit is seen (a regular expression is asked once per
 * distinct character, not once per occurrence). Astral code points (surrogate pairs) are cached by
 * code point. Exactly what the `u`-flag classes answer; pure (the cache is an implementation detail).
 */

export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const SPACE = 8;
/** `toLowerCase` changes it (an uppercase or titlecase letter, or another character with a lowercase mapping). */
export const HAS_LOWER = 16;
/** An uppercase letter (\p{Lu}). */
export const UPPERCASE = 32;
/** `toUpperCase` changes it (a lowercase letter, "ß", …). */
export const HAS_UPPER = 64;
const KNOWN = 128;

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_SPACE = /^\s$/u;
const IS_UPPERCASE = /^\p{Lu}$/u;

function classify(char: string): number {
  return (
    KNOWN |
    (IS_LETTER.test(char) ? LETTER : 0) |
    (IS_MARK.test(char) ? MARK : 0) |
    (IS_NUMBER.test(char) ? NUMBER : 0) |
    (IS_SPACE.test(char) ? SPACE : 0) |
    (char.toLowerCase() !== char ? HAS_LOWER : 0) |
    (IS_UPPERCASE.test(char) ? UPPERCASE : 0) |
    (char.toUpperCase() !== char ? HAS_UPPER : 0)
  );
}

const bmp = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) bmp[code] = classify(String.fromCharCode(code));
const astral = new Map<number, number>();

/** Whether a UTF-16 code unit is the high (first) half of a surrogate pair. */
export const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
/** Whether a UTF-16 code unit is the low (second) half of a surrogate pair. */
export const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The class bits of one BMP code unit read as a code point of its own (a lone surrogate: none). */
export function unitClass(code: number): number {
  let bits = bmp[code]!;
  if (bits === 0) {
    bits = isHigh(code) || isLow(code) ? KNOWN : classify(String.fromCharCode(code));
    bmp[code] = bits;
  }
  return bits;
}

/**
 * The class bits of the code point starting at `k` (a surrogate pair read whole, a lone half as a
 * code point of its own, the low half of a pair as nothing); 0 outside the text.
 */
export function classAt(text: string, k: number): number {
  const code = text.charCodeAt(k);
  if (code < 128) return bmp[code]!;
  if (!(code >= 0)) return 0; // NaN: outside the text
  if (isHigh(code)) {
    const low = text.charCodeAt(k + 1);
    if (isLow(low)) {
      const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let bits = astral.get(point);
      if (bits === undefined) {
        bits = classify(String.fromCodePoint(point));
        astral.set(point, bits);
      }
      return bits;
    }
    return KNOWN;
  }
  if (isLow(code)) return KNOWN;
  return unitClass(code);
}
