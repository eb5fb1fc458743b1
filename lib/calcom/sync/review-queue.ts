import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../context";
import { appointments, customers, services, staff } from "../../db";

/**
 * The Prüfliste: every appointment of the company flagged for manual review — past, cancelled and
 * completed ones included — with the same predicate as the list behind the "Manuelle Prüfung" card.
 */
export async function listReviewQueue({ ctx, limit = 200 }: { ctx: Ctx; limit?: number }) {
  return ctx.db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      syncStatus: appointments.calcomSyncStatus,
      errorCode: appointments.syncErrorCode,
      errorMessage: appointments.syncErrorMessage,
      customerName: customers.name,
      serviceName: services.name,
      composite: services.composite,
      staffName: staff.name,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.requiresManualReview, true)))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(limit);
}

export type ReviewQueueRow = Awaited<ReturnType<typeof listReviewQueue>>[number];
