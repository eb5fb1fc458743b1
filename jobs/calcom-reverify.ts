import type { z } from "zod";
import { reverifyAppointment } from "../lib/calcom/sync";
import { type JobContext, jobCtx, type appointmentJob } from "../lib/jobs";

/** calcom-reverify: the "Sync erneut prüfen" check, for bulk use from the monitor. */
export async function calcomReverifyJob(data: z.infer<typeof appointmentJob>, job: JobContext): Promise<void> {
  const ctx = await jobCtx(data.companyId, job.jobId);
  if (!ctx) return;
  const result = await reverifyAppointment({ ctx, input: { appointmentId: data.appointmentId, jobId: job.jobId } });
  job.log.info({ appointmentId: data.appointmentId, ...result }, "calcom-reverify done");
}
