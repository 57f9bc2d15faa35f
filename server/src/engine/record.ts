/**
 * The annotated record: the contract between the engine and everything that reads its output
 * (schema: `schema/record.v1.schema.json`).
 */
import { LineIndex } from "./text/lines";
import type { Analysis, ArticleMetadata, BoilerplateFinding, Entity, EntityAttributesByType, EntityType } from "./types";

export const RECORD_SCHEMA_VERSION = 1;

/**
 * Where an entity comes from (DESIGN.md, "Curation"): `auto` a suggestion of the engine that no one
 * reviewed; `manual` a person's (added, accepted, retyped or edited: any decision on an entity
 * makes it theirs); `rejected` a detection a person marked wrong, kept so it does not come back.
 */
export type Origin = "auto" | "manual" | "rejected";

/** What a person did to an entity, who and when. */
export interface Decision {
  /** `added` a new entity; `accepted` a suggestion as it is; `edited` its type, span or attributes; `rejected` it. */
  action: "added" | "accepted" | "edited" | "rejected";
  /** The annotator (`articleAnnotator.annotator`, by default the OS user name). */
  by: string;
  /** ISO 8601 date-time (UTC). */
  at: string;
}

/**
 * The context that, with `text` as `exact`, makes the W3C Web Annotation TextQuoteSelector of a
 * person's entity (https://www.w3.org/TR/annotation-model/#text-quote-selector); `start`/`end` are
 * its TextPositionSelector. Up to 32 UTF-16 code units each side (engine/anchoring.ts).
 */
export interface QuoteContext {
  prefix: string;
  suffix: string;
}

/** What every record entity has. Offsets: UTF-16 code units into the article, `end` exclusive; `line`/`character`: the LSP position of `start`. */
export interface RecordEntityBase {
  id: string;
  text: string;
  start: number;
  end: number;
  line: number;
  character: number;
  origin: Origin;
  rule: string;
  /** The decision that made it a person's (set on every `manual` and `rejected` entity written since curation). */
  decision?: Decision;
  /** Its quote's context, to find it again when the text changes (on `manual` and `rejected` entities). */
  selector?: QuoteContext;
  /**
   * Set when the text it annotated can no longer be found: `text`, `start`..`end` and `selector` are
   * then its last known quote and place. Kept until a person deletes or re-attaches it.
   */
  orphaned?: true;
}

/** An entity as the record stores it: a union discriminated by `type`, like `Entity`. */
export type RecordEntity = { [T in EntityType]: RecordEntityBase & { type: T; attributes: EntityAttributesByType[T] } }[EntityType];

/** A debris finding as the record stores it (the fix and related line stay in the engine and server). */
export type RecordBoilerplate = Pick<BoilerplateFinding, "rule" | "start" | "end" | "startLine" | "endLine" | "message" | "severity" | "scope">;

/** How far the review of an article has gone. */
export interface ReviewState {
  /** Suggestions (`auto` entities) no one has decided on yet. */
  suggestionsLeft: number;
  /** Everyone who made a decision in the record, sorted. */
  reviewedBy?: string[];
  /** The latest decision's time (ISO 8601). */
  reviewedAt?: string;
}

export interface AnnotatedRecord {
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  source: { path: string; sha256: string; length: number };
  article: Omit<ArticleMetadata, "titleSpan">;
  review: ReviewState;
  entities: RecordEntity[];
  /** Lines that are not part of the article (whole lines, `startLine`..`endLine`). */
  boilerplate: RecordBoilerplate[];
  /** Debris spliced inside lines of article text (the line itself stays article text). */
  inlineDebris: RecordBoilerplate[];
}

/** Where the analyzed text came from: computed by the caller (the engine does no I/O or hashing). */
export interface RecordSource {
  path: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Size of the file in bytes. */
  length: number;
}

/** Builds the record of an analysis of `text`. Line numbers are LSP positions in `text`. */
export function buildRecord(text: string, analysis: Analysis, source: RecordSource): AnnotatedRecord {
  const index = new LineIndex(text);
  const { titleSpan: _titleSpan, ...article } = analysis.article;
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    source: { path: source.path, sha256: source.sha256, length: source.length },
    article,
    review: { suggestionsLeft: analysis.entities.length },
    entities: analysis.entities.map((entity, k) => toRecordEntity(entity, `e${k + 1}`, index.positionAt(entity.start))),
    boilerplate: analysis.boilerplate.filter((f) => f.scope === "lines").map(toRecordFinding),
    inlineDebris: analysis.boilerplate.filter((f) => f.scope === "span").map(toRecordFinding),
  };

  function toRecordFinding(finding: BoilerplateFinding): RecordBoilerplate {
    return {
      rule: finding.rule,
      start: finding.start,
      end: finding.end,
      startLine: index.lineAt(finding.start),
      endLine: index.lineAt(Math.max(finding.start, finding.end - 1)),
      message: finding.message,
      severity: finding.severity,
      scope: finding.scope,
    };
  }
}

/** A detected entity as a record entry (`origin: "auto"`), with the fields in the record's order. */
function toRecordEntity(entity: Entity, id: string, position: { line: number; character: number }): RecordEntity {
  // `type` and `attributes` come from one entity, so they are paired; the compiler cannot see that through the union.
  return { id, type: entity.type, text: entity.text, start: entity.start, end: entity.end, ...position, attributes: entity.attributes, origin: "auto", rule: entity.rule } as RecordEntity;
}
