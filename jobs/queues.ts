import type PgBoss from "pg-boss";
import { z } from "zod";

/**
 * Every queue with its payload schema and options. pg-boss 10's code defaults (retryLimit 2,
 * expire 15 min) differ from its docs, so every option is set here explicitly.
 */
export type QueueDefinition<T extends z.ZodTypeAny = z.ZodTypeAny> = {
  name: string;
  payload: T;
  options: Omit<PgBoss.Queue, "name"> & Required<Pick<PgBoss.Queue, "retryLimit" | "expireInSeconds" | "policy">>;
  /** Cron (UTC) for scheduled queues. */
  cron?: string;
};

export const SLOT_HOLDS_PURGE = "slot-holds-purge";

export const queues: QueueDefinition[] = [
  {
    name: SLOT_HOLDS_PURGE,
    payload: z.object({}).passthrough(),
    // A purge that misses a minute is harmless; never pile them up.
    options: { policy: "singleton", retryLimit: 0, expireInSeconds: 60, retentionMinutes: 60 },
    cron: "* * * * *",
  },
];

export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const queue of queues) {
    await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    await boss.updateQueue(queue.name, { name: queue.name, ...queue.options });
  }
}
