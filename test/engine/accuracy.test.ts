import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, scoreTool } from "../helpers/paths";

// The bars live in scripts/score-corpus.mjs (also run by .ci/run); this test makes `npm test` fail on a regression.
const canScore = existsSync(scoreTool);

for (const set of ["corpus", "web", "pages", "fixtures", "heldout"]) {
  test(`${set}: entity and boilerplate scores meet the bars${canScore ? "" : " (skipped: needs ../shared/tools/score.mjs beside the repository)"}`, { skip: !canScore }, () => {
    const run = spawnSync(process.execPath, [join(repoRoot, "scripts", "score-corpus.mjs"), set], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}

test("the fixture articles and gold files are generated from their marked-up sources", () => {
  for (const dir of ["test/fixtures", "test/heldout", "test/pages"]) {
    const run = spawnSync(process.execPath, [join(repoRoot, "scripts", "fixtures.mjs"), dir, "--check"], { encoding: "utf8", cwd: repoRoot });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  }
});
