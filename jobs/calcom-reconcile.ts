import { getDb, companies } from "../lib/db";
import { reconcileUpcoming } from "../lib/calcom/sync";
import type { JobContext } from "../lib/jobs";

/** Every 15 minutes: upcoming synced appointments of every company checked against Cal.com. */
export async function calcomReconcileJob(_data: unknown, job: JobContext): Promise<void> {
  const db = getDb();
  for (const company of await db.select().from(companies)) {
    try {
      const result = await reconcileUpcoming({
        ctx: { db, company, actor: { type: "job", jobId: job.jobId } },
        input: { jobId: job.jobId },
      });
      if (result.flagged.length)
        job.log.warn({ companyId: company.id, flagged: result.flagged.length }, "Cal.com drift found");
    } catch (error) {
      job.log.error({ err: error, companyId: company.id }, "reconciliation failed");
    }
  }
}
