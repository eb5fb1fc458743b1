import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { type DbOrTx, accounts, users } from "../db";

export type NewAdmin = { companyId: string; name: string; email: string; password: string };

/** An admin of one company with an email/password login, stored the way better-auth reads it. */
export async function createAdminUser(db: DbOrTx, admin: NewAdmin, passwordHash?: string): Promise<string> {
  const userId = randomUUID();
  const password = passwordHash ?? (await hashPassword(admin.password));
  await db
    .insert(users)
    .values({ id: userId, name: admin.name, email: admin.email, emailVerified: true, companyId: admin.companyId });
  await db.insert(accounts).values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password });
  return userId;
}
