import "./boot-check";
import { env } from "../lib/env";
import { logger } from "../lib/logger";
import { isConnectionLost } from "../lib/db";
import { createBoss, ensureQueues, queues, runBatch } from "../lib/jobs";
import { closeSyncLocks } from "../lib/calcom/sync";
import { handlers } from "./handlers";

/** The job worker process: `npm run worker`. Run as many as needed next to any number of web instances. */
async function main(): Promise<void> {
  const boss = createBoss(env().DATABASE_URL, "worker");

  // Signals are handled from the first moment: a stop during start-up waits for the start, then stops.
  let started: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await started.catch(() => {});
    await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    await closeSyncLocks().catch(() => {});
    process.exit(0);
  };
  // A database restart can surface as a rejected promise nobody awaits any more (a driver's socket
  // error after its caller moved on). That is no reason to end the worker: its pools reconnect and
  // every job's end is recorded again (runBatch). Anything else is a bug and stops it, as before.
  process.on("unhandledRejection", (reason) => {
    const query = (reason as { query?: unknown } | null)?.query;
    if (isConnectionLost(reason)) {
      logger.warn({ err: reason, query }, "database connection lost outside a job; the worker goes on");
      return;
    }
    logger.fatal({ err: reason, query }, "unhandled rejection; worker stops");
    process.exit(1);
  });
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  started = (async () => {
    await boss.start();
    await ensureQueues(boss);
    for (const queue of queues) {
      const handler = handlers[queue.name];
      if (!handler) throw new Error(`No handler registered for queue ${queue.name}`);
      const batchSize = queue.concurrency ?? 1;
      // `let`, not `const`: the handler may run before `work()` resolves and must then see undefined, not a TDZ error.
      let workerId: string | undefined;
      // eslint-disable-next-line prefer-const
      workerId = await boss.work(
        queue.name,
        { batchSize, pollingIntervalSeconds: 1, includeMetadata: true },
        async (jobs) => {
          await runBatch(boss, queue, jobs, handler, logger);
          // A full batch means a backlog: fetch again at once instead of waiting for the next poll.
          if (jobs.length === batchSize && workerId) boss.notifyWorker(workerId);
        },
      );
      if (queue.cron) await boss.schedule(queue.name, queue.cron, {}, { tz: "UTC" });
    }
  })();
  await started;
  logger.info({ queues: queues.map((q) => q.name) }, "worker started");
}

main().catch((error) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
