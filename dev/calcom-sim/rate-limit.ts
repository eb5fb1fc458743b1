/**
 * Cal.com's throttler (reference §1.3): `limit` requests per 60 s window per API key (per IP without a
 * key, 500 per other bearer token); exceeding it blocks the bucket for 60 s, on every endpoint.
 * Reset headers carry remaining seconds, not a timestamp.
 */

const WINDOW_MS = 60_000;
const BLOCK_MS = 60_000;
export const ACCESS_TOKEN_LIMIT = 500;

type Bucket = { windowStart: number; count: number; blockedUntil?: number };

export type RateDecision = { limited: boolean; headers: Record<string, string> };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: number,
    private readonly now: () => Date,
  ) {}

  /** Counts a request; `limit` overrides the default for this bucket (access tokens). */
  hit(key: string, limit = this.limit): RateDecision {
    if (this.limit <= 0) return { limited: false, headers: {} };
    const now = this.now().getTime();
    let bucket = this.buckets.get(key);
    if (bucket?.blockedUntil !== undefined) {
      if (now < bucket.blockedUntil) return this.decision(limit, true, 0, bucket.blockedUntil - now);
      bucket = undefined;
    }
    if (!bucket || now - bucket.windowStart >= WINDOW_MS) {
      bucket = { windowStart: now, count: 0 };
    }
    this.buckets.set(key, bucket);
    bucket.count += 1;
    if (bucket.count > limit) {
      bucket.blockedUntil = now + BLOCK_MS;
      return this.decision(limit, true, 0, BLOCK_MS);
    }
    return this.decision(limit, false, limit - bucket.count, bucket.windowStart + WINDOW_MS - now);
  }

  reset(): void {
    this.buckets.clear();
  }

  private decision(limit: number, limited: boolean, remaining: number, msLeft: number): RateDecision {
    return {
      limited,
      headers: {
        "X-RateLimit-Limit-Default": String(limit),
        "X-RateLimit-Remaining-Default": String(Math.max(0, remaining)),
        "X-RateLimit-Reset-Default": String(Math.max(0, Math.ceil(msLeft / 1000))),
      },
    };
  }
}
