import { asc, count, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, serviceSegments, services } from "../db";

/** Services of the company with their segments in order, who performs them and how often they were booked. */
export async function listServices({ ctx }: { ctx: Ctx }) {
  const rows = await ctx.db.query.services.findMany({
    where: eq(services.companyId, ctx.company.id),
    orderBy: [asc(services.name)],
    with: {
      segments: { orderBy: [asc(serviceSegments.sequenceOrder)] },
      staff: { with: { staff: { columns: { name: true, active: true, mergedInto: true } } } },
    },
  });
  const used = await ctx.db
    .select({ serviceId: appointments.serviceId, n: count() })
    .from(appointments)
    .where(eq(appointments.companyId, ctx.company.id))
    .groupBy(appointments.serviceId);
  return rows.map(({ staff, ...service }) => ({
    ...service,
    staffNames: staff
      .filter((s) => s.staff.active && !s.staff.mergedInto)
      .map((s) => s.staff.name)
      .sort((a, b) => a.localeCompare(b, "de")),
    appointmentCount: used.find((u) => u.serviceId === service.id)?.n ?? 0,
  }));
}

export type ServiceListRow = Awaited<ReturnType<typeof listServices>>[number];
