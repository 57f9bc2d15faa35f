/**
 * W3C Web Annotation (issue 15): the Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
 * serialized as JSON-LD with its context http://www.w3.org/ns/anno.jsonld
 * (https://www.w3.org/TR/annotation-vocab/). One file, `annotations.jsonld`:
 *
 * ```json
 * { "@context": ["http://www.w3.org/ns/anno.jsonld", { "@version": 1.1, "aa": "urn:article-annotator:", "attributes": …, "sources": … }],
 *   "id": "urn:uuid:…", "type": "AnnotationCollection", "label": "…", "total": 2,
 *   "sources": [{ "id": "samples/a.txt", "type": "Text", "format": "text/plain", "value": "<the article>" }],
 *   "first": { "id": "urn:uuid:…", "type": "AnnotationPage", "partOf": "urn:uuid:…", "startIndex": 0, "items": [
 *     { "id": "urn:uuid:…", "type": "Annotation", "motivation": "classifying",
 *       "creator": { "type": "Person", "name": "tester" },
 *       "body": { "type": "TextualBody", "purpose": "classifying", "value": "PER", "attributes": { "canonical": "…" } },
 *       "target": { "type": "SpecificResource", "source": "samples/a.txt", "selector": [
 *         { "type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…" },
 *         { "type": "TextPositionSelector", "start": 4, "end": 17 } ] } } ] } }
 * ```
 *
 * The rules each part follows:
 * - An AnnotationCollection whose one page is embedded as `first`, with `total` and the page's
 *   `partOf` and `startIndex` (https://www.w3.org/TR/annotation-model/#annotation-collection,
 *   #annotation-page). Every resource has an IRI, as the model requires: deterministic
 *   `urn:uuid:` name-based UUIDs (version 5, RFC 9562 §5.5), so an export of the same spans is the
 *   same file.
 * - `motivation: "classifying"`: "the user intends to classify the Target as something"
 *   (https://www.w3.org/TR/annotation-model/#motivation-and-purpose), which is what giving a span an
 *   entity type does; the label's body has the same `purpose`.
 * - The body: a TextualBody (#embedded-textual-body) whose `value` is the label ("PER", "FORUM",
 *   a custom label's id) and whose `attributes` term (our context: `urn:article-annotator:attributes`,
 *   a JSON literal, `"@type": "@json"`, https://www.w3.org/TR/json-ld11/#json-literals) holds the
 *   entity's attributes exactly as the record has them.
 * - The target: a SpecificResource (#specific-resources) with two equivalent selectors
 *   (#selectors: "each of which … MUST select the same segment"): a TextQuoteSelector (#text-quote-selector:
 *   `exact`, and `prefix`/`suffix` of up to 32 UTF-16 units on code point boundaries, as our own
 *   records quote, `quoteSelector`) and a TextPositionSelector (#text-position-selector: `start`
 *   inclusive, `end` exclusive, counted in code points, "the character number"; not UTF-16 units).
 *   The text is plain text, so the model's normalization (markup removed, entities decoded) leaves
 *   it as it is: no Unicode normalization, line breaks kept.
 * - `creator` (#agents): `{type: "Person", name}` for a reviewed span with an annotator;
 *   `{type: "Software", name: <generator>}` for an unreviewed suggestion, which is read back as a
 *   suggestion.
 * - The article text travels in the collection: `sources` (our context: `urn:article-annotator:sources`)
 *   lists each article as a resource whose `id` is the targets' `source` (the document's name, a
 *   relative IRI, each path segment percent-encoded), `type: "Text"`, `format: "text/plain"` and its
 *   text as `value` (rdf:value, as a TextualBody holds its text). One self-contained file; a
 *   document without spans still travels. A `source` not listed there is looked for among the
 *   input files by its path relative to the JSON-LD file (a brat-like sibling `.txt`, read from a
 *   folder with the annotations); a `.txt` that no annotation or source names is no document.
 *
 * Reading accepts an AnnotationCollection (its embedded pages, following embedded `next`), an
 * AnnotationPage, a list of Annotations or one Annotation. Each annotation's span: its
 * TextPositionSelector when that fits the text and agrees with the TextQuoteSelector's `exact`;
 * otherwise the quote is found in the text (`anchor`, with `prefix`/`suffix` and the position as a
 * hint), only where the text equals `exact`. An annotation that still does not fit is an
 * ImportProblem naming its id, and its document is left out; the other documents are read.
 */
