/**
 * The server's settings (`articleAnnotator.*`, checked by host/settings.ts): pulled per document
 * through `workspace/configuration` when the client offers it, cached, and forgotten when the client
 * says they changed. A bad value falls back to its default, with one message to the user.
 */
import type { Connection } from "vscode-languageserver";
import { ClientRequests } from "./clientRequests";
import { resolveSettings as resolve, type ResolvedSettings } from "../host/settings";

export type { ResolvedSettings } from "../host/settings";

const PREFIX = "articleAnnotator.";

/** Settings per document, pulled from the client and cached until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private global: ResolvedSettings = resolve({}).settings;
  private readonly reported = new Set<string>();
  private readonly requests: ClientRequests;

  constructor(
    private readonly connection: Connection,
    private readonly pullsConfiguration: boolean,
  ) {
    this.requests = new ClientRequests(connection);
  }

  get(uri: string): Promise<ResolvedSettings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: "articleAnnotator" })
        .then((raw) => this.report(raw))
        .catch(() => this.global);
      this.cache.set(uri, settings);
    }
    return settings;
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
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      if (problem.severity === "warning") {
        this.connection.console.warn(`settings: ${problem.message}`);
        continue;
      }
      this.connection.console.warn(`settings: ${problem.message} (the default is used)`);
      this.requests.showWarning(`Article Annotator: ${problem.message}. The default is used.`);
    }
    return settings;
  }
}
