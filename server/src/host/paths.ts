/** File system paths, as every front door compares them. */
import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is `folder` or lies below it (both absolute, or both relative to the same folder). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(".." + sep) && !isAbsolute(rel));
}
