/**
 * brat standoff (issue 15): for each article `NAME.txt` (its text exactly as it is) and `NAME.ann`
 * (its annotations), plus `annotation.conf`, `visual.conf` and, when spans are linked to a
 * knowledge base, `tools.conf` at the export root, so the folder opens in brat as it is.
 *
 * The rules followed, with their sources:
 * - Standoff: https://brat.nlplab.org/standoff.html — `NAME.ann` belongs to `NAME.txt` (same base
 *   name); offsets are 0-based, end-exclusive, counted in characters of the UTF-8 text, which brat
 *   (Python `str`) counts in code points (`offsets.ts` converts from and to our UTF-16 offsets);
 *   the text file is never modified (CRLF line breaks stay and count as two characters: brat opens
 *   it with `codecs.open`, which does no newline translation — nlplab/brat server/src/annotation.py).
 * - Text-bound `T1<TAB>TYPE START END<TAB>TEXT`; discontinuous fragments `START END;START END`,
 *   whose TEXT is the fragments' texts joined by one space (annotation.py, `DISCONT_SEP`). An .ann
 *   line cannot hold a line break (brat reads it with Python's `splitlines`, which also splits at
 *   \v \f \x1c-\x1e \x85 U+2028 U+2029), so a span over one is written as fragments split at
 *   each run of those characters and read back as one span.
 * - Attribute `A1<TAB>NAME Tn VALUE`, binary `A1<TAB>NAME Tn`; normalization
 *   `N1<TAB>Reference Tn DB:ID<TAB>TEXT`; note `#1<TAB>AnnotatorNotes Tn<TAB>TEXT` (standoff.html).
 * - Configuration: https://brat.nlplab.org/configuration.html — annotation.conf has the sections
 *   [entities], [relations], [events], [attributes] (all four expected); an attribute is declared
 *   `NAME<TAB>Arg:TYPE|TYPE, Value:V1|V2` (binary without `Value:`); overlapping spans are allowed
 *   by `<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>`; type names are stored as
 *   `[A-Za-z0-9_-]+` (projectconfig.py `normalize_to_storage_form`); configuration values cannot
 *   hold whitespace, "," or "|" (they separate arguments and values), nor "<…>" (macros).
 *   visual.conf: [labels] `TYPE | Display name`, [drawing] `TYPE<TAB>bgColor:#rrggbb`.
 *   tools.conf [normalization]: `DB<TAB><URL>:…, <URLBASE>:…%s…`.
 *
 * The mapping (fixed; `BRAT_ATTRIBUTES`): our attributes whose value is one token without
 * whitespace become brat attributes with a closed value list (person role → Role, portfolio →
 * Portfolio, country → Country, nameStyle → NameStyle; forum kind → ForumKind, level → Level,
 * format → Format, abbreviation → Abbreviation; amount kind → AmountKind, unit → Unit, and
 * `approximate: true` → the binary Approximate; location country → Country). Every other attribute
 * (canonical, title, roles, value, range, edition, parties, date parts, a value with whitespace,
 * `approximate: false`, …) goes, with its JSON type, into one AnnotatorNotes note per span holding
 * a JSON object, so the round trip restores every attribute exactly. A knowledge-base link
 * (`span.kb`) is an N line: "Q123" → `Wikidata:Q123`, "DB:ID" as it is. An unreviewed suggestion
 * carries the binary attribute `Suggestion`. The annotator is not carried (brat has none).
 *
 * Reading (`read`), which lines count:
 * - T, A, N and `#` AnnotatorNotes lines are read; R, E, M and `*` lines (relations, events,
 *   modifiers, equivalences) and other `#` notes are ignored without a problem (no record holds
 *   them); attributes outside the mapping and notes that are not a JSON object are ignored too.
 * - A problem (with file, 1-based line and column; the document is left out): a line with no tab
 *   or an id of an unknown kind (brat itself reports both as unparsable), a T line that is not
 *   `TYPE START END[;START END…]`, an offset that is not in the text, a span that covers no text
 *   (START = END, a fragment that ends before it starts; records hold no empty spans), a T text
 *   that is not the text at its offsets, a repeated id, an A/N/note line about a T id that is not
 *   there, an N line that is not `TYPE Tn DB:ID`, a note that starts with "{" but is not a JSON object.
 * - A .txt that starts with a UTF-8 byte order mark (`InputFile.bom`): brat reads it with
 *   `codecs.open(…, "utf-8")`, which keeps the mark as the text's first character (U+FEFF), so the
 *   .ann's offsets count it. They are read as code points of mark + text; the document's text and
 *   spans are the text without the mark (as the article's file is read), and a span over the mark
 *   alone covers no text. Our export writes no mark.
 * - An .ann without its .txt is a problem; a .txt without an .ann is a document with no spans
 *   (brat shows it so). A discontinuous T line is read as one span from its first fragment's start
 *   to its last fragment's end (records have no discontinuous spans).
 */
