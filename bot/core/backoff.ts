import type { Logger } from "pino";
import { metrics } from "./metrics.ts";

/**
 * Outages without log storms: a loop that fails (database unreachable, network down) retries
 * with exponential backoff and logs once per episode — the first failure (warn) and the
 * recovery (info, with how long it lasted and how many attempts failed) — never each attempt.
 */
export class Episode {
  private failures = 0;
  private since = 0;
  private delay: number;

  constructor(
    private log: Logger,
    /** What is failing, as the log names it ("telegram polling", "outbox claim", …). */
    readonly what: string,
    private opts: { minMs?: number; maxMs?: number } = {},
  ) {
    this.delay = opts.minMs ?? 250;
  }

  /** Whether the last attempt failed (health checks read it). */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Failed attempts in the current episode. */
  get attempts(): number {
    return this.failures;
  }

  /** Record a failure; returns how long to wait before the next attempt (with jitter). */
  fail(err: unknown): number {
    if (this.failures++ === 0) {
      this.since = Date.now();
      this.delay = this.opts.minMs ?? 250;
      metrics.outages.inc({ what: this.what });
      this.log.warn({ err: errorSummary(err), what: this.what }, `${this.what} failing: will retry with backoff`);
    }
    const wait = this.delay;
    this.delay = Math.min(this.opts.maxMs ?? 10_000, this.delay * 2);
    return Math.round(wait * (0.8 + Math.random() * 0.4));
  }

  /** Record a success: ends the episode (logged once) if one was open. */
  ok(): void {
    if (this.failures === 0) return;
    this.log.info({ what: this.what, failedAttempts: this.failures, ms: Date.now() - this.since }, `${this.what} recovered`);
    this.failures = 0;
    this.delay = this.opts.minMs ?? 250;
  }
}

/** Exponential backoff with jitter for the n-th failed attempt (0-based), for loops that keep their own count. */
export function backoffDelay(attempt: number, minMs = 250, maxMs = 10_000): number {
  const d = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(d * (0.8 + Math.random() * 0.4));
}

/** Thrown by `retrying` when its signal aborts (a stop) before an attempt succeeds. */
export class AbortedError extends Error {
  constructor() {
    super("aborted");
    this.name = "AbortedError";
  }
}

export interface RetryOptions {
  episode: Episode;
  /** Stop retrying (a shutdown): the call then throws AbortedError. */
  signal?: AbortSignal;
  /** Errors not worth retrying: thrown at once (default: every error is retried). */
  retryable?: (e: unknown) => boolean;
  /** A wait the error itself asks for (e.g. a 429's retry_after), in ms. */
  waitOf?: (e: unknown) => number | undefined;
}

/** Run `fn` until it succeeds: each failure waits the episode's backoff; logs once per episode. */
export async function retrying<T>(fn: () => Promise<T>, o: RetryOptions): Promise<T> {
  for (;;) {
    if (o.signal?.aborted) throw new AbortedError();
    try {
      const v = await fn();
      o.episode.ok();
      return v;
    } catch (e) {
      if (o.signal?.aborted) throw new AbortedError();
      if (o.retryable && !o.retryable(e)) throw e;
      const wait = Math.max(o.episode.fail(e), o.waitOf?.(e) ?? 0);
      await sleep(wait, o.signal);
    }
  }
}

/** Sleep that ends early (without throwing) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

const TRANSIENT_CODES = new Set([
  // Prisma: cannot reach / connection closed / timed out / pool timeout / write conflict
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2034",
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: connection exceptions, shutdown, too many connections, serialization/deadlock
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "40001",
  "40P01",
  // SQLite
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
]);

const TRANSIENT_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection (?:is )?(?:closed|ended)|Can't reach database|server closed the connection|terminating connection|timeout exceeded when trying to connect|SocketTimeout|DatabaseNotReachable|ConnectionClosed|database is locked|the database system is (?:starting up|shutting down)|Client has encountered a connection error|too many clients|Timed out fetching a new connection/i;

/**
 * Whether an error is an outage (the database or the network is away for a moment) rather
 * than a fault of the work itself: such work is retried instead of being failed.
 */
export function isTransientError(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === "object" && !seen.has(cur) && depth < 8; depth++) {
    seen.add(cur);
    const err = cur as { code?: unknown; kind?: unknown; message?: unknown; originalCode?: unknown; cause?: unknown; name?: unknown };
    for (const c of [err.code, err.originalCode, err.kind]) if (typeof c === "string" && TRANSIENT_CODES.has(c)) return true;
    if (typeof err.kind === "string" && /NotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|TransactionWriteConflict/.test(err.kind)) return true;
    if (typeof err.message === "string" && TRANSIENT_TEXT.test(err.message)) return true;
    if (err.name === "AggregateError" && Array.isArray((cur as { errors?: unknown[] }).errors)) {
      if ((cur as { errors: unknown[] }).errors.some((x) => isTransientError(x))) return true;
    }
    cur = err.cause;
  }
  return false;
}

/** A log-safe summary of an error (name, code, first line of the message). */
export function errorSummary(e: unknown): { name: string; code?: string; message: string } {
  if (!(e instanceof Error)) return { name: "Error", message: String(e).slice(0, 300) };
  const code = (e as { code?: unknown }).code;
  return { name: e.name, ...(typeof code === "string" ? { code } : {}), message: e.message.split("\n")[0]!.slice(0, 300) };
}
