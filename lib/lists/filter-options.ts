import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { services, staff } from "../db";
import { labelStaff } from "../staff";

/** Staff (labelled apart when names repeat) and services of the company for filter dropdowns. */
export async function filterOptions({ ctx }: { ctx: Ctx }) {
  const [members, offered] = await Promise.all([
    ctx.db
      .select({ id: staff.id, name: staff.name, createdAt: staff.createdAt })
      .from(staff)
      .where(and(eq(staff.companyId, ctx.company.id), isNull(staff.mergedInto)))
      .orderBy(asc(staff.name)),
    ctx.db
      .select({ id: services.id, name: services.name })
      .from(services)
      .where(eq(services.companyId, ctx.company.id))
      .orderBy(asc(services.name)),
  ]);
  // Same-named records ("Fabian Spitzer", "Fabian Spitzer (2)") must be told apart in a filter.
  const labels = labelStaff(members);
  return { staff: members.map((m) => ({ id: m.id, name: labels.get(m.id)! })), services: offered };
}
