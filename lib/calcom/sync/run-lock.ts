import type postgres from "postgres";
import { createDb } from "../../db";
import { env, tunable } from "../../env";

/** First key of SlotDesk's advisory locks for sync runs ("SYNC"); the second is the appointment id. */
const SYNC_LOCK_NAMESPACE = 0x53594e43;

const globalForLocks = globalThis as unknown as {
  slotdeskSyncLocks?: ReturnType<typeof createDb> & { url: string };
};

/**
 * Connections that only hold locks. A run's session-level advisory lock lives on one of them for the
 * whole run (Cal.com round trips included) without an open transaction, so the idle-in-transaction
 * limit never ends it; when the process dies, PostgreSQL drops the connection and with it the lock.
 * Kept apart from the main pool so that held locks never take connections from the queries.
 */
function lockPool(): postgres.Sql {
  const url = env().DATABASE_URL;
  const current = globalForLocks.slotdeskSyncLocks;
  if (current && current.url === url) return current.sql;
  const handle = createDb(url, {
    max: tunable("WORKER_SYNC_CONCURRENCY") + 2,
    applicationName: "slotdesk-sync-locks",
  });
  globalForLocks.slotdeskSyncLocks = { ...handle, url };
  return handle.sql;
}

/** Closes the lock connections (worker shutdown, tests). */
export async function closeSyncLocks(): Promise<void> {
  const current = globalForLocks.slotdeskSyncLocks;
  globalForLocks.slotdeskSyncLocks = undefined;
  await current?.close();
}

/**
 * Runs `run` only while no other sync run of this appointment is going on, in any process: two runs
 * can never overlap (a pg-boss job that expired while its run still works, a retry, a second worker).
 * Returns `{ ran: false }` at once when another run holds the appointment.
 */
export async function withAppointmentSyncLock<T>(
  appointmentId: number,
  run: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const connection = await lockPool().reserve();
  const key = appointmentId % 2_147_483_647;
  try {
    const [row] = await connection<{ locked: boolean }[]>`
      select pg_try_advisory_lock(${SYNC_LOCK_NAMESPACE}::int, ${key}::int) as locked`;
    if (!row?.locked) return { ran: false };
    try {
      return { ran: true, value: await run() };
    } finally {
      await connection`select pg_advisory_unlock(${SYNC_LOCK_NAMESPACE}::int, ${key}::int)`.catch(() => {});
    }
  } finally {
    connection.release();
  }
}
