/** Rules that judge one line at a time from the phrase lists in `data/boilerplate.json`. */
import data from "../../data/boilerplate.json";
import { lexicon } from "../../lexicon";
import { lineMatcher, type BoilerplateRule, type RawFinding, type RuleContext } from "../rule";
import { splitCount } from "../../text/words";
import { l10n, type Message } from "../../l10n";

/** A finding for every non-blank line `test` says something of (its message, with its template). */
function perLine(context: RuleContext, test: (line: string, index: number) => Message | undefined): RawFinding[] {
  const findings: RawFinding[] = [];
  context.trimmed.forEach((line, index) => {
    if (line === "") return;
    const said = test(line, index);
    if (said) findings.push({ kind: "lines", startLine: index, endLine: index, ...said });
  });
  return findings;
}

const isNavigation = lineMatcher(data.navigation.lines, data.navigation.patterns);
const MENU_SEPARATOR = new RegExp(data.menuSeparators, "u");
/** The same, to split on (compiled once, not for every line that has a separator). */
const MENU_SEPARATORS = new RegExp(data.menuSeparators, "gu");
/**
 * A masthead is a short line (the longest in the gold sets: 44 UTF-16 units); its patterns (a domain
 * such as "baoquocte.vn") are not anchored at both ends, and would otherwise take any paragraph
 * that names a site, however long: a whole page scraped onto one line became one masthead.
 */
const MAX_MASTHEAD_LINE = 100;
const mastheadPatterns = lineMatcher([], data.mastheads);
const isMasthead = (line: string): boolean => line.length <= MAX_MASTHEAD_LINE && mastheadPatterns(line);
const isOutletLine = (line: string): boolean => line.length <= 60 && (lexicon.outlets.has(line) || line.split(/\s*[-/|]\s*/).every((part) => lexicon.outlets.has(part)));

/** Two or more short items separated by wide gaps or bars ("Thời sự   Thế giới   Kinh doanh"). */
function isMenu(line: string): boolean {
  if (/\d/.test(line) || !MENU_SEPARATOR.test(line)) return false;
  const items = line.split(MENU_SEPARATORS).map((item) => item.trim()).filter((item) => item !== "" && !/^[|·•/›»>]$/.test(item));
  if (items.length < 2) return false;
  // Menus are many short items; a long line needs many of them.
  return items.every((item) => splitCount(item, 6) <= 5 && !/[.!?;:,]$/.test(item)) && splitCount(line, Math.max(40, items.length * 6) + 1) <= Math.max(40, items.length * 6);
}

export const navigationRule: BoilerplateRule = {
  id: "navigation",
  description: "Site navigation and UI text (skip links, menus, breadcrumbs, share bars, tags, the masthead, footers).",
  defaultSeverity: "warning",
  detect: (context) =>
    perLine(context, (line, index) => {
      if (isNavigation(line)) return l10n.t("Site navigation or UI text, not part of the article.");
      if (isMenu(line)) return l10n.t("A menu or breadcrumb line, not part of the article.");
      // The site's name above everything else is its masthead; an outlet line after the text is the article's credit.
      if (isBeforeContent(context, index) && (isOutletLine(line) || isMasthead(line))) return l10n.t("The site's masthead, not part of the article.");
      return undefined;
    }),
};

/** No article text above this line: only blank lines or lines already found to be debris. */
function isBeforeContent(context: RuleContext, index: number): boolean {
  for (let k = 0; k < index; k++) if (context.trimmed[k] !== "" && !context.flagged.has(k)) return false;
  return true;
}

/** A rule that flags every line one phrase list matches, with one message. */
function phraseRule(id: string, description: string, matches: (line: string) => boolean, message: Message): BoilerplateRule {
  return { id, description, defaultSeverity: "warning", detect: (context) => perLine(context, (line) => (matches(line) ? message : undefined)) };
}

export const promptRule = phraseRule(
  "prompt",
  "Follow, share, comment and rating prompts.",
  lineMatcher(data.prompts.lines, data.prompts.patterns),
  l10n.t("A follow/share/comment/rating prompt, not part of the article."),
);

export const viewCountRule = phraseRule(
  "view-count",
  "View counters and the bullets around them.",
  lineMatcher([], data.viewCount.patterns),
  l10n.t("A view counter or bullet, not part of the article."),
);

const isCopyright = lineMatcher([], data.copyright.patterns);
/**
 * Where text was glued to the line with no space: a word of lowercase letters directly followed by
 * a capitalized word ("kho ảnhThủ tướng"); not a name's own capital ("McDonald", "DeVries").
 */
const GLUED = /\p{Ll}\p{Ll}(?=\p{Lu}[\p{Ll}\p{M}])/u;

/**
 * Copyright, licence and sitemap lines. A photo credit the scraper glued to the caption that follows
 * it ("© Agency / Photographer / …ảnhThủ tướng …") is a span: the credit goes, the caption stays.
 */
export const copyrightRule: BoilerplateRule = {
  id: "copyright",
  description: "Copyright, licence and sitemap lines (a credit glued to a caption: only the credit).",
  defaultSeverity: "warning",
  detect(context) {
    const findings: RawFinding[] = [];
    context.trimmed.forEach((line, k) => {
      if (line === "" || !isCopyright(line)) return;
      const { text, start } = context.doc.lines[k]!;
      const glued = line.startsWith("©") ? GLUED.exec(text) : null;
      if (glued) findings.push({ kind: "span", start: start + text.indexOf(line[0]!), end: start + glued.index + 2, ...l10n.t("A photo credit glued to the caption after it: the credit is not part of the article.") });
      else findings.push({ kind: "lines", startLine: k, endLine: k, ...l10n.t("A copyright or sitemap line, not part of the article.") });
    });
    return findings;
  },
};

/** An image placeholder, markup remnant, gallery counter or alt-text line (`imageMarkup` in the data). */
export const isImageLine = lineMatcher([], data.imageMarkup.patterns);

export const imageRule = phraseRule(
  "image-placeholder",
  "Image placeholders, markup remnants, gallery counters and image alt-text lines (\"… - Ảnh 1.\").",
  isImageLine,
  l10n.t("An image placeholder or alt text left by the scraper."),
);

const isCreditLine = lineMatcher([], data.credits.patterns);
const SENTENCE_END = /[.!?…:;]["”’)]?$/u;
export const photoCreditRule: BoilerplateRule = {
  id: "photo-credit",
  description: "Lines that hold only a photo credit (\"(Ảnh: …)\", an agency in capitals under a caption).",
  defaultSeverity: "warning",
  detect: (context) =>
    perLine(context, (line, index) => {
      if (isCreditLine(line)) return l10n.t("A photo credit on its own line.");
      // A short all-capitals line right under a caption ("BNG", "NHẬT BẮC") credits the photo.
      if (line.length > 30 || splitCount(line, 4) > 3 || /\d/.test(line)) return undefined;
      const letters = line.replace(/[^\p{L}]/gu, "");
      if (letters.length < 2 || letters !== letters.toUpperCase()) return undefined;
      if (lexicon.outlets.has(line)) return undefined;
      const previous = context.previousNonBlank(index);
      if (previous < 0 || SENTENCE_END.test(context.trimmed[previous]!)) return undefined;
      // The last line of text in capitals is the byline ("THU HƯƠNG"), not a credit.
      const next = context.nextNonBlank(index);
      if (next < 0 || context.flagged.has(next)) return undefined;
      return l10n.t("A photo credit on its own line.");
    }),
};
