import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze } from "../../server/src/engine";
import { cliPath, hasSharedCorpus, sharedCorpus } from "../helpers/paths";

interface Gold {
  boilerplate_lines: number[];
}

/**
 * clean --write on copies of the corpus articles: every line gold marks as article text is still
 * there, in order, unchanged but for the inline repairs (spaces put back, spliced spam cut: every
 * letter kept is the original's), and every gold boilerplate line is gone.
 */
test(`clean --write keeps every article line and removes every boilerplate line of the corpus${hasSharedCorpus ? "" : " (skipped: needs ../shared/corpus beside the repository)"}`, { skip: !hasSharedCorpus }, () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-corpus-"));
  const names = readdirSync(join(sharedCorpus, "articles")).filter((f) => f.endsWith(".txt"));
  for (const name of names) copyFileSync(join(sharedCorpus, "articles", name), join(dir, name));
  const run = spawnSync(process.execPath, [cliPath, "clean", "--write", dir], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);

  for (const name of names) {
    const original = readFileSync(join(sharedCorpus, "articles", name), "utf8");
    const gold = JSON.parse(readFileSync(join(sharedCorpus, "gold", name.replace(/\.txt$/, ".json")), "utf8")) as Gold;
    const debris = new Set(gold.boilerplate_lines);
    const spliced = analyze(original).boilerplate.filter((b) => b.scope === "span" && b.rule !== "run-together");
    const repaired = new Set(analyze(original).boilerplate.filter((b) => b.scope === "span").map((b) => b.startLine));
    // What each gold article line must become: its letters, but those of spliced spam.
    const expected: { index: number; line: string; letters: string }[] = [];
    let offset = 0;
    for (const [index, line] of original.split("\n").entries()) {
      if (line.trim() !== "" && !debris.has(index)) {
        let letters = "";
        for (let k = 0; k < line.length; k++) if (!spliced.some((b) => b.fix.start <= offset + k && offset + k < b.fix.end)) letters += line[k];
        expected.push({ index, line, letters: letters.replace(/\s+/g, "") });
      }
      offset += line.length + 1;
    }
    const cleaned = readFileSync(join(dir, name), "utf8").split("\n").filter((line) => line.trim() !== "");
    assert.equal(cleaned.length, expected.length, `${name}: exactly the article lines remain (no boilerplate line left)`);
    expected.forEach(({ index, line, letters }, k) => {
      assert.equal(cleaned[k]!.replace(/\s+/g, ""), letters, `${name}: article line ${index} kept in order, every letter as written`);
      if (!repaired.has(index)) assert.equal(cleaned[k], line, `${name}: article line ${index} unchanged`);
    });
  }
});

const sharedWeb = join(sharedCorpus, "..", "corpus-web");
const hasWeb = existsSync(join(sharedWeb, "gold"));

/**
 * clean --write on copies of the real pages of ../shared/corpus-web: every line gold marks as
 * article text (table rows included) is still there, in order, its letters unchanged but for a
 * spliced span the engine cuts. Debris the engine does not find yet may remain (that is recall).
 */
test(`clean --write never removes an article line of the corpus-web pages${hasWeb ? "" : " (skipped: needs ../shared/corpus-web beside the repository)"}`, { skip: !hasWeb }, () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-web-"));
  const names = readdirSync(join(sharedWeb, "articles")).filter((f) => f.endsWith(".txt"));
  for (const name of names) copyFileSync(join(sharedWeb, "articles", name), join(dir, name));
  const run = spawnSync(process.execPath, [cliPath, "clean", "--write", dir], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const lettersOf = (line: string): string => line.replace(/\s+/g, "");
  for (const name of names) {
    const original = readFileSync(join(sharedWeb, "articles", name), "utf8");
    const gold = JSON.parse(readFileSync(join(sharedWeb, "gold", name.replace(/\.txt$/, ".json")), "utf8")) as Gold;
    const debris = new Set(gold.boilerplate_lines);
    const spliced = analyze(original).boilerplate.filter((b) => b.scope === "span");
    const cleaned = readFileSync(join(dir, name), "utf8").split(/\r?\n/).map(lettersOf).filter((line) => line !== "");
    let at = 0;
    let offset = 0;
    for (const [index, line] of original.split("\n").entries()) {
      const start = offset;
      offset += line.length + 1;
      if (line.trim() === "" || debris.has(index) || spliced.some((b) => b.start < start + line.length && start < b.end)) continue;
      const found = cleaned.indexOf(lettersOf(line.replace(/\r$/, "")), at);
      assert.ok(found >= 0, `${name}: article line ${index} kept, in order: ${JSON.stringify(line.slice(0, 80))}`);
      at = found + 1;
    }
  }
});
