#!/usr/bin/env node
// `npm run bench`: the engine, server, workspace, curation, pathological and CLI benchmarks one after
// another, each in a fresh process (so none inherits another's heap or JIT state), merged into one
// JSON object on stdout with each target (issues 7, 12 and 14) checked; each part's table goes to stderr as it finishes.
//   node bench/run.mjs [--files N]   (workspace and CLI corpus size, default 10,000)
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filesFlag = process.argv.indexOf("--files");
const workspaceArgs = filesFlag > 0 ? ["--files", process.argv[filesFlag + 1] ?? ""] : [];

function part(script, args = []) {
  console.error(`\n— ${script} —`);
  const run = spawnSync(process.execPath, [join(here, script), ...args], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status ?? run.signal})`);
  const line = run.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line);
}

const engine = part("engine.mjs");
const server = part("server.mjs");
const workspace = part("workspace.mjs", workspaceArgs);
const curation = part("curation.mjs");
const pathological = part("pathological.mjs");
const cli = part("cli.mjs", workspaceArgs);

const t = engine.engine.throughput;
const target = (value, limit, better = "lower") => ({ value, target: limit, met: value !== undefined && value !== null && (better === "lower" ? value <= limit : value >= limit) });
const targets = {
  engineMBps1MB: target(t["1MB"].engineMBps, 20, "higher"),
  engineOverBaseline1MB: target(t["1MB"].engineOverBaseline, 4),
  growth10MBover1MB: target(engine.engine.growth10MBover1MB, 11),
  typicalOpenP50Ms: target(server.server.typicalOpenMs.p50, 20),
  hoverP95Ms: target(server.server.hover.p95, 5),
  largeOpenMs: target(server.server.largeOpenMs.median, 300),
  largeEditMs: target(server.server.largeEditMs.median, 100),
  indexMs: target(workspace.workspace.indexMs, 15_000),
  indexFromCacheMs: target(workspace.workspace.fromCache?.indexMs, 2_000),
  hoverDuringIndexP95Ms: target(workspace.workspace.hoverDuringIndexMs.p95, 5),
  peakRssMB: target(workspace.workspace.peakRssMB, 250),
  annotationActionP95Ms: target(curation.curation.annotationActionMs.p95, 50),
  reanchor500In1MBMs: target(curation.curation.reanchor500In1MBMs.median, 100),
  oneLineOverLines300KB: target(pathological.pathological.oneLine300KB.oneLineOverLines, 2),
  cliPeakRssMB: target(Math.max(cli.cli.jobs1.peakRssMB, cli.cli.jobs2.peakRssMB, cli.cli.stdinJobs2.peakRssMB), 300),
};

console.log(JSON.stringify({ machine: engine.machine, engine: engine.engine, server: server.server, workspace: workspace.workspace, curation: curation.curation, pathological: pathological.pathological, cli: cli.cli, targets }));
console.error(["\ntargets:", ...Object.entries(targets).map(([name, { value, target: limit, met }]) => `  ${met ? "met " : "MISS"} ${name.padEnd(24)} ${String(value).padStart(9)}  (target ${limit})`)].join("\n"));
