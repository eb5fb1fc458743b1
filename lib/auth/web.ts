import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Ctx } from "../context";
import { getDb, companies } from "../db";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import type { AdminRole } from "./create-admin";

type UserActor = Extract<Ctx["actor"], { type: "user" }>;
/** The signed-in admin: an owner may manage the salon's logins; a one-time password must be replaced. */
export type AdminActor = UserActor & { role: AdminRole; mustChangePassword: boolean };
export type AdminCtx = Ctx & { actor: AdminActor };

/** Where an admin with a one-time password is sent until they have chosen their own. */
export const PASSWORD_CHANGE_PATH = "/konto";

/** The signed-in admin with their company, or null. Cached per request. */
export const getAdminCtx = cache(async (): Promise<AdminCtx | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const db = getDb();
  const user = session.user as { companyId?: string; role?: string; mustChangePassword?: boolean };
  if (!user.companyId) return null;
  const [company] = await db.select().from(companies).where(eq(companies.id, user.companyId)).limit(1);
  if (!company) return null;
  return {
    db,
    company,
    actor: {
      type: "user",
      userId: session.user.id,
      email: session.user.email,
      name: session.user.name,
      role: user.role === "owner" ? "owner" : "admin",
      mustChangePassword: user.mustChangePassword === true,
    },
  };
});

/**
 * For pages: no session → /login; a one-time password → /konto first. The page that changes the
 * password (and the layout around every page) pass `allowOneTimePassword`.
 */
export async function requireAdminPage(options: { allowOneTimePassword?: boolean } = {}): Promise<AdminCtx> {
  const ctx = await getAdminCtx();
  if (!ctx) {
    // Back to the page that was opened after signing in (set by proxy.ts; only paths of this site).
    const opened = (await headers()).get("x-slotdesk-path");
    redirect(opened && opened !== "/" ? `/login?next=${encodeURIComponent(opened)}` : "/login");
  }
  if (ctx.actor.mustChangePassword && !options.allowOneTimePassword) redirect(PASSWORD_CHANGE_PATH);
  return ctx;
}

/** For server actions: no session → typed error the action maps to a German message. */
export async function requireAdminAction(): Promise<AdminCtx> {
  const ctx = await getAdminCtx();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.");
  return ctx;
}
