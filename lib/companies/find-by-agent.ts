import { eq } from "drizzle-orm";
import type { Company } from "../context";
import { type DbOrTx, companies } from "../db";

/** The tenant a Retell agent belongs to. */
export async function findCompanyByAgentId(db: DbOrTx, agentId: string | null | undefined): Promise<Company | null> {
  if (!agentId) return null;
  const [row] = await db.select().from(companies).where(eq(companies.retellAgentId, agentId)).limit(1);
  return row ?? null;
}
