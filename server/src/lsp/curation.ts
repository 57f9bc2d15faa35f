/**
 * Curation in the editor: one host/curationSession per open article, the commands that change it
 * (executed by the server, so every LSP client has them; VS Code adds only keybindings and pickers)
 * and writing its record. A record is written after each action while the article has no unsaved
 * changes, else when it is saved (a record on disk never points at text that is not there), and
 * rewritten on every save with the decisions re-anchored. A record that cannot be read is never
 * written; its problems are published as diagnostics on the record file.
 */
import * as l10n from "@vscode/l10n";
import type { Connection, Diagnostic } from "vscode-languageserver";
import { DiagnosticSeverity } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  accept,
  acceptAll,
  annotateSpan,
  blankAttributes,
  attributesForSpan,
  changeType,
  findEntity,
  tidySpan,
  isEntityType,
  reattach,
  reject,
  remove,
  setAttribute,
  shortened,
  type AnnotatedRecord,
  type Analysis,
  type CurationResult,
  type Decider,
  type EntityAttributesByType,
  type EntityTarget,
  type EntityType,
} from "../engine";
import { encodingOfFile, readArticleFileAsync, sourceDigest, type TextEncoding } from "../host/articleFiles";
import { writeAtomic } from "../host/atomicWrite";
import { CurationSession } from "../host/curationSession";
import { describeProblems, emitRecord, parseRecord, readRecordTextAsync, type RecordProblem } from "../host/records";
import { schemaProblems } from "../host/recordSchema";
import { annotatorName, type ResolvedSettings } from "../host/settings";
import { entityTypeLabel } from "../host/labels";
import { formatNumber } from "../host/l10n";
import type { ClientRequests } from "./clientRequests";
import { Commands, ORPHANED_CODE, SOURCE, type CurationArgs, type CurationReply } from "./protocol";
import { problemDiagnostics } from "./recordDiagnostics";
import { documentRecordLocation } from "./records";
import { URI } from "./uri";

/** What curation needs from the server: documents, their raw analysis, settings, and the client. */
export interface CurationHost {
  connection: Connection;
  /** Requests to the client (messages, showing a document), each safe to be refused. */
  requests: ClientRequests;
  document(uri: string): TextDocument | undefined;
  /** The engine's analysis of the document's current version (not curated), with its settings; undefined when skipped. */
  analysis(document: TextDocument): Promise<{ analysis: Analysis; settings: ResolvedSettings } | undefined>;
  /** An analysis of a text that is not an open document (a selection or its line, for pre-filling attributes; a closed article). */
  analyzeSnippet(text: string, settings: ResolvedSettings): Promise<Analysis | undefined>;
  workspaceFolders(): readonly string[];
  /** False in Restricted Mode: nothing is written. */
  trusted(): boolean;
  /** The document and everything shown from it changed: publish again. */
  refresh(uri: string): void;
}

/** Clamped LSP range of a (possibly stale) offset span, for diagnostics near an orphan's old place. */
function lineRange(document: TextDocument, offset: number): Diagnostic["range"] {
  const position = document.positionAt(Math.min(Math.max(0, offset), document.getText().length));
  return { start: { line: position.line, character: 0 }, end: document.positionAt(document.offsetAt({ line: position.line + 1, character: 0 })) };
}

export class Curation {
  private readonly sessions = new Map<string, CurationSession>();
  /** The document version last saved (or opened): the article has unsaved changes when its version differs. */
  private readonly savedVersion = new Map<string, number>();
  /** Per open article, the version and record hash `refreshStale` last compared. */
  private readonly staleChecked = new Map<string, string>();
  /** Each record file's content as this server last read or wrote it: a different content on disk was changed by someone else. */
  private readonly seen = new Map<string, string | undefined>();

  /** Sessions being created (their record read), by uri. */
  private readonly creating = new Map<string, Promise<CurationSession>>();

  constructor(private readonly host: CurationHost) {}

