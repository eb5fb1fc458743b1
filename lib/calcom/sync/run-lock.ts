import { createDb } from "../../db";
import { env } from "../../env";

/** First key of SlotDesk's advisory locks for sync runs ("SYNC"); the second is the appointment id. */
const SYNC_LOCK_NAMESPACE = 0x53594e43;

/** The lock connections of the runs going on in this process (closed with the worker). */
const openLockClients = new Set<ReturnType<typeof createDb>>();

/**
 * A connection that only holds the run's lock: a session-level advisory lock lives on it for the
 * whole run (Cal.com round trips included) without an open transaction, so the idle-in-transaction
 * limit never ends it; when the process dies, PostgreSQL drops the connection and with it the lock.
 * One client per run, not a reserved pool connection: postgres.js would hand a reserved connection
 * that died with a database restart back to its pool, where it fails every later query.
 */
function lockClient(): ReturnType<typeof createDb> {
  // Never closed for being idle: between two Cal.com requests (paced, up to a minute) the lock must stay.
  const handle = createDb(env().DATABASE_URL, {
    max: 1,
    applicationName: "slotdesk-sync-locks",
    idleTimeoutSeconds: 0,
  });
  openLockClients.add(handle);
  return handle;
}

/** Closes the lock connections still open (worker shutdown, tests). */
export async function closeSyncLocks(): Promise<void> {
  const open = [...openLockClients];
  openLockClients.clear();
  await Promise.all(open.map((handle) => handle.close()));
}

/** The run's lock is gone (its connection died with a database restart): it must not write to Cal.com again. */
export class SyncLeaseLostError extends Error {
  constructor(appointmentId: number) {
    super(`sync run of appointment ${appointmentId} lost its lock; it stops and the job retries`);
    this.name = "SyncLeaseLostError";
  }
}

/** What a run holds: `check()` throws SyncLeaseLostError once the lock may be gone; `lost` stays true after. */
export type SyncLease = { check: () => Promise<void>; readonly lost: boolean };

/**
 * Runs `run` only while no other sync run of this appointment is going on, in any process: two runs
 * can never overlap (a pg-boss job that expired while its run still works, a retry, a second worker).
 * Returns `{ ran: false }` at once when another run holds the appointment. A session lock ends with
 * its connection — after a database restart another run may take it — so the run checks its lease
 * (same backend still there) before every change it sends to Cal.com, and stops when it is gone.
 */
export async function withAppointmentSyncLock<T>(
  appointmentId: number,
  run: (lease: SyncLease) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const handle = lockClient();
  const connection = handle.sql;
  const key = appointmentId % 2_147_483_647;
  try {
    const [row] = await connection<{ locked: boolean; pid: number }[]>`
      select pg_try_advisory_lock(${SYNC_LOCK_NAMESPACE}::int, ${key}::int) as locked, pg_backend_pid() as pid`;
    if (!row?.locked) return { ran: false };
    let lost = false;
    const lease: SyncLease = {
      get lost() {
        return lost;
      },
      check: async () => {
        if (!lost) {
          const [now] = await connection<{ pid: number }[]>`select pg_backend_pid() as pid`.catch(() => []);
          lost = now?.pid !== row.pid;
        }
        if (lost) throw new SyncLeaseLostError(appointmentId);
      },
    };
    try {
      return { ran: true, value: await run(lease) };
    } finally {
      if (!lost) await connection`select pg_advisory_unlock(${SYNC_LOCK_NAMESPACE}::int, ${key}::int)`.catch(() => {});
    }
  } finally {
    openLockClients.delete(handle);
    await handle.close().catch(() => {});
  }
}