import * as l10n from "@vscode/l10n";
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { anchor, quoteSelector, type TextQuoteSelector } from "../../../engine";
import { isObject, lineColumnAt, parseJson, type JsonObject } from "../jsonInput";
import { CodePointOffsets } from "../offsets";
import type { ExportContext, ImportProblem, InputFile, InterchangeDocument, InterchangeFormat, InterchangeSpan, OutputFile } from "../types";

/** The file `write` produces. */
export const W3C_FILE = "annotations.jsonld";

/** The Web Annotation context (https://www.w3.org/TR/annotation-model/#index-of-json-keys); never fetched. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Our own terms, in a URN namespace no one dereferences. */
export const OWN_CONTEXT = {
  "@version": 1.1,
  aa: "urn:article-annotator:",
  attributes: { "@id": "aa:attributes", "@type": "@json" },
  sources: { "@id": "aa:sources", "@container": "@set" },
} as const;

export interface W3cTextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** `start` inclusive, `end` exclusive, in code points. */
export interface W3cTextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface W3cAnnotation {
  id: string;
  type: "Annotation";
  motivation: "classifying";
  creator?: { type: "Person" | "Software"; name: string };
  body: { type: "TextualBody"; purpose: "classifying"; value: string; attributes?: Readonly<Record<string, unknown>> };
  target: { type: "SpecificResource"; source: string; selector: [W3cTextQuoteSelector, W3cTextPositionSelector] };
}

export interface W3cCollection {
  "@context": [typeof ANNO_CONTEXT, typeof OWN_CONTEXT];
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  sources: { id: string; type: "Text"; format: "text/plain"; value: string }[];
  first: { id: string; type: "AnnotationPage"; partOf: string; startIndex: 0; items: W3cAnnotation[] };
}

/** RFC 9562 §6.6's namespace for URLs, under which our name-based UUIDs are made. */
const URL_NAMESPACE = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");

/** `urn:uuid:` + the version 5 (SHA-1, name-based) UUID of `name` (RFC 9562 §5.5). */
export function uuid5(name: string): string {
  const hash = createHash("sha1").update(URL_NAMESPACE).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  // eslint-disable-next-line i18next/no-literal-string -- a URN (RFC 9562), not a message
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A document name as a relative IRI: each "/"-separated segment percent-encoded (RFC 3986 §2.1). */
export function sourceIri(name: string): string {
  return name.split("/").map(encodeURIComponent).join("/");
}

/** The document name of a relative IRI `sourceIri` made; undefined when it is not one (an absolute IRI, bad escapes). */
function nameOfIri(iri: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(iri)) return undefined;
  try {
    return iri.split("/").map(decodeURIComponent).join("/");
  } catch {
    return undefined;
  }
}

/** The annotation of `span` in `document`. */
function annotationOf(document: InterchangeDocument, span: InterchangeSpan, points: CodePointOffsets, context: ExportContext): W3cAnnotation {
  const { prefix, suffix } = quoteSelector(document.text, span.start, span.end);
  const creator = span.suggestion ? { type: "Software" as const, name: context.generator } : span.annotator !== undefined ? { type: "Person" as const, name: span.annotator } : undefined;
  return {
    id: uuid5(`${sourceIri(document.name)}#${span.id}`),
    type: "Annotation",
    motivation: "classifying",
    ...(creator ? { creator } : {}),
    body: { type: "TextualBody", purpose: "classifying", value: span.label, ...(Object.keys(span.attributes).length > 0 ? { attributes: span.attributes } : {}) },
    target: {
      type: "SpecificResource",
      source: sourceIri(document.name),
      selector: [
        { type: "TextQuoteSelector", exact: span.text, prefix, suffix },
        { type: "TextPositionSelector", start: points.toCodePoint(span.start), end: points.toCodePoint(span.end) },
      ],
    },
  };
}

/** The collection of `documents` (the JSON `write` puts in `annotations.jsonld`). */
export function w3cCollection(documents: readonly InterchangeDocument[], context: ExportContext): W3cCollection {
  const items = documents.flatMap((d) => {
    const points = new CodePointOffsets(d.text);
    return d.spans.map((s) => annotationOf(d, s, points, context));
  });
  const names = documents.map((d) => d.name).join("\n");
  const id = uuid5(`${W3C_FILE}\n${names}`);
  return {
    "@context": [ANNO_CONTEXT, OWN_CONTEXT],
    id,
    type: "AnnotationCollection",
    // eslint-disable-next-line i18next/no-literal-string -- the collection's label inside the exported file (data for other tools, like the records)
    label: `Article Annotator export (${context.generator})`,
    total: items.length,
    sources: documents.map((d) => ({ id: sourceIri(d.name), type: "Text", format: "text/plain", value: d.text })),
    first: { id: uuid5(`${W3C_FILE}#page1\n${names}`), type: "AnnotationPage", partOf: id, startIndex: 0, items },
  };
}