import * as l10n from "@vscode/l10n";
import { TYPE_LABELS } from "../labels";
import { CodePointOffsets } from "../offsets";
import type { ExportContext, ImportProblem, InputFile, InterchangeDocument, InterchangeFormat, InterchangeSpan, OutputFile, ReadResult } from "../types";

/** A brat attribute carrying one of our attributes: `key` of spans labelled one of `labels`. */
export interface BratAttribute {
  /** The brat attribute name (an identifier, as brat stores type names). */
  name: string;
  /** Our attribute's key (engine/types.ts `*Attributes`). */
  key: string;
  /** The labels (`labels.ts`) whose spans carry it. */
  labels: readonly string[];
  /** "value": a one-token string (`A1 NAME Tn VALUE`); "flag": `true` as a binary attribute (`A1 NAME Tn`). */
  kind: "value" | "flag";
}

/** The fixed mapping of attributes to brat attributes, in the order A lines are written. */
export const BRAT_ATTRIBUTES: readonly BratAttribute[] = [
  { name: "Role", key: "role", labels: [TYPE_LABELS.person], kind: "value" },
  { name: "Portfolio", key: "portfolio", labels: [TYPE_LABELS.person], kind: "value" },
  { name: "Country", key: "country", labels: [TYPE_LABELS.person, TYPE_LABELS.location], kind: "value" },
  { name: "NameStyle", key: "nameStyle", labels: [TYPE_LABELS.person], kind: "value" },
  { name: "ForumKind", key: "kind", labels: [TYPE_LABELS.forum], kind: "value" },
  { name: "Level", key: "level", labels: [TYPE_LABELS.forum], kind: "value" },
  { name: "Format", key: "format", labels: [TYPE_LABELS.forum], kind: "value" },
  { name: "Abbreviation", key: "abbreviation", labels: [TYPE_LABELS.forum], kind: "value" },
  { name: "AmountKind", key: "kind", labels: [TYPE_LABELS.amount], kind: "value" },
  { name: "Unit", key: "unit", labels: [TYPE_LABELS.amount], kind: "value" },
  { name: "Approximate", key: "approximate", labels: [TYPE_LABELS.amount], kind: "flag" },
];

/** The binary attribute marking an unreviewed suggestion (brat has no notion of predictions). */
export const SUGGESTION_ATTRIBUTE = "Suggestion";

/** The knowledge base an id like "Q123" belongs to, as the N line names it. */
const WIKIDATA = "Wikidata";

