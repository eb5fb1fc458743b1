import { and, asc, eq, gte } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, customers, services, staff } from "../db";
import { addDays, localDate } from "../time";
import { countAppointments, staffSegmentCount } from "../appointments";
import { countCalls } from "../calls";
import { countCard } from "../calcom/sync";

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** Today's numbers for the salon's start page, in the salon's time zone. */
export async function getOverview({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }) {
  const { db, company } = ctx;
  const tz = company.timeZone;
  const today = localDate(now, tz);
  const week = addDays(today, 6);
  // Each number opens the list it counts: the link's parameters, counted by the list's own query.
  const links = {
    today: { from: today, to: today, status: "confirmed" },
    week: { from: today, to: week, status: "confirmed" },
    calls: { from: today, to: today },
  };

  const [todayCount, weekCount, callsToday, review, pending, upcoming] = await Promise.all([
    countAppointments({ ctx, params: links.today, today }),
    countAppointments({ ctx, params: links.week, today }),
    countCalls({ ctx, params: links.calls }),
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

  const href = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;
  return {
    appointmentsToday: todayCount,
    appointmentsNext7Days: weekCount,
    callsToday,
    hrefs: {
      today: href("/appointments", links.today),
      week: href("/appointments", links.week),
      calls: href("/calls", links.calls),
    },
    needsReview: review,
    pendingSync: pending,
    upcoming,
  };
}
