import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, samplesDir } from "../helpers/paths";

/** A folder of many copies of the samples: more output than a pipe's buffer holds, written over time. */
function manyArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-pipe-"));
  const names = readdirSync(samplesDir).filter((name) => name.endsWith(".txt"));
  for (let copy = 0; copy < 30; copy++) for (const name of names) copyFileSync(join(samplesDir, name), join(dir, `${copy}-${name}`));
  return dir;
}

/** Runs the CLI, reads its first bytes of output, then closes the pipe as `head -c 20` does. */
function readFirstBytesThenClose(args: string[]): Promise<{ code: number | null; stderr: string; read: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let read = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.once("data", (chunk: Buffer) => {
      read = chunk.subarray(0, 20).toString("utf8");
      child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, read }));
  });
}

const dir = manyArticles();
for (const args of [["annotate", "--format", "jsonl"], ["annotate", "--format", "json"], ["lint"], ["lint", "--format", "json"], ["clean"]]) {
  test(`${args.join(" ")} | head -c 20: stops quietly with status 0 when the reader closes the pipe`, async () => {
    const { code, stderr, read } = await readFirstBytesThenClose([...args, dir]);
    assert.notEqual(read, "", "some output was read before the pipe closed");
    assert.equal(stderr, "", "nothing on stderr (no EPIPE stack trace)");
    assert.equal(code, 0);
  });
}
