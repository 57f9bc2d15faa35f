/**
 * The server's settings (`articleAnnotator.*`, checked by host/settings.ts): pulled per document
 * through `workspace/configuration` when the client offers it, cached, and forgotten when the client
 * says they changed. A bad value falls back to its default, with one message to the user. With the
 * knowledge base on, a document's settings carry its workspace folder's own knowledge base
 * (`.article-annotator/kb.json`), read once and again when the file changes. The language
 * (`articleAnnotator.language`) is window-wide and read on its own (lsp/language.ts); messages are
 * said in it, the server's log stays English.
 */
import * as l10n from "@vscode/l10n";
import type { Connection } from "vscode-languageserver";
import type { ClientRequests } from "./clientRequests";
import { resolveSettings as resolve, type ResolvedSettings } from "../host/settings";
import { readWorkspaceKnowledgeBase, WORKSPACE_KNOWLEDGE_BASE } from "../host/workspaceKnowledgeBase";
import type { KnowledgeBaseData } from "../engine";
import { isInside } from "../host/paths";
import { URI } from "./uri";
import { LANGUAGE_KEY } from "./language";

export type { ResolvedSettings } from "../host/settings";

const PREFIX = "articleAnnotator.";

/** Settings per document, pulled from the client and cached until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private global: ResolvedSettings = resolve({}).settings;
  private readonly reported = new Set<string>();
  /** Each workspace folder's own knowledge base (by the folder's path): its layers, or none. */
  private readonly knowledgeBases = new Map<string, Promise<readonly KnowledgeBaseData[]>>();
  constructor(
    private readonly connection: Connection,
    private readonly requests: ClientRequests,
    private readonly pullsConfiguration: boolean,
    /** The workspace folders' uris. */
    private readonly workspaceFolders: () => readonly string[] = () => [],
  ) {}

  get(uri: string): Promise<ResolvedSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      // A client that refuses the request (or is gone) leaves the settings as they were.
      const base = this.pullsConfiguration ? this.requests.configuration(uri, "articleAnnotator").then((answer) => (answer ? this.report(answer.value) : this.global)) : Promise.resolve(this.global);
      settings = base.then((resolved) => this.withKnowledgeBase(uri, resolved));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** A workspace knowledge base file changed (or appeared, or went): read it again when next needed. */
  knowledgeBaseChanged(path: string): void {
    for (const root of this.knowledgeBases.keys()) if (isInside(path, root)) this.knowledgeBases.delete(root);
    this.cache.clear();
  }

  /** Whether `path` is a workspace folder's knowledge base file. */
  isKnowledgeBaseFile(path: string): boolean {
    return path.endsWith(WORKSPACE_KNOWLEDGE_BASE);
  }

  private async withKnowledgeBase(uri: string, resolved: ResolvedSettings): Promise<ResolvedSettings> {
    const path = URI.path(uri);
    if (!resolved.knowledgeBase || !path) return resolved;
    const root = this.workspaceFolders().map((f) => URI.path(f)).find((f): f is string => f !== undefined && isInside(path, f));
    if (!root) return resolved;
    let layers = this.knowledgeBases.get(root);
    if (!layers) {
      layers = readWorkspaceKnowledgeBase(root).then((kb) => {
        const problems = kb.problems.slice(0, 3).join("; ");
        if (kb.problems.length > 0 && this.firstTime(`${kb.path}\n${problems}`)) {
          this.connection.console.warn(`${kb.path}: ${problems}. The workspace's knowledge base is not used until it is fixed (the built-in one still is).`);
          this.requests.showWarning(l10n.t("Article Annotator: {path}: {problems}. The workspace's knowledge base is not used until it is fixed (the built-in one still is).", { path: kb.path, problems }));
        }
        return kb.data ? [kb.data] : [];
      });
      this.knowledgeBases.set(root, layers);
    }
    const found = await layers;
    return found.length > 0 ? { ...resolved, knowledgeBaseLayers: found } : resolved;
  }

  /** True the first time it is asked about `problem`: each problem is told once. */
  private firstTime(problem: string): boolean {
    if (this.reported.has(problem)) return false;
    this.reported.add(problem);
    return true;
  }

  /** Settings changed: forget the cache; `pushed` holds them when the client sends them along. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = typeof pushed === "object" && pushed !== null ? (pushed as Record<string, unknown>).articleAnnotator : undefined;
    if (section !== undefined) this.global = this.report(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private report(raw: unknown): ResolvedSettings {
    const { settings, problems } = resolve(raw, PREFIX);
    for (const problem of problems) {
      // The language is window-wide, read and checked on its own (lsp/language.ts).
      if (problem.key === PREFIX + LANGUAGE_KEY) continue;
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      if (problem.severity === "warning") {
        this.connection.console.warn(`settings: ${problem.message}`);
        continue;
      }
      this.connection.console.warn(`settings: ${problem.message} (the default is used)`);
      this.requests.showWarning(l10n.t("Article Annotator: {0}. The default is used.", problem.message));
    }
    return settings;
  }
}
