import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, applyFixes } from "../../server/src/engine";
import { samplesDir } from "../helpers/paths";

/**
 * Pathological inputs are analyzed (and their fixes applied) in time linear in their size (no catastrophic backtracking, no
 * quadratic loop): each 1 MB input finishes, and four times the size costs at most ~5× the time (linear: 4×, with the
 * garbage collector's share growing a little with the heap; quadratic: 16×). Measured as a ratio inside the test, best
 * of three interleaved rounds, with a margin for a shared machine. A factor of four, not two, keeps a linear pass
 * (which measured up to 3.3× for twice the size under load, its heap doubling too) far from the bound and a quadratic
 * one far above it.
 */
const MB = 1_000_000;
/** The project's sample pages with their line breaks turned into spaces: whole pages scraped onto one line (issue 14). */
const ONE_LINE_PAGES = readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(samplesDir, f), "utf8").replace(/\s*\n\s*/g, " ")).join(" ");
const repeatedTo = (text: string, n: number): string => text.repeat(Math.ceil(n / text.length)).slice(0, n);
const INPUTS: Record<string, (size: number) => string> = {
  "one digit": (n) => "7".repeat(n),
  "capital letters": (n) => "Q".repeat(n),
  '"Bộ trưởng "': (n) => "Bộ trưởng ".repeat(n / 10),
  spaces: (n) => " ".repeat(n),
  "one line of words": (n) => "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 5 và 3 triệu USD tại Hà Nội. ".repeat(n / 74),
  "numbers and commas": (n) => "1,".repeat(n / 2),
  "capitalized words": (n) => "Ab ".repeat(n / 3),
  "short lines": (n) => "Thủ tướng Lê Minh Hoàng tiếp ông Kim.\n".repeat(n / 38),
  "a fix on every line": (n) => "Hai bên xây dựngCộng đồng.\nTin liên quan\n".repeat(n / 41),
  // Amounts with a qualifier, each read for the word before it ("cao hơn" compares).
  "qualified amounts": (n) => "cao hơn 1% ".repeat(n / 11),
  // An amount of money, then numbers that may take its elided currency.
  "money, then numbers": (n) => "Viện trợ 5 triệu USD " + "1 ".repeat(n / 2),
  // Lines a page-layout classifier reads: short furniture around long prose.
  "page furniture": (n) => "Thời sự\n• 2 giờ trước\n>> Thủ tướng tiếp Đại sứ\nHai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại và đầu tư.\n".repeat(n / 120),
  // Whole pages scraped onto one line: every line rule and shape reads one huge line (issue 14).
  "pages on one line": (n) => repeatedTo(ONE_LINE_PAGES, n),
  "pages on one line, sentences joined by bars": (n) => repeatedTo(ONE_LINE_PAGES.replaceAll(". ", ". | "), n),
};
const GROWTH = 4;
const MAX_RATIO = 5;
const MARGIN = 1.3; // machine noise

/** Best time of each size over three rounds, the two sizes interleaved so a burst of load elsewhere hits both alike. */
function bestTimes(small: string, full: string, rounds = 3): [number, number] {
  const best: [number, number] = [Infinity, Infinity];
  for (let k = 0; k < rounds; k++) {
    [small, full].forEach((text, which) => {
      const start = process.hrtime.bigint();
      applyFixes(text, analyze(text).boilerplate);
      best[which] = Math.min(best[which]!, Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return best;
}

for (const [name, make] of Object.entries(INPUTS)) {
  test(`pathological input (${name}): 1 MB is analyzed, and ${GROWTH}× the size at most ~${MAX_RATIO}× the time`, () => {
    analyze(make(MB / 10)); // warm-up
    const [small, full] = bestTimes(make(MB / GROWTH), make(MB));
    const ratio = full / Math.max(small, 1);
    assert.ok(ratio <= MAX_RATIO * MARGIN, `${name}: ${small.toFixed(0)} ms for ${1 / GROWTH} MB, ${full.toFixed(0)} ms for 1 MB (ratio ${ratio.toFixed(2)})`);
  });
}