  /**
   * The session of an open article, created on first use (the record read from where it lives,
   * asynchronously; concurrent callers share one creation); undefined when the article has no
   * place for a record.
   */
  session(document: TextDocument, settings: ResolvedSettings): Promise<CurationSession | undefined> {
    const existing = this.sessions.get(document.uri);
    if (existing) return Promise.resolve(existing);
    const location = documentRecordLocation(document.uri, settings, this.host.workspaceFolders());
    if ("error" in location) return Promise.resolve(undefined);
    let creating = this.creating.get(document.uri);
    if (!creating) {
      creating = this.load(location.path).then((loaded) => {
        this.creating.delete(document.uri);
        const session = this.sessions.get(document.uri) ?? new CurationSession(location, loaded);
        this.sessions.set(document.uri, session);
        return session;
      });
      this.creating.set(document.uri, creating);
    }
    return creating;
  }

  /** Whether the open article has a record file. */
  hasRecord(uri: string): boolean {
    return this.sessions.get(uri)?.exists === true;
  }

  opened(document: TextDocument): void {
    this.savedVersion.set(document.uri, document.version);
  }

  /**
   * The article was closed. Decisions still waiting for a save (the person closed it without
   * saving) are not lost: they are found again in the text on disk and its record written with them.
   */
  async closed(uri: string, settings?: ResolvedSettings): Promise<void> {
    const session = this.sessions.get(uri);
    this.sessions.delete(uri);
    this.savedVersion.delete(uri);
    this.staleChecked.delete(uri);
    const path = URI.path(uri);
    if (!session?.unwritten || !settings || !path || !this.host.trusted()) return;
    let article;
    try {
      article = await readArticleFileAsync(path, settings.maxFileSize);
    } catch {
      return; // the file is gone or unreadable: nothing to anchor the decisions in
    }
    const analysis = await this.host.analyzeSnippet(article.text, settings);
    if (!analysis) return;
    const written = await this.write(session, article.text, article.encoding, analysis);
    if ("error" in written) this.host.requests.showError(l10n.t("Article Annotator: the decisions made since the last save were not written: {0}.", written.error));
  }

  /** The curated record of a document for its analysis, or undefined when it has no session. */
  async recordFor(document: TextDocument, analysis: Analysis, settings: ResolvedSettings): Promise<AnnotatedRecord | undefined> {
    return (await this.session(document, settings))?.recordFor(document.getText(), analysis);
  }

  /** The article was saved: its record is rewritten (re-anchored offsets, new hash) when it has one or decisions wait. */
  async saved(document: TextDocument): Promise<void> {
    this.savedVersion.set(document.uri, document.version);
    const result = await this.host.analysis(document);
    if (!result) return;
    const session = await this.session(document, result.settings);
    if (!session || !session.usable || (!session.exists && !session.unwritten)) return;
    const written = await this.writeDocument(document, session, result.analysis);
    if ("error" in written) this.host.requests.showError(l10n.t("Article Annotator: {0}.", written.error));
  }

  /**
   * An article opened (or saved) with no unsaved changes whose record names other text (it changed
   * on disk while closed: edited elsewhere, a git checkout): the record is rewritten with its
   * decisions found again in this text, so a record on disk never points at text that is not there.
   */
  async refreshStale(document: TextDocument): Promise<void> {
    if (this.savedVersion.get(document.uri) !== document.version || !this.host.trusted()) return;
    const result = await this.host.analysis(document);
    if (!result) return;
    const session = await this.session(document, result.settings);
    if (!session?.exists || !session.usable || session.sourceSha256 === undefined) return;
    // Every publish of a clean article comes here: the text is hashed once per version and record.
    const checked = `${document.version}:${session.sourceSha256}`;
    if (this.staleChecked.get(document.uri) === checked) return;
    this.staleChecked.set(document.uri, checked);
    const path = URI.path(document.uri);
    if (!path || sourceDigest(document.getText(), await encodingOfFile(path)).sha256 === session.sourceSha256) return;
    const written = await this.writeDocument(document, session, result.analysis);
    if ("error" in written) this.host.requests.showError(l10n.t("Article Annotator: the record of a changed article was not brought up to date: {0}.", written.error));
  }

