import { and, asc, eq, gte, lt } from "drizzle-orm";
import { appointments, customers, services, staff } from "../../db/schema";
import { toE164 } from "../../customers/phone";
import { addDays, zonedInstant } from "../../time/zoned";
import { resolveWhen } from "../resolve";
import { whenSpoken } from "../speech";
import { fail, type Resolved, type VoiceCtx } from "../types";

export type CallerAppointment = {
  id: number;
  start: Date;
  end: Date;
  status: "confirmed" | "cancelled" | "completed" | "no_show";
  serviceId: number;
  serviceName: string;
  staffName: string;
  phone: string | null;
};

function query(ctx: VoiceCtx) {
  return ctx.db
    .select({
      id: appointments.id,
      start: appointments.startsAt,
      end: appointments.endsAt,
      status: appointments.status,
      serviceId: appointments.serviceId,
      serviceName: services.name,
      staffName: staff.name,
      phone: customers.phone,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId));
}

/** Upcoming confirmed appointments booked under this phone number. */
export async function upcomingForPhone(ctx: VoiceCtx, phone: string, from?: Date, to?: Date): Promise<CallerAppointment[]> {
  return query(ctx)
    .where(
      and(
        eq(appointments.companyId, ctx.company.id),
        eq(customers.phone, phone),
        eq(appointments.status, "confirmed"),
        gte(appointments.startsAt, from ?? ctx.now),
        to ? lt(appointments.startsAt, to) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

export const describe = (ctx: VoiceCtx, a: CallerAppointment) => `${a.serviceName} ${whenSpoken(a.start, ctx.company.timeZone, ctx.now)} bei ${a.staffName}`;

/**
 * The caller's appointment they mean: by id (only their own), by date, or their only upcoming one.
 * The caller is recognised by the number they call from.
 */
export async function resolveCallerAppointment(
  ctx: VoiceCtx,
  input: { appointmentId?: number; date?: string; time?: string; action: "absagen" | "verschieben" },
): Promise<Resolved<CallerAppointment>> {
  const phone = toE164(ctx.call.fromNumber);
  if (input.appointmentId) {
    const [row] = await query(ctx).where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, input.appointmentId)));
    if (!row || (phone && row.phone !== phone)) {
      return { failure: fail("not_found", "Unter Ihrer Telefonnummer finde ich diesen Termin leider nicht. An welchem Tag war der Termin?") };
    }
    return { value: row };
  }
  if (!phone) return { failure: fail("missing_field", `Welchen Termin möchten Sie ${input.action}? Nennen Sie mir bitte das Datum.`, { field: "appointment_id" }) };

  let from: Date | undefined;
  let to: Date | undefined;
  if (input.date) {
    const when = resolveWhen(ctx, input.date, input.time);
    if (when.failure) return when;
    from = zonedInstant(when.value.date, 0, ctx.company.timeZone);
    to = zonedInstant(addDays(when.value.date, 1), 0, ctx.company.timeZone);
    if (from < ctx.now) from = ctx.now;
  }
  const found = await upcomingForPhone(ctx, phone, from, to);
  if (found.length === 1) return { value: found[0]! };
  if (found.length === 0) {
    return {
      failure: fail("not_found", input.date ? "An diesem Tag finde ich unter Ihrer Telefonnummer keinen Termin. Könnte er an einem anderen Tag sein?" : "Unter Ihrer Telefonnummer finde ich keinen anstehenden Termin."),
    };
  }
  const list = found.slice(0, 4).map((a) => describe(ctx, a));
  return {
    failure: fail("ambiguous", `Ich finde ${found.length} Termine: ${list.join("; ")}. Welchen möchten Sie ${input.action}?`, {
      appointments: found.map((a) => ({ appointment_id: a.id, service: a.serviceName })),
    }),
  };
}
