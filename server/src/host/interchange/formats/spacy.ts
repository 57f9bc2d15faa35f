/** STUB: replaced by the format's writer and reader. */
import type { InterchangeFormat } from "../types";

export const spacy: InterchangeFormat = {
  id: "spacy",
  title: "spacy",
  carriesAttributes: false,
  write() {
    throw new Error("spacy export is not written yet");
  },
};