  /** A record file changed outside this server (by hand, by the CLI, by git): its article's decisions are read again. */
  async recordChanged(recordPath: string): Promise<void> {
    for (const [uri, session] of this.sessions) if (session.recordPath === recordPath && (await this.sync(session))) this.host.refresh(uri);
  }

  /**
   * Reads the session's record file again when it differs from what this server last read or
   * wrote (someone else changed it); true when it did. Its problems are published on the file.
   */
  private async sync(session: CurationSession): Promise<boolean> {
    const read = await this.read(session.recordPath);
    // A file that cannot be read compares as none, as the last content seen.
    const text = typeof read === "object" ? undefined : read;
    if (this.seen.get(session.recordPath) === text && this.seen.has(session.recordPath)) return false;
    session.reload(this.accept(session.recordPath, read));
    await this.publishRecordProblems();
    return true;
  }

  /** Record files whose problems were last published (to clear them once fixed). */
  private readonly flagged = new Set<string>();

  /**
   * Diagnostics to publish on record files: the problems of every record an open article uses,
   * and an empty list for one that had problems and has none now.
   */
  async recordDiagnostics(): Promise<{ uri: string; diagnostics: Diagnostic[] }[]> {
    const out: { uri: string; diagnostics: Diagnostic[] }[] = [];
    const now = new Map<string, CurationSession>();
    for (const session of this.sessions.values()) if (!session.usable) now.set(session.recordPath, session);
    for (const path of this.flagged) if (!now.has(path)) out.push({ uri: URI.fromPath(path), diagnostics: [] });
    this.flagged.clear();
    for (const [path, session] of now) {
      let text = "";
      try {
        text = (await readRecordTextAsync(path)) ?? "";
      } catch {
        // unreadable: the problem says so, at the file's start
      }
      out.push({ uri: URI.fromPath(path), diagnostics: problemDiagnostics(text, session.problems) });
      this.flagged.add(path);
    }
    return out;
  }

  /** Orphans of the record as diagnostics near their old place, each with the two fixes (code actions). */
  orphanDiagnostics(document: TextDocument, record: AnnotatedRecord | undefined): Diagnostic[] {
    return (record?.entities ?? [])
      .filter((e) => e.orphaned)
      .map((e) => ({
        range: lineRange(document, e.start),
        severity: DiagnosticSeverity.Warning,
        source: SOURCE,
        code: ORPHANED_CODE,
        message: l10n.t("Orphaned annotation: \"{text}\" ({type}) can no longer be found in the text. Delete it, or select its text and re-attach it.", { text: shortened(e.text), type: entityTypeLabel(e.type) }),
        data: { id: e.id },
      }));
  }

  /**
   * "Emit annotated record": writes the record now (built, merged with the person's decisions,
   * validated, atomically), whatever the state of the article. Its uri, or why it was not written.
   */
  async emit(document: TextDocument): Promise<{ uri: string } | { error: string }> {
    const result = await this.host.analysis(document);
    if (!result) return { error: l10n.t("this document is not analyzed (see its notice)") };
    const location = documentRecordLocation(document.uri, result.settings, this.host.workspaceFolders());
    if ("error" in location) return location;
    const session = await this.session(document, result.settings);
    if (!session) return { error: l10n.t("the record has no place") };
    await this.sync(session);
    if (!session.usable) return { error: l10n.t("the existing record cannot be merged: {0}; it was left as it is", session.problems[0]?.message ?? "?") };
    const written = await this.writeDocument(document, session, result.analysis);
    return "error" in written ? written : { uri: written.uri };
  }

