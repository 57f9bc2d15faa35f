/**
 * Article files, for every front door: which files are articles, finding them in folders, reading
 * them as text (decoding, size limit, hashing) with a clear reason when a file is not one, and
 * storing text back the way it was stored. The CLI, the index worker and the server's records all
 * go through here, so a file is read, sized and hashed the same way everywhere.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, openSync, readSync, closeSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { minimatch } from "minimatch";

/** How a file's text was stored, so a rewrite stores it the same way and its hash is of those bytes. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface ArticleFile {
  path: string;
  /** The decoded text (a BOM is not text). */
  text: string;
  encoding: TextEncoding;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Size of the file in bytes. */
  bytes: number;
}

/** A file that cannot be read as an article; `message` starts with the path. */
export class FileProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Folders never searched for articles: dependencies; hidden folders (".git", ".vscode") are skipped too. */
const SKIPPED_FOLDERS = new Set(["node_modules"]);
/** How deep folders are searched (symbolic links to folders are not followed: they can loop). */
const MAX_DEPTH = 32;

/**
 * Whether `path` is an article by the `files` globs (minimatch, dot files included; a pattern
 * without "/" is matched against the file name alone, as `articleAnnotator.files` documents).
 */
export function isArticlePath(path: string, files: readonly string[]): boolean {
  const slashed = path.split("\\").join("/");
  return files.some((glob) => minimatch(slashed, glob, { dot: true, matchBase: !glob.includes("/") }));
}

/**
 * The article files under `inputs`: a file is taken as given; a folder is searched recursively for
 * files matching `files`, in name order. Duplicates (the same resolved path) are dropped; inputs
 * that do not exist or cannot be read are returned as problems. Asynchronous (fs/promises), so a
 * large workspace never blocks the server's main thread while it is walked.
 */
export async function listArticleFiles(inputs: readonly string[], files: readonly string[]): Promise<{ files: string[]; problems: FileProblem[] }> {
  const found: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = resolve(path);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(path);
    }
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (depth === 0) throw error;
      problems.push(new FileProblem(dir, describeError(error)));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (entry.isFile() && isArticlePath(resolve(path), files)) add(path);
    }
  };
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) await walk(input, 0);
      else add(input);
    } catch (error) {
      problems.push(new FileProblem(input, describeError(error)));
    }
  }
  return { files: found, problems };
}

/**
 * Reads an article of at most `maxChars` characters (UTF-16 code units): UTF-8 (a BOM is dropped,
 * as editors do), or UTF-16 with a BOM; with the SHA-256 and size of its bytes. Throws FileProblem
 * with the reason for a missing or unreadable file, one too large (a file of more than 4 ×
 * `maxChars` bytes is not even read), binary data (NUL bytes) or invalid UTF-8.
 */
export function readArticleFile(path: string, maxChars: number): ArticleFile {
  const bytes = readBytes(path, maxChars);
  const { text, encoding } = decodeWithin(path, bytes, maxChars);
  return { path, text, encoding, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

/** As `readArticleFile`, without hashing: for readers that need only the text (the workspace index). */
export function readArticleText(path: string, maxChars: number): { text: string; encoding: TextEncoding } {
  return decodeWithin(path, readBytes(path, maxChars), maxChars);
}

function readBytes(path: string, maxChars: number): Buffer {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new FileProblem(path, "not a regular file");
    // Every encoding read here takes at most 4 bytes per UTF-16 code unit (BOM aside): a larger file cannot fit.
    if (stat.size > maxChars * 4) throw new FileProblem(path, `skipped: ${formatBytes(stat.size)} is more than the limit of ${formatCount(maxChars)} characters (maxFileSize, --max-size)`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(path, describeError(error));
  }
}

function decodeWithin(path: string, bytes: Buffer, maxChars: number): { text: string; encoding: TextEncoding } {
  const decoded = decodeArticle(path, bytes);
  if (decoded.text.length > maxChars) throw new FileProblem(path, `skipped: ${formatCount(decoded.text.length)} characters is more than the limit of ${formatCount(maxChars)} (maxFileSize, --max-size)`);
  return decoded;
}

/** Decodes a file's bytes; throws FileProblem for binary data and invalid UTF-8. */
export function decodeArticle(path: string, bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = sniffEncoding(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") return { text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding };
  if (bytes.subarray(0, 8192).includes(0)) throw new FileProblem(path, "not a text file (it contains NUL bytes; binary?)");
  try {
    // The decoder drops a leading UTF-8 BOM, which is not text; the encoding remembers it.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding };
  } catch {
    throw new FileProblem(path, "not valid UTF-8 text (save it as UTF-8 and try again)");
  }
}

/** The encoding a file's first bytes show (a BOM), UTF-8 without one. */
export function sniffEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  return "utf-8";
}

/** The encoding of the file at `path` as its first bytes show; "utf-8" when it cannot be read (a new file). */
export function encodingOfFile(path: string): TextEncoding {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(3);
    const read = readSync(fd, head, 0, 3, 0);
    return sniffEncoding(head.subarray(0, read));
  } catch {
    return "utf-8";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The bytes of `text` stored the way `encoding` says (BOM included). */
export function encodeArticle(text: string, encoding: TextEncoding): Buffer {
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

/**
 * A record's `source` hash and size for `text` stored as `encoding`: the SHA-256 (hex) and length
 * in bytes of the file that holds exactly this text. For a file read from disk this equals the hash
 * of its bytes; for an open document, of the file it is saved as.
 */
export function sourceDigest(text: string, encoding: TextEncoding): { sha256: string; length: number } {
  const bytes = encodeArticle(text, encoding);
  return { sha256: createHash("sha256").update(bytes).digest("hex"), length: bytes.length };
}

/** A file system error as a short reason ("no such file or folder"). */
export function describeError(error: unknown): string {
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

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
