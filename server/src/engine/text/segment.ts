/**
 * Restores the spaces of Vietnamese text whose spaces were stripped ("thiếtlậpquanhệ" → "thiết lập
 * quan hệ") by splitting it into dictionary syllables, fewest pieces first (dynamic programming,
 * linear in the length). Acronyms in capitals ("ASEAN") are pieces too; letters no syllable
 * explains stay together as one unknown piece. Pieces are cut between code points only: a letter
 * outside the BMP ("𝐀", two code units) is never split in half.
 */
import { isVietnameseSyllable } from "../lexicon";
import { classAt, HAS_UPPER } from "./charClass";
import { codePointEnd, codePointStart, codePointText, isCodePointBoundary } from "./codePoints";

export interface Segmentation {
  pieces: string[];
  /** Letters not explained by a syllable or an acronym. */
  unknown: number;
}

const MAX_SYLLABLE = 7;
const UPPERCASE_LETTER = /\p{Lu}/u;
const UNKNOWN_COST = 4;

export function segmentSyllables(run: string): Segmentation {
  const n = run.length;
  const cost = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  const known = new Uint8Array(n + 1);
  cost[0] = 0;
  // Lowercased once: a piece's lowercase is the same slice of it, unless lowercasing moves code
  // units ("İ" becomes two) or depends on the letters around ("Σ" at a word's end).
  const whole = run.toLowerCase();
  const lower = whole.length === n && !run.includes("Σ") ? whole : undefined;
  // Every piece starts and ends on a code-point boundary, so only boundaries get a finite cost.
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    // An acronym starts with a letter uppercasing leaves as it is.
    const mayBeAcronym = (classAt(run, i) & HAS_UPPER) === 0;
    for (let len = 1; len <= MAX_SYLLABLE && i + len <= n; len++) {
      if (!isCodePointBoundary(run, i + len)) continue;
      const folded = lower !== undefined ? lower.slice(i, i + len) : run.slice(i, i + len).toLowerCase();
      const isPiece = (isVietnameseSyllable(folded) && !UPPERCASE_LETTER.test(run.slice(i + 1, i + len))) || (mayBeAcronym && isAcronym(run, i, i + len));
      if (isPiece && cost[i]! + 1 < cost[i + len]!) {
        cost[i + len] = cost[i]! + 1;
        from[i + len] = i;
        known[i + len] = 1;
      }
    }
    // One unknown code point (both halves of a pair).
    const next = codePointEnd(run, i);
    if (cost[i]! + UNKNOWN_COST < cost[next]!) {
      cost[next] = cost[i]! + UNKNOWN_COST;
      from[next] = i;
      known[next] = 0;
    }
  }
  const pieces: { text: string; known: boolean }[] = [];
  for (let end = n; end > 0; end = from[end]!) pieces.push({ text: run.slice(from[end], end), known: known[end] === 1 });
  pieces.reverse(); // built from the end; unshift would be quadratic
  // Unknown letters next to each other form one piece.
  const merged: string[] = [];
  let unknown = 0;
  let previousUnknown = false;
  for (const piece of pieces) {
    if (!piece.known) {
      unknown += piece.text.length;
      if (previousUnknown) merged[merged.length - 1] += piece.text;
      else merged.push(piece.text);
    } else merged.push(piece.text);
    previousUnknown = !piece.known;
  }
  return { pieces: merged, unknown };
}

/** Two or more capitals, the whole capital run ("ASEAN" in "ASEANtỉ"). */
function isAcronym(run: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const piece = run.slice(start, end);
  if (piece !== piece.toUpperCase() || piece === piece.toLowerCase()) return false;
  const before = start > 0 ? run.slice(codePointStart(run, start), start) : "";
  const after = codePointText(run, end);
  const isUpper = (ch: string): boolean => ch !== "" && ch === ch.toUpperCase() && ch !== ch.toLowerCase();
  return !isUpper(before) && !isUpper(after);
}