/** What Python's `str.splitlines` splits at: none of it may appear inside an .ann line. */
const LINE_BREAKS = /[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+/g;

/** An annotation id as brat writes them (standoff.html): a letter or "#", then a number; "*" (equivalences) apart. */
const BRAT_ID = /^[A-Za-z#][0-9]+$/;

/** A value brat can hold in an A line and in annotation.conf's `Value:` list. */
const CONF_VALUE = /^[^\s,|<>\p{Cc}]+$/u;

/** A type name as brat stores it (projectconfig.py `normalize_to_storage_form`). */
const STORAGE_FORM = /^[A-Za-z0-9_-]+$/;

export const brat: InterchangeFormat = {
  id: "brat",
  title: "brat standoff",
  carriesAttributes: true,
  inputSuffixes: [".ann", ".txt"],
  write: writeBrat,
  read: readBrat,
};

// ---------------------------------------------------------------------------------------------
// Writing

/** The values each valued brat attribute took in the export (for annotation.conf's `Value:` lists). */
type UsedValues = Map<string, Set<string>>;

function writeBrat(documents: readonly InterchangeDocument[], context: ExportContext): OutputFile[] {
  const used: UsedValues = new Map();
  const databases = new Set<string>();
  const labels = context.labels.map((l) => l.label);
  const files: OutputFile[] = [];
  for (const document of documents) {
    const txt = textFileName(document.name);
    files.push({ path: txt, content: document.text });
    files.push({ path: txt.slice(0, -".txt".length) + ".ann", content: annLines(document, used, databases).join("") });
    for (const span of document.spans) if (!labels.includes(span.label)) labels.push(span.label);
  }
  const config: OutputFile[] = [
    { path: "annotation.conf", content: annotationConf(labels, used, context) },
    { path: "visual.conf", content: visualConf(labels, context) },
  ];
  if (databases.size > 0) config.push({ path: "tools.conf", content: toolsConf(databases, context) });
  return [...config, ...files];
}

/** brat pairs `NAME.ann` with `NAME.txt`: a document named otherwise gets ".txt" added (and comes back so named). */
function textFileName(name: string): string {
  return name.endsWith(".txt") ? name : `${name}.txt`;
}

/** The .ann lines of `document` ("\n" ended), recording the attribute values and databases used. */
function annLines(document: InterchangeDocument, used: UsedValues, databases: Set<string>): string[] {
  const offsets = new CodePointOffsets(document.text);
  const lines: string[] = [];
  let attributeId = 0;
  let normalizationId = 0;
  let noteId = 0;
  document.spans.forEach((span, k) => {
    const t = `T${k + 1}`;
    const label = storageForm(span.label);
    const fragments = fragmentsOf(document.text, span.start, span.end);
    const ranges = fragments.map((f) => `${offsets.toCodePoint(f.start)} ${offsets.toCodePoint(f.end)}`).join(";");
    lines.push(`${t}\t${label} ${ranges}\t${fragments.map((f) => document.text.slice(f.start, f.end)).join(" ")}\n`);

    const rest: Record<string, unknown> = { ...span.attributes };
    for (const attribute of BRAT_ATTRIBUTES) {
      if (!attribute.labels.includes(span.label) || !(attribute.key in rest)) continue;
      const value = rest[attribute.key];
      if (attribute.kind === "flag" && value === true) {
        lines.push(`A${++attributeId}\t${attribute.name} ${t}\n`);
        delete rest[attribute.key];
      } else if (attribute.kind === "value" && typeof value === "string" && CONF_VALUE.test(value)) {
        lines.push(`A${++attributeId}\t${attribute.name} ${t} ${value}\n`);
        const values = used.get(attribute.name) ?? new Set<string>();
        used.set(attribute.name, values.add(value));
        delete rest[attribute.key];
      }
    }
    if (span.suggestion) lines.push(`A${++attributeId}\t${SUGGESTION_ATTRIBUTE} ${t}\n`);

    const reference = span.kb === undefined ? undefined : referenceOf(span.kb);
    if (reference) {
      lines.push(`N${++normalizationId}\tReference ${t} ${reference.db}:${reference.id}\t${oneLine(nameOf(span))}\n`);
      databases.add(reference.db);
      if (rest.kb === span.kb) delete rest.kb;
    } else if (span.kb !== undefined && !("kb" in rest)) {
      rest.kb = span.kb;
    }
    if (label !== span.label) rest.label = span.label;
    if (Object.keys(rest).length > 0) lines.push(`#${++noteId}\tAnnotatorNotes ${t}\t${noteJson(rest)}\n`);
  });
  return lines;
}

/**
 * The pieces of `start`..`end` (UTF-16) between runs of line breaks, in order: one piece when
 * there is none; an empty piece at an end that is a line break, so the pieces still span it whole.
 */
function fragmentsOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const fragments: { start: number; end: number }[] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(LINE_BREAKS)) {
    fragments.push({ start: from, end: start + m.index });
    from = start + m.index + m[0].length;
  }
  fragments.push({ start: from, end });
  return fragments;
}

