/**
 * Article metadata: the headline, the published date-time (a dateline near the top), the byline
 * (a short name line near the top or the end) and the outlet (an outlet line, or the site a
 * follow prompt names).
 */
import { lexicon } from "../lexicon";
import type { ArticleDocument } from "../document";
import type { ArticleMetadata, BoilerplateFinding, EntityOf } from "../types";
import { isoDate } from "./date";
import { collapseSpaces, splitCount } from "../text/words";
import { crawlerDatePrefix } from "../boilerplate/lineShape";

const VIETNAM_OFFSET = "+07:00";
const NAME_LINE = /^(?:(?:Bài|Bài và ảnh|Ảnh|Theo|Tác giả|Phóng viên|PV|Nhóm PV)\s*[:：]?\s*)?(\p{Lu}[\p{L}\p{M}.]*(?:\s+\p{Lu}[\p{L}\p{M}.]*){0,3})(?:\s*[-–(]\s*[\p{L}\p{M}\s/+.]{2,30}\)?)?$/u;
const FOLLOW_PROMPT = /^Theo dõi\s+(.{2,40}?)\s+trên\b/iu;
/**
 * A headline is never longer (UTF-16 units, as lineShape's MAX_SHAPED_LINE): a longer first line is
 * a paragraph (a page scraped onto one line), and the article has no title rather than the page as one.
 */
const MAX_TITLE_LINE = 320;

export function detectMetadata(doc: ArticleDocument, dates: readonly EntityOf<"date">[], boilerplate: readonly BoilerplateFinding[]): ArticleMetadata {
  const article: ArticleMetadata = {};
  const lines = [...doc.articleLines()];
  const dateline = findDateline(doc, dates, lines.slice(0, 8).map((l) => l.index));
  if (dateline) article.published = dateline;

  const isDatelineLine = (index: number): boolean => dates.some((d) => doc.lines[index]!.start <= d.start && d.end <= doc.lines[index]!.end && d.text.length >= doc.lines[index]!.text.trim().length * 0.6);
  const firstLine = lines.find((l) => !isDatelineLine(l.index) && !isOutletLine(l.text.trim()) && splitCount(l.text.trim(), 3) >= 3);
  const titleLine = firstLine && firstLine.text.trim().length <= MAX_TITLE_LINE ? firstLine : undefined;
  if (titleLine) {
    // A crawler's date stamp glued to the headline (" date 2025-10-28 Thủ tướng …") is the
    // dateline, not the title's (issue 13).
    const leading = titleLine.text.search(/\S/);
    const prefix = crawlerDatePrefix(titleLine.text.trim());
    const titleStart = prefix ? titleLine.start + leading + prefix.length : titleLine.start;
    const { text, start, end } = withoutDebris(doc, titleStart, titleLine.end);
    article.title = text;
    article.titleSpan = { start, end };
    if (prefix && !article.published) {
      const stamp = dates.find((d) => d.start >= titleLine.start && d.end <= titleStart);
      const iso = stamp ? isoDate(stamp.attributes) : undefined;
      if (iso) article.published = stamp!.attributes.time ? `${iso}${VIETNAM_OFFSET}` : iso;
    }
  }

  const candidates = [
    ...lines.slice(0, 6).filter((l) => !titleLine || l.index > titleLine.index),
    ...lines.slice(-6),
  ];
  // Metadata is reported as the article writes it (NFC), not in the engine's normalized spelling.
  const asWritten = (line: { start: number; end: number }): string => doc.display(line.start, line.end).trim();
  const byline = candidates.find((l) => isBylineLine(l.text.trim()));
  if (byline) article.byline = NAME_LINE.exec(asWritten(byline))?.[1] ?? asWritten(byline);

  const outletLine = lines.find((l) => isOutletLine(l.text.trim()));
  if (outletLine) article.outlet = asWritten(outletLine);
  else {
    // Each line once: a long line can hold thousands of span findings (run-together words).
    const seen = new Set<number>();
    for (const finding of boilerplate) {
      if (seen.has(finding.startLine)) continue;
      seen.add(finding.startLine);
      const prompt = FOLLOW_PROMPT.exec(asWritten(doc.lines[finding.startLine]!));
      if (prompt) {
        article.outlet = prompt[1]!;
        break;
      }
    }
  }
  return article;
}

/** The first date-time (else date) that stands nearly alone on one of the first lines. */
function findDateline(doc: ArticleDocument, dates: readonly EntityOf<"date">[], lineIndexes: readonly number[]): string | undefined {
  for (const index of lineIndexes) {
    const line = doc.lines[index]!;
    const date = dates.find((d) => line.start <= d.start && d.end <= line.end);
    if (!date) continue;
    const attributes = date.attributes;
    if (attributes.year === undefined || attributes.day === undefined) continue;
    const rest = line.text.replace(date.text, "").replace(/[\p{P}\s]/gu, "");
    if (rest.length > 40) continue;
    const iso = isoDate(attributes);
    if (!iso) continue;
    return attributes.time ? `${iso}${VIETNAM_OFFSET}` : iso;
  }
  return undefined;
}

function isOutletLine(line: string): boolean {
  if (line.length > 40) return false;
  return lexicon.outlets.has(line) || line.split(/\s*\/\s*/).every((part) => lexicon.outlets.has(part));
}

function isBylineLine(line: string): boolean {
  if (line.length > 40 || /\d/.test(line) || isOutletLine(line)) return false;
  const match = NAME_LINE.exec(line);
  return match !== null && match[1]!.split(/\s+/).length >= 2;
}

/** The line's text as written, with spliced debris (spam) cut out, and the span of what remains. */
function withoutDebris(doc: ArticleDocument, start: number, end: number): { text: string; start: number; end: number } {
  let text = "";
  let last = start;
  for (const span of [...doc.debrisSpans].sort((a, b) => a.start - b.start)) {
    if (span.end <= start || span.start >= end) continue;
    text += doc.display(last, span.start) + " ";
    last = Math.max(last, span.end);
  }
  text += doc.display(last, end);
  const trimmed = collapseSpaces(text).trim();
  const leading = doc.text.slice(start, end).search(/\S/);
  return { text: trimmed, start: start + Math.max(0, leading), end };
}
