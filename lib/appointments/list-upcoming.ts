import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, customers, services, staff } from "../db/schema";

/** Upcoming appointments of the company, soonest first. */
export async function listUpcomingAppointments({ ctx, now = new Date(), limit = 100 }: { ctx: Ctx; now?: Date; limit?: number }) {
  return ctx.db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      customerName: customers.name,
      serviceName: services.name,
      composite: services.composite,
      staffName: staff.name,
      syncStatus: appointments.calcomSyncStatus,
      requiresManualReview: appointments.requiresManualReview,
      segments: sql<number>`(select count(*)::int from appointment_phases p where p.appointment_id = ${appointments.id} and p.staff_required)`,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(and(eq(appointments.companyId, ctx.company.id), gte(appointments.endsAt, now)))
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
}
