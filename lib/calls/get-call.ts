import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointmentPhases, appointments, calls, customers, functionCalls, services, staff } from "../db";
import { AppError } from "../errors";

/** One call of the company with what the agent did in it and the segments it booked. */
export async function getCallDetail({ ctx, input }: { ctx: Ctx; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ call: calls, customer: customers })
    .from(calls)
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(and(eq(calls.companyId, ctx.company.id), eq(calls.id, input.id)));
  if (!row) throw new AppError("NOT_FOUND", "Anruf nicht gefunden", { id: input.id });
  const [functions, booked] = await Promise.all([
    ctx.db
      .select()
      .from(functionCalls)
      .where(eq(functionCalls.callId, row.call.id))
      .orderBy(asc(functionCalls.createdAt), asc(functionCalls.id)),
    ctx.db
      .select({
        appointment: appointments,
        serviceName: services.name,
        composite: services.composite,
        staffName: staff.name,
      })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.staffId))
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.callId, row.call.id)))
      .orderBy(asc(appointments.startsAt)),
  ]);
  const phases = booked.length
    ? await ctx.db
        .select()
        .from(appointmentPhases)
        .where(
          inArray(
            appointmentPhases.appointmentId,
            booked.map((b) => b.appointment.id),
          ),
        )
        .orderBy(asc(appointmentPhases.sequenceOrder))
    : [];
  return {
    ...row,
    functionCalls: functions,
    appointments: booked.map((b) => ({ ...b, phases: phases.filter((p) => p.appointmentId === b.appointment.id) })),
  };
}

export type CallDetail = Awaited<ReturnType<typeof getCallDetail>>;