  /** Runs a curation command; null when the document is not open or not analyzed. */
  async execute(command: string, args: CurationArgs): Promise<CurationReply | null> {
    const document = this.host.document(args.uri);
    if (!document) return this.refuse(l10n.t("open the article first"));
    if (!this.host.trusted()) return this.refuse(l10n.t("annotations are not recorded in Restricted Mode; trust this workspace to curate"));
    const result = await this.host.analysis(document);
    if (!result) return this.refuse(l10n.t("this document is not analyzed (see its notice)"));
    const { analysis, settings } = result;
    const session = await this.session(document, settings);
    if (!session) return this.refuse(l10n.t("save the article to a file first: its record needs a place"));
    await this.sync(session);
    if (!session.usable) return this.refuse(l10n.t("its record {record} cannot be read ({problem}); fix it first, nothing was changed", { record: URI.fromPath(session.recordPath), problem: session.problems[0]?.message ?? "?" }));
    // Offsets, ranges and positions computed for another version would name other text.
    if (args.version !== undefined && args.version !== document.version && (args.range || args.position || (args.target && !("id" in args.target)))) return this.refuse(l10n.t("the text changed since this action was offered; try again"));
    const text = document.getText();
    const decider: Decider = { by: annotatorName(settings), at: new Date().toISOString() };
    const record = session.recordFor(text, analysis);

    if (command === Commands.undo) {
      const label = session.undo();
      if (!label) return this.reply(document, session, analysis, l10n.t("nothing to undo"), 0);
      return this.commit(document, session, analysis, l10n.t("Undid: {0}", label), 1);
    }
    if (command === Commands.nextSuggestion || command === Commands.previousSuggestion) return this.move(document, session, analysis, record, args, command === Commands.nextSuggestion);

    const target = this.target(document, record, args);
    let outcome: CurationResult;
    switch (command) {
      case Commands.annotate: {
        const range = args.range ? tidySpan(text, { start: document.offsetAt(args.range.start), end: document.offsetAt(args.range.end) }) : undefined;
        if (!range || range.start >= range.end) return this.refuse(l10n.t("select the text to annotate first"));
        if (!isEntityType(args.type)) return this.refuse(l10n.t("unknown entity type \"{0}\"", String(args.type)));
        const type = args.type;
        const typeLabel = entityTypeLabel(type);
        const label = (args.attributes as { label?: unknown } | undefined)?.label;
        if (type === "custom" && !settings.labels.some((l) => l.id === label)) return this.refuse(l10n.t("no label \"{0}\" in articleAnnotator.labels", String(label)));
        const attributes = (args.attributes as EntityAttributesByType[EntityType] | undefined) ?? (await this.prefill(text, range, type, record, settings));
        const quote = text.slice(range.start, range.end);
        if (!attributes) return this.refuse(l10n.t("give the attributes of the {type}: the engine cannot read them from \"{text}\"", { type: typeLabel, text: quote }));
        outcome = session.apply(text, analysis, l10n.t("annotate as {0}", typeLabel), (r) => annotateSpan(r, text, range, type, attributes as never, decider, { allOccurrences: args.all === true }));
        const annotated =
          outcome.count === 0 ? l10n.t("already annotated") : outcome.count === 1 ? l10n.t("Annotated \"{text}\" as {type}", { text: quote, type: typeLabel }) : l10n.t("Annotated {count} occurrences as {type}", { count: formatNumber(outcome.count), type: typeLabel });
        return this.commit(document, session, analysis, annotated, outcome.count);
      }
      case Commands.acceptAll:
        outcome = session.apply(text, analysis, l10n.t("accept all suggestions"), (r) => acceptAll(r, decider));
        return this.commit(document, session, analysis, outcome.count === 0 ? l10n.t("no suggestion left to accept") : outcome.count === 1 ? l10n.t("Accepted 1 suggestion") : l10n.t("Accepted {0} suggestions", formatNumber(outcome.count)), outcome.count);
      default:
        break;
    }
    if (!target) return this.refuse(l10n.t("put the cursor on an annotation first"));
    const entity = findEntity(record, target);
    if (!entity) return this.refuse(l10n.t("no annotation there any more (the text or the record changed); try again"));
    if (command === Commands.reattach && !entity.orphaned) return this.refuse(l10n.t("\"{0}\" is not orphaned: nothing to re-attach", entity.text));
    // The annotation as messages name it: its text and its type's label.
    const what = `"${entity.text}" (${entityTypeLabel(entity.type)})`;
    switch (command) {
      case Commands.accept:
        outcome = session.apply(text, analysis, l10n.t("accept {0}", what), (r) => accept(r, target, decider));
        return this.commit(document, session, analysis, outcome.changed ? l10n.t("Accepted {0}", what) : l10n.t("{0} is not a suggestion", what), outcome.count);
      case Commands.reject:
        outcome = session.apply(text, analysis, l10n.t("reject {0}", what), (r) => reject(r, target, decider, { allOccurrences: args.all === true }));
        return this.commit(document, session, analysis, outcome.count > 1 ? l10n.t("Rejected {count} occurrences of {what}", { count: formatNumber(outcome.count), what }) : l10n.t("Rejected {0}", what), outcome.count);
      case Commands.changeType: {
        if (!isEntityType(args.type)) return this.refuse(l10n.t("unknown entity type \"{0}\"", String(args.type)));
        const type = args.type;
        const typeLabel = entityTypeLabel(type);
        const attributes = (args.attributes as EntityAttributesByType[EntityType] | undefined) ?? (await this.prefill(text, entity, type, record, settings));
        if (!attributes) return this.refuse(l10n.t("give the attributes of the {type}: the engine cannot read them from \"{text}\"", { type: typeLabel, text: entity.text }));
        outcome = session.apply(text, analysis, l10n.t("change {what} to {type}", { what, type: typeLabel }), (r) => changeType(r, target, type, attributes as never, decider));
        return this.commit(document, session, analysis, l10n.t("{what} is now a {type}", { what, type: typeLabel }), outcome.count);
      }
      case Commands.setAttribute: {
        if (typeof args.name !== "string" || args.name === "") return this.refuse(l10n.t("name the attribute to set"));
        const name = args.name;
        const value = args.value === null ? undefined : args.value;
        outcome = session.apply(text, analysis, l10n.t("set {name} of {what}", { name, what }), (r) => setAttribute(r, target, name, value, decider));
        return this.commit(document, session, analysis, l10n.t("Set {name} of {what}", { name, what }), outcome.count);
      }
      case Commands.remove:
        outcome = session.apply(text, analysis, l10n.t("remove {0}", what), (r) => remove(r, target));
        return this.commit(document, session, analysis, outcome.changed ? l10n.t("Removed {0}", what) : l10n.t("{0} is a suggestion: reject it instead", what), outcome.count);
      case Commands.reattach: {
        const range = args.range ? tidySpan(text, { start: document.offsetAt(args.range.start), end: document.offsetAt(args.range.end) }) : undefined;
        if (!range || range.start >= range.end || !("id" in target)) return this.refuse(l10n.t("select the text to re-attach the annotation to"));
        outcome = session.apply(text, analysis, l10n.t("re-attach {0}", what), (r) => reattach(r, text, target.id, range, decider));
        return this.commit(document, session, analysis, l10n.t("Re-attached {what} to \"{text}\"", { what, text: text.slice(range.start, range.end) }), outcome.count);
      }
      default:
        return null;
    }
  }

