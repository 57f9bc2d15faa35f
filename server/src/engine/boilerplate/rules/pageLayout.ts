/**
 * Page layout: debris told by its shape and its place on the page rather than by a phrase, in the
 * manner of jusText (Pomikálek 2011) — lines are classified by their shape (`lineShape.ts`), then by
 * their neighbours. It runs after the phrase rules, whose findings are its strongest evidence.
 *
 * 1. Anywhere: a time with no date, a URL slug, a footer's contact line, a link marked ">>", headlines
 *    glued into one line, a copy of another line numbered like an image (" - 1").
 * 2. The body: from the first to the last line of prose (long, with Vietnamese function words,
 *    ending a sentence), not counting a sentence framed like a reader's comment.
 * 3. The headline: the nearest heading-like line above the body, past short sentences, datelines,
 *    credits and captions (its first copy, when the page shows it twice). Above it, short lines,
 *    lines of capitalized words, menus, taglines and forms are page furniture, and so is a crawler's
 *    date line; a date there is the article's only when nothing but article lines separates it
 *    from the headline.
 * 4. The tail, after the body: reader comments from their heading on, as one block; short lines next
 *    to other debris or after the closing credit ("Theo …", an outlet), items under a "…:" heading,
 *    English lines and fragments are furniture; bylines, captions, datelines, notes and sentences
 *    stay article.
 * Every finding says which evidence decided it, for the hover. Linear in the page: each line's shape
 * is computed once, and only the features asked of it.
 */
import data from "../../data/boilerplate.json";
import { lineShape, type LineShape } from "../lineShape";
import type { BoilerplateRule, RawFinding, RuleContext } from "../rule";
import { lineKey } from "./duplicateLine";
import { isImageLine } from "./lineRules";
import { escapeRegExp } from "../../text/regex";
import { l10n, type Message } from "../../l10n";

/** A body line: this long (UTF-16 units) with a sentence end, or `LONG_PROSE` without one (an excerpt cut mid-sentence). */
const MIN_PROSE = 80;
const LONG_PROSE = 150;
/** Prose has some function words; a long menu or keyword line has none (measured: article lines of
 * 80+ units in the gold sets go down to 0.06 on name-heavy leads). */
const MIN_PROSE_STOPWORDS = 0.05;
/** Furniture is short: a line with more words is left to the other rules. */
const MAX_FURNITURE_WORDS = 15;
/** Above the headline, a line this short (words) is a label whatever its case. */
const MAX_LABEL_WORDS = 6;
/** Above the headline, a line whose words are this capitalized (share) is a slogan or masthead. */
const MIN_TITLE_CASE = 0.8;
const MAX_FRAGMENT_LETTERS = 3;
const MIN_MENU_ITEMS = 3;
/** Above the headline, a line with this share of capitalized words and no comma is a menu ("Trang chủ Thời sự Thế giới …"). */
const MIN_MENU_CAPITALS = 0.4;
/** Where one headline ends and the next begins with no space: "…năng lượngThái Lan đón…". */
const GLUE = /[\p{Ll}\p{M}](?=\p{Lu}[\p{Ll}\p{M}])/gu;
const GLUE_HINT = /[\p{Ll}\p{M}]\p{Lu}[\p{Ll}\p{M}]/u;
const SLUG_START = /^[a-z0-9]/u;
const CONTACT_HINT = /[@\d]/u;
const DIGIT_END = /\d$/u;
/** A footer's contact line is short (UTF-16 units); a paragraph that gives an address is article text. */
const MAX_FOOTER_LINE = 320;
const MIN_GLUED_HEADLINES = 3;
/** A list of glued headlines is a line of a few of them (UTF-16 units). */
const MAX_GLUED_LIST = 1000;
const MIN_HEADLINE_WORDS = 4;
const MAX_ALT_TEXT = 300;
const IMAGE_NUMBER = /^(.{3,300}?)\s[-–]\s\d{1,3}$/u;
/** A comment thread's heading is short (UTF-16 units). */
const MAX_OPENER_LENGTH = 60;
const COMMENT_OPENERS = data.layout.commentOpeners.map((p) => new RegExp(p, "iu"));
const LINK_MARK = new RegExp(`^(?:${data.layout.linkMarks.map(escapeRegExp).join("|")})\\s*\\S`, "u");
const REPLY_ROW = new RegExp(`(?:^|[\\s·|•])(?:${data.layout.replyWords.map(escapeRegExp).join("|")})(?=$|[\\s·|•(])`, "iu");

