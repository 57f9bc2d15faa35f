import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
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
