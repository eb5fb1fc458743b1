import { and, eq, sql } from "drizzle-orm";
import type { AttemptRecord, CalcomBooking } from "..";
import { recordAppointmentEvent } from "../../appointments";
import type { Ctx } from "../../context";
import { type DbOrTx, appointmentPhases, appointments, externalBusyTimes, syncAttempts, syncRuns } from "../../db";
import { logger } from "../../logger";
import type { SyncPhase, SyncSubject } from "./subject";

/** Every Cal.com request of a sync lands in sync_attempts (status, latency, error). */
export function attemptRecorder(db: DbOrTx, companyId: string, appointmentId: number | null, jobId?: string) {
  return async (a: AttemptRecord) => {
    await db
      .insert(syncAttempts)
      .values({
        companyId,
        appointmentId,
        phaseId: a.phaseId ?? null,
        action: a.action,
        method: a.method,
        path: a.path,
        httpStatus: a.httpStatus,
        latencyMs: a.latencyMs,
        errorCode: a.errorCode ?? null,
        errorMessage: a.errorMessage?.slice(0, 1000) ?? null,
        jobId: jobId ?? null,
      })
      .catch((error) => logger.error({ err: error, appointmentId }, "sync attempt log failed"));
  };
}

/** Stores a Cal.com booking on its phase, with the extended metadata of seed 004. */
export async function adoptBooking(
  db: DbOrTx,
  subject: SyncSubject,
  phase: SyncPhase,
  booking: CalcomBooking,
  info: { eventTypeId: number | null; attempt: number; latencyMs?: number; apiVersion: string },
): Promise<void> {
  const attendee = booking.attendees?.[0];
  await db
    .update(appointmentPhases)
    .set({
      calcomBookingId: booking.id,
      calcomBookingUid: booking.uid,
      calcomEventTypeId: booking.eventType?.id ?? booking.eventTypeId ?? info.eventTypeId,
      calcomSyncStatus: "synced",
      syncErrorMessage: null,
      calcomMetadata: {
        eventTypeId: booking.eventType?.id ?? booking.eventTypeId ?? info.eventTypeId ?? undefined,
        hostUserId: booking.hosts?.[0]?.id ?? subject.staff.calcomUserId,
        bookingCreatedAt: booking.createdAt,
        attendee: attendee
          ? {
              name: attendee.name,
              email: (attendee.email as string | undefined) ?? null,
              phoneNumber: (attendee.phoneNumber as string | undefined) ?? null,
            }
          : undefined,
        attempt: info.attempt,
        latencyMs: info.latencyMs,
        apiVersion: info.apiVersion,
        syncedAt: new Date().toISOString(),
      },
    })
    .where(eq(appointmentPhases.id, phase.id));
  // Its webhook may have come first and been kept as someone else's busy time: it is ours now.
  await db
    .delete(externalBusyTimes)
    .where(and(eq(externalBusyTimes.companyId, phase.companyId), eq(externalBusyTimes.externalUid, booking.uid)));
}

export async function setPhaseState(
  db: DbOrTx,
  phaseId: number,
  state: { status: "pending" | "failed" | "cancelled" | "synced"; message?: string | null; clearBooking?: boolean },
) {
  await db
    .update(appointmentPhases)
    .set({
      calcomSyncStatus: state.status,
      syncErrorMessage: state.message ?? null,
      ...(state.clearBooking ? { calcomBookingId: null, calcomBookingUid: null } : {}),
    })
    .where(eq(appointmentPhases.id, phaseId));
}

export type AppointmentOutcome = {
  status: "synced" | "partial" | "failed";
  review: boolean;
  errorCode: string | null;
  errorMessage: string | null;
};

/** Who concluded the sync (the job, an admin's re-check, reconcile) and through which run. */
export type SyncConcluder = { ctx: Pick<Ctx, "company" | "actor">; run: "sync" | "reverify" | "reconcile" };

/**
 * Appointment status from its phases; calcom_v2_booking_id/uid = first staff-required phase's booking.
 * A change of the sync status lands in the appointment's history; a re-check that finds the same
 * status adds nothing, so re-verification runs do not flood it.
 */
export async function finishAppointment(
  db: DbOrTx,
  appointmentId: number,
  outcome: AppointmentOutcome,
  by: SyncConcluder,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ syncStatus: appointments.calcomSyncStatus, status: appointments.status })
      .from(appointments)
      .where(eq(appointments.id, appointmentId))
      .for("update");
    await tx
      .update(appointments)
      .set({
        calcomSyncStatus: outcome.status,
        requiresManualReview: outcome.review,
        syncErrorCode: outcome.errorCode,
        syncErrorMessage: outcome.errorMessage,
        syncVerifiedAt: outcome.status === "synced" ? sql`now()` : sql`${appointments.syncVerifiedAt}`,
        calcomV2BookingId: sql`(select calcom_booking_id from appointment_phases p where p.appointment_id = ${appointmentId} and p.staff_required and p.calcom_booking_id is not null order by p.sequence_order limit 1)`,
        calcomV2BookingUid: sql`(select calcom_booking_uid from appointment_phases p where p.appointment_id = ${appointmentId} and p.staff_required and p.calcom_booking_uid is not null order by p.sequence_order limit 1)`,
      })
      .where(eq(appointments.id, appointmentId));
    if (!before || before.syncStatus === outcome.status) return;
    const [counted] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(appointmentPhases)
      .where(
        and(
          eq(appointmentPhases.appointmentId, appointmentId),
          eq(appointmentPhases.staffRequired, true),
          eq(appointmentPhases.calcomSyncStatus, "synced"),
        ),
      );
    const bookings = counted?.n ?? 0;
    await recordAppointmentEvent(tx, by.ctx, {
      appointmentId,
      kind: "sync",
      fromStatus: before.syncStatus,
      toStatus: outcome.status,
      note: syncNote(outcome, before.status === "cancelled", bookings),
      detail: { run: by.run, errorCode: outcome.errorCode, bookings, review: outcome.review },
    });
  });
}

/** The history's short German line for a sync outcome. */
function syncNote(outcome: AppointmentOutcome, cancelled: boolean, bookings: number): string {
  const error = outcome.errorMessage ?? "unbekannter Fehler";
  const note =
    outcome.status === "synced"
      ? cancelled
        ? "Cal.com-Buchungen storniert"
        : `Mit Cal.com abgeglichen: ${bookings} ${bookings === 1 ? "Buchung" : "Buchungen"}`
      : outcome.status === "partial"
        ? `Nur teilweise mit Cal.com abgeglichen: ${error}`
        : `Abgleich mit Cal.com fehlgeschlagen: ${error}`;
  return note.slice(0, 500);
}

export async function recordRun(db: DbOrTx, run: typeof syncRuns.$inferInsert): Promise<void> {
  await db
    .insert(syncRuns)
    .values(run)
    .catch((error) => logger.error({ err: error }, "sync run log failed"));
}