type Status = "article" | "debris";

export const pageLayoutRule: BoilerplateRule = {
  id: "page-layout",
  description: "Debris told by shape and place on the page (jusText-style): labels and mastheads above the headline, times without a date, URL slugs, footers, reader comments, and short lines among other debris.",
  defaultSeverity: "warning",
  detect(context) {
    const { trimmed } = context;
    const shapes = trimmed.map((line) => (line === "" ? undefined : lineShape(line)));
    const findings: RawFinding[] = [];
    const status = new Map<number, Status>();
    const flag = (line: number, said: Message): void => {
      status.set(line, "debris");
      if (!context.flagged.has(line)) findings.push({ kind: "lines", startLine: line, endLine: line, ...said });
    };
    for (const line of context.flagged) status.set(line, "debris");

    anywhere(context, shapes, flag);
    const lastLine = context.previousNonBlank(trimmed.length);
    const isProse = (k: number): boolean => {
      const shape = shapes[k];
      // Cheapest tests first: most lines are decided by their length.
      if (!shape || shape.length < MIN_PROSE || status.get(k) === "debris") return false;
      // The page's last line may be cut mid-sentence (an excerpt).
      if (shape.length < LONG_PROSE && !shape.sentenceEnd && k !== lastLine) return false;
      return shape.stopwordDensity >= MIN_PROSE_STOPWORDS && !shape.crawlerDate && !isSandwiched(context, shapes, k);
    };
    // The body's first and last lines of prose: the lines between them are not read for it.
    let first = 0;
    while (first < trimmed.length && !isProse(first)) first++;
    if (first === trimmed.length) return findings;
    let last = trimmed.length - 1;
    while (last > first && !isProse(last)) last--;
    const comments = commentThread(context, shapes, first);
    if (comments >= 0) {
      for (let k = comments - 1; k >= first; k--) if (isProse(k)) { last = k; break; }
      const end = threadEnd(context, shapes, comments, isProse);
      const said =
        end === lastLine
          ? l10n.t("Reader comments: from the thread's heading (line {0}) to the end of the page.", comments + 1)
          : l10n.t("Reader comments: from the thread's heading (line {0}) to line {1}.", comments + 1, end + 1);
      findings.push({ kind: "lines", startLine: comments, endLine: end, ...said });
      for (let k = comments; k <= end; k++) status.set(k, "debris");
    }
    header(context, shapes, status, first, flag);
    tail(context, shapes, status, last, comments >= 0 ? comments : trimmed.length, flag);
    return findings;
  },
};

