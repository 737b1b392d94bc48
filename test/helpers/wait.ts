/**
 * Wait for a condition instead of sleeping: polls `probe` until it gives a truthy value and
 * returns that value; throws after `timeoutMs`, naming `what` and the last value seen.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  opts: { timeoutMs?: number; what?: string; everyMs?: number } = {},
): Promise<NonNullable<T>> {
  const { timeoutMs = 15_000, what = "a condition", everyMs = 25 } = opts;
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() >= end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
