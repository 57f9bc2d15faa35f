// The CLI without its catalogues (dist/ copied without l10n/ beside it): Vietnamese asked for is
// English, and the CLI says so once on stderr; nothing else changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../helpers/paths";
import { temporaryFolders } from "../helpers/temporary";

const temporaryFolder = temporaryFolders();

test("without l10n/ beside dist/, --lang vi speaks English and says why, once", () => {
  const install = temporaryFolder("cli-no-l10n-");
  for (const folder of ["dist", "schema"]) cpSync(join(repoRoot, folder), join(install, folder), { recursive: true });
  mkdirSync(join(install, "work"));
  const run = spawnSync(process.execPath, [join(install, "dist", "cli.js"), "--lang", "vi", "lint", "missing.txt"], { cwd: join(install, "work"), encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });
  assert.equal(run.status, 2, run.stderr);
  const lines = run.stderr.trim().split("\n");
  assert.deepEqual(lines, [
    "article-annotator: the vi messages are not installed (no l10n/ folder beside dist/): English is used",
    "article-annotator: missing.txt: no such file or folder",
  ]);
});
