/**
 * The files an import reads: each file given, and below each folder given every file whose name
 * ends with one of the format's suffixes (any depth), in a stable order. Text is UTF-8; a byte order
 * mark (EF BB BF) is dropped from `content` and noted as `bom: true` (brat counts it); a file that is not valid UTF-8 or cannot be read is a problem, never a throw.
 */
import * as l10n from "@vscode/l10n";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { describeError } from "../articleFiles";
import type { ImportProblem, InputFile } from "./types";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export async function readInputFiles(paths: readonly string[], suffixes: readonly string[]): Promise<{ files: InputFile[]; problems: ImportProblem[] }> {
  const files: InputFile[] = [];
  const problems: ImportProblem[] = [];
  for (const given of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(given)).isDirectory();
    } catch (error) {
      problems.push({ file: given, message: describeError(error) });
      continue;
    }
    const found = isFolder
      ? (await readdir(given, { recursive: true }))
          .filter((name) => suffixes.some((suffix) => name.toLowerCase().endsWith(suffix)))
          .sort()
          .map((name) => ({ path: join(given, name), name: relative(given, join(given, name)).split(sep).join("/") }))
      : [{ path: given, name: basename(given) }];
    for (const file of found) {
      try {
        const bytes = await readFile(file.path);
        files.push({ ...file, content: utf8.decode(bytes), ...(startsWithBom(bytes) ? { bom: true as const } : {}) });
      } catch (error) {
        problems.push({ file: file.path, message: error instanceof TypeError ? l10n.t("not valid UTF-8 text") : describeError(error) });
      }
    }
  }
  return { files, problems };
}

/** Whether `bytes` begin with UTF-8's encoding of U+FEFF, the byte order mark. */
function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** `file:line:col: message` (the parts it has), as compilers and `lint` print a place. */
export function describeImportProblem(problem: ImportProblem): string {
  return `${problem.file}${problem.line !== undefined ? `:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ""}` : ""}: ${problem.message}`;
}
