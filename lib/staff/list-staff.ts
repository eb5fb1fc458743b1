import { asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { staff } from "../db";
import { WEEKDAY_NAMES_DE } from "../companies";
import { labelStaff } from "./display-names";

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
  const labels = labelStaff(rows);
  return rows.map((member) => ({
    id: member.id,
    name: member.name,
    /** The name as shown: "Fabian Spitzer (2)" where two records carry one name. */
    label: labels.get(member.id)!,
    email: member.email,
    calcomUserId: member.calcomUserId,
    color: member.color,
    active: member.active,
    mergedInto: member.mergedInto,
    phone: member.phone,
    appointments: counts.find((c) => c.staff_id === member.id)?.n ?? 0,
    // "Mo 09:00–12:30, 13:30–18:00": several ranges a day stay on one line per day.
    hours: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
      const ranges = member.workingHours
        .filter((h) => h.weekday === weekday)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map((h) => `${h.startTime.slice(0, 5)}–${h.endTime.slice(0, 5)}`);
      return ranges.length ? [`${WEEKDAY_NAMES_DE[weekday - 1]!.slice(0, 2)} ${ranges.join(", ")}`] : [];
    }),
    services: member.services.map((s) => s.service.name).sort((a, b) => a.localeCompare(b, "de")),
  }));
}