  /** The entity a command names: `target`, else the visible entity at `position`. */
  private target(document: TextDocument, record: AnnotatedRecord, args: CurationArgs): EntityTarget | undefined {
    if (args.target) {
      if ("id" in args.target) return { id: args.target.id };
      if (isEntityType(args.target.type)) return { type: args.target.type, start: args.target.start, end: args.target.end };
      return undefined;
    }
    if (!args.position) return undefined;
    const offset = document.offsetAt(args.position);
    const entity = record.entities.find((e) => !e.orphaned && e.origin !== "rejected" && e.start <= offset && offset <= e.end);
    return entity ? { type: entity.type, start: entity.start, end: entity.end } : undefined;
  }

  /**
   * Attributes for `type` on `span`: those of a visible entity of that type overlapping it, else
   * what the engine reads from the span's line (a person's title before the name) or from the
   * span alone (an amount's value and unit), else the blank ones (none for an amount).
   */
  async prefill(text: string, span: { start: number; end: number }, type: EntityType, record: AnnotatedRecord, settings: ResolvedSettings): Promise<EntityAttributesByType[EntityType] | undefined> {
    const overlapping = record.entities.find((e) => e.type === type && e.origin !== "rejected" && !e.orphaned && e.start < span.end && span.start < e.end);
    const quote = text.slice(span.start, span.end);
    if (overlapping) return attributesForSpan(overlapping.attributes, type, quote, overlapping.text);
    const lineStart = Math.max(text.lastIndexOf("\n", span.start - 1) + 1, span.start - 300);
    for (const [snippet, offset] of [[text.slice(lineStart, span.end), lineStart], [quote, span.start]] as const) {
      const analysis = await this.snippetAnalysis(snippet, settings);
      const found = analysis?.entities.find((e) => e.type === type && e.start + offset < span.end && span.start < e.end + offset);
      if (found) return attributesForSpan(found.attributes, type, quote, found.text);
    }
    return blankAttributes(type, quote);
  }

