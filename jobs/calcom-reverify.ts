import type { z } from "zod";
import { reverifyAppointment } from "../lib/calcom/sync/reverify";
import type { JobContext } from "../lib/jobs/job-context";
import { jobCtx } from "../lib/jobs/job-context";
import type { appointmentJob } from "../lib/jobs/queues";

/** calcom-reverify: the "Sync erneut prüfen" check, for bulk use from the monitor. */
export async function calcomReverifyJob(data: z.infer<typeof appointmentJob>, job: JobContext): Promise<void> {
  const ctx = await jobCtx(data.companyId, job.jobId);
  if (!ctx) return;
  const result = await reverifyAppointment({ ctx, input: { appointmentId: data.appointmentId, jobId: job.jobId } });
  job.log.info({ appointmentId: data.appointmentId, ...result }, "calcom-reverify done");
}
