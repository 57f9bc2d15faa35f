/** STUB: replaced by the format's writer and reader. */
import type { InterchangeFormat } from "../types";

export const doccano: InterchangeFormat = {
  id: "doccano",
  title: "doccano",
  carriesAttributes: false,
  write() {
    throw new Error("doccano export is not written yet");
  },
};