function write(documents: readonly InterchangeDocument[], context: ExportContext): OutputFile[] {
  return [{ path: W3C_FILE, content: JSON.stringify(w3cCollection(documents, context), null, 2) + "\n" }];
}

/** A value that may be one item or a list of them (JSON-LD lets either stand for a set). */
function many(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The annotations of a parsed file, whatever container holds them; the texts listed in `sources`. */
function annotationsIn(root: unknown): { annotations: unknown[]; sources: Map<string, string> } {
  const sources = new Map<string, string>();
  const annotations: unknown[] = [];
  const visitPage = (page: unknown, depth: number): void => {
    if (!isObject(page) || depth > 10000) return;
    annotations.push(...many(page.items));
    if (isObject(page.next)) visitPage(page.next, depth + 1);
  };
  for (const node of many(root)) {
    if (!isObject(node)) {
      annotations.push(node);
      continue;
    }
    for (const source of many(node.sources)) {
      if (isObject(source) && typeof source.id === "string" && typeof source.value === "string") sources.set(source.id, source.value);
    }
    if (node.type === "AnnotationCollection") visitPage(node.first, 0);
    else if (node.type === "AnnotationPage") visitPage(node, 0);
    else annotations.push(node);
  }
  return { annotations, sources };
}

/** The first item of `list` that is an object of JSON-LD `type` `type`. */
function ofType(list: unknown, type: string): JsonObject | undefined {
  return many(list).find((x): x is JsonObject => isObject(x) && many(x.type).includes(type));
}

/** What one annotation says, before it is placed in its text. */
interface Parsed {
  id: string;
  source: string;
  label: string;
  attributes: Record<string, unknown>;
  suggestion: boolean;
  annotator?: string;
  quote?: TextQuoteSelector;
  position?: { start: unknown; end: unknown };
}

function parseAnnotation(node: unknown, index: number): Parsed | { id: string; problem: string } {
  const id = isObject(node) && typeof node.id === "string" ? node.id : `#${index + 1}`;
  if (!isObject(node)) return { id, problem: l10n.t("annotation {0} is not an object", id) };
  const target = many(node.target).find((t): t is JsonObject => isObject(t) && typeof t.source === "string");
  if (!target) return { id, problem: l10n.t("annotation {0} has no target with a source and selectors", id) };
  const body = many(node.body).filter(isObject);
  const labelBody = body.find((b) => typeof b.value === "string" && ["classifying", "tagging", "identifying"].some((p) => many(b.purpose).includes(p))) ?? body.find((b) => typeof b.value === "string");
  if (!labelBody) return { id, problem: l10n.t("annotation {0} has no body with a label (a TextualBody with a value)", id) };
  const creator = many(node.creator)[0];
  const software = isObject(creator) && many(creator.type).includes("Software");
  const annotator = isObject(creator) && typeof creator.name === "string" ? creator.name : typeof creator === "string" ? creator : undefined;
  const quote = ofType(target.selector, "TextQuoteSelector");
  const position = ofType(target.selector, "TextPositionSelector");
  if (!quote && !position) return { id, problem: l10n.t("annotation {0} has neither a TextQuoteSelector nor a TextPositionSelector", id) };
  if (quote && typeof quote.exact !== "string") return { id, problem: l10n.t("annotation {0} has a TextQuoteSelector without its exact text", id) };
  return {
    id,
    source: target.source as string,
    label: labelBody.value as string,
    attributes: isObject(labelBody.attributes) ? { ...labelBody.attributes } : {},
    suggestion: software,
    ...(annotator !== undefined && !software ? { annotator } : {}),
    ...(quote ? { quote: { exact: quote.exact as string, prefix: typeof quote.prefix === "string" ? quote.prefix : "", suffix: typeof quote.suffix === "string" ? quote.suffix : "" } } : {}),
    ...(position ? { position: { start: position.start, end: position.end } } : {}),
  };
}

/**
 * Where `parsed` lies in `text` (UTF-16), or why it does not fit: the position selector when it
 * fits and agrees with the quote; else the quote, found exactly (with its context and the position
 * as a hint).
 */
function place(parsed: Parsed, text: string, points: CodePointOffsets): { start: number; end: number } | string {
  const start = typeof parsed.position?.start === "number" ? points.toUtf16(parsed.position.start) : undefined;
  const end = typeof parsed.position?.end === "number" ? points.toUtf16(parsed.position.end) : undefined;
  const fits = start !== undefined && end !== undefined && start < end;
  if (fits && (!parsed.quote || text.slice(start, end) === parsed.quote.exact)) return { start, end };
  const position = parsed.position ? { start: String(JSON.stringify(parsed.position.start)), end: String(JSON.stringify(parsed.position.end)), length: points.length } : undefined;
  if (!parsed.quote || parsed.quote.exact === "") {
    return position ? l10n.t("its TextPositionSelector ({start}..{end}, code points; the text has {length}) does not fit the text", position) : l10n.t("it does not fit the text");
  }
  const found = anchor(text, { start: start ?? 0, end: end ?? 0, quote: parsed.quote }, start);
  if (found.kind === "in-place" || found.kind === "exact") return { start: found.start, end: found.end };
  const quote = JSON.stringify(parsed.quote.exact);
  return position
    ? l10n.t("its TextPositionSelector ({start}..{end}, code points; the text has {length}) does not fit the text, and its quote {quote} is not in it", { ...position, quote })
    : l10n.t("it does not fit the text, and its quote {0} is not in it", quote);
}

function read(files: readonly InputFile[]): { documents: InterchangeDocument[]; problems: ImportProblem[] } {
  const texts = new Map(files.map((f) => [f.name, f.content]));
  const documents: InterchangeDocument[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    if (!/\.(jsonld|json)$/i.test(file.name)) continue; // a sibling text, read through its annotations
    const parsed = parseJson(file.content.replace(/^\uFEFF/, "")); // a byte order mark is not JSON
    if (!parsed.ok) {
      problems.push({ file: file.path, ...(parsed.line !== undefined ? { line: parsed.line, column: parsed.column } : {}), message: l10n.t("not JSON: {0}", parsed.message) });
      continue;
    }
    const { annotations, sources } = annotationsIn(parsed.value);
    const at = (id: string): { line?: number; column?: number } => {
      const k = file.content.indexOf(JSON.stringify(id));
      return k === -1 ? {} : lineColumnAt(file.content, k);
    };
    const folder = posix.dirname(file.name);
    const bySource = new Map<string, { text: string; spans: InterchangeSpan[]; failed: boolean } | undefined>();
    const documentOf = (source: string): { text: string; spans: InterchangeSpan[]; failed: boolean } | undefined => {
      if (!bySource.has(source)) {
        const name = nameOfIri(source);
        const text = sources.get(source) ?? (name !== undefined ? texts.get(posix.join(folder, name)) : undefined);
        bySource.set(source, text === undefined ? undefined : { text, spans: [], failed: false });
      }
      return bySource.get(source);
    };
    // Documents listed in `sources` come back even without annotations.
    for (const source of sources.keys()) documentOf(source);
    const pointsOf = new Map<string, CodePointOffsets>();
    annotations.forEach((node, index) => {
      const one = parseAnnotation(node, index);
      if ("problem" in one) {
        problems.push({ file: file.path, ...at(one.id), message: one.problem });
        return;
      }
      const document = documentOf(one.source);
      if (!document) {
        problems.push({ file: file.path, ...at(one.id), message: l10n.t("annotation {0}: the text of its source {1} is neither in the collection's \"sources\" nor an input file beside {2}; left out", one.id, JSON.stringify(one.source), file.name) });
        return;
      }
      if (document.failed) return;
      let points = pointsOf.get(one.source);
      if (!points) pointsOf.set(one.source, (points = new CodePointOffsets(document.text)));
      const placed = place(one, document.text, points);
      if (typeof placed === "string") {
        problems.push({ file: file.path, ...at(one.id), message: l10n.t("annotation {0}: {1}; the document {2} is left out", one.id, placed, JSON.stringify(one.source)) });
        document.failed = true;
        return;
      }
      const kb = one.attributes.kb;
      document.spans.push({
        id: one.id,
        ...placed,
        text: document.text.slice(placed.start, placed.end),
        label: one.label,
        attributes: one.attributes,
        suggestion: one.suggestion,
        ...(one.annotator !== undefined ? { annotator: one.annotator } : {}),
        ...(typeof kb === "string" ? { kb } : {}),
      });
    });
    for (const [source, document] of bySource) {
      if (!document || document.failed) continue;
      document.spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
      documents.push({ name: nameOfIri(source) ?? source, text: document.text, spans: document.spans });
    }
  }
  return { documents, problems };
}

export const w3c: InterchangeFormat = {
  id: "w3c",
  title: "W3C Web Annotation (JSON-LD)",
  carriesAttributes: true,
  // .txt: the texts of sources not embedded, found beside the annotations (a .txt no annotation names is not read).
  inputSuffixes: [".jsonld", ".json", ".txt"],
  write,
  read,
};
