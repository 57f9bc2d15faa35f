/**
 * Applying debris fixes: one, or every safe one at once ("fix all"), in one pass over the text.
 * Overlapping fixes are skipped, never merged, so no character outside a flagged range can be lost.
 */
import type { BoilerplateFinding, TextEdit } from "./types";
import { isCodePointBoundary } from "./text/codePoints";

export interface FixAllResult {
  /** The text with the fixes applied. */
  text: string;
  /** One edit turning the old text into the new one (the smallest range covering every fix). */
  edit: TextEdit | undefined;
  applied: BoilerplateFinding[];
  /** Unsafe fixes, and fixes overlapping one already applied. */
  skipped: BoilerplateFinding[];
}

/**
 * Applies every safe fix of `findings` to `text` (the text they were computed on). A fix out of
 * range, or starting or ending inside a surrogate pair (it would leave half a character), is skipped.
 */
export function applyFixes(text: string, findings: readonly BoilerplateFinding[], options: { includeUnsafe?: boolean } = {}): FixAllResult {
  const ordered = [...findings].sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const applied: BoilerplateFinding[] = [];
  const skipped: BoilerplateFinding[] = [];
  let reach = -1;
  for (const finding of ordered) {
    const { start, end } = finding.fix;
    const overlaps = start < reach;
    const outOfRange = start < 0 || end > text.length || end < start || !isCodePointBoundary(text, start) || !isCodePointBoundary(text, end);
    if ((!finding.safe && !options.includeUnsafe) || overlaps || outOfRange) skipped.push(finding);
    else {
      applied.push(finding);
      reach = Math.max(reach, end);
    }
  }
  // One pass, in order (re-slicing the whole text per fix would be quadratic in the number of fixes).
  const pieces: string[] = [];
  let cursor = 0;
  for (const finding of applied) {
    pieces.push(text.slice(cursor, finding.fix.start), finding.fix.newText);
    cursor = finding.fix.end;
  }
  pieces.push(text.slice(cursor));
  const result = pieces.join("");
  if (applied.length === 0) return { text, edit: undefined, applied, skipped };
  const first = applied[0]!.fix.start;
  const last = applied.reduce((max, f) => Math.max(max, f.fix.end), 0); // not Math.max(...): thousands of fixes
  const newEnd = last + (result.length - text.length);
  return { text: result, edit: { start: first, end: last, newText: result.slice(first, newEnd) }, applied, skipped };
}
