/**
 * A tiny test harness for the integration tests (Mocha is not a dependency): named async test
 * functions run one after another by ./index.ts, with node's assert, and polling with a deadline
 * instead of fixed sleeps.
 */

export interface TestCase {
  name: string;
  run: () => Promise<void>;
  /** Deadline of the whole test, in ms (default: E2E_TEST_TIMEOUT_MS or 60 s). */
  timeoutMs?: number;
  /** When this test fails the later ones are not run (they could only time out, one by one). */
  bail?: boolean;
}

/** How long `waitFor` polls by default (E2E_WAIT_MS overrides it, e.g. on a slow CI machine). */
export const DEFAULT_WAIT_MS = positive(process.env.E2E_WAIT_MS) ?? 30_000;
export const DEFAULT_TEST_TIMEOUT_MS = positive(process.env.E2E_TEST_TIMEOUT_MS) ?? 60_000;
const POLL_INTERVAL_MS = 50;

/**
 * Polls `probe` until it returns something other than `undefined`, and returns that; fails after
 * `timeoutMs` with `what` and the last thing seen (a thrown error counts as "not yet").
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, options: { timeoutMs?: number; describe?: () => string } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = options.describe ? `\n  last seen: ${options.describe()}` : "";
      const failed = lastError !== undefined ? `\n  last error: ${describeError(lastError)}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}${failed}`);
    }
    await delay(POLL_INTERVAL_MS);
  }
}

/** Runs `work`, failing it once `timeoutMs` has passed (the work itself cannot be cancelled). */
export async function withTimeout<T>(what: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's message (with assert's diff, if any) and the first few frames of its stack. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  let frames = 0;
  return stack
    .split("\n")
    .filter((line) => !/^\s+at /.test(line) || frames++ < 3)
    .join("\n");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