/** A label as brat stores type names: [A-Za-z0-9_-], anything else "_" (projectconfig.py). */
function storageForm(label: string): string {
  return STORAGE_FORM.test(label) ? label : label.replace(/[^A-Za-z0-9_-]/g, "_") || "_";
}

/** The N line's `DB:ID` of a knowledge-base id ("Q123" → Wikidata; "DB:ID" as it is), or undefined when it has no such form. */
function referenceOf(kb: string): { db: string; id: string } | undefined {
  if (/^Q[1-9][0-9]*$/.test(kb)) return { db: WIKIDATA, id: kb };
  const m = /^([A-Za-z][A-Za-z0-9_-]*):(\S+)$/.exec(kb);
  return m ? { db: m[1]!, id: m[2]! } : undefined;
}

/** The knowledge-base id an N line's `DB:ID` stands for (the inverse of `referenceOf`). */
function kbOf(db: string, id: string): string {
  return db === WIKIDATA && /^Q[1-9][0-9]*$/.test(id) ? id : `${db}:${id}`;
}

/** The name an N line shows for the linked entry: the canonical name, else the span's text. */
function nameOf(span: InterchangeSpan): string {
  const canonical = span.attributes.canonical;
  return typeof canonical === "string" && canonical !== "" ? canonical : span.text;
}

