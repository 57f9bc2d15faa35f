import type { ArticleDocument } from "../document";
import { normalizeText } from "../text/normalize";
import type { Severity } from "../types";
import type { Message, MessageTemplate } from "../l10n";

/** What a rule reports: whole lines (`startLine`..`endLine`) or a span inside a line. */
export type RawFinding =
  | { kind: "lines"; startLine: number; endLine: number; message: string; template?: MessageTemplate; relatedLine?: number; relatedMessage?: Message }
  | { kind: "span"; start: number; end: number; message: string; template?: MessageTemplate; replacement?: string; unsafe?: boolean };

/** The view of the document a rule reads. */
export interface RuleContext {
  readonly doc: ArticleDocument;
  /** Trimmed text of each line ("" for blank lines). */
  readonly trimmed: readonly string[];
  /** Index of the first non-blank line: the headline, before debris is known (may itself be debris). */
  readonly firstLine: number;
  /** Whether a line is blank. */
  isBlank(line: number): boolean;
  /** Previous / next non-blank line, or -1. */
  previousNonBlank(line: number): number;
  nextNonBlank(line: number): number;
  /** Lines earlier rules already flagged as debris (rules run in order). */
  readonly flagged: ReadonlySet<number>;
  /** Whether a range overlaps a span earlier rules flagged inside a line. */
  isFlaggedSpan(start: number, end: number): boolean;
}

/** A boilerplate rule: one small module with one job. */
export interface BoilerplateRule {
  /** Stable id, used as the diagnostic code ("related-links"). */
  readonly id: string;
  /** One line for documentation and hovers. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  detect(context: RuleContext): RawFinding[];
}

const MAX_PHRASE_LINE = 300;
const BULLET = /^[•·*–-]+\s*/u;
/** The characters BULLET starts with: a line that starts otherwise has none to remove. */
const BULLET_START = new Set([..."•·*–-"].map((c) => c.charCodeAt(0)));
const DOUBLE_SPACE = /\s\s/u;
const TRAILING_MARKS = new Set([..." \t:：."]);

function lengthWithoutTrailingMarks(line: string): number {
  let end = line.length;
  while (end > 0 && TRAILING_MARKS.has(line[end - 1]!)) end--;
  return end;
}

/** Case, spacing and a trailing colon or full stop do not change what a short line is. */
function foldLine(line: string): string {
  return line.toLowerCase().replace(/\s+/g, " ").replace(/[\s:：.]+$/u, "").trim();
}

/**
 * One regular expression for a list of patterns: a line is tested once instead of once per pattern.
 * Each pattern keeps its own group, so one pattern's alternation cannot leak into another's.
 */
function unionOf(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  return new RegExp(patterns.map((p) => `(?:${normalizeText(p).text})`).join("|"), "iu");
}

/** Compiles whole-line phrase lists and patterns from the data file into one predicate. */
export function lineMatcher(lines: readonly string[] = [], patterns: readonly string[] = []): (line: string) => boolean {
  // Document lines are already normalized; data is normalized the same way once, so "khóa" matches "khoá".
  const exact = new Set(lines.map((line) => foldLine(normalizeText(line).text)));
  // No listed phrase is longer than this once folded (folding never lengthens a line much).
  const longestPhrase = Math.max(0, ...[...exact].map((phrase) => phrase.length));
  const pattern = unionOf(patterns);
  return (line) => {
    const trimmed = line.trim();
    if (trimmed === "") return false;
    if (pattern?.test(trimmed)) return true;
    // No listed phrase is this long: folding a huge line to look it up would only cost time.
    if (trimmed.length > MAX_PHRASE_LINE) return false;
    // Bullets in front of a menu word ("• Đánh giá") do not change what it is.
    const bare = BULLET_START.has(trimmed.charCodeAt(0)) ? trimmed.replace(BULLET, "") : trimmed;
    if (bare === "") return false;
    if (bare !== trimmed && pattern?.test(bare)) return true;
    // Patterns only: no phrase to look up.
    if (exact.size === 0) return false;
    // Folding only shortens a line by collapsing spaces or dropping trailing marks; without either,
    // a line longer than every phrase cannot be one, and is not folded.
    if (lengthWithoutTrailingMarks(bare) > longestPhrase && !DOUBLE_SPACE.test(bare)) return false;
    return exact.has(foldLine(bare));
  };
}
