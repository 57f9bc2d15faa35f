/** STUB: replaced by the format's writer and reader. */
import type { InterchangeFormat } from "../types";

export const labelStudio: InterchangeFormat = {
  id: "labelstudio",
  title: "labelStudio",
  carriesAttributes: false,
  write() {
    throw new Error("labelStudio export is not written yet");
  },
};
