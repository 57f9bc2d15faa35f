import { test } from "node:test";
import assert from "node:assert/strict";
import { digestOf, digestSets, keyedTexts, readDigests, DIGESTS_FILE } from "../helpers/analysisDigests";

/**
 * The engine's results stay identical while its internals change (issue 17): every article of every
 * set the project scores, and texts built to reach its other paths, analyzed as the CLI does
 * (knowledge base on), must give the analysis and the record whose SHA-256 is stored in
 * test/engine/analysis-digests.json. Only digests are stored, never article text.
 */
const stored = readDigests();
const HOW = [
  "To see what changed: run `node scripts/analysis-digests.mjs --dump DIR` with the previous build and with this one (two DIRs), and diff them;",
  "when the change is intended, `node scripts/analysis-digests.mjs --update` (after `npx tsc -b`) and commit the digests with it.",
].join(" ");

for (const set of digestSets()) {
  const name = `every ${set.name} analysis and record is the one whose digest is stored${set.missing ? ` (skipped: ${set.missing}; CI has ../shared beside the repository)` : ""}`;
  test(name, { skip: Boolean(set.missing) }, () => {
    const differ: string[] = [];
    const seen = new Set<string>();
    for (const [key, read] of keyedTexts(set)) {
      seen.add(key);
      const want = stored[key];
      const got = digestOf(key, read());
      if (!want) differ.push(`${key} (no stored digest)`);
      else if (want.analysis !== got.analysis) differ.push(`${key} (analysis${want.record !== got.record ? " and record" : ""})`);
      else if (want.record !== got.record) differ.push(`${key} (record)`);
    }
    for (const key of Object.keys(stored)) if (key.startsWith(`${set.name}/`) && !seen.has(key)) differ.push(`${key} (stored, but no such text now)`);
    assert.deepEqual(differ, [], `${differ.length} of the ${set.name} texts differ from ${DIGESTS_FILE}:\n  ${differ.join("\n  ")}\n${HOW}`);
  });
}
