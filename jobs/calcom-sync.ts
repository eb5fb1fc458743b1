import type { z } from "zod";
import { syncAppointment } from "../lib/calcom/sync";
import { type JobContext, jobCtx, type appointmentJob } from "../lib/jobs";

export class SyncWillRetry extends Error {}

/** calcom-sync: make Cal.com match one appointment; throwing hands the job back to pg-boss's backoff. */
export async function calcomSyncJob(data: z.infer<typeof appointmentJob>, job: JobContext): Promise<void> {
  const ctx = await jobCtx(data.companyId, job.jobId);
  if (!ctx) return;
  const log = job.log.child({ appointmentId: data.appointmentId });
  const result = await syncAppointment({
    ctx,
    input: {
      appointmentId: data.appointmentId,
      jobId: job.jobId,
      attempt: job.retryCount + 1,
      finalAttempt: job.retryCount >= job.retryLimit,
      trigger: data.trigger ?? "auto",
    },
  });
  log.info({ outcome: result.outcome, recovered: result.recovered, retry: result.retry }, "calcom-sync done");
  if (result.retry)
    throw new SyncWillRetry(`Cal.com sync of appointment ${data.appointmentId} ended ${result.outcome}; retrying`);
}
