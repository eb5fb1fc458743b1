import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import type { Ctx } from "../context";
import { getDb, companies } from "../db";

/** What every job handler gets besides its payload. */
export type JobContext = { jobId: string; retryCount: number; retryLimit: number; log: Logger };

/** The tenant context a job runs in (the company is re-read: settings may have changed). */
export async function jobCtx(companyId: string, jobId: string): Promise<Ctx | null> {
  const db = getDb();
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId));
  return company ? { db, company, actor: { type: "job", jobId } } : null;
}
