import { and, count, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments } from "../db/schema";

/** Active appointments per Cal.com sync state, plus how many wait for manual review. */
export async function getSyncCounts({ ctx }: { ctx: Ctx }) {
  const rows = await ctx.db
    .select({ status: appointments.calcomSyncStatus, review: appointments.requiresManualReview, n: count() })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.status, "confirmed")))
    .groupBy(appointments.calcomSyncStatus, appointments.requiresManualReview);
  const byStatus = { pending: 0, synced: 0, partial: 0, failed: 0 };
  let needsReview = 0;
  for (const row of rows) {
    byStatus[row.status] += row.n;
    if (row.review) needsReview += row.n;
  }
  return { byStatus, needsReview };
}
