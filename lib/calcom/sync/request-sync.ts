import { eq, sql } from "drizzle-orm";
import { getProducer, CALCOM_SYNC, singletonKeyFor, bossDb } from "../../jobs";
import { type DbOrTx, appointments } from "../../db";

/**
 * Marks an appointment for Cal.com sync and enqueues the sync job in the same transaction that
 * changed it: the job exists exactly when the change commits. The job compares the appointment
 * with Cal.com and creates, moves or cancels bookings until they match.
 */
export async function requestCalcomSync(
  tx: DbOrTx,
  appointment: { id: number; companyId: string },
  trigger: SyncTrigger = "auto",
): Promise<void> {
  await tx
    .update(appointments)
    .set({ calcomSyncStatus: "pending", syncRequestedAt: sql`now()` })
    .where(eq(appointments.id, appointment.id));
  await enqueueCalcomSync(tx, appointment, trigger);
}

/** Who asked for a sync: every change of an appointment ("auto") or an admin's "Erneut synchronisieren". */
export type SyncTrigger = "auto" | "admin";

/** Only the job, for an appointment inserted as `pending` in this transaction. */
export async function enqueueCalcomSync(
  tx: DbOrTx,
  appointment: { id: number; companyId: string },
  trigger: SyncTrigger = "auto",
): Promise<void> {
  const boss = await getProducer();
  await boss.send(
    CALCOM_SYNC,
    { appointmentId: appointment.id, companyId: appointment.companyId, ...(trigger === "admin" ? { trigger } : {}) },
    { db: bossDb(tx), singletonKey: singletonKeyFor(appointment.id) },
  );
}