  /** Snippet analyses, the last few kept: a selection's code actions ask for each entity type. */
  private readonly snippets = new Map<string, Promise<Analysis | undefined>>();

  private snippetAnalysis(snippet: string, settings: ResolvedSettings): Promise<Analysis | undefined> {
    let analysis = this.snippets.get(snippet);
    if (!analysis) {
      analysis = this.host.analyzeSnippet(snippet, settings);
      this.snippets.set(snippet, analysis);
      if (this.snippets.size > 16) this.snippets.delete(this.snippets.keys().next().value!);
    }
    return analysis;
  }

  private move(document: TextDocument, session: CurationSession, analysis: Analysis, record: AnnotatedRecord, args: CurationArgs, forward: boolean): CurationReply {
    const offset = args.position ? document.offsetAt(args.position) : 0;
    const suggestions = record.entities.filter((e) => e.origin === "auto");
    const next = forward ? (suggestions.find((e) => e.start > offset) ?? suggestions[0]) : (suggestions.findLast((e) => e.start < offset) ?? suggestions.at(-1));
    if (!next) return this.reply(document, session, analysis, l10n.t("nothing left to review"), 0);
    const range = { start: document.positionAt(next.start), end: document.positionAt(next.end) };
    void this.host.requests.showDocument({ uri: document.uri, selection: range, takeFocus: true });
    return { ...this.reply(document, session, analysis, `${entityTypeLabel(next.type)}: "${next.text}"`, 1), location: { uri: document.uri, range } };
  }

  /** After an action: write the record (now, or when the article is saved), publish again, and answer. */
  private async commit(document: TextDocument, session: CurationSession, analysis: Analysis, message: string, count: number): Promise<CurationReply | null> {
    // An action whose result the schema refuses (an attribute with a bad value) is taken back at once.
    const problems = count > 0 ? schemaProblems(session.recordFor(document.getText(), analysis)) : [];
    if (problems.length > 0) {
      session.revert();
      return this.refuse(l10n.t("not done: the record would not follow its schema ({0})", describeProblems(problems)));
    }
    let recordUri: string | undefined;
    if (count > 0 && (await this.isSaved(document))) {
      const written = await this.writeDocument(document, session, analysis);
      if ("error" in written) this.host.requests.showError(l10n.t("Article Annotator: {0}.", written.error));
      else recordUri = written.uri;
    }
    this.host.refresh(document.uri);
    const waiting = count > 0 && !recordUri && session.unwritten;
    return this.reply(document, session, analysis, waiting ? l10n.t("{0} (the record is written when the article is saved)", message) : message, count, recordUri);
  }

