import { and, asc, count, eq, gte, inArray, lt } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, calls, customers, services, staff } from "../db";
import { addDays, localDate, zonedInstant } from "../time";
import { staffSegmentCount } from "../appointments";
import { countCard } from "../calcom/sync";

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** Today's numbers for the salon's start page, in the salon's time zone. */
export async function getOverview({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }) {
  const { db, company } = ctx;
  const tz = company.timeZone;
  const today = localDate(now, tz);
  const dayStart = zonedInstant(today, 0, tz);
  const dayEnd = zonedInstant(addDays(today, 1), 0, tz);
  const weekEnd = zonedInstant(addDays(today, 8), 0, tz);
  const active = inArray(appointments.status, ["confirmed", "completed"]);

  const [[todayCount], [weekCount], [callsToday], review, pending, upcoming] = await Promise.all([
    db
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          eq(appointments.companyId, company.id),
          active,
          gte(appointments.startsAt, dayStart),
          lt(appointments.startsAt, dayEnd),
        ),
      ),
    db
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          eq(appointments.companyId, company.id),
          eq(appointments.status, "confirmed"),
          gte(appointments.startsAt, now),
          lt(appointments.startsAt, weekEnd),
        ),
      ),
    db
      .select({ n: count() })
      .from(calls)
      .where(and(eq(calls.companyId, company.id), gte(calls.startedAt, dayStart), lt(calls.startedAt, dayEnd))),
    // The same counts as the Sync-Monitor's cards, from the lists they link to.
    countCard({ ctx, key: "review", now }),
    countCard({ ctx, key: "pending", now }),
    db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        customerName: customers.name,
        serviceName: services.name,
        composite: services.composite,
        staffName: staff.name,
        syncStatus: appointments.calcomSyncStatus,
        status: appointments.status,
        segments: staffSegmentCount(),
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.staffId))
      .where(
        and(
          eq(appointments.companyId, company.id),
          eq(appointments.status, "confirmed"),
          gte(appointments.endsAt, now),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .limit(8),
  ]);

  return {
    appointmentsToday: todayCount?.n ?? 0,
    appointmentsNext7Days: weekCount?.n ?? 0,
    callsToday: callsToday?.n ?? 0,
    needsReview: review,
    pendingSync: pending,
    upcoming,
  };
}
