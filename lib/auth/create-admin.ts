import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import { type DbOrTx, accounts, users } from "../db";
import { AppError, pgErrorCode } from "../errors";

export type AdminRole = "owner" | "admin";

export type NewAdmin = {
  companyId: string;
  name: string;
  email: string;
  password: string;
  role?: AdminRole;
  mustChangePassword?: boolean;
};

/**
 * An admin of one company with an email/password login, stored the way better-auth reads it. Plain
 * inserts with better-auth's own hasher, so it runs inside the caller's transaction.
 */
export async function createAdminUser(db: DbOrTx, admin: NewAdmin, passwordHash?: string): Promise<string> {
  const userId = randomUUID();
  // better-auth looks users up by the lower-cased address.
  const email = admin.email.trim().toLowerCase();
  const taken = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (taken.length > 0) throw emailTaken(email);
  const password = passwordHash ?? (await hashPassword(admin.password));
  await db
    .insert(users)
    .values({
      id: userId,
      name: admin.name,
      email,
      emailVerified: true,
      companyId: admin.companyId,
      role: admin.role ?? "admin",
      mustChangePassword: admin.mustChangePassword ?? false,
    })
    .catch((error: unknown) => {
      // Two requests for the same address at once: the unique index decides.
      throw pgErrorCode(error) === "23505" ? emailTaken(email) : error;
    });
  await db.insert(accounts).values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password });
  return userId;
}

const emailTaken = (email: string) =>
  new AppError("CONFLICT", `Für die E-Mail-Adresse ${email} gibt es schon einen Zugang.`, { field: "email" });
