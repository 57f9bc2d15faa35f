/**
 * The analysis worker thread: runs `analyze` for the main thread, one request at a time, so that the
 * main thread can stop an analysis that does not finish (AnalysisPool terminates the worker). Started
 * from a bundle that doubles as it (dist/server.js, dist/cli.js) with `workerData.role` set.
 * Tests make it hang or throw on purpose through failpoints (failpoints.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyze, compileCustomRules, type Analysis, type BoilerplateRule, type CustomRuleDefinition, type RuleSettings } from "../engine";
import { injectFaults } from "./failpoints";

export const ANALYSIS_WORKER_ROLE = "article-annotator-analysis";

/** What the main thread asks for: a text and the rule settings to analyze it with. */
export interface AnalysisRequest {
  text: string;
  rules?: RuleSettings;
  /** User rules as written in the settings (compiled in the worker; RegExps do not cross threads). */
  customRules?: readonly CustomRuleDefinition[];
}

export type WorkerRequest = AnalysisRequest & { id: number };
export type WorkerReply = { id: number; analysis: Analysis } | { id: number; error: string };

/** Runs when this bundle is loaded as an analysis worker; a no-op (false) otherwise. */
export function runAnalysisWorkerIfAsked(): boolean {
  const data = workerData as { role?: unknown } | null;
  if (!parentPort || data?.role !== ANALYSIS_WORKER_ROLE) return false;
  const port = parentPort;
  let compiled: { key: string; rules: BoilerplateRule[] } | undefined;
  port.on("message", (request: WorkerRequest) => {
    try {
      const key = JSON.stringify(request.customRules ?? []);
      if (compiled?.key !== key) compiled = { key, rules: compileCustomRules(request.customRules ?? []).rules };
      injectFaults(request.text);
      const analysis = analyze(request.text, { rules: request.rules ?? {}, customRules: compiled.rules });
      port.postMessage({ id: request.id, analysis } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
    }
  });
  return true;
}
