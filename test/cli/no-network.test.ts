import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, repoRoot, samplesDir } from "../helpers/paths";

test("the bundle opens no network connection while annotating, linting and cleaning", () => {
  const log = join(mkdtempSync(join(tmpdir(), "aa-net-")), "attempts.log");
  const preload = join(repoRoot, "test", "helpers", "no-network.cjs");
  for (const args of [["annotate", samplesDir], ["lint", samplesDir], ["clean", samplesDir]]) {
    const run = spawnSync(process.execPath, ["--require", preload, cliPath, ...args], { encoding: "utf8", env: { ...process.env, NO_NETWORK_LOG: log } });
    assert.ok(run.status === 0 || (args[0] === "lint" && run.status === 1), `${args[0]} ran: ${run.stderr}`);
  }
  assert.equal(existsSync(log) ? readFileSync(log, "utf8") : "", "", "no network attempt");
});

test("the guard itself works: a connection attempt is caught", () => {
  const log = join(mkdtempSync(join(tmpdir(), "aa-net-")), "attempts.log");
  const preload = join(repoRoot, "test", "helpers", "no-network.cjs");
  spawnSync(process.execPath, ["--require", preload, "-e", "try { require('node:net').connect(80, '127.0.0.1') } catch {}"], { env: { ...process.env, NO_NETWORK_LOG: log } });
  assert.match(readFileSync(log, "utf8"), /net\.connect/);
});
