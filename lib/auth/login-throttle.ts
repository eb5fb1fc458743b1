import { and, eq, gt, lte, or, sql } from "drizzle-orm";
import { type DbOrTx, loginThrottles } from "../db";

/**
 * Brute-force brake for the login, kept in PostgreSQL so it holds across web instances:
 * - `LOGIN_LIMITS` failures of one account (or one client address) within `WINDOW_MS` lock it;
 * - the first lock lasts `FIRST_LOCK_MS`, each further one twice as long, at most `MAX_LOCK_MS`;
 * - failures while a lock runs do not lock again (parallel attempts would otherwise double it at once);
 * - after `FORGET_AFTER_MS` without a failure, a key starts over; a successful login clears its account
 *   (not its address: one's own valid login must not reset the counter of an address that guesses others).
 */
export const LOGIN_LIMITS = { account: 5, address: 20 } as const;
export type ThrottleKind = keyof typeof LOGIN_LIMITS;
export type ThrottleKey = { kind: ThrottleKind; key: string };

const MINUTE = 60_000;
export const WINDOW_MS = 15 * MINUTE;
export const FIRST_LOCK_MS = 15 * MINUTE;
export const MAX_LOCK_MS = 120 * MINUTE;
export const FORGET_AFTER_MS = 24 * 60 * MINUTE;

const t = loginThrottles;
const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
/** An instant inside hand-written SQL (drizzle maps only column-bound values). */
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** The latest end of a running lock on any of the keys, or null when the login may be tried. */
export async function loginLockedUntil(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ until: sql<Date | null>`max(${t.lockedUntil})`.mapWith(t.lockedUntil) })
    .from(t)
    .where(and(or(...keys.map((k) => and(eq(t.kind, k.kind), eq(t.key, k.key)))), gt(t.lockedUntil, now)));
  return row?.until ?? null;
}

/**
 * Counts one failed login in a single upsert: concurrent failures queue on the row and each sees the
 * count before it, so none is lost. Returns the lock this failure started or the one still running.
 */
export async function recordLoginFailure(db: DbOrTx, { kind, key }: ThrottleKey, now: Date): Promise<Date | null> {
  const forgotten = sql`(${t.lastFailureAt} <= ${at(ago(now, FORGET_AFTER_MS))})`;
  const stillLocked = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} > ${at(now)})`;
  const inWindow = sql`(${t.windowStartedAt} > ${at(ago(now, WINDOW_MS))})`;
  const count = sql`(case when ${inWindow} then ${t.failures} else 0 end + 1)`;
  const locking = sql`(not ${stillLocked} and ${count} >= ${LOGIN_LIMITS[kind]}::int)`;
  const locksSoFar = sql`(case when ${forgotten} then 0 else ${t.locks} end)`;
  const lockMs = sql`least(${FIRST_LOCK_MS}::float8 * power(2, ${locksSoFar}), ${MAX_LOCK_MS}::float8)`;
  const [row] = await db
    .insert(t)
    .values({ kind, key, failures: 1, windowStartedAt: now, lastFailureAt: now, locks: 0 })
    .onConflictDoUpdate({
      target: [t.kind, t.key],
      set: {
        failures: sql`case when ${stillLocked} then ${t.failures} when ${locking} then 0 else ${count} end`,
        windowStartedAt: sql`case when ${stillLocked} or (${inWindow} and not ${locking}) then ${t.windowStartedAt}
          else ${at(now)} end`,
        lockedUntil: sql`case when ${locking} then ${at(now)} + ${lockMs} * interval '1 millisecond'
          else ${t.lockedUntil} end`,
        locks: sql`${locksSoFar} + case when ${locking} then 1 else 0 end`,
        lastFailureAt: now,
      },
    })
    .returning({ lockedUntil: t.lockedUntil });
  const until = row?.lockedUntil ?? null;
  return until && until > now ? until : null;
}

/** After a successful login: the account starts over; rows nobody failed on for a day go too. */
export async function clearLoginFailures(db: DbOrTx, account: string, now: Date): Promise<void> {
  await db
    .delete(t)
    .where(or(and(eq(t.kind, "account"), eq(t.key, account)), lte(t.lastFailureAt, ago(now, FORGET_AFTER_MS))));
}

export const throttleKeysFor = (account: string, address: string): ThrottleKey[] => [
  { kind: "account", key: account },
  { kind: "address", key: address },
];
