/** Every interchange format by its `--format` id. */
import type { FormatId, InterchangeFormat } from "../types";
import { brat } from "./brat";
import { conll } from "./conll";
import { doccano } from "./doccano";
import { jsonl } from "./jsonl";
import { labelStudio } from "./labelStudio";
import { spacy } from "./spacy";
import { w3c } from "./w3c";

export const FORMATS: Readonly<Record<FormatId, InterchangeFormat>> = { brat, conll, w3c, labelstudio: labelStudio, doccano, spacy, jsonl };

/** The formats `import` reads. */
export const IMPORT_FORMATS = (Object.keys(FORMATS) as FormatId[]).filter((id) => FORMATS[id].read !== undefined);
