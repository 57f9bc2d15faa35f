/**
 * The analysis worker thread: runs `analyze` for the main thread, one request at a time, so that the
 * main thread can stop an analysis that does not finish (AnalysisPool terminates the worker). Started
 * from a bundle that doubles as it (dist/server.js, dist/cli.js) with `workerData.role` set.
 * Tests make it hang or throw on purpose through failpoints (failpoints.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { AnalysisCancelled, analyze, builtInKnowledgeBase, IncrementalAnalyzer, type AnalyzeOptions, compileCustomRules, type Analysis, type BoilerplateRule, type CustomRuleDefinition, type KnowledgeBase, type KnowledgeBaseData, type RuleSettings } from "../engine";
import type { ResolvedSettings } from "./settings";
import { injectFaults } from "./failpoints";

export const ANALYSIS_WORKER_ROLE = "article-annotator-analysis";

/** What the main thread asks for: a text and the rule settings to analyze it with. */
export interface AnalysisRequest {
  text: string;
  rules?: RuleSettings;
  /** User rules as written in the settings (compiled in the worker; RegExps do not cross threads). */
  customRules?: readonly CustomRuleDefinition[];
  /** Link to the built-in knowledge base (compiled once per worker). */
  knowledgeBase?: boolean;
  /** The workspace's knowledge base entries over the built-in ones (compiled once per distinct value). */
  knowledgeBaseLayers?: readonly KnowledgeBaseData[];
  /**
   * Names the document this text is a version of (the server passes its uri): the worker keeps
   * what it learnt from the document's last text (an IncrementalAnalyzer, for a few documents at
   * most) and reuses it on the next one. The analysis is the same with or without it.
   */
  documentKey?: string;
}

/** Documents whose incremental state one worker keeps at most (the least recently analyzed goes first). */
export const KEPT_DOCUMENTS = 4;

/** The request that analyzes `text` with `settings`: every front door asks for analyses this one way. */
export function analysisRequest(text: string, settings: Pick<ResolvedSettings, "rules" | "customRules" | "knowledgeBase" | "knowledgeBaseLayers">): AnalysisRequest {
  return { text, rules: settings.rules, customRules: settings.customRules, knowledgeBase: settings.knowledgeBase, ...(settings.knowledgeBase && settings.knowledgeBaseLayers?.length ? { knowledgeBaseLayers: settings.knowledgeBaseLayers } : {}) };
}

/** The worker's knowledge base, compiled again only when the workspace's layers change. */
let knowledgeBase: { key: string; compiled: KnowledgeBase } | undefined;

function workerKnowledgeBase(layers: readonly KnowledgeBaseData[] | undefined): KnowledgeBase {
  const key = layers ? JSON.stringify(layers) : "";
  if (knowledgeBase?.key !== key) knowledgeBase = { key, compiled: builtInKnowledgeBase(layers) };
  return knowledgeBase.compiled;
}

/**
 * `cancel`: an Int32Array's buffer of one element, 0 until the main thread stores 1 there to stop
 * the analysis (read between the engine's passes; threads share no other memory).
 */
export type WorkerRequest = AnalysisRequest & { id: number; cancel?: SharedArrayBuffer };
/** A message that needs no reply: forget the state kept for a document (it was closed). */
export interface WorkerForget {
  forget: string;
}
/** `reusedBlocks`: how many blocks a request naming its document took from the previous analysis of it. */
export type WorkerReply = { id: number; analysis: Analysis; reusedBlocks?: number } | { id: number; error: string } | { id: number; cancelled: true };

/** Posted once by a new worker when its bundle has loaded and it listens: a request's deadline counts from then. */
export interface WorkerReady {
  ready: true;
}

/** Runs when this bundle is loaded as an analysis worker; a no-op (false) otherwise. */
export function runAnalysisWorkerIfAsked(): boolean {
  const data = workerData as { role?: unknown } | null;
  if (!parentPort || data?.role !== ANALYSIS_WORKER_ROLE) return false;
  const port = parentPort;
  let compiled: { key: string; rules: BoilerplateRule[] } | undefined;
  const documents = new DocumentStates(KEPT_DOCUMENTS);
  port.on("message", (message: WorkerRequest | WorkerForget) => {
    if ("forget" in message) {
      documents.forget(message.forget);
      return;
    }
    const request = message;
    try {
      const key = JSON.stringify(request.customRules ?? []);
      if (compiled?.key !== key) compiled = { key, rules: compileCustomRules(request.customRules ?? []).rules };
      const flag = request.cancel ? new Int32Array(request.cancel) : undefined;
      const cancellation = flag ? { get isCancellationRequested() { return Atomics.load(flag, 0) !== 0; } } : undefined;
      injectFaults(request.text, flag);
      const options: AnalyzeOptions = { rules: request.rules ?? {}, customRules: compiled.rules, cancellation, ...(request.knowledgeBase ? { knowledgeBase: workerKnowledgeBase(request.knowledgeBaseLayers) } : {}) };
      if (request.documentKey === undefined) {
        port.postMessage({ id: request.id, analysis: analyze(request.text, options) } satisfies WorkerReply);
        return;
      }
      const state = documents.get(request.documentKey);
      const analysis = state.analyze(request.text, options);
      port.postMessage({ id: request.id, analysis, reusedBlocks: state.lastStats.reused } satisfies WorkerReply);
    } catch (error) {
      if (error instanceof AnalysisCancelled) {
        port.postMessage({ id: request.id, cancelled: true } satisfies WorkerReply);
        return;
      }
      port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerReady);

  return true;
}

/** The incremental analyzers of the documents last analyzed, at most `size`, least recently used dropped first. */
class DocumentStates {
  private readonly states = new Map<string, IncrementalAnalyzer>();

  constructor(private readonly size: number) {}

  get(key: string): IncrementalAnalyzer {
    const state = this.states.get(key) ?? new IncrementalAnalyzer();
    // A Map keeps insertion order: delete and set again make it the most recent.
    this.states.delete(key);
    this.states.set(key, state);
    for (const oldest of this.states.keys()) {
      if (this.states.size <= this.size) break;
      this.states.delete(oldest);
    }
    return state;
  }

  forget(key: string): void {
    this.states.delete(key);
  }
}
