/**
 * The engine's identity safety net: a SHA-256 of every analysis (and of the record emitted from it)
 * over every article set the project scores, and over texts built from the samples that take the
 * engine's other paths (a large document read a block at a time, pages on one line, pathological
 * shapes). Only digests are stored (test/engine/analysis-digests.json), never article text.
 * Used by test/engine/analysisSnapshot.test.ts and scripts/analysis-digests.mjs (which regenerates
 * the stored list, or dumps every analysis as JSON to compare two builds).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, buildRecord, builtInKnowledgeBase, type Analysis, type KnowledgeBase } from "../../server/src/engine";
import { readArticleFile } from "../../server/src/host/articleFiles";
import { canonicalJson } from "../../server/src/host/contentCache";
import { recordContent } from "../../server/src/host/records";
import { repoRoot, samplesDir } from "./paths";

/** Where the digests live, keyed `set/relative path`. */
export const DIGESTS_FILE = join(repoRoot, "test", "engine", "analysis-digests.json");

/** A set of texts to analyze: articles in a folder, or texts built in memory. */
export interface DigestSet {
  name: string;
  /** Why the set cannot be read here (a missing folder), or undefined when it can. */
  missing?: string;
  /** Relative name → a reader of its text (read lazily, one at a time). */
  texts(): Iterable<[string, () => string]>;
}

/** Digests of one text's analysis: of its canonical JSON and of the record's exact bytes. */
export interface Digest {
  analysis: string;
  record: string;
}

export type DigestList = Record<string, Digest>;

const MAX_CHARS = 50_000_000;

function folderSet(name: string, dir: string): DigestSet {
  const articles = join(dir, "articles");
  return {
    name,
    ...(existsSync(articles) ? {} : { missing: `${articles} is missing` }),
    *texts() {
      for (const file of readdirSync(articles).filter((f) => f.endsWith(".txt")).sort()) {
        yield [file, () => readArticleFile(join(articles, file), MAX_CHARS).text];
      }
    },
  };
}

/** The samples, sorted by name (as bench/server.mjs reads them). */
function samples(): string[] {
  return readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(samplesDir, f), "utf8"));
}

/** The samples repeated to `size` characters: bench/engine.mjs's text. */
export function repeatedSamples(size: number): string {
  const all = samples();
  let text = "";
  for (let k = 0; text.length < size; k++) text += all[k % all.length] + "\n";
  return text.slice(0, size);
}

const repeatedTo = (text: string, n: number): string => text.repeat(Math.ceil(n / text.length)).slice(0, n);

/** Texts built from the samples that reach the engine's other paths (test/engine/pathological.test.ts's shapes). */
function builtSet(): DigestSet {
  const oneLine = (): string => samples().map((s) => s.replace(/\s*\n\s*/g, " ")).join(" ");
  const built: [string, () => string][] = [
    ["samples-100KB", () => repeatedSamples(100_000)],
    // Over the size up to which every token is kept: read a block at a time.
    ["samples-1MB", () => repeatedSamples(1_000_000)],
    ["one-line-300KB", () => repeatedTo(oneLine(), 300_000)],
    ["one-line-bars-300KB", () => repeatedTo(oneLine().replaceAll(". ", ". | "), 300_000)],
    ["no-line-breaks-100KB", () => repeatedSamples(100_000).replace(/\n+/g, "")],
    ["crlf-100KB", () => repeatedSamples(100_000).replace(/\n/g, "\r\n")],
    ["one-digit", () => "7".repeat(20_000)],
    ["capitalized-words", () => "Ab ".repeat(7_000)],
    ["short-lines", () => "Thủ tướng Lê Minh Hoàng tiếp ông Kim.\n".repeat(500)],
    ["a-fix-on-every-line", () => "Hai bên xây dựngCộng đồng.\nTin liên quan\n".repeat(500)],
    ["qualified-amounts", () => "cao hơn 1% ".repeat(2_000)],
    ["money-then-numbers", () => "Viện trợ 5 triệu USD " + "1 ".repeat(10_000)],
    ["page-furniture", () => "Thời sự\n• 2 giờ trước\n>> Thủ tướng tiếp Đại sứ\nHai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại và đầu tư.\n".repeat(200)],
  ];
  return { name: "built", texts: () => built };
}

/** Every set, in a fixed order: the shared corpora (when beside the repository), the project's own, and built texts. */
export function digestSets(): DigestSet[] {
  const shared = join(repoRoot, "..", "shared");
  return [
    folderSet("corpus", join(shared, "corpus")),
    folderSet("web", join(shared, "corpus-web")),
    folderSet("pages", join(repoRoot, "test", "pages")),
    folderSet("fixtures", join(repoRoot, "test", "fixtures")),
    folderSet("heldout", join(repoRoot, "test", "heldout")),
    samplesSet(),
    builtSet(),
  ];
}

/** The samples (bench/engine.mjs's material) as articles. */
function samplesSet(): DigestSet {
  return {
    name: "samples",
    *texts() {
      for (const file of readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).sort()) yield [file, () => readArticleFile(join(samplesDir, file), MAX_CHARS).text];
    },
  };
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

let knowledgeBase: KnowledgeBase | undefined;

/** The analysis the CLI makes with its default settings (built-in knowledge base on, every rule at its default). */
export function analyzeAsCli(text: string): Analysis {
  knowledgeBase ??= builtInKnowledgeBase();
  return analyze(text, { rules: {}, customRules: [], knowledgeBase });
}

/** The record the CLI would emit for it, as bytes (source fields fixed: they are the file's, not the engine's). */
export function recordOf(key: string, text: string, analysis: Analysis): string | undefined {
  if (analysis.encoding) return undefined;
  return recordContent(buildRecord(text, analysis, { path: key, sha256: "", length: text.length }));
}

/** The digests of one text. */
export function digestOf(key: string, text: string): Digest & { analysisJson: string } {
  const analysis = analyzeAsCli(text);
  const analysisJson = canonicalJson(analysis);
  return { analysis: sha256(analysisJson), record: sha256(recordOf(key, text, analysis) ?? "no record"), analysisJson };
}

/** Every text of a set with its key (`set/name`). */
export function* keyedTexts(set: DigestSet): Iterable<[string, () => string]> {
  for (const [name, read] of set.texts()) yield [`${set.name}/${name}`, read];
}

export function readDigests(): DigestList {
  return existsSync(DIGESTS_FILE) ? (JSON.parse(readFileSync(DIGESTS_FILE, "utf8")) as DigestList) : {};
}
