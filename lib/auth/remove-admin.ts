import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { sessions, users } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { lockOwnersAsOwner } from "./owner-check";

export const removeAdminInput = z.object({
  userId: z
    .string({ error: "Welcher Zugang soll entfernt werden?" })
    .trim()
    .min(1, "Welcher Zugang soll entfernt werden?"),
});

/**
 * The owner removes a login of their salon: the user, their password and every open session. Never
 * their own login and never the salon's last owner; another salon's user is simply not found.
 */
export async function removeAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof removeAdminInput>;
}): Promise<{ name: string; email: string }> {
  const { userId } = parseInput(removeAdminInput, input);
  return ctx.db.transaction(async (tx) => {
    const owners = await lockOwnersAsOwner(tx, ctx);
    const [target] = await tx
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.companyId, ctx.company.id)))
      .for("update");
    if (!target) throw notFound("Zugang");
    if (ctx.actor.type === "user" && target.id === ctx.actor.userId) {
      throw new AppError("FORBIDDEN", "Ihren eigenen Zugang können Sie hier nicht entfernen.");
    }
    if (target.role === "owner" && owners.length <= 1) {
      throw new AppError("FORBIDDEN", "Der letzte Inhaber-Zugang des Salons kann nicht entfernt werden.");
    }
    // Sessions and the password account would go by cascade too; deleting them first says so.
    await tx.delete(sessions).where(eq(sessions.userId, target.id));
    await tx.delete(users).where(and(eq(users.id, target.id), eq(users.companyId, ctx.company.id)));
    return { name: target.name, email: target.email };
  });
}
