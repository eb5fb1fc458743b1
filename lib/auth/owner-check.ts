import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { type DbOrTx, users } from "../db";
import { AppError } from "../errors";

const NOT_OWNER = "Zugänge hinzufügen und entfernen darf nur die Inhaberin oder der Inhaber des Salons.";

/**
 * Locks the salon's owners (in one order, so two owners removing each other queue up) and checks
 * that the acting user is still one of them. Returns the owners' ids.
 */
export async function lockOwnersAsOwner(tx: DbOrTx, ctx: Ctx): Promise<string[]> {
  if (ctx.actor.type !== "user") throw new AppError("FORBIDDEN", NOT_OWNER);
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.companyId, ctx.company.id), eq(users.role, "owner")))
    .orderBy(asc(users.id))
    .for("update");
  const ids = owners.map((o) => o.id);
  if (!ids.includes(ctx.actor.userId)) throw new AppError("FORBIDDEN", NOT_OWNER);
  return ids;
}
