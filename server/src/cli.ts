import { run } from "./cli/main";

declare const PACKAGE_VERSION: string | undefined;
const version = typeof PACKAGE_VERSION === "string" ? PACKAGE_VERSION : "dev";

process.exitCode = run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), columns: process.stdout.columns }, version);
