/**
 * Analyses with a deadline: each runs in a worker thread (analysisWorker.ts), and one that has not
 * finished when its deadline passes is stopped by terminating its worker; a fresh worker takes the
 * next request. Whatever the engine does on some text, the front door that asked (the language
 * server's main thread, the CLI) stays responsive and gets an answer within the deadline.
 *
 * Shared by the language server and the CLI, so both apply one policy. Requests run in the order
 * they are made, up to `size` at a time; the deadline counts from when a request starts on a worker
 * that has loaded (a new worker posts `ready` once its bundle is loaded; one that does not within
 * STARTUP_SECONDS is terminated and its request fails).
 * A request naming a document (`documentKey`) goes to the worker that analyzed that document last
 * when it is free, since that worker keeps the document's incremental state; otherwise to any
 * worker, which analyzes it in full (the same analysis, only slower).
 */
import * as l10n from "@vscode/l10n";
import { Worker } from "node:worker_threads";
import type { Analysis } from "../engine";
import { formatNumber } from "./l10n";
import { ANALYSIS_WORKER_ROLE, type AnalysisRequest, type WorkerForget, type WorkerReady, type WorkerReply, type WorkerRequest } from "./analysisWorker";

export type { AnalysisRequest } from "./analysisWorker";

/** Seconds an analysis may take by default (the `analysisDeadline` setting, `--deadline`). */
export const DEFAULT_DEADLINE_SECONDS = 10;

/**
 * How an analysis ended: `done` with the analysis (`ms`: wall-clock milliseconds in the worker's
 * round trip; `reusedBlocks`: for a request naming its document, the blocks taken from its last analysis); `stopped` when the deadline (`seconds`) passed and the worker was terminated;
 * `failed` when the engine threw or the worker died (out of memory…), with the reason;
 * `cancelled` when its caller's AbortSignal fired (waiting, or stopped at the engine's next pass).
 */
export type AnalysisOutcome = { kind: "done"; analysis: Analysis; ms: number; reusedBlocks?: number } | { kind: "stopped"; seconds: number } | { kind: "failed"; reason: string } | { kind: "cancelled" };

export interface AnalysisPoolOptions {
  /** The script a worker runs: a bundle that calls `runAnalysisWorkerIfAsked()` first (dist/server.js, dist/cli.js). */
  script: string;
  /** Default deadline of a request, in seconds (> 0). */
  deadlineSeconds?: number;
  /** Workers at most (≥ 1): with two, one stuck analysis does not hold up the next document. */
  size?: number;
}

interface Job {
  request: AnalysisRequest;
  deadlineSeconds: number;
  resolve: (outcome: AnalysisOutcome) => void;
  /** The shared cancellation flag the worker's engine reads (an Int32Array of one element). */
  cancel: SharedArrayBuffer;
}

interface Running {
  job: Job;
  id: number;
  /** The deadline's timer; none while the worker is still loading (the deadline counts from when it is ready). */
  timer: NodeJS.Timeout | undefined;
  started: number;
}

/** Seconds a new worker may take to load its bundle before it is given up as failed. */
const STARTUP_SECONDS = 60;

/** "analysis stopped after 10 s" (seconds to 3 decimals, written as the language in use writes numbers): the one wording for a stopped analysis, in every front door. */
export function describeStopped(seconds: number): string {
  return l10n.t("analysis stopped after {0} s (the engine did not finish on this text)", formatNumber(seconds));
}

export class AnalysisPool {
  private readonly script: string;
  private readonly size: number;
  private readonly deadlineSeconds: number;
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Running>();
  private readonly queue: Job[] = [];
  /** The worker that last analyzed each document (by `documentKey`), which keeps its incremental state. */
  private readonly holders = new Map<string, Worker>();
  /** Workers still loading their bundle, with the timer that gives them up (STARTUP_SECONDS). */
  private readonly loading = new Map<Worker, NodeJS.Timeout>();
  private nextId = 1;
  private disposed = false;

  constructor(options: AnalysisPoolOptions) {
    this.script = options.script;
    this.size = Math.max(1, Math.floor(options.size ?? 1));
    this.deadlineSeconds = validDeadline(options.deadlineSeconds) ?? DEFAULT_DEADLINE_SECONDS;
  }

  /** Workers alive now (idle or busy). */
  get workers(): number {
    return this.idle.length + this.running.size;
  }

  /** Starts one worker ahead of the first request, so that request does not wait for it to load. */
  warm(): void {
    if (!this.disposed && this.workers === 0) this.idle.push(this.spawn());
  }

