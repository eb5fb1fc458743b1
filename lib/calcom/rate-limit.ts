import { tunable } from "../env";

/**
 * Client-side pacing per API key: Cal.com allows 120 requests a minute per key and blocks for 60 s
 * when exceeded. Requests wait for a free place in the window instead of provoking 429 storms.
 */
const windows = new Map<string, { stamps: number[]; blockedUntil: number }>();
const WINDOW_MS = 60_000;

/** 0 turns the pacing off (the bench's "no limit" run). */
export function rateLimitPerMinute(): number {
  return tunable("CALCOM_RATE_LIMIT_PER_MINUTE");
}

export async function acquire(key: string, limit = rateLimitPerMinute()): Promise<void> {
  if (limit <= 0) return;
  for (;;) {
    const now = Date.now();
    const state = windows.get(key) ?? { stamps: [], blockedUntil: 0 };
    windows.set(key, state);
    state.stamps = state.stamps.filter((t) => t > now - WINDOW_MS);
    const waitBlocked = state.blockedUntil - now;
    const waitWindow = state.stamps.length >= limit ? state.stamps[0]! + WINDOW_MS - now : 0;
    const wait = Math.max(waitBlocked, waitWindow);
    if (wait <= 0) {
      state.stamps.push(now);
      return;
    }
    await new Promise((r) => setTimeout(r, Math.min(wait, WINDOW_MS) + 5));
  }
}

/** What the X-RateLimit-*-Default headers said: remaining 0 or a 429 pauses this key until reset. */
export function observe(key: string, headers: Headers, status: number): number {
  const remaining = Number(headers.get("x-ratelimit-remaining-default") ?? NaN);
  const resetSeconds = Number(headers.get("x-ratelimit-reset-default") ?? NaN);
  if (status !== 429 && !(remaining === 0)) return 0;
  const waitMs = (Number.isFinite(resetSeconds) && resetSeconds > 0 ? resetSeconds : 60) * 1000;
  const state = windows.get(key) ?? { stamps: [], blockedUntil: 0 };
  state.blockedUntil = Math.max(state.blockedUntil, Date.now() + waitMs);
  windows.set(key, state);
  return waitMs;
}

export function resetRateLimits(): void {
  windows.clear();
}
