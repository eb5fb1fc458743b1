import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { SystemCtx } from "../context";
import { users } from "../db";
import { AppError, parseInput } from "../errors";
import { logger } from "../logger";
import { serverNow } from "../time";
import { getAuth } from "./auth";
import { clientAddress } from "./client-address";
import { clearLoginFailures, loginLockedUntil, recordLoginFailure, throttleKeysFor } from "./login-throttle";
import { adminEmail } from "./passwords";

/** The same words whether the account exists or not: the login tells nobody which e-mails are admins. */
export const LOGIN_FAILED_MESSAGE = "E-Mail-Adresse oder Passwort ist falsch.";
export const LOGIN_LOCKED_MESSAGE = "Zu viele Anmeldeversuche. Bitte in einigen Minuten erneut versuchen.";

export const signInInput = z.object({
  email: adminEmail,
  password: z.string().min(1).max(200),
  /** The request's headers: the client address for the brake, and better-auth's session details. */
  headers: z.instanceof(Headers),
  /** For tests; the server's clock otherwise. */
  now: z.date().optional(),
});

/**
 * An admin signs in with e-mail and password through better-auth — unless too many logins failed
 * lately for this account or from this address (lib/auth/login-throttle.ts): then the password is not
 * even checked. Every failure is counted and logged, never with the password.
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: SystemCtx;
  input: z.input<typeof signInInput>;
}): Promise<{ userId: string }> {
  const { email, password, headers, now = serverNow() } = parseInput(signInInput, input);
  const address = clientAddress(headers);
  const keys = throttleKeysFor(email, address);
  if (await loginLockedUntil(ctx.db, keys, now)) {
    logger.warn({ account: email, address, reason: "locked" }, "login failed");
    throw new AppError("FORBIDDEN", LOGIN_LOCKED_MESSAGE, { reason: "locked" });
  }
  let userId: string | null = null;
  try {
    userId = (await getAuth().api.signInEmail({ body: { email, password }, headers })).user.id;
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
  }
  if (userId) {
    await clearLoginFailures(ctx.db, email, now);
    return { userId };
  }
  const [accountLock, addressLock] = await Promise.all(keys.map((key) => recordLoginFailure(ctx.db, key, now)));
  const [known] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  const reason = known ? "wrong_password" : "unknown_account";
  logger.warn(
    { account: email, address, reason, lockedUntil: accountLock ?? addressLock ?? undefined },
    "login failed",
  );
  throw new AppError("UNAUTHENTICATED", LOGIN_FAILED_MESSAGE, { reason });
}
