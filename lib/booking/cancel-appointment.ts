import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { recordAppointmentEvent } from "../appointments";
import { appointments, staffBusyIntervals } from "../db";
import { AppError, parseInput } from "../errors";
import { requestCalcomSync } from "../calcom/sync";
import { notBefore } from "../time";

export const cancelInput = z.object({
  appointmentId: z.number().int().positive(),
  /** Why, in the admin's words; kept in the appointment's history. */
  note: z
    .string()
    .trim()
    .max(500, "Die Notiz darf höchstens 500 Zeichen lang sein.")
    .optional()
    .transform((v) => v || undefined),
  now: z.date().optional(),
});

/** Cancels an upcoming appointment and frees its time at once; cancelling twice is harmless. */
export async function cancelAppointment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof cancelInput>;
}): Promise<{ appointmentId: number; alreadyCancelled: boolean }> {
  const data = parseInput(cancelInput, input);
  const now = notBefore(data.now);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: appointments.id,
        status: appointments.status,
        startsAt: appointments.startsAt,
        staffId: appointments.staffId,
      })
      .from(appointments)
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, data.appointmentId)))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: data.appointmentId });
    if (row.status === "cancelled") return { appointmentId: row.id, alreadyCancelled: true };
    if (row.status !== "confirmed" || row.startsAt < now) {
      throw new AppError("CONFLICT", "Vergangene Termine können nicht storniert werden", { appointmentId: row.id });
    }
    await tx
      .update(appointments)
      .set({ status: "cancelled", cancelledAt: sql`now()` })
      .where(eq(appointments.id, row.id));
    await tx.delete(staffBusyIntervals).where(eq(staffBusyIntervals.appointmentId, row.id));
    await requestCalcomSync(tx, { id: row.id, companyId: ctx.company.id });
    await recordAppointmentEvent(tx, ctx, {
      appointmentId: row.id,
      kind: "cancelled",
      fromStartsAt: row.startsAt,
      fromStaffId: row.staffId,
      fromStatus: row.status,
      toStatus: "cancelled",
      note: data.note ?? null,
    });
    return { appointmentId: row.id, alreadyCancelled: false };
  });
}
