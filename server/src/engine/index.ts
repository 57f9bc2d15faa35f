/**
 * The Article Annotator engine: a pure library. Text in, plain data out; no LSP, no VS Code, no
 * file system. Offsets are UTF-16 code units into the text given.
 */
export { analyze, type AnalyzeOptions } from "./analyze";
export { IncrementalAnalyzer } from "./incremental";
export { AnalysisCancelled, type CancellationToken } from "./cancellation";
export { detectLegacyEncoding, describeLegacyEvidence, legacyEncodingMessage, rereadLegacy, legacyEncoding, LEGACY_ENCODINGS, type LegacyEncoding, type LegacyEncodingEvidence, type LegacyEncodingInfo } from "./detect/encoding";
export { buildRecord, RECORD_SCHEMA_VERSION, type AnnotatedRecord, type RecordEntity, type RecordBoilerplate, type RecordSource, type Origin, type Decision, type QuoteContext, type ReviewState, type RecordEntityBase } from "./record";
export { boilerplateRules, compileCustomRules, type BoilerplateRule, type CustomRuleDefinition, type RuleSettings } from "./boilerplate";
export { applyFixes, type FixAllResult } from "./fixes";
export { mergeRecords } from "./recordMerge";
export { LineIndex, splitLines } from "./text/lines";
export { normalizeText } from "./text/normalize";
export { foldValue } from "./text/fold";
export { shortened } from "./text/shorten";
export type * from "./types";
export { countryName } from "./lexicon";
export { formatTemplate, type Message, type MessageTemplate } from "./l10n";
export { BUILT_IN_TYPES, ENTITY_KINDS, ENTITY_TYPES, entityName, isEntityType, type EntityKind, type SymbolKindName } from "./entityKinds";
export { reanchor, reviewState, isDecided } from "./recordMerge";
export { accept, acceptAll, annotateSpan, attributesForSpan, blankAttributes, tidySpan, changeType, findEntity, occurrences, reattach, reject, remove, setAttribute, type CurationResult, type Decider, type EntityTarget } from "./curation";
export { anchor, anchorAll, quoteSelector, CONTEXT_LENGTH, type Anchoring, type AnchorTarget, type TextQuoteSelector } from "./anchoring";
export { idMaker, uniqueIds } from "./ids";
export { KnowledgeBase, nameKey, heldOn, describeTerm } from "./kb/knowledgeBase";
export { linkEntities, choosePerson } from "./kb/link";
export type * from "./kb/types";
export { builtInKnowledgeBase } from "./kb/builtIn";
export { engineCodes, type EngineCodes } from "./codes";
