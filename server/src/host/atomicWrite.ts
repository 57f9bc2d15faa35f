/** Writing records: atomically (temporary file, then rename), never outside the chosen folder. */
import * as l10n from "@vscode/l10n";
import { mkdirSync, renameSync, writeFileSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

/** `out/NAME.annotations.json` for an article; `root` keeps a folder's structure below `out`. */
export function recordPath(outDir: string, articlePath: string, root: string | undefined): string {
  const rel = root ? relative(root, articlePath) : basename(articlePath);
  const target = resolve(outDir, rel.replace(/\.txt$/i, "") + ".annotations.json");
  const base = resolve(outDir);
  if (target !== base && !target.startsWith(base + sep)) throw new Error(l10n.t("refusing to write outside {0}: {1}", outDir, target));
  return target;
}

/** Writes `content` to `path` atomically: readers see the old file or the new one, never a part. */
export function writeAtomic(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