/** Evidence that holds wherever the line is. */
function anywhere(context: RuleContext, shapes: readonly (LineShape | undefined)[], flag: (line: number, said: Message) => void): void {
  let vietnamesePage: boolean | undefined;
  // The first line of each text, filed once, when a line first looks like a numbered copy.
  let lineAt: Map<string, number> | undefined;
  const firstLineOf = (text: string): number | undefined => {
    if (!lineAt) {
      lineAt = new Map();
      context.trimmed.forEach((other, at) => {
        if (other !== "" && other.length <= MAX_ALT_TEXT && !lineAt!.has(other)) lineAt!.set(other, at);
      });
    }
    return lineAt.get(text);
  };
  context.trimmed.forEach((line, k) => {
    const shape = shapes[k];
    if (!shape || context.flagged.has(k)) return;
    // Each test is guarded by what its kind must hold (a lowercase start, an "@" or a digit, a capital after a lowercase letter).
    if (shape.timeOnly) return flag(k, l10n.t("A time with no date, alone on its line: a list's time stamp, not a dateline."));
    if (SLUG_START.test(line) && shape.slugWords > 0 && (vietnamesePage ??= shapes.some((other) => other?.vietnamese === true))) return flag(k, l10n.t("Starts with {0} unaccented lowercase words in a Vietnamese page: a URL slug or tag list.", shape.slugWords));
    if (line.length <= MAX_FOOTER_LINE && CONTACT_HINT.test(line) && shape.contact && !shape.sentence) return flag(k, l10n.t("An address, phone number or e-mail with no sentence around it: the site's footer."));
    if (LINK_MARK.test(line) && !shape.sentence) return flag(k, l10n.t("A link to another article, marked \"{0}\": a related headline.", line.slice(0, 2)));
    const glued = shape.length > MAX_GLUED_LIST || shape.sentenceEnd || !GLUE_HINT.test(line) ? 1 : gluedHeadlines(line);
    if (glued >= MIN_GLUED_HEADLINES) return flag(k, l10n.t("{0} headlines run together with no space between them: a related list squeezed into one line.", glued));
    const numbered = line.length <= MAX_ALT_TEXT + 6 && DIGIT_END.test(line) ? IMAGE_NUMBER.exec(line) : null;
    const copied = numbered ? firstLineOf(numbered[1]!) : undefined;
    if (copied !== undefined && copied !== k) flag(k, l10n.t("A copy of line {0} numbered like an image (\" - N\"): image alt text.", copied + 1));
  });
}

/**
 * How many headlines a line holds when they were glued with no space ("…hợp tácThái Lan đón…"): each
 * piece between glue points needs MIN_HEADLINE_WORDS words, so a name's inner capital ("McDonald")
 * or one missing space in a sentence does not count. 1 when the line is not such a list.
 */
function gluedHeadlines(line: string): number {
  let pieces = 0;
  let start = 0;
  for (const match of line.matchAll(GLUE)) {
    const end = match.index + match[0].length;
    if (line.slice(start, end).split(/\s+/u).length < MIN_HEADLINE_WORDS) return 1;
    pieces++;
    start = end;
  }
  if (pieces === 0 || line.slice(start).split(/\s+/u).length < MIN_HEADLINE_WORDS) return 1;
  return pieces + 1;
}

/** First line of a reader-comment thread after the body starts, or -1. */
function commentThread(context: RuleContext, shapes: readonly (LineShape | undefined)[], bodyStart: number): number {
  for (let k = bodyStart + 1; k < context.trimmed.length; k++) {
    const shape = shapes[k];
    const line = context.trimmed[k]!;
    if (shape && line.length <= MAX_OPENER_LENGTH && COMMENT_OPENERS.some((pattern) => pattern.test(line)) && shape.words <= MAX_LABEL_WORDS) return k;
  }
  return -1;
}

/**
 * Last line of the comment thread opened at `opener`: the page's end, or the line before two
 * paragraphs of prose in a row outside any comment's frame and their headline (another article
 * begins: pages glued into one file).
 */
function threadEnd(context: RuleContext, shapes: readonly (LineShape | undefined)[], opener: number, isProse: (line: number) => boolean): number {
  let previousProse = -1;
  for (let k = opener + 1; k < context.trimmed.length; k++) {
    if (context.trimmed[k] === "") continue;
    if (!isProse(k)) {
      previousProse = -1;
      continue;
    }
    if (previousProse >= 0) {
      // The next article's headline, right above its prose, is not a comment either.
      let end = context.previousNonBlank(previousProse);
      if (end > opener && shapes[end]?.titleLike === true) end = context.previousNonBlank(end);
      return Math.max(opener, end);
    }
    previousProse = k;
  }
  return Math.max(opener, context.previousNonBlank(context.trimmed.length));
}

