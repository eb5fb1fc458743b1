import { type AnyColumn, and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import {
  appointmentPhases,
  appointments,
  customers,
  externalBusyTimes,
  services,
  slotHolds,
  staff,
  staffAbsences,
  staffWorkingHours,
} from "../db";
import type { LocalDate } from "../time";

/** No salon appointment lasts a day: the lower bound that lets the (company, starts_at) index answer. */
const LONGEST_APPOINTMENT = sql`interval '1 day'`;

/**
 * Everything the calendar shows between two instants, for all stylists of the company at once:
 * one query per kind, run side by side, each scoped to the tenant.
 */
export async function loadCalendarRows(
  ctx: Ctx,
  range: { from: Date; to: Date; firstDay: LocalDate; lastDay: LocalDate; now: Date },
  /** Only these stylists' rows (the members are always all of them: labels and the chooser need them). */
  only: string[] = [],
) {
  const mine = (column: AnyColumn) => (only.length ? inArray(column, only) : undefined);
  const companyId = ctx.company.id;
  const { from, to } = range;
  const fromIso = from.toISOString();
  const inRange = and(
    eq(appointments.companyId, companyId),
    ne(appointments.status, "cancelled"),
    gte(appointments.startsAt, sql`${fromIso}::timestamptz - ${LONGEST_APPOINTMENT}`),
    lt(appointments.startsAt, to),
    gt(appointments.endsAt, from),
    mine(appointments.staffId),
  );
  const [members, hours, appointmentRows, phases, holds, absences, busy] = await Promise.all([
    ctx.db
      .select({
        id: staff.id,
        name: staff.name,
        color: staff.color,
        active: staff.active,
        mergedInto: staff.mergedInto,
        createdAt: staff.createdAt,
      })
      .from(staff)
      .where(eq(staff.companyId, companyId))
      .orderBy(asc(staff.createdAt), asc(staff.id)),
    ctx.db
      .select({
        staffId: staffWorkingHours.staffId,
        weekday: staffWorkingHours.weekday,
        start: staffWorkingHours.startTime,
        end: staffWorkingHours.endTime,
      })
      .from(staffWorkingHours)
      .where(and(eq(staffWorkingHours.companyId, companyId), mine(staffWorkingHours.staffId)))
      .orderBy(asc(staffWorkingHours.startTime)),
    ctx.db
      .select({
        id: appointments.id,
        staffId: appointments.staffId,
        start: appointments.startsAt,
        end: appointments.endsAt,
        status: appointments.status,
        customerName: customers.name,
        serviceName: services.name,
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(inRange)
      .orderBy(asc(appointments.startsAt)),
    ctx.db
      .select({
        id: appointmentPhases.id,
        appointmentId: appointmentPhases.appointmentId,
        name: appointmentPhases.segmentName,
        start: appointmentPhases.startTime,
        end: appointmentPhases.endTime,
        withStylist: appointmentPhases.staffRequired,
      })
      .from(appointmentPhases)
      .innerJoin(appointments, eq(appointments.id, appointmentPhases.appointmentId))
      .where(and(eq(appointmentPhases.companyId, companyId), inRange))
      .orderBy(asc(appointmentPhases.appointmentId), asc(appointmentPhases.sequenceOrder)),
    ctx.db
      .select({
        id: slotHolds.id,
        staffId: slotHolds.staffId,
        callId: slotHolds.callId,
        start: slotHolds.startsAt,
        end: slotHolds.endsAt,
      })
      .from(slotHolds)
      .where(
        and(
          eq(slotHolds.companyId, companyId),
          mine(slotHolds.staffId),
          eq(slotHolds.status, "active"),
          gt(slotHolds.expiresAt, range.now),
          lt(slotHolds.startsAt, to),
          gt(slotHolds.endsAt, from),
        ),
      ),
    ctx.db
      .select({
        id: staffAbsences.id,
        staffId: staffAbsences.staffId,
        kind: staffAbsences.kind,
        allDay: staffAbsences.allDay,
        startsAt: staffAbsences.startsAt,
        endsAt: staffAbsences.endsAt,
        weekday: staffAbsences.weekday,
        startTime: staffAbsences.startTime,
        endTime: staffAbsences.endTime,
        validFrom: staffAbsences.validFrom,
        validUntil: staffAbsences.validUntil,
      })
      .from(staffAbsences)
      .where(
        and(
          eq(staffAbsences.companyId, companyId),
          mine(staffAbsences.staffId),
          or(
            and(isNotNull(staffAbsences.startsAt), lt(staffAbsences.startsAt, to), gt(staffAbsences.endsAt, from)),
            and(
              isNotNull(staffAbsences.weekday),
              sql`${staffAbsences.validFrom} <= ${range.lastDay}::date`,
              or(isNull(staffAbsences.validUntil), sql`${staffAbsences.validUntil} >= ${range.firstDay}::date`),
            ),
          ),
        ),
      ),
    ctx.db
      .select({
        id: externalBusyTimes.id,
        staffId: externalBusyTimes.staffId,
        start: externalBusyTimes.startsAt,
        end: externalBusyTimes.endsAt,
      })
      .from(externalBusyTimes)
      .where(
        and(
          eq(externalBusyTimes.companyId, companyId),
          mine(externalBusyTimes.staffId),
          lt(externalBusyTimes.startsAt, to),
          gt(externalBusyTimes.endsAt, from),
        ),
      ),
  ]);
  return { members, hours, appointments: appointmentRows, phases, holds, absences, busy };
}

export type CalendarRows = Awaited<ReturnType<typeof loadCalendarRows>>;
