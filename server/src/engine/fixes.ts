/**
 * Applying debris fixes: one, or every safe one at once ("fix all"). Fixes are applied from the
 * end of the text backwards, so earlier offsets stay valid; overlapping fixes are skipped, never
 * merged, so no character outside a flagged range can be lost.
 */
import type { BoilerplateFinding, TextEdit } from "./types";

export interface FixAllResult {
  /** The text with the fixes applied. */
  text: string;
  /** One edit turning the old text into the new one (the smallest range covering every fix). */
  edit: TextEdit | undefined;
  applied: BoilerplateFinding[];
  /** Unsafe fixes, and fixes overlapping one already applied. */
  skipped: BoilerplateFinding[];
}

/** Applies every safe fix of `findings` to `text` (the text they were computed on). */
export function applyFixes(text: string, findings: readonly BoilerplateFinding[], options: { includeUnsafe?: boolean } = {}): FixAllResult {
  const ordered = [...findings].sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const applied: BoilerplateFinding[] = [];
  const skipped: BoilerplateFinding[] = [];
  let reach = -1;
  for (const finding of ordered) {
    const { start, end } = finding.fix;
    const overlaps = start < reach;
    if ((!finding.safe && !options.includeUnsafe) || overlaps || start < 0 || end > text.length || end < start) skipped.push(finding);
    else {
      applied.push(finding);
      reach = Math.max(reach, end);
    }
  }
  let result = text;
  for (const finding of [...applied].reverse()) result = result.slice(0, finding.fix.start) + finding.fix.newText + result.slice(finding.fix.end);
  if (applied.length === 0) return { text, edit: undefined, applied, skipped };
  const first = applied[0]!.fix.start;
  const last = Math.max(...applied.map((f) => f.fix.end));
  const newEnd = last + (result.length - text.length);
  return { text: result, edit: { start: first, end: last, newText: result.slice(first, newEnd) }, applied, skipped };
}
