import { and, asc, desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointmentPhases, appointments, calls, customers, services, staff, syncAttempts, syncRuns } from "../db";
import { AppError } from "../errors";

/** One appointment of the company with its phases and everything the Cal.com sync did for it. */
export async function getAppointmentDetail({ ctx, input }: { ctx: Ctx; input: { id: number } }) {
  const [row] = await ctx.db
    .select({
      appointment: appointments,
      customer: customers,
      service: services,
      staff,
      call: { id: calls.id, retellCallId: calls.retellCallId, startedAt: calls.startedAt },
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .leftJoin(calls, eq(calls.id, appointments.callId))
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, input.id)));
  if (!row) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { id: input.id });
  const [phases, attempts, runs] = await Promise.all([
    ctx.db
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, row.appointment.id))
      .orderBy(asc(appointmentPhases.sequenceOrder)),
    ctx.db
      .select()
      .from(syncAttempts)
      .where(eq(syncAttempts.appointmentId, row.appointment.id))
      .orderBy(desc(syncAttempts.createdAt), desc(syncAttempts.id))
      .limit(50),
    ctx.db
      .select()
      .from(syncRuns)
      .where(eq(syncRuns.appointmentId, row.appointment.id))
      .orderBy(desc(syncRuns.startedAt))
      .limit(10),
  ]);
  return { ...row, phases, attempts, runs };
}

export type AppointmentDetail = Awaited<ReturnType<typeof getAppointmentDetail>>;
