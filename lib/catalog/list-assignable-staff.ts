import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { staff } from "../db";

/** The staff the service form offers: active and not merged into another record. */
export async function listAssignableStaff({
  ctx,
}: {
  ctx: Ctx;
}): Promise<{ id: string; name: string; email: string | null }[]> {
  return ctx.db
    .select({ id: staff.id, name: staff.name, email: staff.email })
    .from(staff)
    .where(and(eq(staff.companyId, ctx.company.id), eq(staff.active, true), isNull(staff.mergedInto)))
    .orderBy(asc(staff.name), asc(staff.createdAt));
}