  /**
   * Analyzes `request.text`; never rejects. `deadlineSeconds` overrides the pool's default (a
   * non-positive or non-finite value means the default). When `signal` aborts, a waiting request
   * ends at once and a running one at the engine's next pass, as `cancelled`; its worker is kept.
   */
  analyze(request: AnalysisRequest, deadlineSeconds?: number, signal?: AbortSignal): Promise<AnalysisOutcome> {
    if (this.disposed) return Promise.resolve({ kind: "failed", reason: l10n.t("the analysis workers were shut down") });
    if (signal?.aborted) return Promise.resolve({ kind: "cancelled" });
    return new Promise((resolve) => {
      const job: Job = { request, deadlineSeconds: validDeadline(deadlineSeconds) ?? this.deadlineSeconds, resolve, cancel: new SharedArrayBuffer(4) };
      signal?.addEventListener("abort", () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Lets the worker holding a document's incremental state drop it (the document was closed). */
  forget(documentKey: string): void {
    const worker = this.holders.get(documentKey);
    this.holders.delete(documentKey);
    worker?.postMessage({ forget: documentKey } satisfies WorkerForget);
  }

  /** Cancels `job`: out of the queue if it waits; its flag raised (and waiters woken) if it runs. */
  private cancel(job: Job): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      job.resolve({ kind: "cancelled" });
      return;
    }
    const flag = new Int32Array(job.cancel);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }

  /** Terminates every worker; requests still waiting end as `failed`. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ kind: "failed", reason: l10n.t("the analysis workers were shut down") });
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    this.holders.clear();
    for (const [worker, running] of this.running) this.finish(worker, running, { kind: "failed", reason: l10n.t("the analysis workers were shut down") }, false);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.disposed) {
      const job = this.queue[0]!;
      const worker = this.takeIdle(job.request.documentKey) ?? (this.workers < this.size ? this.spawn() : undefined);
      if (!worker) return;
      this.queue.shift();
      if (job.request.documentKey !== undefined) this.holders.set(job.request.documentKey, worker);
      const id = this.nextId++;
      // A worker still loading its bundle (a second or more on a loaded machine) does not eat into the deadline.
      const timer = this.loading.has(worker) ? undefined : setTimeout(() => this.stop(worker), job.deadlineSeconds * 1000);
      this.running.set(worker, { job, id, timer, started: performance.now() });
      worker.ref(); // a busy worker keeps the process alive; an idle one does not
      worker.postMessage({ id, ...job.request, cancel: job.cancel } satisfies WorkerRequest);
    }
  }

  /** An idle worker for a request: the one holding the document's state if it is idle, else the most recently idle. */
  private takeIdle(documentKey: string | undefined): Worker | undefined {
    const holder = documentKey === undefined ? undefined : this.holders.get(documentKey);
    const index = holder ? this.idle.indexOf(holder) : -1;
    return index >= 0 ? this.idle.splice(index, 1)[0] : this.idle.pop();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: { role: ANALYSIS_WORKER_ROLE } });
    worker.unref();
    const startup = setTimeout(() => void worker.terminate(), STARTUP_SECONDS * 1000);
    startup.unref();
    this.loading.set(worker, startup);
    worker.on("message", (reply: WorkerReply | WorkerReady) => {
      if ("ready" in reply) {
        this.ready(worker);
        return;
      }
      const running = this.running.get(worker);
      if (!running || running.id !== reply.id) return;
      const outcome: AnalysisOutcome =
        "analysis" in reply ? { kind: "done", analysis: reply.analysis, ms: performance.now() - running.started, ...(reply.reusedBlocks !== undefined ? { reusedBlocks: reply.reusedBlocks } : {}) } : "cancelled" in reply ? { kind: "cancelled" } : { kind: "failed", reason: reply.error };
      this.finish(worker, running, outcome, true);
    });
    // An uncaught error (out of memory…) ends the worker: its request fails, a new worker takes the next.
    worker.on("error", (error) => this.lost(worker, error.message));
    worker.on("exit", (code) => this.lost(worker, l10n.t("the analysis worker exited (code {0})", code)));
    return worker;
  }

  /** `worker` has loaded: the deadline of the request it holds, if any, starts now. */
  private ready(worker: Worker): void {
    clearTimeout(this.loading.get(worker));
    this.loading.delete(worker);
    const running = this.running.get(worker);
    if (running && running.timer === undefined) {
      running.started = performance.now();
      running.timer = setTimeout(() => this.stop(worker), running.job.deadlineSeconds * 1000);
    }
  }

  /** The deadline passed: the worker is terminated and its request ends as `stopped`. */
  private stop(worker: Worker): void {
    const running = this.running.get(worker);
    if (!running) return;
    this.finish(worker, running, { kind: "stopped", seconds: running.job.deadlineSeconds }, false);
    this.dropHolder(worker);
    void worker.terminate();
  }

  /** A worker that is gone holds no document's state any more. */
  private dropHolder(worker: Worker): void {
    for (const [key, holder] of this.holders) if (holder === worker) this.holders.delete(key);
  }

  private lost(worker: Worker, reason: string): void {
    clearTimeout(this.loading.get(worker));
    this.loading.delete(worker);
    this.dropHolder(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    const running = this.running.get(worker);
    if (running) this.finish(worker, running, { kind: "failed", reason }, false);
  }

  private finish(worker: Worker, running: Running, outcome: AnalysisOutcome, reusable: boolean): void {
    clearTimeout(running.timer);
    this.running.delete(worker);
    if (reusable && !this.disposed) {
      worker.unref();
      this.idle.push(worker);
    }
    running.job.resolve(outcome);
    this.dispatch();
  }
}

/**
 * Whether `value` can be a deadline: a finite number of seconds above 0. The one check behind the
 * `analysisDeadline` setting, the CLI's settings file and `--deadline`.
 */
export function isDeadline(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

function validDeadline(seconds: number | undefined): number | undefined {
  return isDeadline(seconds) ? seconds : undefined;
}
