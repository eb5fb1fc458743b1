import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";

/**
 * Runs `work` while holding the company's provisioning lock, so two clicks (or the CLI and a click)
 * cannot both find a webhook or event type missing and create it twice. The transaction only holds
 * the lock: `work` writes through ctx.db, so what it did in Cal.com stays recorded even if it fails.
 */
export async function withProvisioningLock<T>(ctx: Ctx, work: () => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`calcom-provision:${ctx.company.id}`}, 0))`);
    return work();
  });
}
