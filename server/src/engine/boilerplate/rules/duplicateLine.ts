/**
 * A line that repeats the line just before it (an image caption shown twice) or the headline (a
 * headline copy used as a caption). The second copy is debris; the first is article text.
 */
import type { BoilerplateRule, RawFinding, RuleContext } from "../rule";
import { collapseSpaces, splitCount } from "../../text/words";
import { l10n } from "../../l10n";

const TRAILING_BAR = /\s*\|\s*$/u;
const TRAILING_CREDIT = /\s*\((?:ảnh|nguồn|photo)[^()]*\)\s*$/iu;

/**
 * Compares lines the way a reader would: spacing, a trailing "|" and photo credits do not matter.
 * Each rewrite runs only where it can change something: on a huge line of single-spaced words a
 * global replace would build a piece per space for nothing.
 */
export function lineKey(line: string): string {
  let key = line.toLowerCase();
  if (key.includes("|")) key = key.replace(TRAILING_BAR, "");
  if (key.includes("(")) key = key.replace(TRAILING_CREDIT, "");
  return collapseSpaces(key).trim();
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
      // Two words at least: a repeated byline ("Thu Hằng/VOV.VN") counts, a repeated "TTXVN" does not.
      if (splitCount(key, 2) < 2) return; // keys have single spaces
      const previous = context.previousNonBlank(index);
      if (previous >= 0 && keys[previous] === key) {
        findings.push({ kind: "lines", startLine: index, endLine: index, ...l10n.t("Repeats the line above (a caption or headline copy)."), relatedLine: previous, relatedMessage: l10n.t("First copy") });
      } else if (headlineKey !== undefined && index > headline && key === headlineKey) {
        findings.push({ kind: "lines", startLine: index, endLine: index, ...l10n.t("Repeats the headline (an image caption copy)."), relatedLine: headline, relatedMessage: l10n.t("The headline") });
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
