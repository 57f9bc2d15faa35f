/** Small token-level predicates shared by the entity grammars. */
import type { Token } from "../text/tokens";

const SENTENCE_PUNCT = new Set([".", "!", "?", ":", "“", "\"", "‘", "'", "(", "[", "【", "…", ";"]);
const DASHES = new Set(["-", "–", "—"]);

/** Whether token `index` starts a sentence (line start or after sentence punctuation). */
export function isSentenceStart(tokens: readonly Token[], index: number): boolean {
  if (index === 0) return true;
  return SENTENCE_PUNCT.has(tokens[index - 1]!.text);
}

export function isDash(token: Token | undefined): boolean {
  return token !== undefined && token.kind === "punct" && DASHES.has(token.text);
}

/** A word written with a capital (or an acronym), as proper names are. */
export function isProperWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === "word" && token.isCapitalized;
}

/** Text of tokens `start` to `end` (exclusive) as written, with their original spacing. */
export function tokensText(text: string, tokens: readonly Token[], start: number, end: number): string {
  if (end <= start) return "";
  return text.slice(tokens[start]!.start, tokens[end - 1]!.end);
}

/** Parses a digit string as an integer (undefined when not all digits). */
export function parseInteger(token: Token | undefined): number | undefined {
  if (!token || token.kind !== "number") return undefined;
  return Number.parseInt(token.text, 10);
}
