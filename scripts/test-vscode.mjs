#!/usr/bin/env node
// Runs the VS Code integration tests (test/e2e) inside a real VS Code with @vscode/test-electron.
// It builds nothing: run `npm run build && npx tsc -p test/e2e` first (dist/ and build/e2e/).
//
// VS Code is downloaded into .vscode-test/ (once; later runs reuse it, even offline), unless
// VSCODE_EXECUTABLE names an installed one. VS Code is started on a temporary workspace holding a
// copy of a sample article and a freshly written article full of debris (test/e2e/fixture.ts).
//
// Environment:
//   VSCODE_EXECUTABLE          an installed VS Code to use instead of downloading one: its Electron
//                              binary (Linux /usr/share/code/code, Windows ...\Code.exe, macOS
//                              ".../Visual Studio Code.app", or its Contents/MacOS binary)
//   VSCODE_VERSION             the version to download: "stable", "insiders" or e.g. "1.91.0"
//                              (default: the newest stable that satisfies engines.vscode)
//   VSCODE_DOWNLOAD_TIMEOUT_MS how long the download may receive nothing before giving up (15000)
//   VSCODE_TEST_TIMEOUT_MS     how long the whole VS Code run may take before it is stopped (600000)
//   E2E_GREP                   run only the tests whose name contains this text
//   E2E_KEEP_WORKSPACE=1       keep the temporary workspace (its path is printed)
//   E2E_WAIT_MS, E2E_TEST_TIMEOUT_MS  polling deadline and per-test deadline inside VS Code
//
// Exit status: 0 all tests passed; 1 a test failed; 2 nothing to run (not built); 3 VS Code is not
// available (cannot be downloaded, or VSCODE_EXECUTABLE is wrong); 4 the run timed out and was
// stopped; 5 VS Code exited without running the tests (e.g. no display: use xvfb-run -a); 130 Ctrl+C.
import { createRequire } from "node:module";
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { downloadAndUnzipVSCode, runTests, TestRunFailedError } = require("@vscode/test-electron");

const EXIT = { passed: 0, failed: 1, notBuilt: 2, noVSCode: 3, timedOut: 4, didNotRun: 5, interrupted: 130 };
/** Printed by test/e2e/suite/index.ts when the tests start: proof that they ran inside VS Code. */
const DOWNLOAD_HARD_CAP_MS = 20 * 60_000;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const say = (message) => console.log(`test-vscode: ${message}`);
const fail = (code, message) => {
  console.error(`test-vscode: ${message}`);
  process.exit(code);
};

// 1. What to run.
const suitePath = join(root, "build", "e2e", "suite", "index.js");
const fixturePath = join(root, "build", "e2e", "fixture.js");
for (const [file, how] of [
  [join(root, "dist", "extension.js"), "npm run build"],
  [join(root, "dist", "server.js"), "npm run build"],
  [suitePath, "npx tsc -p test/e2e"],
  [fixturePath, "npx tsc -p test/e2e"],
]) {
  if (!existsSync(file)) fail(EXIT.notBuilt, `${file.slice(root.length + 1)} is missing: run \`${how}\` first (this script builds nothing).`);
}
const { SAMPLE, DEBRIS_ARTICLE, textOf } = require(fixturePath);

// 2. Which VS Code.
const executable = await resolveVSCode();
say(`VS Code: ${executable}`);
if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  say("warning: no DISPLAY is set; VS Code needs one (on a headless machine: xvfb-run -a node scripts/test-vscode.mjs).");
}

// 3. A fresh workspace.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "aa-e2e-")));
const workspace = join(scratch, "workspace");
const userData = join(scratch, "ud");
mkdirSync(workspace, { recursive: true });
copyFileSync(join(root, "samples", SAMPLE.file), join(workspace, SAMPLE.file));
writeFileSync(join(workspace, DEBRIS_ARTICLE.file), textOf(DEBRIS_ARTICLE.lines), "utf8");
say(`workspace: ${workspace} (${SAMPLE.file}, ${DEBRIS_ARTICLE.file})`);
const cleanUp = () => {
  if (process.env.E2E_KEEP_WORKSPACE) say(`kept the workspace: ${workspace}`);
  else rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
};

// 4. Run, with a watchdog: a stuck VS Code is stopped through test-electron's own Ctrl+C handling
// (first a graceful SIGINT to VS Code, then killing its process tree).
const runTimeoutMs = positive(process.env.VSCODE_TEST_TIMEOUT_MS) ?? 600_000;
let timedOut = false;
let interrupted = false;
const onSigint = () => {
  if (!timedOut) interrupted = true;
};
process.on("SIGINT", onSigint);
const watchdog = setTimeout(() => {
  timedOut = true;
  console.error(`test-vscode: the VS Code run took longer than ${runTimeoutMs} ms (VSCODE_TEST_TIMEOUT_MS); stopping it.`);
  process.emit("SIGINT");
  setTimeout(() => process.emit("SIGINT"), 10_000).unref();
  setTimeout(() => {
    cleanUp();
    process.exit(EXIT.timedOut);
  }, 20_000).unref();
}, runTimeoutMs);
watchdog.unref();

