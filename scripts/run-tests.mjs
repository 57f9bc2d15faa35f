#!/usr/bin/env node
// Runs the compiled test files (build/test/**/*.test.js) with node's built-in test runner, so CI can
// count what ran. Extra arguments go to `node --test` (e.g. --test-name-pattern=forum).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = readdirSync(join(root, "build", "test"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.js") && !f.startsWith("e2e"))
  .map((f) => join("build", "test", f))
  .sort();
if (files.length === 0) {
  console.error("run-tests: no compiled tests in build/test (run npm run build first)");
  process.exit(2);
}
const result = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...process.argv.slice(2), ...files], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
