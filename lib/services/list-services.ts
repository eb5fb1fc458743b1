import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { serviceSegments, services } from "../db/schema";

/** Services of the company with their segments in order. */
export async function listServices({ ctx }: { ctx: Ctx }) {
  return ctx.db.query.services.findMany({
    where: eq(services.companyId, ctx.company.id),
    orderBy: [asc(services.name)],
    with: { segments: { orderBy: [asc(serviceSegments.sequenceOrder)] } },
  });
}