// The suite creates this file when it starts (test/e2e/suite/index.ts): a run that never got there "did not run".
const startedFile = join(scratch, "suite-started");
const suiteStarted = () => existsSync(startedFile);

let exitCode;
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: suitePath,
    // ELECTRON_RUN_AS_NODE is set when started from a VS Code terminal; it would turn VS Code into plain node.
    extensionTestsEnv: { ELECTRON_RUN_AS_NODE: undefined, E2E_STARTED_FILE: startedFile },
    launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust", "--skip-welcome", "--skip-release-notes", `--user-data-dir=${userData}`, `--extensions-dir=${join(scratch, "extensions")}`],
  });
  exitCode = suiteStarted() ? EXIT.passed : EXIT.didNotRun;
} catch (error) {
  if (!(error instanceof TestRunFailedError)) console.error(error);
  exitCode = timedOut ? EXIT.timedOut : interrupted ? EXIT.interrupted : suiteStarted() ? EXIT.failed : EXIT.didNotRun;
} finally {
  clearTimeout(watchdog);
  process.off("SIGINT", onSigint);
}
cleanUp();
if (exitCode === EXIT.didNotRun) {
  console.error(
    [
      "test-vscode: VS Code exited without running the tests (the suite never reported starting).",
      "  - On Linux without a display: xvfb-run -a node scripts/test-vscode.mjs",
      "  - VSCODE_EXECUTABLE must be VS Code's Electron binary, not the `code` command-line launcher.",
      "  - Look above for VS Code's own error (missing libraries, a suite that failed to load).",
    ].join("\n"),
  );
}
say(exitCode === EXIT.passed ? "all VS Code integration tests passed." : `finished with exit status ${exitCode}.`);
process.exit(exitCode);

/** The VS Code to test with: VSCODE_EXECUTABLE, or a download (exits with EXIT.noVSCode when neither works). */
async function resolveVSCode() {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    const path = executableIn(resolve(given));
    if (!path) fail(EXIT.noVSCode, `VSCODE_EXECUTABLE=${given}: no VS Code executable there.\n${howToRun()}`);
    const problem = launcherProblem(path);
    if (problem) fail(EXIT.noVSCode, `VSCODE_EXECUTABLE=${given}: ${problem}\n${howToRun()}`);
    return path;
  }
  const version = process.env.VSCODE_VERSION;
  const timeout = positive(process.env.VSCODE_DOWNLOAD_TIMEOUT_MS) ?? 15_000;
  say(`no VSCODE_EXECUTABLE: getting VS Code ${version ?? "(newest stable matching engines.vscode)"} into .vscode-test/ …`);
  let cap;
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({ ...(version ? { version } : {}), cachePath: join(root, ".vscode-test"), extensionDevelopmentPath: root, timeout }),
      new Promise((_, reject) => {
        cap = setTimeout(() => reject(new Error(`the download did not finish within ${DOWNLOAD_HARD_CAP_MS / 60_000} minutes`)), DOWNLOAD_HARD_CAP_MS);
      }),
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(EXIT.noVSCode, `VS Code is not available: it could not be downloaded (${reason}).\n${howToRun()}`);
  } finally {
    clearTimeout(cap);
  }
}

function howToRun() {
  return [
    "The VS Code integration tests need a real VS Code. Run them where one is available:",
    "  - with network access to update.code.visualstudio.com (VS Code is downloaded once into .vscode-test/ and reused offline), or",
    "  - with an installed VS Code:",
    "      Linux:   VSCODE_EXECUTABLE=/usr/share/code/code node scripts/test-vscode.mjs",
    '      macOS:   VSCODE_EXECUTABLE="/Applications/Visual Studio Code.app" node scripts/test-vscode.mjs',
    '      Windows: set VSCODE_EXECUTABLE=%LOCALAPPDATA%\\Programs\\Microsoft VS Code\\Code.exe && node scripts\\test-vscode.mjs',
    "  Build first: npm run build && npx tsc -p test/e2e. On a Linux machine without a display, prefix xvfb-run -a.",
  ].join("\n");
}

/** The executable itself, or the one inside a VS Code folder or macOS .app bundle. */
function executableIn(path) {
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isDirectory()) return path;
  const candidates = ["Contents/MacOS/Code", "Contents/MacOS/Electron", "code", "Code.exe", "code-insiders", "Code - Insiders.exe"];
  return candidates.map((c) => join(path, c)).find((c) => existsSync(c) && !statSync(c).isDirectory());
}

/** The `code` command-line launcher (a script) starts VS Code detached and returns at once: the tests would never run. */
function launcherProblem(path) {
  if (/\.(cmd|bat|sh)$/i.test(path)) return "this is the command-line launcher script; point it at the VS Code executable itself.";
  try {
    const fd = openSync(realpathSync(path), "r");
    const head = Buffer.alloc(2);
    try {
      readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    if (head.toString("latin1") === "#!") return "this is the `code` command-line launcher (a shell script); point it at the Electron binary (e.g. /usr/share/code/code).";
  } catch {
    return "it cannot be read.";
  }
  return undefined;
}

function positive(value) {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
