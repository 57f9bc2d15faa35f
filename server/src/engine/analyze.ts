import { checkCancelled, type CancellationToken } from "./cancellation";
import { linkEntities } from "./kb/link";
import type { KnowledgeBase } from "./kb/knowledgeBase";
import { ArticleDocument } from "./document";
import { LineIndex, type Line } from "./text/lines";
import { detectBoilerplate, type BoilerplateRule, type RuleSettings } from "./boilerplate";
import { detectForums } from "./detect/forum";
import { detectEnglishForums } from "./detect/forumEnglish";
import { collectPersonMentions, resolvePersons, type PersonMentions } from "./detect/person";
import { detectAmounts } from "./detect/amount";
import { detectDates, isoDate } from "./detect/date";
import { detectMetadata } from "./detect/metadata";
import { detectLegacyEncoding, legacyEncodingMessage } from "./detect/encoding";
import { spaceInsertions } from "./text/spaces";
import type { Analysis, BoilerplateFinding, EncodingFinding, Entity, EntityOf } from "./types";

export interface AnalyzeOptions {
  /** Per-rule boilerplate settings: "off" or a severity. */
  rules?: RuleSettings;
  /** User rules, compiled with `compileCustomRules`. */
  customRules?: readonly BoilerplateRule[];
  /** Checked between passes: once it asks to stop, `analyze` throws AnalysisCancelled at the next check. */
  cancellation?: CancellationToken;
  /**
   * Links people and forums to it (`attributes.kb`), checks titles against it, and leaves out what
   * a person marked as not an entity anywhere in the corpus (its `notEntities`); absent: none of it.
   */
  knowledgeBase?: KnowledgeBase;
}

/**
 * Analyzes one article. Pure: text in, plain data out. Offsets in the result are UTF-16 code units
 * into `text` exactly as given (NFD, CRLF and invisible characters included), whatever the engine
 * normalized internally. Mojibake of a legacy Vietnamese encoding gets one finding (`encoding`)
 * and nothing else. Throws AnalysisCancelled (engine/cancellation.ts) when `options.cancellation`
 * asks to stop, checked between passes.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeWith(text, options, detectInBlock);
}

/** What is found in one block of segments: forums, the first pass's person mentions, amounts, dates. */
export interface BlockDetections {
  forums: Entity[];
  mentions: PersonMentions;
  amounts: Entity[];
  dates: EntityOf<"date">[];
}

/**
 * Reads one block of `doc`'s article segments (`ArticleDocument.segmentBlocks`) once debris is
 * marked: Vietnamese and English forums, then person mentions outside them; amounts and dates
 * (dates without a year are completed later, from the dateline). Normalized offsets.
 * The result depends only on the block's segments, their text and tokens, the debris spans among
 * them, the original text they came from, and the knowledge base (IncrementalAnalyzer's key).
 */
export type BlockDetector = (doc: ArticleDocument, block: readonly Line[], knowledgeBase: KnowledgeBase | undefined) => BlockDetections;

/** The block stage as `analyze` runs it. */
export const detectInBlock: BlockDetector = (doc, block, knowledgeBase) => {
  const vietnameseForums = detectForums(doc, block);
  const forums = [...vietnameseForums, ...detectEnglishForums(doc, vietnameseForums, block)];
  const mentions: PersonMentions = { full: [], partial: [] };
  collectPersonMentions(doc, forums, block, mentions, knowledgeBase);
  return { forums, mentions, amounts: detectAmounts(doc, block), dates: detectDates(doc, undefined, block) };
};

/**
 * `analyze` with its block stage given: an IncrementalAnalyzer passes one that reuses the blocks an
 * edit did not touch. Every other pass runs as in `analyze`, so the result is `analyze`'s whenever
 * `detectBlock` returns what `detectInBlock` would.
 */
