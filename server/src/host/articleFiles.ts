/**
 * Article files, for every front door: which files are articles, finding them in folders, reading
 * them as text (decoding, size limit, hashing) with a clear reason when a file is not one, and
 * storing text back the way it was stored. The CLI, the index worker and the server's records all
 * go through here, so a file is read, sized and hashed the same way everywhere.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { open, readdir, readFile, stat, type FileHandle } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as l10n from "@vscode/l10n";
import { Minimatch } from "minimatch";
import iconv from "iconv-lite";
import { formatDecimal, formatNumber } from "./l10n";
import { detectLegacyEncoding, legacyEncoding, LEGACY_ENCODINGS, rereadLegacy, type LegacyEncoding, type LegacyEncodingEvidence } from "../engine";

/** The Unicode encodings a file is read in by itself (a BOM tells UTF-16), and stored back in. */
export type UnicodeEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

/**
 * How a file's text was stored, so a rewrite stores it the same way and its hash is of those bytes:
 * a Unicode encoding, or a legacy Vietnamese one the file was read in when asked (`--encoding`),
 * which text is never stored back in (see `encodeArticle`).
 */
export type TextEncoding = UnicodeEncoding | LegacyEncoding;

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

/**
 * A file that is not valid UTF-8 whose bytes read as Vietnamese in a legacy encoding (TCVN3, VNI,
 * VISCII, Windows-1258): `evidence` names it; read it with `readArticleFile`'s `legacyEncoding`.
 */
export class LegacyEncodingProblem extends FileProblem {
  constructor(
    path: string,
    readonly evidence: LegacyEncodingEvidence,
  ) {
    super(path, describeLegacyProblem(evidence));
  }
}

/**
 * "not valid UTF-8: it looks like TCVN3 (ABC) text: 'ViÖt' reads 'Việt', … (12 of 14 words with such
 * letters become Vietnamese syllables)", in the language in use (English: the engine's own
 * `describeLegacyEvidence` wording).
 */
function describeLegacyProblem(evidence: LegacyEncodingEvidence): string {
  // Invisible characters a legacy letter shows as (TCVN3's "ư" is a soft hyphen; C1 controls) are written as escapes, as the engine writes them.
  const visible = (word: string): string => word.replace(/[\u0080-\u009f\u00ad]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const examples = evidence.examples.map((e) => l10n.t("'{0}' reads '{1}'", visible(e.written), e.reads)).join(", ");
  return l10n.t("not valid UTF-8: it looks like {0} text: {1} ({2} of {3} words with such letters become Vietnamese syllables)", evidence.label, examples, evidence.words, evidence.changed);
}

/** How to read files that are not valid UTF-8: in this legacy Vietnamese encoding (files that are valid UTF-8 are read as UTF-8). */
export interface ReadOptions {
  legacyEncoding?: LegacyEncoding;
}

/**
 * The legacy encoding `name` names: an id ("tcvn3", "vni", "viscii", "windows-1258"), iconv-lite's
 * name ("tcvn") or a common alias ("abc", "cp1258"), any case; undefined for anything else.
 */
export function parseLegacyEncoding(name: string): LegacyEncoding | undefined {
  const lower = name.toLowerCase();
  const alias: Record<string, LegacyEncoding> = { abc: "tcvn3", "vni-windows": "vni", cp1258: "windows-1258" };
  return alias[lower] ?? LEGACY_ENCODINGS.find((encoding) => encoding.id === lower || encoding.iconv === lower)?.id;
}

/** Whether text in `encoding` is stored in a legacy encoding (never written back in it). */
export function isLegacyEncoding(encoding: TextEncoding): encoding is LegacyEncoding {
  return encoding !== "utf-8" && encoding !== "utf-8-bom" && encoding !== "utf-16le" && encoding !== "utf-16be";
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
  return files.some((glob) => compiledGlob(glob).match(slashed));
}

/** Globs compiled once (compiling is most of the cost of matching: a folder of 10,000 files took 0.8 s, 10 ms compiled). */
const compiledGlobs = new Map<string, Minimatch>();

function compiledGlob(glob: string): Minimatch {
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    if (compiledGlobs.size >= 64) compiledGlobs.clear(); // settings changed many times: start again
    compiled = new Minimatch(glob, { dot: true, matchBase: !glob.includes("/") });
    compiledGlobs.set(glob, compiled);
  }
  return compiled;
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
 * as editors do), or UTF-16 with a BOM, or, when it is not valid UTF-8 and `options` names one, a
 * legacy Vietnamese encoding; with the SHA-256 and size of its bytes. Throws FileProblem with the
 * reason for a missing or unreadable file, one too large (a file of more than 4 × `maxChars` bytes
 * is not even read), binary data (NUL bytes) or invalid UTF-8 (LegacyEncodingProblem when its bytes
 * look like a legacy Vietnamese encoding).
 */
