import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db";

export type HealthReport = { status: "ok" | "error"; db: "ok" | "down"; queue: "ok" | "down" };

async function probe(run: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Database reachable, and the job queue's tables installed and readable. */
export async function checkHealth(db: DbOrTx, timeoutMs = 2000): Promise<HealthReport> {
  const dbOk = await probe(() => db.execute(sql`select 1`), timeoutMs);
  const queueOk = dbOk && (await probe(() => db.execute(sql`select count(*) from pgboss.queue`), timeoutMs));
  return {
    status: dbOk && queueOk ? "ok" : "error",
    db: dbOk ? "ok" : "down",
    queue: queueOk ? "ok" : "down",
  };
}
