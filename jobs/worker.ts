import { logger } from "../lib/logger";
import { createBoss } from "./boss";
import { handlers } from "./handlers";
import { ensureQueues, queues } from "./queues";

/** The job worker process: `npm run worker`. Run as many as needed next to any number of web instances. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const boss = createBoss(url, "worker");

  // Signals are handled from the first moment: a stop during start-up waits for the start, then stops.
  let started: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await started.catch(() => {});
    await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  started = (async () => {
    await boss.start();
    await ensureQueues(boss);
    for (const queue of queues) {
      const handler = handlers[queue.name];
      if (!handler) throw new Error(`No handler registered for queue ${queue.name}`);
      await boss.work(queue.name, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        const log = logger.child({ jobId: job.id, queue: queue.name, attempt: job.retryCount + 1 });
        const data = queue.payload.parse(job.data);
        await handler(data as never, { jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit, log });
      });
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
