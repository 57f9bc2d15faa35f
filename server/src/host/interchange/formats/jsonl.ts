/**
 * Our own records as JSON Lines (https://jsonlines.org/): one record per line, as `annotate
 * --format jsonl` prints them (schema/record.v1.schema.json), in one file `records.jsonl`. Export
 * only: records come back as they are, with no conversion to read.
 */
import type { InterchangeFormat } from "../types";

export const jsonl: InterchangeFormat = {
  id: "jsonl",
  title: "Article Annotator records (JSON Lines)",
  carriesAttributes: true,
  write(documents) {
    const lines = documents.flatMap((d) => (d.record ? [JSON.stringify(d.record) + "\n"] : []));
    return [{ path: "records.jsonl", content: lines.join("") }];
  },
};
