import type { NameMatch } from "../names";
import type { TitleInfo } from "./titles";

export interface Mention {
  line: number;
  name: NameMatch;
  start: number; // normalized offsets
  end: number;
  title?: TitleInfo;
  titleText?: string;
  rule: string;
}
