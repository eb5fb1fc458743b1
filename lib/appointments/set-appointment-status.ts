import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments } from "../db";
import { AppError, parseInput } from "../errors";
import { serverNow } from "../time";
import { recordAppointmentEvent } from "./record-event";

/** What the salon marks after the start: "Erschienen", "Nicht erschienen", or back to "Offen". */
export const APPOINTMENT_OUTCOMES = ["completed", "no_show", "confirmed"] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

export const setStatusInput = z.object({
  appointmentId: z.number().int().positive(),
  status: z.enum(APPOINTMENT_OUTCOMES, { error: "Bitte „Erschienen“, „Nicht erschienen“ oder „Offen“ wählen." }),
  now: z.date().optional(),
});

/**
 * Marks whether the customer came. Only once the appointment has started and only if it was not
 * cancelled; the change and its history line commit together. Setting the same status is a no-op.
 */
export async function setAppointmentStatus({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof setStatusInput>;
}): Promise<{ appointmentId: number; status: AppointmentOutcome; changed: boolean }> {
  const data = parseInput(setStatusInput, input);
  const now = data.now ?? serverNow();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: appointments.id, status: appointments.status, startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, data.appointmentId)))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: data.appointmentId });
    if (row.status === "cancelled")
      throw new AppError("CONFLICT", "Ein stornierter Termin kann nicht als erschienen markiert werden.", {
        appointmentId: row.id,
      });
    if (row.startsAt > now)
      throw new AppError("CONFLICT", "Der Termin hat noch nicht begonnen – das geht erst ab seinem Beginn.", {
        appointmentId: row.id,
      });
    if (row.status === data.status) return { appointmentId: row.id, status: data.status, changed: false };
    await tx
      .update(appointments)
      .set({ status: data.status, updatedAt: new Date() })
      .where(eq(appointments.id, row.id));
    await recordAppointmentEvent(tx, ctx, {
      appointmentId: row.id,
      kind: "status",
      fromStatus: row.status,
      toStatus: data.status,
    });
    return { appointmentId: row.id, status: data.status, changed: true };
  });
}
