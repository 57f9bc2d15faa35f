/**
 * The server's settings (`articleAnnotator.*`, checked by host/settings.ts): pulled per document
 * through `workspace/configuration` when the client offers it, cached, and forgotten when the client
 * says they changed. A bad value falls back to its default, with one message to the user.
 */
import type { Connection } from "vscode-languageserver";
import type { ClientRequests } from "./clientRequests";
import { resolveSettings as resolve, type ResolvedSettings } from "../host/settings";

export type { ResolvedSettings } from "../host/settings";

const PREFIX = "articleAnnotator.";

/** Settings per document, pulled from the client and cached until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private global: ResolvedSettings = resolve({}).settings;
  private readonly reported = new Set<string>();
  constructor(
    private readonly connection: Connection,
    private readonly requests: ClientRequests,
    private readonly pullsConfiguration: boolean,
  ) {}

  get(uri: string): Promise<ResolvedSettings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      // A client that refuses the request (or is gone) leaves the settings as they were.
      settings = this.requests.configuration(uri, "articleAnnotator").then((answer) => (answer ? this.report(answer.value) : this.global));
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
