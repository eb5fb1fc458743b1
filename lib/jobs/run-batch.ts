import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { JobContext } from "./job-context";
import type { QueueDefinition } from "./queues";

type Handler = (data: never, job: JobContext) => Promise<void>;

/** How long a job's end is offered to the database again while it is unreachable (a restart). */
const RECORD_FOR_MS = 10 * 60_000;

/**
 * Writes a job's end (complete or fail) and tries again while the database cannot take it: a job
 * whose end was lost in a restart would stay "active" until its expiry (10 minutes for a sync).
 * While this waits, the queue fetches nothing new — there is no database to fetch from anyway.
 */
async function recordEnd(write: () => Promise<unknown>, log: Logger): Promise<void> {
  const giveUpAt = Date.now() + RECORD_FOR_MS;
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() + wait > giveUpAt) {
        log.error({ err: error }, "job end not recorded; pg-boss expires the job and retries it");
        return;
      }
      log.warn({ err: error, retryInMs: wait }, "job end not recorded yet; trying again");
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/**
 * Runs one fetched batch of a queue concurrently. pg-boss would fail (and retry) a whole batch
 * when its callback throws; here a job that fails is failed on its own, with its error, and goes
 * through the queue's retry and backoff like a single job does. The others complete — each
 * recorded here, as soon as it ends, and again until the database takes it.
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
        await recordEnd(
          () => boss.fail(queue.name, job.id, { name: err.name, message: err.message, stack: err.stack }),
          jobLog,
        );
        return;
      }
      await recordEnd(() => boss.complete(queue.name, job.id), jobLog);
    }),
  );
}
