/**
 * The one way a value or a key is made from text that a person typed or a page carried: canonical
 * names, titles, workspace-symbol names. Text that looks the same must give the same value, so
 * what a reader cannot see or tell apart is folded here, as the normalized text folds it:
 * invisible characters (a space where they separate two words, nothing inside a word), look-alikes
 * of "Đ" ("Ð", "Ɖ"), runs of whitespace (one space) and Unicode forms (NFC).
 */
import { isVietnameseSyllable } from "../lexicon";
import { INVISIBLE_CLASS, LOOKALIKE_CLASS, LOOKALIKE_LETTERS } from "./chars";
import { codePointEnd, codePointStart, isLetterAt, isLetterOrMarkAt, isLetterOrMarkBefore } from "./codePoints";
import { normalizeText } from "./normalize";
import { collapseSpaces } from "./words";

/** A syllable is at most 7 letters; written in NFD with two marks a letter, at most about 16 code units. */
const MAX_SYLLABLE_UNITS = 16;
const INVISIBLE_RUN = new RegExp(`[${INVISIBLE_CLASS}]+`, "gu");
const LOOKALIKE = new RegExp(`[${LOOKALIKE_CLASS}]`, "gu");
const NEEDS_FOLDING = new RegExp(`[${INVISIBLE_CLASS}${LOOKALIKE_CLASS}]`, "u");
const NOT_ASCII = /[^\p{ASCII}]/u;

/**
 * Whether the invisible characters at `start`..`end` of `text` separate two words: the letters on
 * each side are Vietnamese syllables, one of them written with its diacritics, and together they are
 * none ("triệu⟨ZWSP⟩tấn", "Trần⟨ZWSP⟩Văn", "Cấp⟨SHY⟩cao"). Inside a syllable ("Tr⟨ZWSP⟩ần",
 * "xu⟨ZWSP⟩ất": "xuất" is one) or a foreign word ("Sum⟨SHY⟩mit": no diacritics) they separate
 * nothing. Reads at most a syllable's length each side, so a run costs a bounded amount.
 */
export function separatesWords(text: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && start - left <= MAX_SYLLABLE_UNITS && isLetterOrMarkBefore(text, left)) left = codePointStart(text, left);
  let right = end;
  while (right < text.length && right - end <= MAX_SYLLABLE_UNITS && isLetterOrMarkAt(text, right)) right = codePointEnd(text, right);
  if (left === start || right === end || start - left > MAX_SYLLABLE_UNITS || right - end > MAX_SYLLABLE_UNITS) return false;
  const key = (word: string): string => normalizeText(word).text.toLowerCase();
  const before = key(text.slice(left, start));
  const after = key(text.slice(end, right));
  if (!isVietnameseSyllable(before) || !isVietnameseSyllable(after) || isVietnameseSyllable(key(before + after))) return false;
  return NOT_ASCII.test(before) || NOT_ASCII.test(after);
}

/**
 * `text` as a value or a key: NFC, look-alikes of "Đ" folded, invisible characters removed (a space
 * where they separate two words, as `separatesWords` judges in the normalized text), whitespace runs
 * as one space. Letters otherwise stay as written (tone placement included). Not trimmed.
 */
export function foldValue(text: string): string {
  let folded = text;
  if (NEEDS_FOLDING.test(text)) {
    folded = text
      .replace(INVISIBLE_RUN, (run: string, at: number) => (isLetterOrMarkBefore(text, at) && isLetterAt(text, at + run.length) && separatesWords(text, at, at + run.length) ? " " : ""))
      .replace(LOOKALIKE, (letter) => LOOKALIKE_LETTERS[letter] ?? letter);
  }
  return collapseSpaces(folded.normalize("NFC"));
}