/** `text` fit for the tail of an .ann line: tabs, line breaks and control characters become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\t\p{Cc}\u2028\u2029]+/gu, " ");
}

/** A JSON object on one .ann line: JSON.stringify escapes C0 controls; \x7f-\x9f, U+2028 and U+2029 are escaped too (Python splits lines at some). */
function noteJson(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/* eslint-disable i18next/no-literal-string -- brat's configuration files: the format's own text, read by brat, not a message */
function annotationConf(labels: readonly string[], used: UsedValues, context: ExportContext): string {
  const declared = new Set(labels.map(storageForm));
  const lines = [
    `# brat annotation configuration written by ${context.generator} (https://brat.nlplab.org/configuration.html).`,
    "[entities]",
    ...declared,
    "",
    "[relations]",
    "# Spans of any types may overlap and nest, as in the records.",
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    "",
    "[events]",
    "",
    "[attributes]",
  ];
  const byName = new Map<string, { labels: string[]; kind: BratAttribute["kind"] }>();
  for (const attribute of BRAT_ATTRIBUTES) {
    const entry = byName.get(attribute.name) ?? { labels: [], kind: attribute.kind };
    entry.labels.push(...attribute.labels.map(storageForm).filter((l) => declared.has(l) && !entry.labels.includes(l)));
    byName.set(attribute.name, entry);
  }
  for (const [name, entry] of byName) {
    if (entry.labels.length === 0) continue;
    if (entry.kind === "flag") lines.push(`${name}\tArg:${entry.labels.join("|")}`);
    else {
      // brat needs the values of a multi-valued attribute declared: those the export used.
      const values = [...(used.get(name) ?? [])].sort();
      if (values.length > 0) lines.push(`${name}\tArg:${entry.labels.join("|")}, Value:${values.join("|")}`);
    }
  }
  lines.push(`${SUGGESTION_ATTRIBUTE}\tArg:<ENTITY>`);
  return lines.join("\n") + "\n";
}

function visualConf(labels: readonly string[], context: ExportContext): string {
  // A label brat stores otherwise ("treaty.v2" → treaty_v2) is shown as it is.
  const named = labels.map((label) => ({ label, ...(storageForm(label) !== label ? { name: label } : {}), ...context.labels.find((l) => l.label === label) }));
  const display = (name: string): string => oneLine(name).replace(/\|/g, "/").trim();
  return [
    `# brat visual configuration written by ${context.generator} (https://brat.nlplab.org/configuration.html).`,
    "[labels]",
    ...named.map((l) => (l.name ? `${storageForm(l.label)} | ${display(l.name)}` : storageForm(l.label))),
    "",
    "[drawing]",
    ...named.flatMap((l) => (l.color && /^#[0-9A-Fa-f]{3,8}$/.test(l.color) ? [`${storageForm(l.label)}\tbgColor:${l.color}`] : [])),
    "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
    "ARC_DEFAULT\tcolor:black",
    "ATTRIBUTE_DEFAULT\tglyph:*",
  ].join("\n") + "\n";
}

function toolsConf(databases: ReadonlySet<string>, context: ExportContext): string {
  return [
    `# brat tools configuration written by ${context.generator} (https://brat.nlplab.org/configuration.html).`,
    "[normalization]",
    ...[...databases].sort().map((db) => (db === WIKIDATA ? `${WIKIDATA}\t<URL>:https://www.wikidata.org/, <URLBASE>:https://www.wikidata.org/wiki/%s` : db)),
  ].join("\n") + "\n";
}
/* eslint-enable i18next/no-literal-string */

// ---------------------------------------------------------------------------------------------
// Reading

function readBrat(files: readonly InputFile[]): ReadResult {
  // Paired by base name: the file name without its suffix (standoff.html), the suffix in any case.
  const base = (f: InputFile): string => f.name.slice(0, -".txt".length);
  const texts = new Map(files.filter((f) => f.name.toLowerCase().endsWith(".txt")).map((f) => [base(f), f]));
  const anns = new Map(files.filter((f) => f.name.toLowerCase().endsWith(".ann")).map((f) => [base(f), f]));
  const problems: ImportProblem[] = [];
  const documents: InterchangeDocument[] = [];
  for (const [name, ann] of anns) {
    if (!texts.has(name)) problems.push({ file: ann.path, message: l10n.t("brat annotations without their text: {0}.txt is not there (https://brat.nlplab.org/standoff.html: NAME.ann annotates NAME.txt)", name) });
  }
  const byName = [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, txt] of byName) {
    const ann = anns.get(key);
    if (!ann) {
      documents.push({ name: txt.name, text: txt.content, spans: [] });
      continue;
    }
    const read = readAnn(ann, txt.content, txt.bom === true);
    if (read.problems.length > 0) problems.push(...read.problems);
    else documents.push({ name: txt.name, text: txt.content, spans: read.spans });
  }
  return { documents, problems };
}

/** A T line read, before its attributes. */
interface ReadSpan {
  span: InterchangeSpan;
  attributes: Record<string, unknown>;
  /** The note's label, when the T type is only its storage form. */
  noteLabel?: string;
}

/**
 * The spans of one .ann file over `text` (UTF-16 offsets into it), or its problems. With `bom`, the
 * .txt started with a byte order mark that `text` does not hold but brat counts as the first
 * character: the .ann's offsets are code points of "\uFEFF" + `text`.
 */
function readAnn(ann: InputFile, text: string, bom: boolean): { spans: InterchangeSpan[]; problems: ImportProblem[] } {
  const brats = bom ? `\uFEFF${text}` : text; // the text as brat counts it
  const offsets = new CodePointOffsets(brats);
  const problems: ImportProblem[] = [];
  const problem = (line: number, column: number, message: string): void => void problems.push({ file: ann.path, line, column, message });
  const spans = new Map<string, ReadSpan>();
  const ids = new Set<string>();
  /** A, N and note lines, applied once every T line is known (brat does not order them). */
  const later: { line: number; note: boolean; target: string; targetColumn: number; apply: (s: ReadSpan) => void }[] = [];

  ann.content.split("\n").forEach((raw, k) => {
    const line = k + 1;
    const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (content.trim() === "") return;
    const tab = content.indexOf("\t");
    const id = tab < 0 ? content : content.slice(0, tab);
    if (tab < 0 || (!BRAT_ID.test(id) && id !== "*")) {
      // An id followed by a space: the tabs were most likely turned into spaces (an editor, a copy).
      const spaced = /^(?:[A-Za-z#][0-9]+|\*)(?= )/.exec(content);
      const said = spaced
        ? l10n.t("not a brat annotation line: brat's form is ID<TAB>…, and here {0} is followed by a space, not a tab (were the tabs turned into spaces?) (https://brat.nlplab.org/standoff.html)", spaced[0])
        : l10n.t("not a brat annotation line: brat's form is ID<TAB>…, and here expected an id (T1, A1, N1, #1, …) and a tab (https://brat.nlplab.org/standoff.html)");
      problem(line, spaced ? spaced[0].length + 1 : 1, said);
      return;
    }
    if (id !== "*") {
      if (ids.has(id)) return problem(line, 1, l10n.t("the id {0} is used twice", id));
      ids.add(id);
    }
    const rest = content.slice(tab + 1);
    const tab2 = rest.indexOf("\t");
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? undefined : rest.slice(tab2 + 1);
    const dataColumn = tab + 2;
    switch (id[0]) {
      case "T": {
        const read = readTextBound(id, data, tail, brats, bom ? 1 : 0, offsets, (column, message) => problem(line, column, message), dataColumn, dataColumn + data.length + 1);
        if (read) spans.set(id, read);
        return;
      }
      case "A": {
        const m = /^(\S+) (\S+)(?: (.+))?$/.exec(data);
        if (!m) return problem(line, dataColumn, l10n.t('an attribute line is "A1<TAB>NAME Tn [VALUE]" (https://brat.nlplab.org/standoff.html)'));
        const [, name, target, value] = m as unknown as [string, string, string, string | undefined];
        later.push({ line, note: false, target, targetColumn: dataColumn + name.length + 1, apply: (s) => applyAttribute(s, name, value) });
        return;
      }
      case "N": {
        const m = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(data);
        if (!m) return problem(line, dataColumn, l10n.t('a normalization line is "N1<TAB>Reference Tn DB:ID<TAB>TEXT" (https://brat.nlplab.org/standoff.html)'));
        const [, type, target, db, entry] = m as unknown as [string, string, string, string, string];
        later.push({ line, note: false, target, targetColumn: dataColumn + type.length + 1, apply: (s) => { s.span.kb = kbOf(db, entry); s.attributes.kb = s.span.kb; } });
        return;
      }
      case "#": {
        const m = /^AnnotatorNotes (\S+)$/.exec(data);
        if (!m || tail === undefined || !tail.trimStart().startsWith("{")) return; // another kind of comment, or a note in words
        let note: unknown;
        try {
          note = JSON.parse(tail);
        } catch {
          note = undefined;
        }
        if (typeof note !== "object" || note === null || Array.isArray(note)) return problem(line, dataColumn + data.length + 1, l10n.t("the note of {0} starts like the JSON object of its attributes but is not one", m[1]!));
        const object = note as Record<string, unknown>;
        later.push({ line, note: true, target: m[1]!, targetColumn: dataColumn + "AnnotatorNotes ".length, apply: (s) => applyNote(s, object) });
        return;
      }
      case "R":
      case "E":
      case "M":
      case "*":
        return; // relations, events, modifiers, equivalences: no record holds them
      default:
        return problem(line, 1, l10n.t('unknown brat annotation kind "{0}" (T, A, N, #, R, E, M or *: https://brat.nlplab.org/standoff.html)', id[0]!));
    }
  });

  // Notes first, then A and N lines: what a person changed in brat's forms wins over the note.
  later.sort((a, b) => Number(a.note === false) - Number(b.note === false));
  for (const entry of later) {
    const target = spans.get(entry.target);
    if (target) entry.apply(target);
    else if (/^T[0-9]/.test(entry.target) && !ids.has(entry.target)) problem(entry.line, entry.targetColumn, l10n.t("{0} is not a text-bound annotation of this file", entry.target));
  }
  const result = [...spans.values()].map((s) => ({ ...s.span, label: s.noteLabel !== undefined && storageForm(s.noteLabel) === s.span.label ? s.noteLabel : s.span.label, attributes: s.attributes }));
  result.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
  return { spans: result, problems };
}

/**
 * A T line's span, or undefined after reporting why it does not fit `text` (the text as brat counts
 * it) or covers none of it. The span's offsets are UTF-16 units into `text` without its first
 * `skip` units (a byte order mark brat counted; a span over it alone covers nothing). Columns are
 * 1-based in the line.
 */
function readTextBound(
  id: string,
  data: string,
  tail: string | undefined,
  text: string,
  skip: number,
  offsets: CodePointOffsets,
  problem: (column: number, message: string) => void,
  dataColumn: number,
  textColumn: number,
): ReadSpan | undefined {
  const m = /^(\S+) ([0-9]+ [0-9]+(?:;[0-9]+ [0-9]+)*)\s*$/.exec(data);
  if (!m) {
    problem(dataColumn, l10n.t('a text-bound annotation is "{0}<TAB>TYPE START END<TAB>TEXT", fragments "START END;START END" (https://brat.nlplab.org/standoff.html)', id));
    return undefined;
  }
  const label = m[1]!;
  const fragments: { start: number; end: number }[] = [];
  let column = dataColumn + label.length + 1;
  for (const pair of m[2]!.split(";")) {
    const [start, end] = pair.split(" ").map(Number) as [number, number];
    const from = offsets.toUtf16(start);
    const to = offsets.toUtf16(end);
    if (from === undefined || to === undefined) {
      const bad = from === undefined ? column : column + String(start).length + 1;
      problem(bad, l10n.t("offset {0} is outside the text of {1} characters (code points)", from === undefined ? start : end, offsets.length));
      return undefined;
    }
    if (from > to) {
      problem(column, l10n.t("the span {0} covers no text: it ends before it starts (https://brat.nlplab.org/standoff.html: START < END)", pair));
      return undefined;
    }
    if (fragments.length > 0 && from < fragments[fragments.length - 1]!.end) {
      problem(column, l10n.t("the fragment {0} goes back over the one before", pair));
      return undefined;
    }
    fragments.push({ start: from, end: to });
    column += pair.length + 1;
  }
  const expected = fragments.map((f) => text.slice(f.start, f.end)).join(" ");
  // brat: the text field begins with the fragments' text; anything after it is a comment, after whitespace.
  if (tail === undefined || !tail.startsWith(expected) || (tail.length > expected.length && !/^\s/.test(tail[expected.length]!))) {
    problem(textColumn, l10n.t("the text {0} is not the text at {1}: {2}", JSON.stringify(tail ?? ""), m[2]!, JSON.stringify(expected)));
    return undefined;
  }
  const start = Math.max(fragments[0]!.start, skip);
  const end = fragments[fragments.length - 1]!.end;
  if (end <= start) {
    const said =
      end > fragments[0]!.start
        ? l10n.t("the span {0} covers only the byte order mark (U+FEFF) the .txt starts with, which brat counts as a character: a text-bound annotation needs START < END (https://brat.nlplab.org/standoff.html)", m[2]!)
        : l10n.t("the span {0} covers no text: a text-bound annotation needs START < END (https://brat.nlplab.org/standoff.html)", m[2]!);
    problem(dataColumn + label.length + 1, said);
    return undefined;
  }
  return { span: { id, start: start - skip, end: end - skip, text: text.slice(start, end), label, attributes: {}, suggestion: false }, attributes: {} };
}

/** An A line's attribute on its span: the mapping's key (by name), `suggestion`; other names are ignored. */
function applyAttribute(s: ReadSpan, name: string, value: string | undefined): void {
  if (name === SUGGESTION_ATTRIBUTE) {
    s.span.suggestion = value === undefined || value.toLowerCase() === "true";
    return;
  }
  const attribute = BRAT_ATTRIBUTES.find((a) => a.name === name);
  if (!attribute) return;
  if (attribute.kind === "flag") s.attributes[attribute.key] = value === undefined || value.toLowerCase() === "true";
  else if (value !== undefined) s.attributes[attribute.key] = value;
}

/** A note's JSON object: every attribute as it is (`kb` also as the span's link); `label`, the span's label when brat could not store it. */
function applyNote(s: ReadSpan, note: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(note)) {
    if (key === "label" && typeof value === "string") s.noteLabel = value;
    else s.attributes[key] = value;
    // A link with no DB:ID form travels in the note; an N line (applied after) wins.
    if (key === "kb" && typeof value === "string") s.span.kb = value;
  }
}
