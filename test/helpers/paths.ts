import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root (tests run from out/test/…, compiled). */
export const repoRoot = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + __dirname);
    dir = parent;
  }
  return dir;
})();

export const cliPath = join(repoRoot, "dist", "cli.js");
export const serverPath = join(repoRoot, "dist", "server.js");
export const fixturesDir = join(repoRoot, "test", "fixtures");
export const samplesDir = join(repoRoot, "samples");

/** The shared corpus beside the repository, when present (CI has it; a plain clone may not). */
export const sharedCorpus = join(repoRoot, "..", "shared", "corpus");
export const hasSharedCorpus = existsSync(join(sharedCorpus, "gold"));
export const scoreTool = join(repoRoot, "..", "shared", "tools", "score.mjs");
