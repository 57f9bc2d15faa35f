/**
 * Fixes that only put spaces back (run-together words) are stored as the repaired text; these
 * helpers find where the spaces went, so the same repair can be made on another spelling of the
 * text (the original, NFD or with old tone placement) without touching a letter.
 */

import { isCodePointBoundary } from "./codePoints";

/**
 * Offsets in `text` before which `repaired` has an added space; undefined if it differs otherwise,
 * or if a space would split a surrogate pair (half a character is no repair).
 */
export function spaceInsertions(text: string, repaired: string): number[] | undefined {
  const positions: number[] = [];
  let k = 0;
  for (let r = 0; r < repaired.length; r++) {
    if (k < text.length && repaired[r] === text[k]) k++;
    else if (repaired[r] === " " && isCodePointBoundary(text, k)) positions.push(k);
    else return undefined;
  }
  return k === text.length ? positions : undefined;
}

/** `text` with a space inserted before each offset in `positions` (ascending). */
export function insertSpaces(text: string, positions: readonly number[]): string {
  let result = "";
  let last = 0;
  for (const at of positions) {
    result += text.slice(last, at) + " ";
    last = at;
  }
  return result + text.slice(last);
}
