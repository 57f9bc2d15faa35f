import type { ForumAttributes } from "../../types";

/** A forum found in a line's tokens: tokens `start` to `end` (exclusive). */
export interface ForumMatch {
  start: number; // token index
  end: number; // token index, exclusive
  attributes: ForumAttributes;
  rule: string;
}
