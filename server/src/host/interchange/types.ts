/**
 * The terms every interchange format shares (issue 15): an article's text and the annotations to
 * carry, independent of any one tool. Writers turn documents into files; readers turn another
 * tool's files back into documents. Offsets here are UTF-16 code units into `text`, end-exclusive,
 * as in our records; each format converts to its own unit (`offsets.ts`).
 */

import type { AnnotatedRecord } from "../../engine";

/** One annotation in a tool-neutral form. */
export interface InterchangeSpan {
  /** Unique within its document: the record entity's id on export, the source's own id on import. */
  id: string;
  /** UTF-16 code units into the document's text, `end` exclusive. */
  start: number;
  end: number;
  /** `text.slice(start, end)` of the document. */
  text: string;
  /** The label the other tools see (`labels.ts`: "PER", "FORUM", … or a custom label's id). */
  label: string;
  /**
   * The entity's attributes (record schema `$defs`, by type), without a custom label's `label`,
   * which is the span's label. On import, only what the format carried (possibly nothing).
   */
  attributes: Readonly<Record<string, unknown>>;
  /** An unreviewed suggestion of the engine (`origin: "auto"`): a *prediction* where the format has that notion. */
  suggestion: boolean;
  /** Who made it, when known (a record decision's `by`; the source's annotator on import). */
  annotator?: string;
  /** A knowledge-base identifier (`attributes.kb` when the entity is linked), for formats with a normalization notion. */
  kb?: string;
}

/** One article and its annotations. */
export interface InterchangeDocument {
  /** The article's path as records name it (`source.path`: relative with "/" separators, e.g. "samples/a.txt"). */
  name: string;
  /** The article's text exactly as its file holds it (no normalization: offsets point into it). */
  text: string;
  /** Sorted by start, then end, then label. */
  spans: InterchangeSpan[];
  /** On export, the whole record the spans were chosen from (our own JSONL format writes it as it is). */
  record?: AnnotatedRecord;
}

/** A file a writer produces: `path` relative to the export folder, "/" separators. */
export interface OutputFile {
  path: string;
  content: string;
}

/** A file given to a reader. */
export interface InputFile {
  /** The path as the user can find it, for messages. */
  path: string;
  /** The path relative to the folder given on the command line ("/" separators); the file name when a file was given. */
  name: string;
  /** The text, without the byte order mark (U+FEFF) the file may start with. */
  content: string;
  /**
   * Set when the file started with a UTF-8 byte order mark (EF BB BF), which `content` does not
   * hold. JSON readers ignore it; brat counts it as the text's first character (it opens a .txt
   * with Python's `codecs.open(…, "utf-8")`, which keeps the mark: nlplab/brat server/src/annotation.py).
   */
  bom?: true;
}

/** Why (part of) an input cannot be imported. `line`/`column` are 1-based, in the input file. */
export interface ImportProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** What a reader found: the documents it could read whole, and every problem (a document with one is left out). */
export interface ReadResult {
  documents: InterchangeDocument[];
  problems: ImportProblem[];
}

/** What writers may need beyond the documents. */
export interface ExportContext {
  /** Every label a document may use, in display order (built-in labels, then the user's own). */
  labels: readonly { label: string; name: string; color?: string }[];
  /** "article-annotator@VERSION": a prediction's model version, a generator's name. */
  generator: string;
}

/** One interchange format. */
export interface InterchangeFormat {
  id: FormatId;
  /** The tool or convention, for help and messages ("brat standoff"). */
  title: string;
  write(documents: readonly InterchangeDocument[], context: ExportContext): OutputFile[];
  /** Absent for export-only formats (CoNLL, our own JSONL). */
  read?: (files: readonly InputFile[]) => ReadResult;
  /** File name suffixes the reader reads from a folder (lower case, with the dot). */
  inputSuffixes?: readonly string[];
  /** Whether spans' attributes survive a round trip through the format ("none": labels and spans only). */
  carriesAttributes: boolean;
  /** How many of a document's spans the format cannot hold and leaves out (CoNLL: overlapping ones); absent: none. */
  leftOut?: (document: InterchangeDocument) => number;
}

export const FORMAT_IDS = ["brat", "conll", "w3c", "labelstudio", "doccano", "spacy", "jsonl"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
