import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, customers, services, staff } from "../db";
import { addDays, localDate, minutesIntoLocalDay, type LocalDate, zonedInstant } from "../time";
import { minutesOfDay } from "./opening-hours";
import type { Interval } from "./salon-calendar";

/** An active appointment that new special hours would leave outside the salon's opening. */
export type AffectedAppointment = {
  id: number;
  start: Date;
  end: Date;
  customerName: string;
  serviceName: string;
  staffName: string;
};

/**
 * Active appointments on these days that do not fit into `hours` (all of them when the salon
 * closes). With `lock`, their rows are locked so the marking that follows sees the same set.
 */
export async function closureConflicts(
  ctx: Ctx,
  days: LocalDate[],
  hours: Interval[],
  lock = false,
): Promise<AffectedAppointment[]> {
  if (days.length === 0) return [];
  const tz = ctx.company.timeZone;
  const sorted = [...days].sort();
  const query = ctx.db
    .select({
      id: appointments.id,
      start: appointments.startsAt,
      end: appointments.endsAt,
      customerName: customers.name,
      serviceName: services.name,
      staffName: staff.name,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(
      and(
        eq(appointments.companyId, ctx.company.id),
        eq(appointments.status, "confirmed"),
        gte(appointments.startsAt, zonedInstant(sorted[0]!, 0, tz)),
        lt(appointments.startsAt, zonedInstant(addDays(sorted[sorted.length - 1]!, 1), 0, tz)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const rows = lock ? await query.for("update", { of: appointments }) : await query;
  const wanted = new Set(days);
  const fits = (a: AffectedAppointment) => {
    const from = minutesIntoLocalDay(a.start, tz);
    const to = from + (a.end.getTime() - a.start.getTime()) / 60_000;
    return hours.some((i) => from >= minutesOfDay(i.open) && to <= minutesOfDay(i.close));
  };
  return rows.filter((a) => wanted.has(localDate(a.start, tz)) && !fits(a));
}
