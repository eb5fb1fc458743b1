import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { JobContext } from "./job-context";
import type { QueueDefinition } from "./queues";

type Handler = (data: never, job: JobContext) => Promise<void>;

/**
 * Runs one fetched batch of a queue concurrently. pg-boss would fail (and retry) a whole batch
 * when its callback throws; here a job that fails is failed on its own, with its error, and goes
 * through the queue's retry and backoff like a single job does. The others complete.
 */
export async function runBatch(
  boss: PgBoss,
  queue: QueueDefinition,
  jobs: PgBoss.JobWithMetadata<unknown>[],
  handler: Handler,
  log: Logger,
): Promise<void> {
  await Promise.all(
    jobs.map(async (job) => {
      const jobLog = log.child({ jobId: job.id, queue: queue.name, attempt: job.retryCount + 1 });
      try {
        const data = queue.payload.parse(job.data);
        await handler(data as never, {
          jobId: job.id,
          retryCount: job.retryCount,
          retryLimit: job.retryLimit,
          log: jobLog,
        });
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        jobLog.warn(
          { err },
          job.retryCount < job.retryLimit ? "job failed; pg-boss retries it" : "job failed for good",
        );
        await boss.fail(queue.name, job.id, { name: err.name, message: err.message, stack: err.stack });
      }
    }),
  );
}
