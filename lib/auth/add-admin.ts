import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Ctx } from "../context";
import { parseInput } from "../errors";
import { createAdminUser } from "./create-admin";
import { lockOwnersAsOwner } from "./owner-check";
import { adminEmail, adminName, generateOneTimePassword } from "./passwords";

export const addAdminInput = z.object({ name: adminName, email: adminEmail });

export type AddedAdmin = { userId: string; name: string; email: string; oneTimePassword: string };

/**
 * The owner gives a colleague a login to the same salon: a generated one-time password, shown once
 * to the owner and never stored in clear; the first login leads to choosing their own.
 */
export async function addAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof addAdminInput>;
}): Promise<AddedAdmin> {
  const { name, email } = parseInput(addAdminInput, input);
  const oneTimePassword = generateOneTimePassword();
  // Hashing takes a while (scrypt): done before the transaction so the owners' row locks stay short.
  const passwordHash = await hashPassword(oneTimePassword);
  const userId = await ctx.db.transaction(async (tx) => {
    await lockOwnersAsOwner(tx, ctx);
    const admin = { companyId: ctx.company.id, name, email, password: oneTimePassword, mustChangePassword: true };
    return createAdminUser(tx, admin, passwordHash);
  });
  return { userId, name, email, oneTimePassword };
}
