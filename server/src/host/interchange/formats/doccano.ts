/**
 * doccano (https://github.com/doccano/doccano) sequence labeling as JSON Lines: one file
 * `doccano.jsonl`, one line per article:
 *
 *   {"text": "…", "entities": [{"id": 0, "label": "PER", "start_offset": 12, "end_offset": 27}], "relations": [], "path": "samples/a.txt"}
 *
 * Rules, with their sources:
 * - `entities` of `{id, label, start_offset, end_offset}` is the form doccano exports and imports
 *   for sequence labeling with relations (data_export/models.py `ExportedSpan.to_dict`; the import
 *   example data_import/pipeline/examples/relation_extraction/example.jsonl, read by
 *   `RelationExtractionDataset` from the columns `entities` and `relations`: in doccano, create the
 *   project with "Use relation labeling" and import with "JSONL(Relation)"). `id` is an integer
 *   (`Label.id: int`), so spans are numbered 0, 1, …; `relations` is written empty, since doccano
 *   reports a missing column as an error (data_import/pipeline/makers.py).
 * - Offsets count code points: doccano keeps them as indexes into a Python `str`
 *   (doccano/doccano#99), with `start_offset < end_offset` (`SpanLabel`'s validator).
 * - Every other key of a line is the example's metadata, kept and written back by doccano's
 *   export (`ExportedExample.to_dict`: `{"id", "text", **meta}`); the article's path goes there as `path`.
 * - No attributes: a doccano span has a label and offsets only (`carriesAttributes: false`). Every
 *   span is written, suggestions included (doccano has no predictions in its JSONL).
 *
 * Reading (doccanoRead.ts) takes this form and the older one, `label` (or, in doccano 1.0's
 * tutorial export, `labels`) as `[[start, end, label], …]` (data_import/pipeline/label.py
 * `SpanLabel.parse`, backend/data_export/pipeline/examples/sequence_labeling/example.jsonl).
 */
import { CodePointOffsets } from "../offsets";
import type { InterchangeDocument, InterchangeFormat } from "../types";
import { readDoccano } from "./doccanoRead";

/** One line of `doccano.jsonl` as written. Offsets in code points. */
export interface DoccanoLine {
  text: string;
  entities: { id: number; label: string; start_offset: number; end_offset: number }[];
  relations: never[];
  path: string;
}

export const doccano: InterchangeFormat = {
  id: "doccano",
  title: "doccano sequence labeling (JSON Lines)",
  carriesAttributes: false,
  inputSuffixes: [".jsonl"],
  write(documents) {
    return [{ path: "doccano.jsonl", content: documents.map((d) => JSON.stringify(lineOf(d)) + "\n").join("") }];
  },
  read: readDoccano,
};

/** The line of `document`: its spans in code points, numbered in order. */
export function lineOf(document: InterchangeDocument): DoccanoLine {
  const offsets = new CodePointOffsets(document.text);
  const entities = document.spans.map((span, k) => ({ id: k, label: span.label, start_offset: offsets.toCodePoint(span.start), end_offset: offsets.toCodePoint(span.end) }));
  return { text: document.text, entities, relations: [], path: document.name };
}