/** Above the body: finds the headline, then judges the lines above it from the bottom up. */
function header(context: RuleContext, shapes: readonly (LineShape | undefined)[], status: Map<number, Status>, bodyStart: number, flag: (line: number, said: Message) => void): void {
  // Short sentences just above the first long one are the body's too (a one-sentence lead).
  let headline = -1;
  for (let k = bodyStart - 1; k >= 0; k--) {
    const shape = shapes[k];
    if (!shape || status.get(k) === "debris") continue;
    if (shape.sentence) continue;
    if (shape.dateline || shape.byline || shape.caption || shape.note) continue;
    headline = shape.titleLike || shape.crawlerDate ? k : -1;
    break;
  }
  if (headline < 0) return;
  // The headline shown again as a video or image title: the first copy is the headline.
  const key = lineKey(context.trimmed[headline]!);
  for (let k = 0; k < headline; k++) {
    if (shapes[k] && status.get(k) !== "debris" && lineKey(context.trimmed[k]!) === key) {
      flag(headline, l10n.t("A copy of the headline (line {0}) between it and the body: a video or image title.", k + 1));
      headline = k;
      break;
    }
  }
  status.set(headline, "article");
  for (let k = headline - 1; k >= 0; k--) {
    const shape = shapes[k];
    if (!shape || status.get(k) === "debris") continue;
    // Prose above the headline: this is not a page's top after all; leave the rest alone.
    if (shape.sentence) return;
    const below = nextStatus(context, status, k);
    if (shape.crawlerDate) flag(k, l10n.t("A crawler's date stamp with page text, above the headline."));
    else if (shape.dateline) {
      if (below === "article") status.set(k, "article");
      else flag(k, l10n.t("A date stamp above the headline with page furniture between them: the site's clock, not the article's date."));
    } else if (shape.words <= MAX_LABEL_WORDS) flag(k, shortLineAboveHeadline(shape.words, below === "debris"));
    else if (shape.capitalized >= MIN_TITLE_CASE && !shape.sentenceEnd) flag(k, l10n.t("A line of capitalized words above the headline: a slogan or masthead."));
    else if (shape.menuItems >= MIN_MENU_ITEMS && !shape.sentenceEnd) flag(k, l10n.t("{0} items set apart by wide gaps or bars, above the headline: a menu.", shape.menuItems));
    else if (shape.capitalized >= MIN_MENU_CAPITALS && !shape.sentenceEnd && !context.trimmed[k]!.includes(",")) flag(k, l10n.t("{0} words, many of them capitalized, with no comma or sentence end, above the headline: a menu of sections.", shape.words));
    else if (!shape.sentenceEnd) flag(k, l10n.t("A line of {0} words with no sentence end, above the headline: a tagline, a form or a section's name.", shape.words));
    else status.set(k, "article");
  }
}

/**
 * "Short line (N words) above the headline…": one template for one word and one for several, each
 * with and without "over other page furniture" (`overDebris`), so a language can word each whole.
 */
function shortLineAboveHeadline(words: number, overDebris: boolean): Message {
  if (overDebris) {
    return words === 1
      ? l10n.t("Short line ({0} word) above the headline, over other page furniture: a section label, menu or masthead.", words)
      : l10n.t("Short line ({0} words) above the headline, over other page furniture: a section label, menu or masthead.", words);
  }
  return words === 1
    ? l10n.t("Short line ({0} word) above the headline: a section label, menu or masthead.", words)
    : l10n.t("Short line ({0} words) above the headline: a section label, menu or masthead.", words);
}

