import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  appointmentEvents,
  appointmentPhases,
  appointments,
  calls,
  customers,
  functionCalls,
  services,
  staff,
} from "../db";
import { AppError } from "../errors";

/** One call of the company with what the agent did in it and the segments it booked. */
export async function getCallDetail({ ctx, input }: { ctx: Ctx; input: { id: number } }) {
  const [row] = await ctx.db
    .select({ call: calls, customer: customers })
    .from(calls)
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(and(eq(calls.companyId, ctx.company.id), eq(calls.id, input.id)));
  if (!row) throw new AppError("NOT_FOUND", "Anruf nicht gefunden", { id: input.id });
  const [functions, booked, touched] = await Promise.all([
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
    touchedBy(ctx, row.call.id),
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
    touched,
    appointments: booked.map((b) => ({ ...b, phases: phases.filter((p) => p.appointmentId === b.appointment.id) })),
  };
}

export type CallDetail = Awaited<ReturnType<typeof getCallDetail>>;

type TouchKind = "created" | "moved" | "cancelled";

/** "Termine aus diesem Anruf": what the call booked, moved or cancelled, by the appointments' history. */
async function touchedBy(ctx: Ctx, callId: number) {
  const rows = await ctx.db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      bookedInCall: appointments.callId,
      staffId: appointments.staffId,
      serviceName: services.name,
      staffName: staff.name,
      kind: appointmentEvents.kind,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .leftJoin(
      appointmentEvents,
      and(eq(appointmentEvents.appointmentId, appointments.id), eq(appointmentEvents.callId, callId)),
    )
    .where(
      and(
        eq(appointments.companyId, ctx.company.id),
        or(eq(appointments.callId, callId), eq(appointmentEvents.callId, callId)),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id), asc(appointmentEvents.at));
  const byId = new Map<number, Omit<(typeof rows)[number], "kind" | "bookedInCall"> & { actions: TouchKind[] }>();
  for (const { kind, bookedInCall, ...r } of rows) {
    const entry = byId.get(r.id) ?? { ...r, actions: [] };
    const action: TouchKind | null =
      kind === "created" || kind === "cancelled" ? kind : kind === "moved" || kind === "reassigned" ? "moved" : null;
    if (bookedInCall === callId && !entry.actions.includes("created")) entry.actions.unshift("created");
    if (action && !entry.actions.includes(action)) entry.actions.push(action);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}
