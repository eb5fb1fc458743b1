import { purgeExpiredHolds } from "../lib/booking";
import { getDb } from "../lib/db";
import type { JobContext } from "../lib/jobs";

/** Every minute: expired holds become `expired` and stop occupying staff time. */
export async function slotHoldsPurge(_data: unknown, job: JobContext): Promise<void> {
  const purged = await purgeExpiredHolds(getDb());
  if (purged > 0) job.log.info({ purged }, "expired slot holds purged");
}
