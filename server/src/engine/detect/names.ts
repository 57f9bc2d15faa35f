/**
 * Personal-name shape. A name is a run of capitalized parts separated by single spaces; a part may be
 * hyphenated ("Eui-yong", "Chan-o-cha"). A run of Vietnamese syllables is a Vietnamese-order name
 * (family name first, two to four syllables); a run with any part that is not a Vietnamese syllable
 * ("Motegi", "Sokhonn", "Eui-yong") is a foreign name in whatever order it is written.
 */
import { isVietnameseSyllable, lexicon } from "../lexicon";
import type { Token } from "../text/tokens";

export interface NamePart {
  readonly start: number; // token index
  readonly end: number; // token index, exclusive
  readonly text: string;
  readonly folded: string;
  readonly vietnamese: boolean;
}

export interface NameMatch {
  readonly start: number; // token index
  readonly end: number; // token index, exclusive
  readonly parts: readonly NamePart[];
  readonly style: "vietnamese" | "foreign";
}

const MAX_PARTS = 6;

/** Reads the capitalized parts that start at token `j` (at most five). */
export function readNameParts(tokens: readonly Token[], j: number): NamePart[] {
  const parts: NamePart[] = [];
  let k = j;
  while (k < tokens.length && parts.length < MAX_PARTS) {
    const token = tokens[k]!;
    // "von der", "bin": lowercase particles inside a foreign name, between capitalized parts.
    // "al-Sisi", "el-Sisi": a particle hyphenated to the part after it is one part.
    if (parts.length > 0 && token.kind === "word" && lexicon.nameParticles.has(token.text) && token.gap === " " && tokens[k + 1]?.text === "-" && tokens[k + 1]!.gap === "" && tokens[k + 2]?.isCapitalized && tokens[k + 2]!.gap === "") {
      parts.push({ start: k, end: k + 3, text: tokens.slice(k, k + 3).map((t) => t.text).join(""), folded: tokens.slice(k, k + 3).map((t) => t.folded).join(""), vietnamese: false });
      k += 3;
      continue;
    }
    if (parts.length > 0 && token.kind === "word" && lexicon.nameParticles.has(token.text) && token.gap === " " && continuesName(tokens, k + 1)) {
      parts.push({ start: k, end: k + 1, text: token.text, folded: token.folded, vietnamese: false });
      k++;
      continue;
    }
    if (token.kind !== "word" || !token.isCapitalized || (token.isAllCaps && token.text.length > 1 && !isHyphenJoined(tokens, k))) break;
    if (parts.length > 0 && token.gap !== " ") break;
    let end = k + 1;
    // Hyphenated part: word-word(-word), all attached.
    while (tokens[end]?.text === "-" && tokens[end]!.gap === "" && tokens[end + 1]?.kind === "word" && tokens[end + 1]!.gap === "") end += 2;
    // "Dr.", "Jr.": an abbreviation keeps its dot; so does a middle initial between two parts ("Mariam J. Sherman").
    const dotted = end === k + 1 && tokens[end]?.text === "." && tokens[end]!.gap === "";
    if (dotted && (lexicon.nameAbbreviations.has(token.text) || (parts.length > 0 && /^\p{Lu}$/u.test(token.text) && tokens[end + 1]?.gap === " " && tokens[end + 1]!.isCapitalized))) end++;
    const text = tokens.slice(k, end).map((t) => t.text).join("");
    const folded = text.toLowerCase();
    parts.push({ start: k, end, text, folded, vietnamese: end === k + 1 && isVietnameseSyllable(folded) });
    k = end;
  }
  return parts;
}

function continuesName(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k];
  if (!next || next.gap !== " ") return false;
  return (next.kind === "word" && next.isCapitalized && !next.isAllCaps) || (lexicon.nameParticles.has(next.text) && continuesName(tokens, k + 1));
}

function isHyphenJoined(tokens: readonly Token[], k: number): boolean {
  return tokens[k + 1]?.text === "-" && tokens[k + 1]!.gap === "" && tokens[k + 2]?.gap === "";
}

/** Whether a part is a word that names an office, body or place rather than a person. */
function isNonNameWord(tokens: readonly Token[], part: NamePart): boolean {
  return (
    lexicon.titles.matchAt(tokens, part.start) !== undefined ||
    lexicon.bodies.matchAt(tokens, part.start) !== undefined ||
    lexicon.forumHeads.matchAt(tokens, part.start) !== undefined ||
    lexicon.notForumNouns.matchAt(tokens, part.start) !== undefined ||
    lexicon.portfolios.matchAt(tokens, part.start) !== undefined
  );
}

/**
 * The full name starting at token `j` after a title or honorific, or a single part (a short
 * reference such as "Motegi" or "Sơn") flagged by `parts.length === 1`. Undefined when the
 * capitalized run is not name-shaped.
 */
export function matchName(tokens: readonly Token[], j: number): NameMatch | undefined {
  let parts = readNameParts(tokens, j);
  // Office, body and place words inside the run belong to the title ("Hội đồng Quản trị X"): keep what follows the last one.
  const lastNonName = parts.map((p) => isNonNameWord(tokens, p)).lastIndexOf(true);
  if (lastNonName >= 0) parts = parts.slice(lastNonName + 1);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return build(parts, parts[0]!.vietnamese ? "vietnamese" : "foreign");
  if (parts.every((p) => p.vietnamese)) {
    // The family name that starts a name of two to four syllables ending the run: "Hà Nội Trần Sỹ
    // Thanh" is Trần Sỹ Thanh, although Hà is a family name too.
    const surnameAt = parts.findIndex((p, index) => lexicon.surnames.has(p.folded) && parts.length - index >= 2 && parts.length - index <= 4);
    if (surnameAt >= 0) return build(parts.slice(surnameAt), "vietnamese");
    return parts.length <= 4 ? build(parts, "vietnamese") : undefined;
  }
  // "Luiz Inácio Lula da Silva": up to six parts, never ending on a particle.
  const foreign = parts.slice(0, MAX_PARTS);
  while (foreign.length > 1 && lexicon.nameParticles.has(foreign[foreign.length - 1]!.text)) foreign.pop();
  return build(foreign, "foreign");
}

/** A name-shaped run without any title before it: used for list continuations and known names. */
export function matchBareFullName(tokens: readonly Token[], j: number): NameMatch | undefined {
  const name = matchName(tokens, j);
  if (!name || name.parts.length < 2 || name.start !== j) return undefined;
  if (name.style === "vietnamese" && !lexicon.surnames.has(name.parts[0]!.folded)) return undefined;
  return name;
}

function build(parts: readonly NamePart[], style: NameMatch["style"]): NameMatch {
  return { start: parts[0]!.start, end: parts[parts.length - 1]!.end, parts, style };
}
