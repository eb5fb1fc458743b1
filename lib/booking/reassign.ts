import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments } from "../db";
import { AppError, parseInput } from "../errors";
import { localDate } from "../time";
import { findAvailability } from "./availability";
import type { BookedAppointment } from "./book-appointment";
import { rescheduleAppointment } from "./reschedule-appointment";

export const reassignOptionsInput = z.object({
  appointmentId: z.number().int().positive(),
  /** Records that may not take it (both records of the double-booked person). */
  excludeStaffIds: z.array(z.string().uuid()).default([]),
  now: z.date().optional(),
});

/**
 * Who could take an upcoming appointment at exactly its time instead: qualified, working, free —
 * by the same engine that books (its own time does not block it). Empty for a past or cancelled one.
 */
export async function reassignOptions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof reassignOptionsInput>;
}): Promise<{ staffId: string; name: string }[]> {
  const data = parseInput(reassignOptionsInput, input);
  const [row] = await ctx.db
    .select({ serviceId: appointments.serviceId, startsAt: appointments.startsAt, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, data.appointmentId)));
  if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: data.appointmentId });
  if (row.status !== "confirmed") return [];
  const availability = await findAvailability({
    ctx,
    input: {
      serviceId: row.serviceId,
      from: localDate(row.startsAt, ctx.company.timeZone),
      ignoreAppointmentId: data.appointmentId,
      exactStart: row.startsAt,
      now: data.now,
    },
  });
  const excluded = new Set(data.excludeStaffIds);
  return availability.candidates
    .filter((c) => c.start.getTime() === row.startsAt.getTime() && !excluded.has(c.staffId))
    .map((c) => ({ staffId: c.staffId, name: c.staffName }));
}

export const reassignInput = z.object({
  appointmentId: z.number().int().positive(),
  staffId: z.string().uuid("Bitte eine Mitarbeiterin wählen."),
  now: z.date().optional(),
});

/**
 * Gives an upcoming appointment to another stylist at the same time — a move in place, by the same
 * verb and guarantees as any move (Cal.com follows; the history says "übergeben").
 */
export async function reassignAppointment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof reassignInput>;
}): Promise<BookedAppointment> {
  const data = parseInput(reassignInput, input);
  const [row] = await ctx.db
    .select({ startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, data.appointmentId)));
  if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: data.appointmentId });
  return rescheduleAppointment({
    ctx,
    input: { appointmentId: data.appointmentId, start: row.startsAt, staffId: data.staffId, now: data.now },
  });
}
