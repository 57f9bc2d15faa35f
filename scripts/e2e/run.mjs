#!/usr/bin/env node
// End-to-end suite: installs the packaged extension (article-annotator.vsix) into code-server — the
// real VS Code workbench, served on 127.0.0.1 — opens a temporary workspace with copies of our
// sample articles in Debian's Chromium (driven by playwright-core), and does what an analyst does:
// hover a name, read the Problems panel, apply a quick fix and Fix All, emit the record
// (the checks are in test/ui/checks.mjs). Prints a line per check and a summary line.
//
// Run it with `npm run test:e2e` (packages the extension first), or, with the .vsix built:
//   node scripts/e2e/run.mjs [--update-docs-images]
// The first run installs Node 24 and code-server from the npm registry into .e2e-tools/
// (scripts/e2e/setup.mjs, ~3 min); later runs reuse them.
//
// Needs: Debian's chromium (/usr/bin/chromium), and for the first run python3, make, g++ and
// libkrb5-dev (code-server's native modules are built by node-gyp).
//
// Output (test-output/e2e/, emptied at each run): a PNG per notable step (hover card, Problems
// panel, quick-fix menu, emitted record, …), FAIL-*.png for a failed check, code-server.log,
// browser-console.log, results.json, and on failure vscode-logs/ (the workbench's, the extension
// host's and the language server's logs).
// --update-docs-images (or E2E_UPDATE_DOCS_IMAGES=1) also copies the README screenshots to
// docs/images/ when every check passed.
//
// --language vi (or E2E_LANGUAGE=vi) runs the checks of what the extension says (CodeLens, hover,
// Problems panel, quick fix, Review view) with the interface in Vietnamese (the setting
// articleAnnotator.language), expecting the texts of l10n/'s Vietnamese catalogue and labels;
// its output goes to test-output/e2e-vi and its README screenshots are *.vi.png.
//
// Environment:
//   E2E_VSIX              the .vsix to install (default: article-annotator.vsix in the repository)
//   E2E_CHROMIUM          the browser (default: /usr/bin/chromium)
//   E2E_OUTPUT_DIR        where screenshots and logs go (default: test-output/e2e)
//   E2E_TOOLS_DIR         where Node 24 and code-server are installed (default: .e2e-tools)
//   E2E_TIMEOUT_MS        the whole run's deadline, tools install excluded (default 600000)
//   E2E_CHECK_TIMEOUT_MS  one check's deadline (default 120000)
//   E2E_STEP_TIMEOUT_MS   one UI step's deadline (default 30000)
//   E2E_HEADED=1          show the browser (needs a display)
//   E2E_KEEP=1            keep the temporary workspace and profile (their path is printed)
//
// Exit status: 0 every check passed; 1 a check failed; 2 could not start (no .vsix, no browser,
// tools not installable, code-server did not start); 4 the run passed its deadline; 130 interrupted.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { cleanEnv, ensureTools, repoRoot } from "./setup.mjs";

