import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { services, staff } from "../db";

/** Staff and services of the company for filter dropdowns. */
export async function filterOptions({ ctx }: { ctx: Ctx }) {
  const [members, offered] = await Promise.all([
    ctx.db
      .select({ id: staff.id, name: staff.name })
      .from(staff)
      .where(and(eq(staff.companyId, ctx.company.id), isNull(staff.mergedInto)))
      .orderBy(asc(staff.name)),
    ctx.db
      .select({ id: services.id, name: services.name })
      .from(services)
      .where(eq(services.companyId, ctx.company.id))
      .orderBy(asc(services.name)),
  ]);
  return { staff: members, services: offered };
}
