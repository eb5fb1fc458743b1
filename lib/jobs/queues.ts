import type PgBoss from "pg-boss";
import { z } from "zod";
import { tunable } from "../env";

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
  /** Jobs one worker process runs at the same time (default 1). */
  concurrency?: number;
};

/** Cal.com syncs run side by side: each mostly waits for Cal.com, and the per-key pacing is shared. */
export const syncConcurrency = () => tunable("WORKER_SYNC_CONCURRENCY");

export const SLOT_HOLDS_PURGE = "slot-holds-purge";
export const CALCOM_SYNC = "calcom-sync";
export const CALCOM_REVERIFY = "calcom-reverify";
export const CALCOM_RECONCILE = "calcom-reconcile";

export const appointmentJob = z.object({
  appointmentId: z.number().int().positive(),
  companyId: z.string().uuid(),
  /** "admin" when an admin pressed "Erneut synchronisieren": the Sync-Monitor counts its rescues as manual. */
  trigger: z.enum(["auto", "admin"]).optional(),
});

export const queues: QueueDefinition[] = [
  {
    name: SLOT_HOLDS_PURGE,
    payload: z.object({}).passthrough(),
    // A purge that misses a minute is harmless; never pile them up.
    options: { policy: "singleton", retryLimit: 0, expireInSeconds: 60, retentionMinutes: 60 },
    cron: "* * * * *",
  },
  {
    name: CALCOM_SYNC,
    payload: appointmentJob,
    // stately + singletonKey per appointment: at most one running and one waiting per appointment;
    // retries back off 10 s, 20 s, 40 s … and every run re-reads the appointment, so merging is safe.
    options: {
      policy: "stately",
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 600,
      retentionMinutes: 7 * 24 * 60,
    },
    concurrency: syncConcurrency(),
  },
  {
    name: CALCOM_REVERIFY,
    payload: appointmentJob,
    options: {
      policy: "stately",
      retryLimit: 2,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 300,
      retentionMinutes: 24 * 60,
    },
    concurrency: syncConcurrency(),
  },
  {
    name: CALCOM_RECONCILE,
    payload: z.object({}).passthrough(),
    options: { policy: "singleton", retryLimit: 0, expireInSeconds: 600, retentionMinutes: 24 * 60 },
    cron: "*/15 * * * *",
  },
];

export const singletonKeyFor = (appointmentId: number) => `appointment:${appointmentId}`;

export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const queue of queues) {
    await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    await boss.updateQueue(queue.name, { name: queue.name, ...queue.options });
  }
}
