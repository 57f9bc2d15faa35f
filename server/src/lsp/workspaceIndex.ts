/**
 * Workspace symbols over every article file of the workspace: people (by full name) and forums.
 * The folders are indexed in the background, a file at a time between other requests, with
 * progress shown when the client supports it; open documents update their entry as they change.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SymbolKind, type Connection, type SymbolInformation } from "vscode-languageserver";
import { analyze, LineIndex, type Analysis, type PersonAttributes } from "../engine";
import { isArticle } from "./analyses";
import type { ResolvedSettings } from "./settings";
import { URI } from "./uri";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "out", "dist", "build"]);
const MAX_RESULTS = 500;

interface Entry {
  name: string;
  folded: string;
  kind: SymbolKind;
  line: number;
  character: number;
  length: number;
  detail: string;
}

export class WorkspaceIndex {
  private readonly byUri = new Map<string, Entry[]>();
  private indexing: Promise<void> = Promise.resolve();

  constructor(private readonly connection: Connection, private readonly log: (message: string) => void) {}

  get size(): number {
    return this.byUri.size;
  }

  /** Indexes the folders in the background; resolves when done. */
  start(folders: readonly string[], settings: ResolvedSettings, showProgress: boolean): Promise<void> {
    this.indexing = this.run(folders, settings, showProgress).catch((error: unknown) => this.log(`indexing failed: ${String(error)}`));
    return this.indexing;
  }

  whenReady(): Promise<void> {
    return this.indexing;
  }

  /** Replaces the entries of one document (an open one, freshly analyzed). */
  update(uri: string, text: string, analysis: Analysis): void {
    this.byUri.set(uri, entriesOf(text, analysis));
  }

  query(query: string): SymbolInformation[] {
    const wanted = fold(query);
    const results: SymbolInformation[] = [];
    for (const [uri, entries] of this.byUri) {
      for (const entry of entries) {
        if (wanted !== "" && !entry.folded.includes(wanted)) continue;
        results.push({
          name: entry.name,
          kind: entry.kind,
          containerName: entry.detail,
          location: { uri, range: { start: { line: entry.line, character: entry.character }, end: { line: entry.line, character: entry.character + entry.length } } },
        });
        if (results.length >= MAX_RESULTS) return results;
      }
    }
    return results;
  }

  private async run(folders: readonly string[], settings: ResolvedSettings, showProgress: boolean): Promise<void> {
    const files = folders.flatMap((folder) => {
      const path = URI.path(folder);
      return path === undefined ? [] : listFiles(path).filter((file) => isArticle(URI.fromPath(file), "plaintext", settings));
    });
    const progress = showProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin("Indexing articles", 0, `${files.length} files`, false);
    for (const [k, file] of files.entries()) {
      const uri = URI.fromPath(file);
      if (!this.byUri.has(uri)) {
        try {
          if (statSync(file).size <= settings.maxFileSize * 4) {
            const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
            if (text.length <= settings.maxFileSize) this.byUri.set(uri, entriesOf(text, analyze(text, { rules: settings.rules, customRules: settings.compiledRules })));
          }
        } catch {
          // Unreadable, vanished or not UTF-8: not indexed.
        }
      }
      if (k % 20 === 19) {
        progress?.report(Math.round(((k + 1) / files.length) * 100), `${k + 1}/${files.length}`);
        await new Promise((resolve) => setImmediate(resolve)); // let hovers and edits through
      }
    }
    progress?.done();
  }
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 32) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(root, 0);
  return files.sort();
}

function entriesOf(text: string, analysis: Analysis): Entry[] {
  const index = new LineIndex(text);
  const seen = new Set<string>();
  const entries: Entry[] = [];
  const title = analysis.article.title ?? "";
  for (const entity of analysis.entities) {
    if (entity.type !== "person" && entity.type !== "forum") continue;
    const name = entity.type === "person" ? (entity.attributes as PersonAttributes).canonical : entity.text;
    if (seen.has(name)) continue;
    seen.add(name);
    const position = index.positionAt(entity.start);
    entries.push({ name, folded: fold(name), kind: entity.type === "person" ? SymbolKind.Object : SymbolKind.Event, ...position, length: entity.end - entity.start, detail: title });
  }
  return entries;
}

/** Case- and diacritic-insensitive form for matching queries ("bui thanh son" finds "Bùi Thanh Sơn"). */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

