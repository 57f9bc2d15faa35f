/**
 * What the readers of the formats that count code points share (Label Studio, doccano): a span
 * from the other tool checked against the document's text and moved into UTF-16 code units, and
 * spans ordered with unique ids.
 */
import * as l10n from "@vscode/l10n";
import type { CodePointOffsets } from "../offsets";
import type { InterchangeSpan } from "../types";

/** A span as another tool gives it: offsets in code points (`end` exclusive), maybe the text it claims to cover. */
export interface CodePointSpan {
  start: unknown;
  end: unknown;
  /** The covered text as the tool wrote it, checked when given (Label Studio's `value.text`). */
  text?: unknown;
}

/**
 * `span` in UTF-16 code units of `text`, or why it does not fit: offsets not integers, out of
 * 0..length (in code points), empty or reversed, or a claimed text other than the one at those offsets.
 */
export function fitSpan(offsets: CodePointOffsets, text: string, span: CodePointSpan): { start: number; end: number; text: string } | string {
  const { start, end } = span;
  if (typeof start !== "number" || typeof end !== "number" || !Number.isInteger(start) || !Number.isInteger(end)) return l10n.t("offsets {0}..{1} are not whole numbers", String(start), String(end));
  const from = offsets.toUtf16(start);
  const to = offsets.toUtf16(end);
  if (from === undefined || to === undefined) return l10n.t("offsets {0}..{1} are outside the text ({2} code points)", start, end, offsets.length);
  if (end <= start) return l10n.t("offsets {0}..{1} cover no text", start, end);
  const covered = text.slice(from, to);
  if (span.text !== undefined && span.text !== covered) return l10n.t("its text {0} is not the text at {1}..{2} ({3})", JSON.stringify(span.text), start, end, JSON.stringify(covered));
  return { start: from, end: to, text: covered };
}

/** Spans sorted as documents hold them (start, then end, then label), with every id made unique ("r1", "r1-2", …). */
export function orderedSpans(spans: readonly InterchangeSpan[]): InterchangeSpan[] {
  const seen = new Set<string>();
  const unique = spans.map((span) => {
    let id = span.id;
    for (let k = 2; seen.has(id); k++) id = `${span.id}-${k}`;
    seen.add(id);
    return id === span.id ? span : { ...span, id };
  });
  return unique.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}
