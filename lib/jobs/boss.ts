import PgBoss from "pg-boss";
import { env } from "../env";
import { logger } from "../logger";

export const BOSS_SCHEMA = "pgboss";

/**
 * Workers run maintenance and cron schedules; producers (web processes) only send jobs.
 * Several of each can share one PostgreSQL: pg-boss hands out jobs with SKIP LOCKED.
 */
export function createBoss(url: string, role: "worker" | "producer" | "migrate"): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    application_name: `slotdesk-${role}`,
    max: role === "worker" ? 6 : 2,
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: role !== "producer",
  });
  boss.on("error", (error) => logger.error({ err: error, role }, "pg-boss error"));
  return boss;
}

const globalForBoss = globalThis as unknown as { slotdeskProducer?: { url: string; boss: Promise<PgBoss> } };

/** The web process's sender, started on first use. */
export function getProducer(): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  const current = globalForBoss.slotdeskProducer;
  if (current && current.url === url) return current.boss;
  const boss = createBoss(url, "producer");
  const started = boss.start().then(() => boss);
  globalForBoss.slotdeskProducer = { url, boss: started };
  started.catch(() => {
    globalForBoss.slotdeskProducer = undefined;
  });
  return started;
}

export async function stopProducer(): Promise<void> {
  const current = globalForBoss.slotdeskProducer;
  globalForBoss.slotdeskProducer = undefined;
  if (current) await (await current.boss).stop({ graceful: false, wait: true });
}
