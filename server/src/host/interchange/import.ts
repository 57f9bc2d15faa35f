/**
 * Importing: annotations made in another tool become a person's entities (`origin: "manual"`,
 * decision `added` by the annotator the source names, else the settings' annotator) in the record
 * of the article, emitted through `emitRecord` like every other record, so what a person already
 * decided here is kept: imported entities are added beside the existing ones, an imported entity
 * the record already holds (same type, span and label) is not added twice, and one the record holds
 * as rejected stays rejected. When the imported text differs from the article's (exported with
 * `--clean`, or the article edited since), each imported entity is found again in the article by its
 * quote and context (engine/anchoring.ts), or kept as `orphaned`.
 */
import * as l10n from "@vscode/l10n";
import { attributesForSpan, blankAttributes, buildRecord, idMaker, LineIndex, quoteSelector, reanchor, type Analysis, type AnnotatedRecord, type EntityType, type RecordEntity, type RecordSource } from "../../engine";
import { describeProblems, emitRecord, parseRecord } from "../records";
import { attributeNames } from "../recordSchema";
import type { LabelDefinition } from "../settings";
import { resolveLabel } from "./labels";
import type { FormatId, InterchangeDocument, InterchangeSpan } from "./types";

export interface ImportRequest {
  document: InterchangeDocument;
  format: FormatId;
  /** The article's text now (the imported document's own text when the article was not on disk). */
  articleText: string;
  analysis: Analysis;
  source: RecordSource;
  /** The text of the article's record file, when it has one. */
  recordText: string | undefined;
  /** The user's own labels (`articleAnnotator.labels`). */
  labels: readonly LabelDefinition[];
  /** Who decided, when the source does not say (`articleAnnotator.annotator`). */
  annotator: string;
  /** ISO 8601 date-time of the import. */
  at: string;
  /** Analyzes a span's text alone, to read an amount's value and unit when neither the source nor a detection gives them. */
  analyzeSnippet: (text: string) => Promise<Analysis | undefined>;
}

export interface ImportResult {
  record: AnnotatedRecord;
  /** The exact text of the record file to write. */
  content: string;
  /** Entities added. */
  added: number;
  /** Imported entities the record already held (same type, span and label), or held as rejected. */
  alreadyThere: number;
  /** Added entities whose text could not be found in the article (kept as orphans). */
  orphaned: number;
}

/**
 * The record of `request.document`'s article with its spans imported, or every reason it cannot be
 * written (an unknown label, an amount without value, a record that cannot be read): then nothing is
 * written for the article. Messages start with the document's name and, for a span, its 1-based
 * line and column in the imported text.
 */
export async function importDocument(request: ImportRequest): Promise<ImportResult | { problems: string[] }> {
  const { document } = request;
  const lines = new LineIndex(document.text);
  const where = (span: InterchangeSpan): string => {
    const at = lines.positionAt(span.start);
    return `${document.name}:${at.line + 1}:${at.character + 1}`;
  };
  const problems: string[] = [];
  let previous: AnnotatedRecord | undefined;
  if (request.recordText !== undefined) {
    const parsed = parseRecord(request.recordText);
    if ("problems" in parsed) return { problems: [l10n.t("{0}: its record cannot be read, so nothing was imported into it ({1})", document.name, describeProblems(parsed.problems))] };
    previous = parsed.record;
  }
  const sameText = request.articleText === document.text;
  const imported: RecordEntity[] = [];
  for (const span of document.spans) {
    const resolved = resolveLabel(span.label, request.labels);
    if (!resolved) {
      problems.push(l10n.t('{0}: the label "{1}" is no entity type here; define it in the settings\' "labels" ({2}) to import it as your own label', where(span), span.label, `{"id": ${JSON.stringify(span.label)}, "name": "…"}`));
      continue;
    }
    const attributes = await attributesOf(span, resolved.type, resolved.type === "custom" ? resolved.label : undefined, sameText ? request.analysis : undefined, request.analyzeSnippet);
    if (!attributes) {
      problems.push(l10n.t('{0}: the {1} "{2}" has no value and unit, and none can be read from its text', where(span), span.label, span.text));
      continue;
    }
    const { prefix, suffix } = quoteSelector(document.text, span.start, span.end);
    imported.push({
      id: span.id,
      type: resolved.type,
      text: span.text,
      start: span.start,
      end: span.end,
      ...lines.positionAt(span.start),
      attributes,
      origin: "manual",
      rule: `import.${request.format}`,
      decision: { action: "added", by: span.annotator ?? request.annotator, at: request.at },
      selector: { prefix, suffix },
    } as RecordEntity); // `type` and `attributes` are paired by `attributesOf`; the compiler cannot see it through the union
  }
  if (problems.length > 0) return { problems };
  const placed = sameText ? imported : reanchor(imported, request.articleText);
  const existing = previous?.entities ?? [];
  const decided = existing.filter((e) => e.origin !== "auto" && !e.orphaned);
  const nextId = idMaker(existing.map((e) => e.id), "m");
  const fresh = placed.filter((entity) => entity.orphaned || !decided.some((e) => sameAnnotation(e, entity)));
  const base = previous ?? buildRecord(request.articleText, request.analysis, request.source);
  const merged = { ...base, entities: [...(previous ? existing : []), ...fresh.map((e) => ({ ...e, id: nextId() }))] };
  const emitted = emitRecord({ text: request.articleText, analysis: request.analysis, source: request.source, previous: merged });
  if ("error" in emitted) return { problems: [`${document.name}: ${emitted.error}`] };
  return { record: emitted.record, content: emitted.content, added: fresh.length, alreadyThere: placed.length - fresh.length, orphaned: fresh.filter((e) => e.orphaned).length };
}

/** Whether two entities are the same annotation: type, span and (for a custom label) label; a rejection counts, so it stays. */
function sameAnnotation(a: RecordEntity, b: RecordEntity): boolean {
  if (a.type !== b.type || a.start !== b.start || a.end !== b.end) return false;
  return a.type !== "custom" || (a.attributes as { label?: unknown }).label === (b.attributes as { label?: unknown }).label;
}

/**
 * The attributes of an imported span: what the engine detects on that span (when the text is the
 * article's) or, failing that, the blank ones of its type (an amount's from its text alone),
 * overridden by every attribute the source carried that the type has (record schema). Undefined
 * for an amount with no value.
 */
async function attributesOf(span: InterchangeSpan, type: EntityType, label: string | undefined, analysis: Analysis | undefined, analyzeSnippet: (text: string) => Promise<Analysis | undefined>): Promise<Record<string, unknown> | undefined> {
  // Only the attributes the type has: a span relabelled in the other tool keeps none of its old type's.
  const names = new Set(attributeNames(type));
  const carried = Object.fromEntries(Object.entries(span.attributes).filter(([name]) => names.has(name) && name !== "label"));
  if (type === "custom") return { ...carried, label };
  const detected = analysis?.entities.find((e) => e.type === type && e.start === span.start && e.end === span.end) ?? analysis?.entities.find((e) => e.type === type && e.start < span.end && span.start < e.end);
  let base: Record<string, unknown> | undefined = detected ? attributesForSpan(detected.attributes, type, span.text, detected.text) : (blankAttributes(type, span.text) as Record<string, unknown> | undefined);
  if (!base && type === "amount" && !("value" in carried)) {
    const snippet = await analyzeSnippet(span.text);
    const amount = snippet?.entities.find((e) => e.type === "amount");
    base = amount ? { ...(amount.attributes) } : undefined;
    if (!base) return undefined;
  }
  return { ...base, ...carried };
}
