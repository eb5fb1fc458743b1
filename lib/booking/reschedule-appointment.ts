import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { recordAppointmentEvent } from "../appointments";
import { appointmentPhases, appointments, staffBusyIntervals, retryOnSerializationFailure } from "../db";
import { AppError, parseInput, pgErrorCode } from "../errors";
import { requestCalcomSync } from "../calcom/sync";
import { type BookedAppointment, loadBookedAppointment, unavailableError } from "./book-appointment";
import { dropExpiredHolds, insertBusy, lockStaff } from "./busy";
import { checkSlot } from "./check-slot";
import { endActiveHolds } from "./holds";
import { notBefore } from "../time";

export const rescheduleInput = z.object({
  appointmentId: z.number().int().positive(),
  start: z.date(),
  /** Move to this staff member; without one the current one is kept when free, else anyone qualified. */
  staffId: z.string().uuid().optional(),
  callId: z.number().int().positive().optional(),
  now: z.date().optional(),
});

/**
 * Moves an appointment: same id, new time (and phases), old time freed — all in one transaction.
 * If the new time is taken the appointment keeps its old time and SLOT_TAKEN is raised.
 */
export async function rescheduleAppointment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof rescheduleInput>;
}): Promise<BookedAppointment> {
  const data = parseInput(rescheduleInput, input);
  const now = notBefore(data.now);
  const { company } = ctx;
  const [current] = await ctx.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.companyId, company.id), eq(appointments.id, data.appointmentId)));
  if (!current) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: data.appointmentId });
  if (current.status !== "confirmed" || current.startsAt < now) {
    throw new AppError("CONFLICT", "Nur bevorstehende, bestätigte Termine können verschoben werden", {
      appointmentId: current.id,
    });
  }

  const check = await checkSlot({
    ctx,
    input: {
      serviceId: current.serviceId,
      start: data.start,
      staffId: data.staffId,
      callId: data.callId,
      ignoreAppointmentId: current.id,
      // Given to another stylist in place: its own time stays valid, on the slot grid or not.
      ownTime: data.start.getTime() === current.startsAt.getTime(),
      now,
    },
  });
  if (!check.ok) throw unavailableError(check.reason, { start: data.start, appointmentId: current.id }, check.detail);
  const options = data.staffId
    ? check.options
    : [
        ...check.options.filter((o) => o.staffId === current.staffId),
        ...check.options.filter((o) => o.staffId !== current.staffId),
      ];

  for (const option of options) {
    try {
      await retryOnSerializationFailure(() =>
        ctx.db.transaction(async (tx) => {
          const [locked] = await tx
            .select({ status: appointments.status, startsAt: appointments.startsAt })
            .from(appointments)
            .where(eq(appointments.id, current.id))
            .for("update");
          if (!locked || locked.status !== "confirmed" || locked.startsAt.getTime() !== current.startsAt.getTime()) {
            throw new AppError("CONFLICT", "Der Termin wurde inzwischen geändert", { appointmentId: current.id });
          }
          await lockStaff(tx, option.staffId);
          await dropExpiredHolds(tx, { companyId: ctx.company.id, staffIds: [option.staffId] });
          if (data.callId) {
            const match = { staffId: option.staffId, start: data.start };
            const overlapping = { staffId: option.staffId, start: option.start, end: option.end };
            await endActiveHolds(tx, {
              callId: data.callId,
              serviceId: current.serviceId,
              status: "consumed",
              match,
              overlapping,
            });
          }
          await tx.delete(staffBusyIntervals).where(eq(staffBusyIntervals.appointmentId, current.id));
          await tx
            .update(appointments)
            .set({ startsAt: option.start, endsAt: option.end, staffId: option.staffId })
            .where(eq(appointments.id, current.id));
          const phaseIds = new Map<number, number>();
          for (const phase of option.phases) {
            const [row] = await tx
              .update(appointmentPhases)
              .set({
                startTime: phase.start,
                endTime: phase.end,
                staffId: option.staffId,
                ...(phase.staffRequired ? { calcomSyncStatus: "pending" as const } : {}),
              })
              .where(
                and(
                  eq(appointmentPhases.appointmentId, current.id),
                  eq(appointmentPhases.sequenceOrder, phase.sequenceOrder),
                ),
              )
              .returning({ id: appointmentPhases.id });
            if (!row)
              throw new AppError("CONFLICT", "Die Segmente des Termins passen nicht mehr zur Leistung", {
                appointmentId: current.id,
              });
            phaseIds.set(phase.sequenceOrder, row.id);
          }
          await insertBusy(
            tx,
            {
              companyId: company.id,
              staffId: option.staffId,
              kind: "appointment",
              appointmentId: current.id,
              phaseIds,
            },
            option.phases,
            company.allowGapBooking,
          );
          await requestCalcomSync(tx, { id: current.id, companyId: company.id });
          const sameTime = option.start.getTime() === current.startsAt.getTime();
          await recordAppointmentEvent(tx, ctx, {
            appointmentId: current.id,
            kind: sameTime && option.staffId !== current.staffId ? "reassigned" : "moved",
            fromStartsAt: current.startsAt,
            toStartsAt: option.start,
            fromStaffId: current.staffId,
            toStaffId: option.staffId,
            callId: data.callId ?? null,
          });
        }),
      );
      return loadBookedAppointment(ctx.db, company.id, current.id);
    } catch (error) {
      if (pgErrorCode(error) !== "23P01") throw error;
    }
  }
  throw new AppError("SLOT_TAKEN", "Der neue Termin ist gerade vergeben worden", {
    start: data.start,
    appointmentId: current.id,
  });
}