  /**
   * Whether the document is as it is on disk: its saved version, or, when a version came without a
   * save (an edit undone by hand, a window reloaded), the same bytes as the file. A document that
   * differs from its file is not: its record waits for the save.
   */
  private async isSaved(document: TextDocument): Promise<boolean> {
    if (this.savedVersion.get(document.uri) === document.version) return true;
    const path = URI.path(document.uri);
    if (!path) return false;
    let onDisk;
    try {
      onDisk = await readArticleFileAsync(path, document.getText().length + 1);
    } catch {
      return false; // gone, unreadable or longer than the document: not the same text
    }
    if (sourceDigest(document.getText(), onDisk.encoding).sha256 !== onDisk.sha256) return false;
    this.savedVersion.set(document.uri, document.version);
    return true;
  }

  private reply(document: TextDocument, session: CurationSession, analysis: Analysis, message: string, count: number, recordUri?: string): CurationReply {
    const record = session.recordFor(document.getText(), analysis);
    const reply: CurationReply = { message, count, suggestionsLeft: record.review.suggestionsLeft, canUndo: session.undoLabel !== undefined };
    if (recordUri) reply.recordUri = recordUri;
    return reply;
  }

  private async writeDocument(document: TextDocument, session: CurationSession, analysis: Analysis): Promise<{ uri: string } | { error: string }> {
    return this.write(session, document.getText(), await encodingOfFile(URI.path(document.uri)!), analysis);
  }

  /** Writes the session's record for `text` (stored as `encoding`) atomically: its uri, or why it was not written. */
  private async write(session: CurationSession, text: string, encoding: TextEncoding, analysis: Analysis): Promise<{ uri: string } | { error: string }> {
    const source = { path: session.location.sourcePath, ...sourceDigest(text, encoding) };
    // The file may have been changed since it was read: take in what changed, and never overwrite one that cannot be read.
    await this.sync(session);
    if (!session.usable) return { error: l10n.t("the existing record cannot be merged: {0}; it was left as it is", session.problems[0]?.message ?? "?") };
    const emitted = emitRecord({ text, analysis, source, previous: session.recordFor(text, analysis) });
    if ("error" in emitted) return { error: l10n.t("cannot write the record: {0}", emitted.error) };
    try {
      writeAtomic(session.recordPath, emitted.content);
    } catch (error) {
      return { error: l10n.t("cannot write the record: {0}", error instanceof Error ? error.message : String(error)) };
    }
    this.seen.set(session.recordPath, emitted.content);
    session.markWritten(source.sha256);
    return { uri: URI.fromPath(session.recordPath) };
  }

  /** Reads a record file (remembering its content as seen): the record, none, or its problems. */
  private async load(recordPath: string): Promise<AnnotatedRecord | undefined | { problems: RecordProblem[] }> {
    return this.accept(recordPath, await this.read(recordPath));
  }

  /** A record file's text, undefined when there is none, or why it cannot be read. */
  private async read(recordPath: string): Promise<string | undefined | { error: unknown }> {
    try {
      return await readRecordTextAsync(recordPath);
    } catch (error) {
      return { error };
    }
  }

  /** What was read of a record file, remembered as seen: the record, none, or its problems. */
  private accept(recordPath: string, read: string | undefined | { error: unknown }): AnnotatedRecord | undefined | { problems: RecordProblem[] } {
    if (typeof read === "object") {
      this.seen.delete(recordPath);
      return { problems: [{ pointer: "", message: l10n.t("cannot be read: {0}", read.error instanceof Error ? read.error.message : String(read.error)) }] };
    }
    this.seen.set(recordPath, read);
    if (read === undefined) return undefined;
    const parsed = parseRecord(read);
    return "problems" in parsed ? { problems: parsed.problems } : parsed.record;
  }

  private async publishRecordProblems(): Promise<void> {
    for (const diagnostics of await this.recordDiagnostics()) void this.host.connection.sendDiagnostics(diagnostics);
  }

  private refuse(reason: string): null {
    this.host.requests.showWarning(l10n.t("Article Annotator: {0}.", reason));
    return null;
  }
}

