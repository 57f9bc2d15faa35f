/** Rules that judge one line at a time from the phrase lists in `data/boilerplate.json`. */
import data from "../../data/boilerplate.json";
import { lexicon } from "../../lexicon";
import { lineMatcher, type BoilerplateRule, type RawFinding, type RuleContext } from "../rule";

function perLine(context: RuleContext, test: (line: string, index: number) => string | undefined): RawFinding[] {
  const findings: RawFinding[] = [];
  context.trimmed.forEach((line, index) => {
    if (line === "") return;
    const message = test(line, index);
    if (message) findings.push({ kind: "lines", startLine: index, endLine: index, message });
  });
  return findings;
}

const isNavigation = lineMatcher(data.navigation.lines, data.navigation.patterns);
export const navigationRule: BoilerplateRule = {
  id: "navigation",
  description: "Site navigation and UI text (skip links, menus, breadcrumbs, share bars, tags, footers).",
  defaultSeverity: "warning",
  detect: (context) => perLine(context, (line) => (isNavigation(line) ? "Site navigation or UI text, not part of the article." : undefined)),
};

const isPrompt = lineMatcher(data.prompts.lines, data.prompts.patterns);
export const promptRule: BoilerplateRule = {
  id: "prompt",
  description: "Follow, share, comment and rating prompts.",
  defaultSeverity: "warning",
  detect: (context) => perLine(context, (line) => (isPrompt(line) ? "A follow/share/comment/rating prompt, not part of the article." : undefined)),
};

const isViewCount = lineMatcher([], data.viewCount.patterns);
export const viewCountRule: BoilerplateRule = {
  id: "view-count",
  description: "View counters and the bullets around them.",
  defaultSeverity: "warning",
  detect: (context) => perLine(context, (line) => (isViewCount(line) ? "A view counter or bullet, not part of the article." : undefined)),
};

const isCopyright = lineMatcher([], data.copyright.patterns);
export const copyrightRule: BoilerplateRule = {
  id: "copyright",
  description: "Copyright, licence and sitemap lines.",
  defaultSeverity: "warning",
  detect: (context) => perLine(context, (line) => (isCopyright(line) ? "A copyright or sitemap line, not part of the article." : undefined)),
};

const isImageMarkup = lineMatcher([], data.imageMarkup.patterns);
export const imageRule: BoilerplateRule = {
  id: "image-placeholder",
  description: "Image placeholders, markup remnants and image alt-text lines (\"… - Ảnh 1.\").",
  defaultSeverity: "warning",
  detect: (context) => perLine(context, (line) => (isImageMarkup(line) ? "An image placeholder or alt text left by the scraper." : undefined)),
};

const isCreditLine = lineMatcher([], data.credits.patterns);
const SENTENCE_END = /[.!?…:;]["”’)]?$/u;
export const photoCreditRule: BoilerplateRule = {
  id: "photo-credit",
  description: "Lines that hold only a photo credit (\"(Ảnh: …)\", an agency in capitals under a caption).",
  defaultSeverity: "warning",
  detect: (context) =>
    perLine(context, (line, index) => {
      if (isCreditLine(line)) return "A photo credit on its own line.";
      // A short all-capitals line right under a caption ("BNG", "NHẬT BẮC") credits the photo.
      const words = line.split(/\s+/);
      const letters = line.replace(/[^\p{L}]/gu, "");
      if (words.length > 3 || line.length > 30 || letters.length < 2 || letters !== letters.toUpperCase()) return undefined;
      if (lexicon.outlets.has(line)) return undefined;
      const previous = context.previousNonBlank(index);
      if (previous < 0 || SENTENCE_END.test(context.trimmed[previous]!)) return undefined;
      return "A photo credit on its own line.";
    }),
};