export function readArticleFile(path: string, maxChars: number, options: ReadOptions = {}): ArticleFile {
  return articleOf(path, readBytes(path, maxChars), maxChars, options);
}

/** As `readArticleFile`, without hashing: for readers that need only the text (the workspace index). */
export function readArticleText(path: string, maxChars: number, options: ReadOptions = {}): { text: string; encoding: TextEncoding } {
  return decodeWithin(path, readBytes(path, maxChars), maxChars, options);
}

/**
 * As `readArticleFile`, without blocking the thread (fs/promises): for the language server's main
 * thread. Rejects with FileProblem for the same reasons.
 */
export async function readArticleFileAsync(path: string, maxChars: number, options: ReadOptions = {}): Promise<ArticleFile> {
  let bytes: Buffer;
  try {
    checkSize(path, await stat(path), maxChars);
    bytes = await readFile(path);
  } catch (error) {
    throw asFileProblem(path, error);
  }
  return articleOf(path, bytes, maxChars, options);
}

/**
 * An article given as text rather than as a file (`annotate --stdin`'s `{"id", "text"}` lines): `id`
 * stands where a path would (messages, the record's `source.path`), and the hash and size are those
 * of the text stored as UTF-8 without a BOM. Throws FileProblem when it is longer than `maxChars`
 * UTF-16 code units (`--max-size`), as a file would be.
 */
export function articleFromText(id: string, text: string, maxChars: number): ArticleFile {
  if (text.length > maxChars) throw new FileProblem(id, tooLong(text.length, maxChars));
  const { sha256, length } = sourceDigest(text, "utf-8");
  return { path: id, text, encoding: "utf-8", sha256, bytes: length };
}

