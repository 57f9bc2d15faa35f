/** Finding article files and reading them as text, with clear reasons when a file is not one. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** How a file's text was stored, so a rewrite stores it the same way. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface ArticleFile {
  path: string;
  text: string;
  sha256: string;
  bytes: number;
  encoding: TextEncoding;
}

export class FileProblem extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

/** Files given on the command line, folders expanded to their `*.txt` files (sorted, recursively). */
export function collectPaths(inputs: readonly string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = resolve(path);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(path);
    }
  };
  const walk = (dir: string, depth: number): void => {
    if (depth > 32) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      // Symbolic links to folders are not followed: they can loop.
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith(".txt")) add(path);
    }
  };
  for (const input of inputs) {
    try {
      const stat = statSync(input);
      if (stat.isDirectory()) walk(input, 0);
      else add(input);
    } catch (error) {
      problems.push(new FileProblem(input, describeError(error)));
    }
  }
  return { files, problems };
}

/**
 * Reads an article: UTF-8 (a BOM is dropped, as editors do), or UTF-16 with a BOM. Binary data and
 * invalid UTF-8 are refused with a reason rather than analyzed as garbage.
 */
export function readArticle(path: string, maxBytes: number): ArticleFile {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new FileProblem(path, "not a regular file");
    if (stat.size > maxBytes) throw new FileProblem(path, `skipped: ${formatBytes(stat.size)} is larger than the limit of ${formatBytes(maxBytes)} (--max-size)`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(path, describeError(error));
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { path, ...decode(path, bytes), sha256, bytes: bytes.length };
}

function decode(path: string, bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (bytes.subarray(0, 8192).includes(0)) throw new FileProblem(path, "not a text file (it contains NUL bytes; binary?)");
  try {
    // The decoder drops a leading UTF-8 BOM, which is not text; the encoding remembers it.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text, encoding: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf-8-bom" : "utf-8" };
  } catch {
    throw new FileProblem(path, "not valid UTF-8 text (save it as UTF-8 and try again)");
  }
}

/** The bytes of `text` stored the way `encoding` says (BOM included). */
export function encode(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf-16be": {
      const little = Buffer.from(text, "utf16le");
      return Buffer.concat([Buffer.from([0xfe, 0xff]), little.swap16()]);
    }
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return error instanceof Error ? error.message : String(error);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