export function analyzeWith(text: string, options: AnalyzeOptions, detectBlock: BlockDetector): Analysis {
  const token = options.cancellation;
  checkCancelled(token);
  const encoding = mojibakeFinding(text);
  if (encoding) return { length: text.length, article: {}, entities: [], boilerplate: [], encoding };
  checkCancelled(token);
  const doc = new ArticleDocument(text);
  checkCancelled(token);
  const boilerplate = detectBoilerplate(doc, options.rules, options.customRules);
  // Forums and the first person pass read the same tokens: a block at a time, tokenized once.
  const forums: Entity[] = [];
  const mentions: PersonMentions = { full: [], partial: [] };
  const amounts: Entity[] = [];
  const dates: EntityOf<"date">[] = [];
  for (const block of doc.segmentBlocks()) {
    checkCancelled(token);
    const found = detectBlock(doc, block, options.knowledgeBase);
    forums.push(...found.forums);
    mentions.full.push(...found.mentions.full);
    mentions.partial.push(...found.mentions.partial);
    amounts.push(...found.amounts);
    dates.push(...found.dates);
  }
  checkCancelled(token);
  const persons = resolvePersons(doc, mentions, forums);
  checkCancelled(token);
  const article = detectMetadata(doc, dates, boilerplate);
  completeYears(dates, article.published);

  const found = [...forums, ...persons, ...amounts, ...dates]
    .map((entity) => toOriginal(doc, entity))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (article.titleSpan) article.titleSpan = doc.norm.toOriginal(article.titleSpan.start, article.titleSpan.end);
  const kb = options.knowledgeBase;
  // A text a person marked as not this type anywhere in the corpus is not suggested again.
  const linked = kb ? linkEntities(text, found.filter((e) => !kb.isNotEntity(e.type, e.text)), kb, article.published) : undefined;
  return {
    length: text.length,
    article,
    entities: linked?.entities ?? found,
    boilerplate: boilerplate.map((finding) => findingToOriginal(doc, finding)),
    ...(linked ? { knowledgeBase: linked.findings } : {}),
  };
}

/** The finding for text that is a legacy Vietnamese encoding read as Windows-1252, if it is. */
function mojibakeFinding(text: string): EncodingFinding | undefined {
  const evidence = detectLegacyEncoding(text);
  const first = evidence?.examples[0];
  const said = evidence && legacyEncodingMessage(evidence);
  if (!evidence || !first || !said) return undefined;
  return { rule: "encoding", start: first.start, end: first.end, line: new LineIndex(text).lineAt(first.start), ...said, severity: "warning", encoding: evidence.encoding, label: evidence.label };
}

/**
 * Dates written without a year take the dateline's year. Their attributes are replaced, never
 * changed: the block stage's results may be an IncrementalAnalyzer's, shared (and frozen).
 */
function completeYears(dates: EntityOf<"date">[], published: string | undefined): void {
  const year = published ? Number(published.slice(0, 4)) : undefined;
  if (!year) return;
  for (const date of dates) {
    if (date.attributes.year !== undefined || date.attributes.month === undefined) continue;
    const attributes = { ...date.attributes, year, yearFrom: "dateline" as const };
    const value = isoDate(attributes);
    date.attributes = value ? { ...attributes, value } : attributes;
  }
}

function toOriginal(doc: ArticleDocument, entity: Entity): Entity {
  const { start, end } = doc.norm.toOriginal(entity.start, entity.end);
  return { ...entity, start, end, text: doc.norm.original.slice(start, end) };
}

function findingToOriginal(doc: ArticleDocument, finding: BoilerplateFinding): BoilerplateFinding {
  const map = (start: number, end: number): { start: number; end: number } => doc.norm.toOriginal(start, end);
  const range = map(finding.start, finding.end);
  const fix = map(finding.fix.start, finding.fix.end);
  const result: BoilerplateFinding = { ...finding, ...range, fix: { ...fix, newText: originalReplacement(doc, finding.fix) } };
  if (finding.related) result.related = { ...finding.related, ...map(finding.related.start, finding.related.end) };
  return result;
}

/**
 * A replacement computed on the normalized text, redone on the original: fixes only remove text or
 * add spaces, so the spaces go to the corresponding places and every original letter stays as written.
 * Where normalization removed invisible characters (a zero-width space in "ASEAN⟨ZWSP⟩và"), the
 * space takes their place instead of going beside them.
 */
function originalReplacement(doc: ArticleDocument, fix: { start: number; end: number; newText: string }): string {
  if (fix.newText === "") return "";
  const insertions = spaceInsertions(doc.text.slice(fix.start, fix.end), fix.newText);
  if (!insertions) return fix.newText;
  const range = doc.norm.toOriginal(fix.start, fix.end);
  const original = doc.norm.original.slice(range.start, range.end);
  let result = "";
  let copied = 0;
  for (const k of insertions) {
    const at = k === 0 ? 0 : doc.norm.toOriginal(fix.start + k, fix.start + k + 1).start - range.start;
    // Where the previous character ends: anything between it and `at` was removed by normalization.
    const removed = k === 0 ? 0 : Math.min(at, doc.norm.toOriginal(fix.start + k - 1, fix.start + k).end - range.start);
    result += original.slice(copied, removed) + " ";
    copied = at;
  }
  return result + original.slice(copied);
}
