import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, customers, services, staff, staffAbsences, staffServices, staffWorkingHours } from "../db";
import { AppError, parseInput } from "../errors";
import { notBefore } from "../time";
import { staffId } from "./staff-input";

const getInput = z.object({ id: staffId });
const UPCOMING_LIMIT = 100;

/** One stylist of the company: profile, services, hours, absences and the upcoming appointments. */
export async function getStaff({ ctx, input }: { ctx: Ctx; input: z.input<typeof getInput> }) {
  const { id } = parseInput(getInput, input);
  const [member] = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.companyId, ctx.company.id), eq(staff.id, id)));
  if (!member) throw new AppError("NOT_FOUND", "Mitarbeiter nicht gefunden", { staffId: id });
  const now = notBefore(undefined);
  const [hours, serviceRows, absences, upcoming] = await Promise.all([
    ctx.db
      .select({
        weekday: staffWorkingHours.weekday,
        start: staffWorkingHours.startTime,
        end: staffWorkingHours.endTime,
      })
      .from(staffWorkingHours)
      .where(eq(staffWorkingHours.staffId, id))
      .orderBy(asc(staffWorkingHours.weekday), asc(staffWorkingHours.startTime)),
    ctx.db.select({ id: staffServices.serviceId }).from(staffServices).where(eq(staffServices.staffId, id)),
    ctx.db
      .select()
      .from(staffAbsences)
      .where(eq(staffAbsences.staffId, id))
      .orderBy(asc(staffAbsences.weekday), asc(staffAbsences.startsAt), asc(staffAbsences.validFrom)),
    ctx.db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        customerName: customers.name,
        serviceName: services.name,
        followUpReason: appointments.followUpReason,
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(and(eq(appointments.staffId, id), eq(appointments.status, "confirmed"), gt(appointments.endsAt, now)))
      .orderBy(asc(appointments.startsAt))
      .limit(UPCOMING_LIMIT),
  ]);
  return {
    ...member,
    hours: hours.map((h) => ({ weekday: h.weekday, start: h.start.slice(0, 5), end: h.end.slice(0, 5) })),
    serviceIds: serviceRows.map((s) => s.id),
    absences: absences.map((a) => ({
      ...a,
      startTime: a.startTime?.slice(0, 5) ?? null,
      endTime: a.endTime?.slice(0, 5) ?? null,
    })),
    upcoming,
  };
}

export type StaffDetail = Awaited<ReturnType<typeof getStaff>>;