const env = process.env;
const languageFlag = process.argv.indexOf("--language");
const language = (languageFlag >= 0 ? process.argv[languageFlag + 1] : env.E2E_LANGUAGE) || "en";
if (language !== "en" && language !== "vi") {
  console.error(`e2e: --language must be en or vi, not ${JSON.stringify(language)}`);
  process.exit(2);
}
const EXIT = { passed: 0, failed: 1, cannotStart: 2, timedOut: 4, interrupted: 130 };
const outDir = resolve(env.E2E_OUTPUT_DIR || join(repoRoot, "test-output", language === "en" ? "e2e" : `e2e-${language}`));
const vsix = resolve(env.E2E_VSIX || join(repoRoot, "article-annotator.vsix"));
const chromiumPath = env.E2E_CHROMIUM || "/usr/bin/chromium";
const totalTimeout = Number(env.E2E_TIMEOUT_MS || 600_000);
const checkTimeout = Number(env.E2E_CHECK_TIMEOUT_MS || 120_000);
const stepTimeout = Number(env.E2E_STEP_TIMEOUT_MS || 30_000);
const updateDocs = process.argv.includes("--update-docs-images") || env.E2E_UPDATE_DOCS_IMAGES === "1";
const VIEWPORT = { width: 1280, height: 800 };
/** output screenshot → docs/images name (shown in the README) */
const DOCS_IMAGES_VI = {
  "01-hover-person-card.png": "hover-card.vi.png",
  "03-problems-panel-debris.png": "problems-panel.vi.png",
};
const DOCS_IMAGES_EN = {
  "01-hover-person-card.png": "hover-card.png",
  "03-problems-panel-debris.png": "problems-panel.png",
  "04-quick-fix-menu.png": "quick-fix.png",
  "06-emitted-record.png": "emitted-record.png",
  "07-annotate-selection.png": "annotate-selection.png",
  "08-rejected-after-reload.png": "rejected-after-reload.png",
  "09-review-view.png": "review-view.png",
  "10-workspace-symbol-unaccented.png": "workspace-symbol.png",
};
const DOCS_IMAGES = language === "vi" ? DOCS_IMAGES_VI : DOCS_IMAGES_EN;

