/**
 * Stopping an analysis a newer text has made useless. The engine checks a token between its passes
 * (normalization, debris, each block of segments, each detector) and stops at the next check once
 * cancellation is requested; a pass itself is never interrupted, so the cost of a late cancellation
 * is at most one pass. The token has the shape of LSP's `CancellationToken`, so the server's own
 * tokens fit; across threads, `host/analysisWorker.ts` reads a shared flag.
 */

/** A request to stop; `isCancellationRequested` is read at each check. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Thrown by `analyze` when its token asks it to stop; nothing of the analysis is returned. */
export class AnalysisCancelled extends Error {
  constructor() {
    super("analysis cancelled (a newer text replaced it)");
    this.name = "AnalysisCancelled";
  }
}

/** Throws AnalysisCancelled when `token` asks to stop; returns at once otherwise (or without a token). */
export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new AnalysisCancelled();
}
