/**
 * Run-together words: a missing space where one word meets the next ("xây dựngCộng đồng", "ASEANvà",
 * "ởASEAN"), and text whose spaces were stripped ("thiếtlậpquanhệ"). The fix puts the spaces back;
 * it never removes a letter. Brands and terms with inner capitals (iPhone, McDonald's, TTXVN/Vietnam+)
 * are left alone: a split needs a Vietnamese syllable on one side and a word on the other.
 */
import data from "../../data/boilerplate.json";
import { isVietnameseSyllable } from "../../lexicon";
import { classAt, LETTER, MARK, unitClass, UPPERCASE } from "../../text/charClass";
import { codePointEnd, codePointLength, codePointStart, isLetterOrMarkAt, isLetterOrMarkBefore, isLetterOrNumberAt } from "../../text/codePoints";
import { segmentSyllables } from "../../text/segment";
import { insertSpaces, spaceInsertions } from "../../text/spaces";
import type { BoilerplateRule, RawFinding } from "../rule";
import { l10n } from "../../l10n";

const CASE_RUN = /\p{Lu}+|[^\p{Lu}]+/gu;
/** Where casePieces can cut: a capital after something else, or two capitals before something else. */
const CASE_CHANGE = /[^\p{Lu}]\p{Lu}|\p{Lu}\p{Lu}[^\p{Lu}]/u;
const allowed = new Set(data.runTogether.allow.map((w) => w.toLowerCase()));
const { minStrippedLength, minStrippedCoverage, minStrippedSyllables } = data.runTogether;
/**
 * Where a chunk worth a look can be (a superset of the two checks on chunks): a capital after a
 * letter, mark or apostrophe, or a run of `minStrippedLength` letters, marks and apostrophes after
 * no letter or mark — what /(?<=[\p{L}\p{M}'’])\p{Lu}|(?<![\p{L}\p{M}])[\p{L}\p{M}'’]{N}/gu finds,
 * read by hand through the character-class table (`nextHit`): most positions are decided by the
 * class of one code point.
 */
const LETTER_OR_MARK = LETTER | MARK;

function isUpper(piece: string): boolean {
  return piece === piece.toUpperCase() && piece !== piece.toLowerCase();
}

/** A piece that can stand as a word of its own: a syllable (not a lone ASCII letter) or an acronym. */
function isWord(piece: string): boolean {
  if (isUpper(piece)) return codePointLength(piece) >= 2;
  return isVietnameseSyllable(piece.toLowerCase()) && (piece.length >= 2 || /[^\p{ASCII}]/u.test(piece));
}

/**
 * Splits a chunk where its case changes: "dựngCộng" → dựng|Cộng, "ASEANvà" → ASEAN|và,
 * "TTXVNHà" → TTXVN|Hà. A capital run followed by lowercase letters either is an acronym before a
 * lowercase syllable, or ends with the capital of the next word.
 */
function casePieces(chunk: string): string[] {
  const runs = chunk.match(CASE_RUN) ?? [];
  const pieces: string[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const next = runs[k + 1];
    if (isUpper(run) && next !== undefined) {
      // The run's last capital, whole (an astral capital such as "𝐀" is two code units).
      const last = codePointStart(run, run.length);
      if (last > 0 && isVietnameseSyllable(next.toLowerCase())) {
        pieces.push(run, next);
      } else {
        if (last > 0) pieces.push(run.slice(0, last));
        pieces.push(run.slice(last) + next);
      }
      k++;
    } else pieces.push(run);
  }
  return pieces;
}

/** A Vietnamese syllable written with a letter outside ASCII ("dựng", "ở", "Cộng"). */
function isMarkedSyllable(piece: string): boolean {
  return !isUpper(piece) && /[^\p{ASCII}]/u.test(piece) && isVietnameseSyllable(piece.toLowerCase());
}

/** "Mekong": a capital and lowercase letters, a name after a run-together Vietnamese word. */
function isCapitalizedWord(piece: string): boolean {
  const first = codePointEnd(piece, 0);
  const rest = piece.slice(first);
  return rest !== "" && isUpper(piece.slice(0, first)) && !isUpper(rest) && rest === rest.toLowerCase();
}