const say = (message) => console.log(`e2e: ${message}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);

const state = { codeServer: undefined, browser: undefined, tmp: undefined, logStream: undefined, cleaning: undefined, failed: false };
const started = Date.now();

async function main() {
  say(`Article Annotator — end-to-end suite in code-server + Chromium${language === "en" ? "" : `, interface in ${language}`}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, ".gitignore"), "# written by scripts/e2e/run.mjs: nothing here is committed\n*\n");

  // 1. What is needed.
  if (!existsSync(vsix)) return cannotStart(`${vsix} does not exist: run \`npm run package\` first`);
  if (!existsSync(chromiumPath)) return cannotStart(`no browser at ${chromiumPath}: apt-get install -y chromium (or set E2E_CHROMIUM)`);
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (error) {
    return cannotStart(`playwright-core is not installed (npm install): ${error.message}`);
  }
  let tools;
  try {
    tools = ensureTools();
  } catch (error) {
    return cannotStart(`could not install Node 24 and code-server: ${error.message}`);
  }
  const { checksFor, ARTICLE, OTHER_ARTICLES } = await import("../../test/ui/checks.mjs");
  const checks = checksFor(language);
  const { Workbench } = await import("../../test/ui/workbench.mjs");

  // The deadline counts from here: the tools' first install is not part of it.
  const watchdog = setTimeout(() => {
    console.error(`e2e: the run passed its deadline of ${seconds(totalTimeout)} (E2E_TIMEOUT_MS); stopping`);
    void cleanup().then(() => process.exit(EXIT.timedOut));
  }, totalTimeout);
  watchdog.unref();

  // 2. A workspace and a profile of their own.
  const tmp = (state.tmp = mkdtempSync(join(tmpdir(), "article-annotator-e2e-")));
  const workspace = join(tmp, "articles");
  const userData = join(tmp, "user-data");
  const extensions = join(tmp, "extensions");
  const xdg = join(tmp, "xdg");
  for (const dir of [workspace, join(userData, "User"), extensions, xdg]) mkdirSync(dir, { recursive: true });
  for (const name of [ARTICLE, ...OTHER_ARTICLES]) copyFileSync(join(repoRoot, "samples", name), join(workspace, name));
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify({ ...userSettings(), ...(language === "en" ? {} : { "articleAnnotator.language": language }) }, null, 2));
  const csEnv = {
    ...cleanEnv(env),
    XDG_CONFIG_HOME: join(xdg, "config"),
    XDG_DATA_HOME: join(xdg, "data"),
    XDG_CACHE_HOME: join(xdg, "cache"),
    EXTENSIONS_GALLERY: "{}", // no Marketplace: nothing to fetch, nothing to update
  };
  const csArgs = ["--config", join(xdg, "config.yaml"), "--user-data-dir", userData, "--extensions-dir", extensions];

  // 3. Install the packaged extension, as a user installs a .vsix.
  const install = spawnSync(tools.node, [tools.codeServer, ...csArgs, "--install-extension", vsix, "--force"], { env: csEnv, encoding: "utf8", timeout: 120_000 });
  const installOutput = `${install.stdout ?? ""}${install.stderr ?? ""}`;
  writeFileSync(join(outDir, "install-extension.log"), installOutput);
  if (install.status !== 0 || !/successfully installed/i.test(installOutput)) return cannotStart(`code-server --install-extension ${basename(vsix)} failed:\n${installOutput.trim()}`);
  say(`installed ${relative(repoRoot, vsix) || vsix} (${Math.round(statSync(vsix).size / 1024)} KB) into code-server ${readVersion(tools.codeServer)}`);

  // 4. code-server on a free loopback port.
  const port = await freePort();
  const logPath = join(outDir, "code-server.log");
  state.logStream = createWriteStream(logPath);
  const args = [tools.codeServer, ...csArgs, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--ignore-last-opened", workspace];
  const server = (state.codeServer = spawn(tools.node, args, { env: csEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] }));
  server.stdout.pipe(state.logStream, { end: false });
  server.stderr.pipe(state.logStream, { end: false });
  let exited;
  server.on("exit", (code, signal) => (exited = { code, signal }));
  const base = `http://127.0.0.1:${port}`;
  const healthy = await waitFor(async () => {
    if (exited) return "exited";
    try {
      return (await fetch(`${base}/healthz`)).ok ? "up" : undefined;
    } catch {
      return undefined;
    }
  }, 60_000);
  if (healthy !== "up") return cannotStart(`code-server ${exited ? `exited (${JSON.stringify(exited)})` : "did not answer within 60 s"}; its log:\n${tail(logPath)}`);
  say(`code-server is up on ${base} (pid ${server.pid})`);

  // 5. The browser, on the workspace.
  const browser = (state.browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: env.E2E_HEADED !== "1",
    env: { ...env, XDG_CONFIG_HOME: join(xdg, "chromium-config"), XDG_CACHE_HOME: join(xdg, "chromium-cache") }, // no crash-report settings in ~/.config
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  }));
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  const consoleLog = createWriteStream(join(outDir, "browser-console.log"));
  page.on("console", (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on("pageerror", (e) => consoleLog.write(`[pageerror] ${e.stack ?? e.message}\n`));
  const wb = new Workbench(page, { timeout: stepTimeout });
  const shot = async (name, locators = [], options = {}) => {
    const path = join(outDir, name);
    await wb.screenshot(path, locators, options);
    return path;
  };
  const ctx = { wb, page, workspace, shot };

  const results = [];
  const opened = Date.now();
  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await wb.waitReady([ARTICLE, ...OTHER_ARTICLES]);
    say(`workbench loaded with ${basename(workspace)}/ open (${seconds(Date.now() - opened)})`);
  } catch (error) {
    await shot("FAIL-00-workbench.png").catch(() => {});
    return cannotStart(`the workbench did not load: ${error.message}`);
  }

  // 6. The checks, in order.
  // They are one scenario on one window (each starts where the one before left off), so all run.
  for (const [index, check] of checks.entries()) {
    const label = `${String(index + 1).padStart(2)}. ${check.name}`;
    const t0 = Date.now();
    try {
      const detail = await withDeadline(check.run(ctx), checkTimeout, `the check passed its deadline of ${seconds(checkTimeout)}`);
      results.push({ name: check.name, status: "passed", ms: Date.now() - t0, detail });
      console.log(`  ✓ ${label} (${seconds(Date.now() - t0)})\n      ${detail}`);
    } catch (error) {
      state.failed = true;
      const screenshot = `FAIL-${String(index + 1).padStart(2, "0")}-${slug(check.name)}.png`;
      await page.screenshot({ path: join(outDir, screenshot) }).catch(() => {});
      const message = plain(error.message);
      results.push({ name: check.name, status: "failed", ms: Date.now() - t0, error: message, screenshot });
      console.log(`  ✗ ${label} (${seconds(Date.now() - t0)})\n      ${message.split("\n").join("\n      ")}\n      screenshot: ${join(outDir, screenshot)}`);
      await wb.closeWidgets().catch(() => {});
    }
  }

  // 7. Report.
  const passed = results.filter((r) => r.status === "passed").length;
  const failed = results.filter((r) => r.status === "failed").length;
  writeFileSync(join(outDir, "results.json"), JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000, results }, null, 2) + "\n");
  if (failed === 0 && updateDocs) copyDocsImages();
  await cleanup();
  say(`screenshots and logs: ${outDir}`);
  say(`done in ${seconds(Date.now() - started)}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? EXIT.passed : EXIT.failed;
}

function userSettings() {
  return {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.colorTheme": "Default Dark Modern",
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "chat.disableAIFeatures": true,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    "security.workspace.trust.enabled": false,
    // Deliberately nothing about word wrap, Unicode highlighting or semantic highlighting: those
    // come from the extension's configurationDefaults for the article language, which is checked.
  };
}

function copyDocsImages() {
  const dir = join(repoRoot, "docs", "images");
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of Object.entries(DOCS_IMAGES)) {
    copyFileSync(join(outDir, from), join(dir, to));
    say(`docs/images/${to} ← ${from} (${Math.round(statSync(join(dir, to)).size / 1024)} KB)`);
  }
}

async function cleanup() {
  state.cleaning ??= (async () => {
    if (state.browser) await withDeadline(state.browser.close(), 10_000, "browser.close").catch(() => {});
    const server = state.codeServer;
    if (server && server.exitCode === null && server.signalCode === null) {
      const gone = new Promise((r) => server.once("exit", r));
      killGroup(server.pid, "SIGTERM");
      const stopped = await withDeadline(gone, 8_000, "code-server exit").then(() => true, () => false);
      if (!stopped) killGroup(server.pid, "SIGKILL");
    }
    // The group may outlive its leader (the extension host, the language server).
    if (server) killGroup(server.pid, "SIGKILL");
    state.logStream?.end();
    if (state.tmp) {
      if (state.failed) {
        const logs = join(state.tmp, "user-data", "logs");
        if (existsSync(logs)) cpSync(logs, join(outDir, "vscode-logs"), { recursive: true });
      }
      if (env.E2E_KEEP === "1") say(`kept the workspace and profile in ${state.tmp}`);
      else rmSync(state.tmp, { recursive: true, force: true });
    }
  })();
  return state.cleaning;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function cannotStart(message) {
  state.failed = true;
  console.error(`e2e: cannot run the suite: ${message}`);
  await cleanup();
  console.log(`e2e: 0 passed, 1 failed`);
  return EXIT.cannotStart;
}

/** Without terminal colors (Playwright's call logs have them). */
function plain(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

function withDeadline(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))]).finally(() => clearTimeout(timer));
}

async function waitFor(probe, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function tail(path, lines = 40) {
  try {
    return readFileSync(path, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function readVersion(entry) {
  try {
    return JSON.parse(readFileSync(join(entry, "..", "..", "..", "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.error(`e2e: ${signal}: stopping code-server and the browser`);
    void cleanup().then(() => process.exit(EXIT.interrupted));
  });
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    state.failed = true;
    console.error(`e2e: ${error.stack ?? error.message}`);
    await cleanup();
    console.log(`e2e: 0 passed, 1 failed`);
    process.exit(EXIT.failed);
  },
);
