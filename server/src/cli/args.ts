/** Command-line parsing: a command, flags with values, and paths. */
import * as l10n from "@vscode/l10n";

export interface ParsedArgs {
  command: string | undefined;
  flags: Map<string, string | true>;
  paths: string[];
}

export class UsageError extends Error {}

/** Flags that take a value; every other flag is a switch. */
const VALUE_FLAGS = new Set(["--format", "--out", "--max-size", "--config", "--deadline", "--encoding", "--records", "--annotator", "--jobs", "--cache-dir", "--lang"]);

/** Short flags that take a value. */
const SHORT_VALUE_FLAGS = new Set(["-o", "-f", "-j"]);

export function parseArgs(argv: readonly string[], known: ReadonlySet<string>): ParsedArgs {
  const flags = new Map<string, string | true>();
  const paths: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      // "--name=value"; a short flag may hold its value too, as getopt allows: "-j4", "-fjson".
      const [name, inline] = arg.startsWith("--") ? splitOnce(arg, "=") : arg.length > 2 && SHORT_VALUE_FLAGS.has(arg.slice(0, 2)) ? [arg.slice(0, 2), arg.slice(2)] : [arg, undefined];
      const flag = name === "-h" ? "--help" : name === "-o" ? "--out" : name === "-f" ? "--format" : name === "-j" ? "--jobs" : name;
      if (!known.has(flag)) throw new UsageError(l10n.t("unknown option {0}", name));
      if (VALUE_FLAGS.has(flag)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value.startsWith("--")) throw new UsageError(l10n.t("{0} needs a value", flag));
        flags.set(flag, value);
      } else flags.set(flag, true);
    } else if (command === undefined) command = arg;
    else paths.push(arg);
  }
  return { command, flags, paths };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
