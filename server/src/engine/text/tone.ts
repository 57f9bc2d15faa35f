/**
 * Vietnamese tone-mark placement. News text mostly uses the old placement ("hòa", "thúy", "khỏe"),
 * dictionaries such as @cspell/dict-vi-vn the new one ("hoà", "thuý", "khoẻ"). Both spell the same
 * syllable, so every comparison in the engine goes through {@link normalizeTonePlacement}, which
 * rewrites a syllable to the new placement without changing its length (NFC, one code unit a letter).
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const VOWELS = "aăâeêioôơuưy";
const VOWEL = new RegExp(`[${VOWELS}]`, "u");
/** Vowels that carry a shape mark (breve, circumflex, horn): they take the tone when present. */
const MARKED_VOWELS = "ăâêôơư";
const SINGLE_VOWEL_RUN = /^[^aăâeêioôơuưy]*[aăâeêioôơuưy]+[^aăâeêioôơuưy]*$/u;

/**
 * Moves the tone mark of one lowercase-or-capitalized Vietnamese syllable to the new placement.
 * Returns the input unchanged when it is not a syllable with exactly one tone mark, or when the
 * result would not keep the length (so offsets stay aligned).
 */
export function normalizeTonePlacement(word: string): string {
  const decomposed = word.normalize("NFD");
  const toneMatch = TONE_MARKS.exec(decomposed);
  if (!toneMatch) return word;
  const tone = toneMatch[0];
  const bare = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  if (bare.length !== word.length || TONE_MARKS.test(bare.normalize("NFD"))) return word;
  // One syllable has one run of vowels; a run-together "ASEANvà" is several words, left as it is.
  if (!SINGLE_VOWEL_RUN.test(bare.toLowerCase())) return word;
  const index = tonePosition(bare.toLowerCase());
  if (index < 0) return word;
  const result = (bare.slice(0, index) + (bare[index] + tone).normalize("NFC") + bare.slice(index + 1)).normalize("NFC");
  return result.length === word.length ? result : word;
}

/** Index of the vowel that carries the tone in the new placement, or -1. `bare` is lowercase, toneless. */
function tonePosition(bare: string): number {
  let start = 0;
  // "qu" and "gi" (before another vowel) are onsets: their u/i is not part of the nucleus.
  if (bare.startsWith("qu")) start = 2;
  else if (bare.startsWith("gi") && bare.length > 2 && VOWELS.includes(bare[2]!)) start = 2;
  while (start < bare.length && !VOWELS.includes(bare[start]!)) start++;
  let end = start;
  while (end < bare.length && VOWELS.includes(bare[end]!)) end++;
  if (start >= bare.length) {
    // "gi" / "qu" alone with the tone on their own vowel ("gì").
    // A code-unit index, as every index here (not a position among code points).
    return bare.search(VOWEL);
  }
  const cluster = bare.slice(start, end);
  const hasCoda = end < bare.length;
  for (let i = cluster.length - 1; i >= 0; i--) if (MARKED_VOWELS.includes(cluster[i]!)) return start + i;
  if (cluster.length === 1) return start;
  if (hasCoda) return end - 1;
  if (cluster.length === 3) return start + 1;
  if (cluster === "oa" || cluster === "oe" || cluster === "uy") return start + 1;
  return start;
}