/** "dựngCộng" → "dựng Cộng"; undefined when no boundary is a real one. */
function splitCaseBoundaries(chunk: string): string | undefined {
  const pieces = casePieces(chunk);
  if (pieces.length < 2 || pieces.join("") !== chunk) return undefined;
  let result = pieces[0]!;
  let changed = false;
  for (let k = 1; k < pieces.length; k++) {
    const left = pieces[k - 1]!;
    const right = pieces[k]!;
    // One side must be plainly Vietnamese (a syllable with its diacritics): "HoSE", "MoMo" stay whole.
    const split = (isWord(left) && isWord(right) && (isMarkedSyllable(left) || isMarkedSyllable(right))) || (isMarkedSyllable(left) && isCapitalizedWord(right));
    result += (split ? " " : "") + right;
    changed ||= split;
  }
  return changed ? result : undefined;
}

/** "thiếtlậpquanhệ" → "thiết lập quan hệ", when syllables explain nearly all of it. */
function restoreSpaces(chunk: string): string | undefined {
  if (chunk.length < minStrippedLength || isVietnameseSyllable(chunk.toLowerCase())) return undefined;
  const { pieces, unknown } = segmentSyllables(chunk);
  if (pieces.length < minStrippedSyllables || 1 - unknown / chunk.length < minStrippedCoverage) return undefined;
  // Stripped Vietnamese is full of diacritics; a foreign name ("Toshimitsu") is not.
  const accented = pieces.filter((p) => /[^\p{ASCII}]/u.test(p)).length;
  if (accented * 2 < pieces.length) return undefined;
  return pieces.join(" ");
}

export const runTogetherRule: BoilerplateRule = {
  id: "run-together",
  description: "Words run together by the scraper (a missing space, or text with its spaces stripped).",
  defaultSeverity: "information",
  detect(context) {
    const findings: RawFinding[] = [];
    context.doc.lines.forEach((line, index) => {
      if (context.flagged.has(index)) return;
      for (const { chunk, at } of candidateChunks(line.text)) {
        const start = line.start + at;
        const end = start + chunk.length;
        // Most words are neither long enough to be stripped text nor change case inside: nothing to split.
        if (chunk.length < minStrippedLength && !CASE_CHANGE.test(chunk)) continue;
        if (allowed.has(chunk.toLowerCase()) || context.isFlaggedSpan(start, end) || isInLink(line.text, at, chunk.length)) continue;
        const stripped = restoreSpaces(chunk);
        const repaired = stripped ?? splitCaseBoundaries(chunk);
        if (!repaired || repaired === chunk) continue;
        // Quote the text as the article writes it, with the spaces the fix puts back.
        const written = context.doc.display(start, end);
        const positions = spaceInsertions(chunk, repaired);
        const shown = positions && written.length === chunk.length ? insertSpaces(written, positions) : repaired;
        findings.push({
          kind: "span",
          start,
          end,
          ...(stripped ? l10n.t("Spaces stripped from the text: \"{0}\" reads \"{1}\".", written, shown) : l10n.t("Words run together: \"{0}\" reads \"{1}\".", written, shown)),
          replacement: repaired,
          // Segmenting stripped text is a guess where letters stay unexplained: offered, not applied by "fix all".
          ...(stripped && segmentSyllables(chunk).unknown > 0 ? { unsafe: true } : {}),
        });
      }
    });
    return findings;
  },
};

/**
 * The chunks of a line (runs of letters and marks joined by single apostrophes: "McDonald's") that
 * hold a hit (`nextHit`). Every chunk long enough or changing case inside has one and most
 * words have none, so only the chunks around hits are cut out. Chunks grow by whole code points
 * (an astral letter such as "𝐀" is a letter, both its halves inside the chunk), and the scan
 * resumes on a code-point boundary past the hit, so it always moves on.
 */
