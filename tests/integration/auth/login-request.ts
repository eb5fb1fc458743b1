import { signInAction } from "@/app/login/actions";
import { signIn } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export { request } from "./login-headers";

// Logins as a browser sends them (the server action) or as the verb gets them (explicit headers and "now").
export type LoginOutcome = { error?: string; redirectedTo?: string };

/** The login form submitted from `request.address`: the German error it shows or where it redirects. */
export async function submitLogin(email: string, password: string, next?: string): Promise<LoginOutcome> {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  if (next !== undefined) form.set("next", next);
  try {
    return await signInAction({}, form);
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT;")) throw error;
    return { redirectedTo: digest.split(";")[2] };
  }
}

/** The verb from a given address at a given instant: "ok" or the German message it refused with. */
export async function attempt(email: string, password: string, address: string, now: Date): Promise<string> {
  const headers = new Headers({ "x-forwarded-for": address });
  try {
    await signIn({ ctx: { db: getDb(), actor: { type: "system" } }, input: { email, password, headers, now } });
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}
