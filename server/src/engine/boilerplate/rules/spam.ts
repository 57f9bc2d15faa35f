/**
 * Injected spam: gambling/lottery and adult keywords (data), with the bracketed SEO title or the
 * glued-together run they sit in; and short lines of Vietnamese written without diacritics in an
 * article written with them (SEO keyword lines). Spam spliced into article text is flagged as a span
 * so the sentence around it stays; a line that is little else than spam is flagged whole.
 */
import data from "../../data/boilerplate.json";
import { lexicon } from "../../lexicon";
import { normalizeText } from "../../text/normalize";
import { isAsciiLetter } from "../../text/chars";
import { codePointEnd, codePointStart, isWordCharAt, isWordCharBefore } from "../../text/codePoints";
import { escapeRegExp } from "../../text/regex";
import type { BoilerplateRule, RawFinding, RuleContext } from "../rule";
import { l10n } from "../../l10n";

const escape = (k: string): string => escapeRegExp(normalizeText(k).text);
const byLength = (a: string, b: string): number => b.length - a.length;
// A keyword of several words is spam even glued to the letters before it ("…tỉyêkết quả xsmb"):
// the glued run is injected with it. A one-word keyword must stand alone ("sex" is not in "Essex").
const KEYWORD = new RegExp(
  `(?:${data.spam.keywords.filter((k) => k.includes(" ")).map(escape).sort(byLength).join("|")})(?![\\p{L}\\p{N}])` +
    `|(?<![\\p{L}\\p{N}])(?:${data.spam.keywords.filter((k) => !k.includes(" ")).map(escape).sort(byLength).join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);
/**
 * Every keyword anywhere, matched case-insensitively by the non-Unicode rules: one fast pass over
 * the document finds the lines KEYWORD can match at all. Its matches are a superset of KEYWORD's
 * (a keyword's letters, in either case, are equal under both case rules) except where the text holds
 * a character whose Unicode case folding is ASCII (ſ, the Kelvin sign): then every line is read.
 */
const KEYWORD_ANYWHERE = new RegExp(data.spam.keywords.map(escape).sort(byLength).join("|"), "gi");
const FOLDS_TO_ASCII = /[\u017F\u212A]/u;

/** The lines where KEYWORD may match (undefined: any line may). */
function keywordLines(doc: RuleContext["doc"]): Set<number> | undefined {
  if (FOLDS_TO_ASCII.test(doc.text)) return undefined;
  const lines = new Set<number>();
  const pattern = KEYWORD_ANYWHERE;
  pattern.lastIndex = 0;
  // A keyword never holds a line break, so a match lies on one line; none is empty.
  for (let match = pattern.exec(doc.text); match !== null; match = pattern.exec(doc.text)) lines.add(doc.lineIndex.lineAt(match.index));
  return lines;
}

const BRACKETS: Record<string, string> = { "【": "】", "[": "]", "《": "》", "〖": "〗" };
const LETTER = /[\p{L}\p{M}\p{N}]/u;
/** Fewer words than this left once the spam is out: the line is spam. */
const MIN_ARTICLE_WORDS = 8;
const SHORT_LINE_WORDS = 40;

export const spamRule: BoilerplateRule = {
  id: "spam",
  description: "Injected gambling/lottery/adult spam and SEO keyword lines, including spam spliced inside a sentence.",
  defaultSeverity: "warning",
  detect(context) {
    const findings: RawFinding[] = [];
    const accented = documentUsesDiacritics(context);
    const candidates = keywordLines(context.doc);
    context.doc.lines.forEach((line, index) => {
      const text = line.text;
      if (text.trim() === "") return;
      const spans = candidates && !candidates.has(index) ? [] : spamSpans(text);
      if (spans.length === 0) {
        if (accented && isUnaccentedKeywordLine(text)) {
          findings.push({ kind: "lines", startLine: index, endLine: index, ...l10n.t("An SEO keyword line written without diacritics (spam).") });
        }
        return;
      }
      let rest = "";
      let last = 0;
      for (const span of spans) {
        rest += text.slice(last, span.start) + " ";
        last = span.end;
      }
      rest += text.slice(last);
      const words = rest.split(/\s+/).filter((w) => LETTER.test(w)).length;
      // Little left once the spam is out, or spam in several places of a short line: a spam line.
      if (words < MIN_ARTICLE_WORDS || (spans.length >= 2 && words < SHORT_LINE_WORDS)) {
        findings.push({ kind: "lines", startLine: index, endLine: index, ...l10n.t("A spam line (gambling/lottery/adult keywords).") });
        return;
      }
      for (const span of spans) {
        const start = line.start + span.start;
        const end = line.start + span.end;
        findings.push({ kind: "span", start, end, ...l10n.t("Spam spliced into the article text: \"{0}\".", context.doc.display(start, end)) });
      }
    });
    return findings;
  },
};

/**
 * Spam keyword hits widened to their bracket or glued run (letters, marks and digits, read by code
 * points: an astral letter is glued too, never cut in half), merged. Offsets within `text`.
 */
function spamSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // exec on the one compiled pattern: matchAll would copy the regular expression for every line.
  const keyword = KEYWORD;
  keyword.lastIndex = 0;
  for (let match = keyword.exec(text); match !== null; match = keyword.exec(text)) {
    // A keyword is never empty, so lastIndex always moves on.
    let start = match.index;
    let end = start + match[0].length;
    const bracket = enclosingBracket(text, start, end);
    if (bracket) ({ start, end } = bracket);
    else {
      while (start > 0 && isWordCharBefore(text, start)) start = codePointStart(text, start);
      while (end < text.length && isWordCharAt(text, end)) end = codePointEnd(text, end);
    }
    const previous = spans[spans.length - 1];
    if (previous && start <= previous.end) previous.end = Math.max(previous.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

function enclosingBracket(text: string, start: number, end: number): { start: number; end: number } | undefined {
  for (let k = start - 1; k >= 0 && start - k < 60; k--) {
    const close = BRACKETS[text[k]!];
    if (close) {
      const closeAt = text.indexOf(close, end);
      return closeAt >= 0 && closeAt - end < 60 ? { start: k, end: closeAt + 1 } : undefined;
    }
    if (Object.values(BRACKETS).includes(text[k]!)) return undefined;
  }
  return undefined;
}

let unaccentedSyllables: Set<string> | undefined;
/** Dictionary syllables with their diacritics removed ("chích" → "chich"). */
function stripDiacritics(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** A short line of plain-ASCII words that are Vietnamese syllables with their diacritics stripped. */
function isUnaccentedKeywordLine(text: string): boolean {
  // Fails at the first letter with a diacritic, before any splitting.
  if (!/^[A-Za-z ]+$/.test(text.trim())) return false;
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  unaccentedSyllables ??= new Set([...lexicon.viSyllables].map(stripDiacritics));
  const lower = words.map((w) => w.toLowerCase());
  // A word is missing its diacritics when it is no syllable as written (nor a family name: "Phan")
  // but is one once they are stripped ("chich" ← "chích").
  const missing = (w: string): boolean => !lexicon.viSyllables.has(w) && !lexicon.surnames.has(w);
  return lower.every((w) => unaccentedSyllables!.has(w)) && lower.some(missing);
}

/** Whether most words of the document carry Vietnamese diacritics (judged on its start). */
function documentUsesDiacritics(context: RuleContext): boolean {
  const text = context.doc.text;
  const end = Math.min(text.length, 20000);
  let words = 0;
  let accented = 0;
  let inWord = false;
  let marked = false;
  // One pass, a character at a time: words are runs of letters, as /\p{L}+/ reads them.
  for (let k = 0; k <= end; k++) {
    const kind = k < end ? charKind(text.charCodeAt(k), text, k) : NOT_LETTER;
    if (kind === NOT_LETTER) {
      if (inWord) {
        words++;
        if (marked) accented++;
      }
      inWord = false;
      marked = false;
    } else {
      inWord = true;
      marked ||= kind === MARKED_LETTER;
    }
  }
  return words >= 20 && accented / words > 0.25;
}

const NOT_LETTER = 0;
const PLAIN_LETTER = 1;
const MARKED_LETTER = 2;
const kindByChar = new Map<number, number>();
const ANY_LETTER = /\p{L}/u;

/** Whether a character is a letter, and whether stripping diacritics would change it (cached). */
function charKind(code: number, text: string, k: number): number {
  if (code < 128) return isAsciiLetter(code) ? PLAIN_LETTER : NOT_LETTER;
  let kind = kindByChar.get(code);
  if (kind === undefined) {
    const char = text[k]!;
    kind = !ANY_LETTER.test(char) ? NOT_LETTER : stripDiacritics(char) !== char ? MARKED_LETTER : PLAIN_LETTER;
    // Surrogate halves are judged alone (not letters): astral letters are too rare to matter here.
    kindByChar.set(code, kind);
  }
  return kind;
}