function* candidateChunks(text: string): Iterable<{ chunk: string; at: number }> {
  for (let from = 0, hit = nextHit(text, 0); hit !== undefined; hit = nextHit(text, from)) {
    if (hit.letter < 0) {
      // A run of apostrophes alone holds no letter: nothing to cut out.
      from = hit.end;
      continue;
    }
    const { start, end } = chunkAround(text, hit.letter);
    if (end > start) yield { chunk: text.slice(start, end), at: start };
    // On a boundary, and past the hit's first code point whatever the text: the scan always moves on.
    from = Math.max(end, codePointEnd(text, hit.index));
  }
}

/**
 * The first hit at or after `from` (a boundary): where it starts, where it ends, and its first
 * letter or mark (-1 when it has none). Positions step by whole code points; a run is read at most
 * `minStrippedLength` code points ahead, so a line costs a bounded amount per position.
 */
function nextHit(text: string, from: number): { index: number; end: number; letter: number } | undefined {
  // The class of the code point before `p`, and whether it is an apostrophe, carried along.
  let previous = from > 0 ? classAt(text, codePointStart(text, from)) : 0;
  let afterApostrophe = from > 0 && isApostrophe(text, from - 1);
  for (let p = from; p < text.length; ) {
    const code = text.charCodeAt(p);
    // Outside the surrogates a code point is one unit (the common case, answered from the table).
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    const bits = surrogate ? classAt(text, p) : unitClass(code);
    const next = surrogate ? codePointEnd(text, p) : p + 1;
    const apostrophe = code === APOSTROPHE || code === RIGHT_QUOTE;
    if ((previous & LETTER_OR_MARK) === 0) {
      if ((bits & LETTER_OR_MARK) !== 0 || apostrophe) {
        if (afterApostrophe && (bits & UPPERCASE) !== 0) return { index: p, end: next, letter: p };
        const hit = longRun(text, p);
        if (hit) return hit;
      }
    } else if ((bits & UPPERCASE) !== 0) return { index: p, end: next, letter: p };
    previous = bits;
    afterApostrophe = apostrophe;
    p = next;
  }
  return undefined;
}

/** A run of `minStrippedLength` letters, marks and apostrophes from `p`, with its first letter or mark. */
function longRun(text: string, p: number): { index: number; end: number; letter: number } | undefined {
  let q = p;
  let letter = -1;
  for (let count = 0; count < minStrippedLength; count++) {
    if (q >= text.length) return undefined;
    if ((classAt(text, q) & LETTER_OR_MARK) !== 0) {
      if (letter < 0) letter = q;
    } else if (!isApostrophe(text, q)) return undefined;
    q = codePointEnd(text, q);
  }
  return { index: p, end: q, letter };
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** The run of letters and marks (and apostrophes between letters) around the letter at `letter`. */
function chunkAround(text: string, letter: number): { start: number; end: number } {
  let start = letter;
  let end = letter;
  for (;;) {
    if (start > 0 && isLetterOrMarkBefore(text, start)) start = codePointStart(text, start);
    // An apostrophe between two letters ("McDonald's").
    else if (isApostrophe(text, start - 1) && isLetterOrMarkBefore(text, start - 1) && isLetterOrMarkAt(text, start)) start--;
    else break;
  }
  for (;;) {
    if (end < text.length && isLetterOrMarkAt(text, end)) end = codePointEnd(text, end);
    else if (isApostrophe(text, end) && end > start && isLetterOrMarkBefore(text, end) && isLetterOrMarkAt(text, end + 1)) end++;
    else break;
  }
  return { start, end };
}

const isApostrophe = (text: string, k: number): boolean => text.charCodeAt(k) === APOSTROPHE || text.charCodeAt(k) === RIGHT_QUOTE;

/** Part of an address or handle ("baoquocte.vn", "@VnExpress"): not prose. */
function isInLink(text: string, at: number, length: number): boolean {
  const before = text[at - 1] ?? " ";
  const after = text[at + length] ?? " ";
  return /[./@#:_\\]/.test(before) || (/[./@_]/.test(after) && isLetterOrNumberAt(text, at + length + 1));
}
