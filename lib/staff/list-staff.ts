import { asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { staff } from "../db";
import { WEEKDAY_NAMES_DE } from "../companies";

/** Staff of the company with working hours and the services they perform. */
export async function listStaff({ ctx }: { ctx: Ctx }) {
  const counts = await ctx.db.execute<{ staff_id: string; n: number }>(
    sql`select staff_id, count(*)::int as n from appointments where company_id = ${ctx.company.id} and status <> 'cancelled' group by 1`,
  );
  const rows = await ctx.db.query.staff.findMany({
    where: eq(staff.companyId, ctx.company.id),
    orderBy: [asc(staff.name), asc(staff.createdAt)],
    with: {
      workingHours: true,
      services: { with: { service: { columns: { name: true } } } },
    },
  });
  return rows.map((member) => ({
    id: member.id,
    name: member.name,
    email: member.email,
    calcomUserId: member.calcomUserId,
    active: member.active,
    mergedInto: member.mergedInto,
    phone: member.phone,
    appointments: counts.find((c) => c.staff_id === member.id)?.n ?? 0,
    hours: [...member.workingHours]
      .sort((a, b) => a.weekday - b.weekday)
      .map(
        (h) => `${WEEKDAY_NAMES_DE[h.weekday - 1]!.slice(0, 2)} ${h.startTime.slice(0, 5)}–${h.endTime.slice(0, 5)}`,
      ),
    services: member.services.map((s) => s.service.name).sort((a, b) => a.localeCompare(b, "de")),
  }));
}
