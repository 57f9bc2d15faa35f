/**
 * The curation of one open article: the record as the person sees it (their decisions, found again
 * in the current text, merged with the engine's current suggestions), the actions that change it,
 * and their undo history. Host-neutral: the server keeps one per open article and decides when to
 * write (host/records.ts gives the bytes). Decisions are re-anchored against every new text (an
 * edit in the editor, a change on disk), so an annotation follows its words or becomes orphaned.
 */
import { buildRecord, mergeRecords, isDecided, uniqueIds, type AnnotatedRecord, type Analysis, type CurationResult, type RecordEntity } from "../engine";
import type { RecordLocation, RecordProblem } from "./records";

/** How many actions can be undone, per article. */
const UNDO_DEPTH = 100;

/** A record in memory whose `source` is not known yet (filled in when it is written). */
const UNWRITTEN_SOURCE = { path: "-", sha256: "0".repeat(64), length: 0 };

export class CurationSession {
  /** The decided entities (manual, rejected, orphaned), anchored in the last text seen. */
  private decided: RecordEntity[];
  /** The decisions as the record file last held them (read or written). */
  private written: RecordEntity[];
  private readonly undoStack: { decided: RecordEntity[]; label: string; unwritten: boolean }[] = [];
  /** The view for the last (text, analysis) seen. */
  private view: { text: string; analysis: Analysis; record: AnnotatedRecord } | undefined;

  /**
   * @param location where the record lives and how it names the article (host/records.ts `recordLocation`)
   * @param loaded the record read from there: a record, none (`undefined`), or the problems that make it unusable
   */
  constructor(
    readonly location: RecordLocation,
    loaded: AnnotatedRecord | undefined | { problems: RecordProblem[] },
  ) {
    this.problems = loaded && "problems" in loaded ? loaded.problems : [];
    this.exists = loaded !== undefined;
    this.decided = loaded && !("problems" in loaded) ? loaded.entities.filter(isDecided) : [];
    this.sourceSha256 = loaded && !("problems" in loaded) ? loaded.source.sha256 : undefined;
    this.written = this.decided;
  }

  get recordPath(): string {
    return this.location.path;
  }

  /** Problems that make the record on disk unusable: while there are any, nothing is written and no action is taken. */
  problems: RecordProblem[];
  /** Whether the record file exists (an action on an article without one creates it). */
  exists: boolean;

  /** `source.sha256` of the record file as last read or written: the text its offsets point into. */
  sourceSha256: string | undefined;

  /** Decisions made since the record was last written (a write waits for the article to be saved). */
  unwritten = false;

  get usable(): boolean {
    return this.problems.length === 0;
  }

  /**
   * The record file was (re)read because it changed on disk (by hand, the CLI, git): its decisions
   * replace the ones in memory. Decisions made since the last write (the article has unsaved
   * changes) are kept beside them, by id: one the file does not hold is added (under a fresh id
   * if the file reused its id for another entity). Undo history is kept.
   */
  reload(loaded: AnnotatedRecord | undefined | { problems: RecordProblem[] }): void {
    this.problems = loaded && "problems" in loaded ? loaded.problems : [];
    this.exists = loaded !== undefined;
    if (loaded && !("problems" in loaded)) {
      this.sourceSha256 = loaded.source.sha256;
      const fromFile = loaded.entities.filter(isDecided);
      // Decisions made or changed since the last write: the person's latest word on those entities.
      const before = new Map(this.written.map((e) => [e.id, signature(e)]));
      const pending = this.unwritten ? this.decided.filter((e) => before.get(e.id) !== signature(e)) : [];
      const replaced = new Set(pending.filter((e) => before.has(e.id)).map((e) => e.id));
      const kept = fromFile.filter((e) => !replaced.has(e.id));
      // A pending decision whose id the file gave to another entity gets a fresh one.
      this.decided = uniqueIds([...kept, ...pending]);
      this.written = fromFile;
    }
    this.view = undefined;
  }

  /** The record was written with the current decisions. */
  markWritten(sha256: string): void {
    this.sourceSha256 = sha256;
    this.written = this.decided;
    this.unwritten = false;
    this.exists = true;
  }

  /**
   * The record as the person sees it for `text` and its `analysis`: their decisions found again in
   * `text` (orphaned when they cannot be), merged with the engine's suggestions. Cached per text and
   * analysis.
   */
  recordFor(text: string, analysis: Analysis): AnnotatedRecord {
    if (this.view && this.view.text === text && this.view.analysis === analysis) return this.view.record;
    const record = mergeRecords(this.decidedRecord(), buildRecord(text, analysis, UNWRITTEN_SOURCE), text);
    this.decided = record.entities.filter(isDecided);
    this.view = { text, analysis, record };
    return record;
  }

  /**
   * Applies an action to the record for `text`/`analysis` (see `recordFor`). When it changes
   * something, the previous decisions go on the undo stack under `label` and the new record is returned.
   */
  apply(text: string, analysis: Analysis, label: string, action: (record: AnnotatedRecord) => CurationResult): CurationResult {
    const current = this.recordFor(text, analysis);
    const outcome = action(current);
    if (!outcome.changed) return outcome;
    this.undoStack.push({ decided: this.decided, label, unwritten: this.unwritten });
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    this.decided = outcome.record.entities.filter(isDecided);
    const record = mergeRecords(this.decidedRecord(), buildRecord(text, analysis, UNWRITTEN_SOURCE), text);
    this.decided = record.entities.filter(isDecided);
    this.view = { text, analysis, record };
    this.unwritten = true;
    return { ...outcome, record };
  }

  /** The label of the action `undo` would take back, if any. */
  get undoLabel(): string | undefined {
    return this.undoStack.at(-1)?.label;
  }

  /** Takes back the last action; its label, or undefined when there is none. */
  undo(): string | undefined {
    const last = this.undoStack.pop();
    if (!last) return undefined;
    this.decided = last.decided;
    this.view = undefined;
    this.unwritten = true;
    return last.label;
  }

  /** Takes back the last action as if it had never been made (it was refused after the fact): nothing to write for it. */
  revert(): void {
    const last = this.undoStack.pop();
    if (!last) return;
    this.decided = last.decided;
    this.unwritten = last.unwritten;
    this.view = undefined;
  }

  /** The decisions as a record to merge (only `entities` is read by `mergeRecords`). */
  decidedRecord(): AnnotatedRecord {
    return { schemaVersion: 1, source: UNWRITTEN_SOURCE, article: {}, review: { suggestionsLeft: 0 }, entities: this.decided, boilerplate: [], inlineDebris: [] };
  }
}

/**
 * The analysis as a person sees it once curated by `record`: their entities and the suggestions
 * they did not reject (rejected and orphaned entities left out). Record entities carry `origin` and
 * `decision` beside the `Entity` fields, for views that tell suggestions from decisions.
 */
export function curatedAnalysis(analysis: Analysis, record: AnnotatedRecord): Analysis {
  return { ...analysis, entities: record.entities.filter((e) => e.origin !== "rejected" && !e.orphaned) };
}

/** The record of `text` as a person sees it: `previous` (a record read from disk) merged with its analysis. */
export function curatedRecord(text: string, analysis: Analysis, previous: AnnotatedRecord | undefined): AnnotatedRecord {
  return mergeRecords(previous, buildRecord(text, analysis, UNWRITTEN_SOURCE), text);
}

/** What a decision says, without where it stands: the same entity moved is the same decision. */
function signature(entity: RecordEntity): string {
  return JSON.stringify([entity.type, entity.text, entity.attributes, entity.origin, entity.decision, entity.orphaned === true]);
}
