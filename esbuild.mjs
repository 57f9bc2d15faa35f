// Bundles the shipped JavaScript: dist/extension.js (VS Code client; `vscode` is provided by the
// editor), dist/server.js (language server) and dist/cli.js (command line), each self-contained.
// Type checking is `tsc -b`'s job, not this script's.  Flags: --watch, --production (minify).
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // ES module builds first: jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow.
  mainFields: ["module", "main"],
};

const builds = [
  { ...common, entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
  { ...common, entryPoints: ["server/src/server.ts"], outfile: "dist/server.js" },
  { ...common, entryPoints: ["server/src/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log("esbuild: watching for changes");
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
