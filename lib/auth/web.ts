import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Ctx } from "../context";
import { getDb, companies } from "../db";
import { AppError } from "../errors";
import { getAuth } from "./auth";

export type AdminCtx = Ctx & { actor: Extract<Ctx["actor"], { type: "user" }> };

/** The signed-in admin with their company, or null. Cached per request. */
export const getAdminCtx = cache(async (): Promise<AdminCtx | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const db = getDb();
  const companyId = (session.user as { companyId?: string }).companyId;
  if (!companyId) return null;
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  if (!company) return null;
  return {
    db,
    company,
    actor: { type: "user", userId: session.user.id, email: session.user.email, name: session.user.name },
  };
});

/** For pages: no session → /login. */
export async function requireAdminPage(): Promise<AdminCtx> {
  const ctx = await getAdminCtx();
  if (!ctx) redirect("/login");
  return ctx;
}

/** For server actions: no session → typed error the action maps to a German message. */
export async function requireAdminAction(): Promise<AdminCtx> {
  const ctx = await getAdminCtx();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.");
  return ctx;
}
