import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { appointments } from "../db/schema";

/**
 * Marks an appointment for Cal.com sync in the transaction that changed it: the sync job
 * compares the appointment with Cal.com and creates, moves or cancels bookings until they match.
 */
export async function requestCalcomSync(tx: DbOrTx, appointmentId: number): Promise<void> {
  await tx
    .update(appointments)
    .set({ calcomSyncStatus: "pending", syncRequestedAt: sql`now()` })
    .where(eq(appointments.id, appointmentId));
}
