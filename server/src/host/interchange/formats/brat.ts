/** STUB: replaced by the format's writer and reader. */
import type { InterchangeFormat } from "../types";

export const brat: InterchangeFormat = {
  id: "brat",
  title: "brat",
  carriesAttributes: false,
  write() {
    throw new Error("brat export is not written yet");
  },
};
