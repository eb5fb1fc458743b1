/**
 * Cal.com's throttler (reference §1.3): `limit` requests per 60 s window per API key (per IP without a
 * key); exceeding it blocks the key for 60 s. Reset headers carry remaining seconds, not a timestamp.
 */

const WINDOW_MS = 60_000;
const BLOCK_MS = 60_000;

type Bucket = { windowStart: number; count: number; blockedUntil?: number };

export type RateDecision = { limited: boolean; headers: Record<string, string> };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: number,
    private readonly now: () => Date,
  ) {}

  hit(key: string): RateDecision {
    if (this.limit <= 0) return { limited: false, headers: {} };
    const now = this.now().getTime();
    let bucket = this.buckets.get(key);
    if (bucket?.blockedUntil !== undefined) {
      if (now < bucket.blockedUntil) return this.decision(true, 0, bucket.blockedUntil - now);
      bucket = undefined;
    }
    if (!bucket || now - bucket.windowStart >= WINDOW_MS) {
      bucket = { windowStart: now, count: 0 };
    }
    this.buckets.set(key, bucket);
    bucket.count += 1;
    if (bucket.count > this.limit) {
      bucket.blockedUntil = now + BLOCK_MS;
      return this.decision(true, 0, BLOCK_MS);
    }
    return this.decision(false, this.limit - bucket.count, bucket.windowStart + WINDOW_MS - now);
  }

  /** Headers describing a bucket without consuming from it. */
  peek(key: string): Record<string, string> {
    if (this.limit <= 0) return {};
    const now = this.now().getTime();
    const bucket = this.buckets.get(key);
    if (!bucket || now - bucket.windowStart >= WINDOW_MS) return this.decision(false, this.limit, WINDOW_MS).headers;
    if (bucket.blockedUntil !== undefined && now < bucket.blockedUntil) {
      return this.decision(true, 0, bucket.blockedUntil - now).headers;
    }
    return this.decision(false, Math.max(0, this.limit - bucket.count), bucket.windowStart + WINDOW_MS - now).headers;
  }

  reset(): void {
    this.buckets.clear();
  }

  private decision(limited: boolean, remaining: number, msLeft: number): RateDecision {
    return {
      limited,
      headers: {
        "X-RateLimit-Limit-Default": String(this.limit),
        "X-RateLimit-Remaining-Default": String(Math.max(0, remaining)),
        "X-RateLimit-Reset-Default": String(Math.max(0, Math.ceil(msLeft / 1000))),
      },
    };
  }
}