/** After the body: short furniture next to debris or after the closing credit. */
function tail(context: RuleContext, shapes: readonly (LineShape | undefined)[], status: Map<number, Status>, bodyEnd: number, end: number, flag: (line: number, said: Message) => void): void {
  // Credits, captions, datelines and notes stay; so do sentences, however short, and a gallery's intro ("…:").
  const credit = (shape: LineShape): boolean => shape.byline || shape.caption || shape.dateline || shape.note;
  const prose = (k: number, shape: LineShape): boolean => shape.sentence || (shape.sentenceEnd && shape.words >= 3) || /[:：]$/u.test(context.trimmed[k]!);
  const furniture = (k: number, shape: LineShape): boolean => !credit(shape) && !prose(k, shape) && shape.words <= MAX_FURNITURE_WORDS;
  let closing = -1;
  let previous = bodyEnd;
  for (let k = bodyEnd + 1; k < end; k++) {
    const shape = shapes[k];
    if (!shape) continue;
    if (status.get(k) === "debris") { previous = k; continue; }
    const letters = context.trimmed[k]!.replace(/[^\p{L}]/gu, "").length;
    const itemOf = status.get(previous) === "debris" && /[:：]$/u.test(context.trimmed[previous]!) ? previous : -1;
    if (!credit(shape) && !shape.vietnamese && shape.words <= MAX_LABEL_WORDS && letters > MAX_FRAGMENT_LETTERS) flag(k, l10n.t("A short line with no Vietnamese word after the article's body: page furniture."));
    else if (itemOf >= 0 && !shape.sentence && shape.words <= MAX_LABEL_WORDS) flag(k, l10n.t("An item under the heading \"{0}\" (line {1}): a tag or link list.", context.trimmed[itemOf]!, itemOf + 1));
    else if (shape.sentence && isSandwiched(context, shapes, k)) flag(k, l10n.t("A sentence between other debris after the article's body: a reader's comment."));
    else if (furniture(k, shape) && status.get(previous) === "debris") flag(k, l10n.t("A short line after the article's body, right after other debris (line {0}): page furniture.", previous + 1));
    else if (furniture(k, shape) && closing >= 0) flag(k, l10n.t("A short line after the article's closing credit (line {0}): page furniture.", closing + 1));
    else {
      status.set(k, "article");
      if (shape.closingCredit && closing < 0) closing = k;
    }
    previous = k;
  }
  // Back up from debris: short furniture right above it is part of the same block. The line right
  // after the body is its credit ("Phòng Truyền thông"), unless a footer's contact line follows it.
  const creditLine = context.nextNonBlank(bodyEnd);
  for (let k = end - 1; k > bodyEnd; k--) {
    const shape = shapes[k];
    if (!shape || status.get(k) !== "article" || !furniture(k, shape)) continue;
    const below = context.nextNonBlank(k);
    if (k === creditLine && !(below >= 0 && shapes[below]?.contact === true)) continue;
    if (nextStatus(context, status, k) === "debris") flag(k, l10n.t("A short line after the article's body, right above other debris (line {0}): page furniture.", context.nextNonBlank(k) + 1));
  }
}

/**
 * A line in a comment's frame: a time or a reply row on one side, debris or a short line on the
 * other, neither of them an image (a caption between two image lines is the article's).
 */
function isSandwiched(context: RuleContext, shapes: readonly (LineShape | undefined)[], k: number): boolean {
  const above = context.previousNonBlank(k);
  const below = context.nextNonBlank(k);
  if (above < 0 || below < 0 || shapes[k]?.caption === true) return false;
  // A comment's frame: a time ("2 giờ trước") or a reply row ("Trả lời · Thích · 5") on one side,
  // debris or a short line (the next commenter's name) on the other.
  const frame = (line: number): boolean => shapes[line] !== undefined && shapes[line].words <= MAX_LABEL_WORDS && (shapes[line].timeOnly || REPLY_ROW.test(context.trimmed[line]!));
  const shortOrDebris = (line: number): boolean => context.flagged.has(line) || (shapes[line] !== undefined && shapes[line].words <= MAX_LABEL_WORDS && !shapes[line].sentenceEnd);
  if (!((frame(above) && shortOrDebris(below)) || (frame(below) && shortOrDebris(above)))) return false;
  return !isImageLine(context.trimmed[above]!) && !isImageLine(context.trimmed[below]!);
}

function nextStatus(context: RuleContext, status: ReadonlyMap<number, Status>, line: number): Status | undefined {
  const next = context.nextNonBlank(line);
  return next < 0 ? undefined : status.get(next) ?? "article";
}
