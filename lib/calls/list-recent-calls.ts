import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { calls, customers } from "../db/schema";

/** The latest calls of the company with the caller's customer record. */
export async function listRecentCalls({ ctx, limit = 50 }: { ctx: Ctx; limit?: number }) {
  return ctx.db
    .select({
      id: calls.id,
      startedAt: calls.startedAt,
      fromNumber: calls.fromNumber,
      customerName: customers.name,
      durationSeconds: calls.durationSeconds,
      sentiment: calls.sentiment,
      summary: calls.summary,
    })
    .from(calls)
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(eq(calls.companyId, ctx.company.id))
    .orderBy(desc(calls.startedAt))
    .limit(limit);
}
