/** STUB: replaced by the format's writer and reader. */
import type { InterchangeFormat } from "../types";

export const w3c: InterchangeFormat = {
  id: "w3c",
  title: "w3c",
  carriesAttributes: false,
  write() {
    throw new Error("w3c export is not written yet");
  },
};