/** An article from its file's bytes: decoded within the limit, hashed and sized. */
function articleOf(path: string, bytes: Buffer, maxChars: number, options: ReadOptions): ArticleFile {
  const { text, encoding } = decodeWithin(path, bytes, maxChars, options);
  return { path, text, encoding, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

function readBytes(path: string, maxChars: number): Buffer {
  try {
    checkSize(path, statSync(path), maxChars);
    return readFileSync(path);
  } catch (error) {
    throw asFileProblem(path, error);
  }
}

/** A file system error as a FileProblem with its short reason (a FileProblem stays as it is). */
function asFileProblem(path: string, error: unknown): FileProblem {
  return error instanceof FileProblem ? error : new FileProblem(path, describeError(error));
}

/** Throws FileProblem for what is not a regular file, or too large to hold `maxChars` characters. */
function checkSize(path: string, info: { isFile(): boolean; size: number }, maxChars: number): void {
  if (!info.isFile()) throw new FileProblem(path, l10n.t("not a regular file"));
  // Every encoding read here takes at most 4 bytes per UTF-16 code unit (BOM aside): a larger file cannot fit.
  if (info.size > maxChars * 4) throw new FileProblem(path, l10n.t("skipped: {0} is more than the limit of {1} characters (maxFileSize, --max-size)", formatBytes(info.size), formatNumber(maxChars)));
}

/** Why a text of `length` characters is skipped. */
function tooLong(length: number, maxChars: number): string {
  return l10n.t("skipped: {0} characters is more than the limit of {1} (maxFileSize, --max-size)", formatNumber(length), formatNumber(maxChars));
}

function decodeWithin(path: string, bytes: Buffer, maxChars: number, options: ReadOptions): { text: string; encoding: TextEncoding } {
  const decoded = decodeArticle(path, bytes, options);
  if (decoded.text.length > maxChars) throw new FileProblem(path, tooLong(decoded.text.length, maxChars));
  return decoded;
}

/**
 * Decodes a file's bytes; throws FileProblem for binary data and invalid UTF-8 (LegacyEncodingProblem
 * when the bytes read as Windows-1252 are Vietnamese in a legacy encoding: detectLegacyEncoding's
 * evidence, the share of words that become Vietnamese syllables). Bytes that are not valid UTF-8
 * are decoded in `options.legacyEncoding` when given (NFC): by iconv-lite, or for VNI, which
 * iconv-lite does not know, as Windows-1252 re-read through the engine's VNI table.
 */
export function decodeArticle(path: string, bytes: Uint8Array, options: ReadOptions = {}): { text: string; encoding: TextEncoding } {
  const encoding = sniffEncoding(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") return { text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding };
  if (bytes.subarray(0, 8192).includes(0)) throw new FileProblem(path, l10n.t("not a text file (it contains NUL bytes; binary?)"));
  try {
    // The decoder drops a leading UTF-8 BOM, which is not text; the encoding remembers it.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding };
  } catch {
    if (options.legacyEncoding) return { text: decodeLegacy(bytes, options.legacyEncoding), encoding: options.legacyEncoding };
    // Latin-1 keeps one character per byte; the engine's tables re-read both it and Windows-1252.
    const evidence = detectLegacyEncoding(Buffer.from(bytes).toString("latin1"));
    if (evidence) throw new LegacyEncodingProblem(path, evidence);
    throw new FileProblem(path, l10n.t("not valid UTF-8 text (save it as UTF-8 and try again)"));
  }
}

function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const info = legacyEncoding(encoding);
  const buffer = Buffer.from(bytes);
  if (info.iconv) return iconv.decode(buffer, info.iconv).normalize("NFC");
  return rereadLegacy(iconv.decode(buffer, "windows-1252"), encoding);
}

/** The encoding a file's first bytes show (a BOM), UTF-8 without one. */
export function sniffEncoding(bytes: Uint8Array): UnicodeEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  return "utf-8";
}

/** The encoding of the file at `path` as its first bytes show; "utf-8" when it cannot be read (a new file). */
export async function encodingOfFile(path: string): Promise<UnicodeEncoding> {
  let file: FileHandle | undefined;
  try {
    file = await open(path, "r");
    const head = Buffer.alloc(3);
    const { bytesRead } = await file.read(head, 0, 3, 0);
    return sniffEncoding(head.subarray(0, bytesRead));
  } catch {
    return "utf-8";
  } finally {
    await file?.close();
  }
}

/**
 * The bytes of `text` stored the way `encoding` says (BOM included). Text is never stored in a
 * legacy encoding (a Vietnamese letter it lacks would be lost): that throws, and the caller stores
 * it as UTF-8 when asked to convert (`clean --to-utf8`).
 */
export function encodeArticle(text: string, encoding: TextEncoding): Buffer {
  if (isLegacyEncoding(encoding)) throw new Error(l10n.t("text is not stored in {0}; convert it to UTF-8", legacyEncoding(encoding).label));
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

/** A file system error as a short reason ("no such file or folder"), on one line. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return l10n.t("no such file or folder");
  if (code === "EACCES" || code === "EPERM") return l10n.t("permission denied");
  if (code === "EISDIR") return l10n.t("is a folder");
  if (code === "ENOTDIR" || code === "EEXIST") return l10n.t("a file stands where a folder is needed");
  if (code === "ENOSPC") return l10n.t("the disk is full");
  if (code === "EROFS") return l10n.t("read-only file system");
  // One line: some messages (JSON.parse's) quote text, line breaks and all.
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}

/** A size in bytes for people, in B, KB (1024 B) or MB with one decimal, as the language in use writes numbers: "1.5 MB", "1,5 MB" in Vietnamese. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, 1)} KB`;
  return `${formatDecimal(bytes / 1024 / 1024, 1)} MB`;
}
