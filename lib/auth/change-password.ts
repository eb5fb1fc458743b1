import { APIError } from "better-auth/api";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { users } from "../db";
import { AppError, parseInput } from "../errors";
import { getAuth } from "./auth";
import { newPassword } from "./passwords";

export const changePasswordInput = z
  .object({
    currentPassword: z
      .string({ error: "Bitte geben Sie Ihr bisheriges Passwort ein." })
      .min(1, "Bitte geben Sie Ihr bisheriges Passwort ein."),
    newPassword,
    newPasswordRepeat: z.string({ error: "Bitte wiederholen Sie das neue Passwort." }),
    /** The request's headers: better-auth finds the session by its cookie. */
    headers: z.instanceof(Headers),
  })
  .refine((v) => v.newPassword === v.newPasswordRepeat, {
    path: ["newPasswordRepeat"],
    message: "Die beiden neuen Passwörter stimmen nicht überein.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Das neue Passwort muss sich vom bisherigen unterscheiden.",
  });

const MESSAGES: Record<string, string> = {
  INVALID_PASSWORD: "Das bisherige Passwort stimmt nicht.",
  PASSWORD_TOO_SHORT: "Das neue Passwort ist zu kurz.",
  PASSWORD_TOO_LONG: "Das neue Passwort ist zu lang.",
};

/**
 * The signed-in admin sets a new password through better-auth (its hashing, its checks); every other
 * session of theirs ends. A one-time password is then no longer required to be changed.
 */
export async function changeOwnPassword({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof changePasswordInput>;
}): Promise<void> {
  const { currentPassword, newPassword, headers } = parseInput(changePasswordInput, input);
  if (ctx.actor.type !== "user") throw new AppError("FORBIDDEN", "Nur angemeldete Admins können ihr Passwort ändern.");
  try {
    const api = getAuth().api;
    await api.changePassword({ body: { currentPassword, newPassword }, headers });
    // Not changePassword's own revokeOtherSessions: it replaces this session too, and the page Next.js
    // renders after the action still sends the old cookie — the admin would land on the login.
    await api.revokeOtherSessions({ headers });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const code = String(error.body?.code ?? "");
    if (error.statusCode === 401) {
      throw new AppError("UNAUTHENTICATED", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.");
    }
    const field = code === "INVALID_PASSWORD" ? "currentPassword" : "newPassword";
    const message = MESSAGES[code] ?? "Das Passwort konnte nicht geändert werden.";
    throw new AppError("VALIDATION", message, { issues: [{ path: field, message }] });
  }
  await ctx.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(and(eq(users.id, ctx.actor.userId), eq(users.companyId, ctx.company.id)));
}
