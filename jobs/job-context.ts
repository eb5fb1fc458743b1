import { eq } from "drizzle-orm";
import type { Ctx } from "../lib/context";
import { getDb } from "../lib/db/client";
import { companies } from "../lib/db/schema";

/** The tenant context a job runs in (the company is re-read: settings may have changed). */
export async function jobCtx(companyId: string, jobId: string): Promise<Ctx | null> {
  const db = getDb();
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId));
  return company ? { db, company, actor: { type: "job", jobId } } : null;
}
