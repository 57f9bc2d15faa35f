/**
 * What is exported of an article: its reviewed annotation. A person's entities (added, accepted,
 * edited: `origin: "manual"`) go out; rejected ones never; unreviewed suggestions (`auto`) only when
 * asked, marked as suggestions (predictions where the format has them); orphans (their text is
 * gone) never, since they point at no text.
 */
import { applyFixes, type Analysis, type AnnotatedRecord, type RecordEntity } from "../../engine";
import { labelOf } from "./labels";
import type { InterchangeDocument, InterchangeSpan } from "./types";

export interface DocumentOptions {
  /** Include unreviewed suggestions (`--include-suggestions`). */
  includeSuggestions: boolean;
  /**
   * Export the article with its debris removed (`--clean`): the analysis's safe fixes are applied
   * (as `clean --write` does) and every span moved into the cleaned text. Needs `analysis`.
   */
  clean?: Analysis;
}

export interface ExportedDocument {
  document: InterchangeDocument;
  /** Spans left out because the cleaning removed or changed text inside them (with `clean`). */
  droppedByCleaning: number;
}

/**
 * The document of `name` (`source.path`) with text `text` and record `record` (one made for this
 * very text: `emitRecord`'s, which re-anchors a person's decisions on the current text).
 */
export function exportedDocument(name: string, text: string, record: AnnotatedRecord, options: DocumentOptions): ExportedDocument {
  const chosen = record.entities.filter((e) => !e.orphaned && (e.origin === "manual" || (options.includeSuggestions && e.origin === "auto")));
  let spans = chosen.map((entity) => spanOf(entity));
  let droppedByCleaning = 0;
  let exported = text;
  if (options.clean) {
    const { text: cleaned, applied } = applyFixes(text, options.clean.boilerplate);
    const edits = applied.map((f) => f.fix); // sorted, not overlapping
    const moved = spans.flatMap((span) => {
      const at = mapSpan(edits, span);
      return at && cleaned.slice(at.start, at.end) === span.text ? [{ ...span, ...at }] : [];
    });
    droppedByCleaning = spans.length - moved.length;
    spans = moved;
    exported = cleaned;
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
  return { document: { name, text: exported, spans }, droppedByCleaning };
}

function spanOf(entity: RecordEntity): InterchangeSpan {
  const { label: _label, ...attributes } = entity.attributes as Record<string, unknown>;
  const kb = typeof attributes.kb === "string" ? attributes.kb : undefined;
  return {
    id: entity.id,
    start: entity.start,
    end: entity.end,
    text: entity.text,
    label: labelOf(entity),
    attributes,
    suggestion: entity.origin === "auto",
    ...(entity.decision ? { annotator: entity.decision.by } : {}),
    ...(kb ? { kb } : {}),
  };
}

/**
 * Where `span` lands after `edits` (sorted, disjoint replacements of the original text), or
 * undefined when an edit changes text inside it. An edit that ends where the span starts, or starts
 * where it ends, leaves it whole.
 */
function mapSpan(edits: readonly { start: number; end: number; newText: string }[], span: { start: number; end: number }): { start: number; end: number } | undefined {
  let shift = 0;
  for (const edit of edits) {
    if (edit.start >= span.end) break;
    if (edit.end > span.start) return undefined;
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return { start: span.start + shift, end: span.end + shift };
}
