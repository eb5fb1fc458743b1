import { and, asc, eq, gt, lt } from "drizzle-orm";
import { appointments, customers, type DbOrTx, services } from "../db";
import { addDays, isoWeekday, localDate, zonedInstant } from "../time";
import type { AbsenceData } from "./absence-input";

export type AffectedAppointment = {
  id: number;
  startsAt: Date;
  endsAt: Date;
  customerName: string;
  serviceName: string;
  followUpReason: string | null;
};

/** The absence as instants where it is one interval; weekly ones are checked per day in `overlapsWeekly`. */
export function onceBounds(data: Extract<AbsenceData, { repeat: "once" }>, timeZone: string) {
  if (data.allDay)
    return {
      startsAt: zonedInstant(data.fromDate, 0, timeZone),
      endsAt: zonedInstant(addDays(data.toDate, 1), 0, timeZone),
    };
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return {
    startsAt: zonedInstant(data.fromDate, minutes(data.fromTime!), timeZone),
    endsAt: zonedInstant(data.toDate, minutes(data.toTime!), timeZone),
  };
}

type Weekly = { weekday: number; startTime: string; endTime: string; validFrom: string; validUntil: string | null };

/** Wall-clock times on each matching local day, so the absence stays put across DST. */
function overlapsWeekly(a: { startsAt: Date; endsAt: Date }, w: Weekly, timeZone: string): boolean {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  for (let day = localDate(a.startsAt, timeZone); day <= localDate(a.endsAt, timeZone); day = addDays(day, 1)) {
    if (isoWeekday(day) !== w.weekday || day < w.validFrom || (w.validUntil && day > w.validUntil)) continue;
    const from = zonedInstant(day, minutes(w.startTime), timeZone);
    const to = zonedInstant(day, minutes(w.endTime), timeZone);
    if (a.startsAt < to && from < a.endsAt) return true;
  }
  return false;
}

/** Active appointments of the stylist, from `now` on, that the absence would cover. Nothing is written. */
export async function affectedAppointments(
  db: DbOrTx,
  params: { companyId: string; staffId: string; timeZone: string; now: Date; absence: AbsenceData },
): Promise<AffectedAppointment[]> {
  const { absence, timeZone, now } = params;
  const bounds =
    absence.repeat === "once"
      ? onceBounds(absence, timeZone)
      : {
          startsAt: zonedInstant(absence.validFrom, 0, timeZone),
          endsAt: absence.validUntil ? zonedInstant(addDays(absence.validUntil, 1), 0, timeZone) : null,
        };
  const rows = await db
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
    .where(
      and(
        eq(appointments.companyId, params.companyId),
        eq(appointments.staffId, params.staffId),
        eq(appointments.status, "confirmed"),
        gt(appointments.endsAt, now > bounds.startsAt ? now : bounds.startsAt),
        bounds.endsAt ? lt(appointments.startsAt, bounds.endsAt) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt));
  if (absence.repeat === "once") return rows;
  const weekly = {
    ...absence,
    startTime: absence.allDay ? "00:00" : absence.startTime!,
    endTime: absence.allDay ? "24:00" : absence.endTime!,
  };
  return rows.filter((r) => overlapsWeekly(r, weekly, timeZone));
}
