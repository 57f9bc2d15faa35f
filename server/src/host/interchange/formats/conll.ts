/** STUB: replaced by the format's writer and reader. */
import type { InterchangeFormat } from "../types";

export const conll: InterchangeFormat = {
  id: "conll",
  title: "conll",
  carriesAttributes: false,
  write() {
    throw new Error("conll export is not written yet");
  },
};
