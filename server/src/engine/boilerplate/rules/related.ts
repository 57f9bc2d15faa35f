/**
 * Related-article lists: a heading ("Tin khác", "Đọc thêm", …) and every headline, teaser and
 * timestamp under it to the end of the list; lists with no heading (a headline shown twice and a
 * teaser cut with "…", or a headline with its timestamp); and a tail of unrelated headlines after
 * the article's end. A list ends at a paragraph that does not follow a headline (the article resumes).
 */
import data from "../../data/boilerplate.json";
import { lineMatcher, type BoilerplateRule, type RawFinding, type RuleContext } from "../rule";
import { splitCount } from "../../text/words";
import { l10n } from "../../l10n";

const isHeading = lineMatcher(data.relatedHeadings);
const TIMESTAMP = [
  /^(?:[\p{L} ]{0,30}[ |,·-]+)?\d{1,2}\/\d{1,2}\/\d{2,4}(?:[ ,|-]*\d{1,2}[:h]\d{2}(?::\d{2})?)?(?: ?(?:AM|PM|SA|CH|\(?GMT ?[+-]?\d*\)?))?$/iu,
  /^(?:[\p{L} ]{0,30}[ |,·-]+)?\d{1,2}[:h]\d{2}(?: ?(?:AM|PM))?[ ,|-]*\d{1,2}\/\d{1,2}\/\d{2,4}$/iu,
  /^(?:[\p{L} ]{0,30}[ |,·-]+)?\d+ (?:phút|giờ|ngày|tuần|tháng|năm) trước$/iu,
];
const DIGIT = /\d/u;
const TEASER_END = /(?:\.\.\.|…)["”’)]?$/u;
const SENTENCE_END = /[.!?…]["”’)]?$/u;
const MAX_TEASER_WORDS = 50;
const MAX_HEADLINE_WORDS = 40;

type LineKind = "blank" | "heading" | "timestamp" | "teaser" | "headline" | "paragraph";

/** What a line looks like, whatever earlier rules said of it (a flagged headline copy is still a headline). */
function classify(context: RuleContext, index: number): LineKind {
  const line = context.trimmed[index]!;
  if (line === "") return "blank";
  if (isHeading(line)) return "heading";
  // Every timestamp has a digit: most lines are not read against the three patterns.
  if (DIGIT.test(line) && TIMESTAMP.some((r) => r.test(line))) return "timestamp";
  if (TEASER_END.test(line)) return "teaser";
  const words = splitCount(line, MAX_HEADLINE_WORDS + 1);
  if (words <= MAX_HEADLINE_WORDS && !/[.]["”’)]?$/u.test(line)) return "headline";
  // A line shown twice in a row is a list item's headline, however long.
  const next = context.nextNonBlank(index);
  if (next >= 0 && context.trimmed[next] === line) return "headline";
  return "paragraph";
}

/** Last line of the list that starts at `start`, or -1 when nothing after it belongs to a list. */
function extendList(context: RuleContext, kinds: readonly LineKind[], start: number): number {
  let last = start;
  let previous: LineKind = kinds[start]!;
  for (let k = start + 1; k < kinds.length; k++) {
    const kind = kinds[k]!;
    if (kind === "blank") continue;
    const words = splitCount(context.trimmed[k]!, MAX_TEASER_WORDS + 1);
    const teaserOfHeadline = kind === "paragraph" && previous === "headline" && words <= MAX_TEASER_WORDS;
    if (kind === "paragraph" && !teaserOfHeadline && !context.flagged.has(k)) break;
    last = k;
    previous = kind === "paragraph" ? "teaser" : kind;
  }
  return last;
}

/** A headline shown twice then a teaser cut with "…", or a headline and its timestamp: a list item. */
function startsHeadlessItem(context: RuleContext, kinds: readonly LineKind[], index: number): boolean {
  if (kinds[index] !== "headline") return false;
  const next = context.nextNonBlank(index);
  if (next < 0) return false;
  if (kinds[next] === "timestamp") return true;
  if (context.trimmed[next] !== context.trimmed[index]) return false;
  const after = context.nextNonBlank(next);
  return after >= 0 && kinds[after] === "teaser";
}

export const relatedLinksRule: BoilerplateRule = {
  id: "related-links",
  description: "Related-article lists (with or without a heading) and unrelated headlines after the article.",
  defaultSeverity: "warning",
  detect(context) {
    const kinds = context.trimmed.map((_, index) => classify(context, index));
    const findings: RawFinding[] = [];
    // Lists without a heading are only looked for once the article's body has begun: above it, a
    // headline and its dateline look just like a list item and its timestamp.
    const bodyStart = kinds.findIndex((kind, index) => kind === "paragraph" && !context.flagged.has(index));
    for (let index = 0; index < kinds.length; index++) {
      const heading = kinds[index] === "heading";
      if (!heading && !(bodyStart >= 0 && index > bodyStart && startsHeadlessItem(context, kinds, index))) continue;
      let last = extendList(context, kinds, index);
      // A heading above the article's first paragraph, whose "list" would take the headline and the
      // lead, is a section's label ("Tiêu điểm" over the headline): only the label is debris.
      if (heading && bodyStart > index && last >= bodyStart) last = index;
      findings.push({
        kind: "lines",
        startLine: index,
        endLine: last,
        ...(heading
          ? l10n.t("A related-articles list (\"{0}\") and its {1} following lines, not part of the article.", context.trimmed[index]!, last - index)
          : l10n.t("A list of other articles' headlines and teasers, not part of the article.")),
      });
      index = last;
    }
    for (const run of separatedHeadlines(context, kinds)) if (!findings.some((f) => f.kind === "lines" && f.startLine <= run.endLine && run.startLine <= f.endLine)) findings.push(run);
    const tail = offTopicTail(context, kinds);
    if (tail?.kind === "lines" && !findings.some((f) => f.kind === "lines" && f.endLine >= tail.startLine)) findings.push(tail);
    return findings;
  },
};

/** A separator left dangling at a line's end, where a list joined its items (" -", " –", " |", " »", " ·"). */
const DANGLING_SEPARATOR = /\s[-–—|»·•]$/u;
/** A line that is only a separator. */
const LONE_SEPARATOR = /^[-–—|»·•]$/u;

/**
 * Three or more headline-like lines in a row, each ending with a dangling separator: a list of
 * other articles whose separators the scraper cut into lines (with a lone separator line before it).
 */
function separatedHeadlines(context: RuleContext, kinds: readonly LineKind[]): Extract<RawFinding, { kind: "lines" }>[] {
  const runs: Extract<RawFinding, { kind: "lines" }>[] = [];
  for (let k = 0; k < kinds.length; k++) {
    let end = k;
    while (end < kinds.length && kinds[end] === "headline" && DANGLING_SEPARATOR.test(context.trimmed[end]!)) end++;
    if (end - k >= 3) {
      const before = context.previousNonBlank(k);
      const start = before >= 0 && LONE_SEPARATOR.test(context.trimmed[before]!) ? before : k;
      runs.push({ kind: "lines", startLine: start, endLine: end - 1, ...l10n.t("A list of other articles' headlines, each cut at its separator, not part of the article.") });
    }
    k = Math.max(k, end);
  }
  return runs;
}

/** Three or more headline-like lines closing the file after the last paragraph. */
function offTopicTail(context: RuleContext, kinds: readonly LineKind[]): RawFinding | undefined {
  let start = -1;
  let headlines = 0;
  for (let k = kinds.length - 1; k > context.firstLine; k--) {
    const kind = kinds[k]!;
    if (context.flagged.has(k)) {
      start = k;
      continue;
    }
    if (kind === "paragraph" || kind === "heading") break;
    if (kind === "headline") {
      const words = splitCount(context.trimmed[k]!, 5);
      if (words < 5 || SENTENCE_END.test(context.trimmed[k]!)) break;
      headlines++;
    }
    if (kind !== "blank") start = k;
  }
  if (start < 0 || headlines < 3) return undefined;
  const end = kinds.length - 1 - [...kinds].reverse().findIndex((k) => k !== "blank");
  return { kind: "lines", startLine: start, endLine: end, ...l10n.t("Headlines of other articles after the article's end.") };
}
