// annotate --out onto a file: the article fails with the reason (exit 1), never an internal error.
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliPath, repoRoot } from "../helpers/paths";
import { temporaryFolders } from "../helpers/temporary";

const temporaryFolder = temporaryFolders();

test("annotate --out FILE: each article fails with the reason, exit 1, no stack trace", () => {
  const dir = temporaryFolder("cli-out-file-");
  copyFileSync(join(repoRoot, "samples", "vov-vietnam-new-zealand-partnership.txt"), join(dir, "a.txt"));
  writeFileSync(join(dir, "notadir"), "");
  const run = spawnSync(process.execPath, [cliPath, "annotate", "a.txt", "--out", "notadir"], { cwd: dir, encoding: "utf8" });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /notadir\/a\.annotations\.json: cannot write the record: a file stands where a folder is needed/);
  assert.doesNotMatch(run.stderr, /internal error|at \w+ \(/);
  assert.match(run.stdout, /0 records written to notadir, 1 file failed/);
});
