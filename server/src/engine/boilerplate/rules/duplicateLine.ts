/**
 * A line that repeats the line just before it (an image caption shown twice) or the headline (a
 * headline copy used as a caption). The second copy is debris; the first is article text.
 */
import type { BoilerplateRule, RawFinding, RuleContext } from "../rule";

/** Compares lines the way a reader would: spacing, a trailing "|" and photo credits do not matter. */
export function lineKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/\s*\|\s*$/u, "")
    .replace(/\s*\((?:ảnh|nguồn|photo)[^()]*\)\s*$/iu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

const DATELINE = /^(?:[\p{L} ,]{0,20})?\d{1,2}\/\d{1,2}\/\d{2,4}\b.{0,30}$/u;

export const duplicateLineRule: BoilerplateRule = {
  id: "duplicate-line",
  description: "A repeated caption or headline (the second copy).",
  defaultSeverity: "information",
  detect(context: RuleContext) {
    const findings: RawFinding[] = [];
    const headline = findHeadline(context);
    const headlineKey = headline >= 0 ? lineKey(context.trimmed[headline]!) : undefined;
    // Each line's key is compared with the next line's: computed once.
    const keys = context.trimmed.map((line) => (line === "" ? "" : lineKey(line)));
    context.trimmed.forEach((line, index) => {
      if (line === "" || index === headline) return;
      const key = keys[index]!;
      if (key.split(" ").length < 3) return;
      const previous = context.previousNonBlank(index);
      if (previous >= 0 && keys[previous] === key) {
        findings.push({ kind: "lines", startLine: index, endLine: index, message: "Repeats the line above (a caption or headline copy).", relatedLine: previous, relatedMessage: "First copy" });
      } else if (headlineKey !== undefined && index > headline && key === headlineKey) {
        findings.push({ kind: "lines", startLine: index, endLine: index, message: "Repeats the headline (an image caption copy).", relatedLine: headline, relatedMessage: "The headline" });
      }
    });
    return findings;
  },
};

/** The first line that is neither debris found so far nor a dateline. */
function findHeadline(context: RuleContext): number {
  for (let index = 0; index < context.trimmed.length; index++) {
    const line = context.trimmed[index]!;
    if (line === "" || context.flagged.has(index) || DATELINE.test(line)) continue;
    return index;
  }
  return -1;
}
