import { asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { users } from "../db";
import type { AdminRole } from "./create-admin";

export type AdminListEntry = {
  id: string;
  name: string;
  email: string;
  role: AdminRole;
  mustChangePassword: boolean;
  createdAt: Date;
};

/** The salon's admin logins, owners first. */
export async function listAdmins({ ctx }: { ctx: Ctx }): Promise<AdminListEntry[]> {
  const rows = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.companyId, ctx.company.id))
    .orderBy(sql`${users.role} = 'owner' desc`, asc(users.name), asc(users.email));
  return rows.map((row) => ({ ...row, role: row.role === "owner" ? "owner" : "admin" }));
}
