/**
 * Fault injection for tests, in the manner of failpoints (etcd's gofail, FreeBSD's fail(9)): the
 * environment variable ARTICLE_ANNOTATOR_FAILPOINTS holds `;`-separated `NAME=MARKER` pairs. With
 * `analysis-hang=M`, an analysis (in an analysis or index worker) of a text containing M never
 * returns; with `analysis-throw=M` it throws; with `analysis-slow=M` it waits, before its first
 * pass, until it is cancelled (up to a minute) — a long pass that a newer text makes useless. Unset, as everywhere outside the tests, it costs one
 * look-up of the environment per worker and nothing per analysis.
 */
export const FAILPOINTS_VARIABLE = "ARTICLE_ANNOTATOR_FAILPOINTS";

let points: Map<string, string> | undefined;

/** `NAME=MARKER;NAME=MARKER` → pairs; a malformed part is ignored. */
export function parseFailpoints(value: string | undefined): Map<string, string> {
  const parsed = new Map<string, string>();
  for (const part of (value ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && at < part.length - 1) parsed.set(part.slice(0, at).trim(), part.slice(at + 1));
  }
  return parsed;
}

/**
 * Hangs, throws or waits as the failpoints say for this text; returns at once when none is set.
 * `cancelFlag`: the analysis's shared cancellation flag (0 until cancelled), which `analysis-slow` waits on.
 */
export function injectFaults(text: string, cancelFlag?: Int32Array): void {
  points ??= parseFailpoints(process.env[FAILPOINTS_VARIABLE]);
  if (points.size === 0) return;
  const hang = points.get("analysis-hang");
  if (hang !== undefined && text.includes(hang)) {
    // An engine that never returns, busy as the run-together loop once was on astral letters.
    let spins = 0;
    for (;;) spins = (spins + 1) % 1_000_000;
  }
  const slow = points.get("analysis-slow");
  if (slow !== undefined && text.includes(slow) && cancelFlag) Atomics.wait(cancelFlag, 0, 0, 60_000);
  const fail = points.get("analysis-throw");
  // eslint-disable-next-line i18next/no-literal-string -- a fault only tests inject
  if (fail !== undefined && text.includes(fail)) throw new Error("injected analysis failure (analysis-throw failpoint)");
}
