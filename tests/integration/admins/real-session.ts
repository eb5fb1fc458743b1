import { getAuth } from "@/lib/auth/auth";
import { createAdminUser, type NewAdmin } from "@/lib/auth/create-admin";
import { getDb } from "@/lib/db/client";

/**
 * Admin requests with a real better-auth session: only Next's request scope is faked (the cookie
 * header and the cache). In a test file:
 *   vi.mock("next/headers", async () => (await import("./real-session")).fakeHeaders);
 *   vi.mock("next/cache", async () => (await import("./real-session")).fakeCache);
 */
export const request = { cookie: null as string | null };

export const fakeHeaders = {
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
};

export const fakeCache = { revalidatePath: () => {} };

export const signInEmail = (email: string, password: string) =>
  getAuth().api.signInEmail({ body: { email, password }, asResponse: true });

/** Logs in through better-auth and uses that session cookie for the following requests. */
export async function logIn(email: string, password: string): Promise<string> {
  const response = await signInEmail(email, password);
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status}`);
  request.cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  return request.cookie;
}

export function logOut(): void {
  request.cookie = null;
}

let counter = 0;
/** An admin login of the company with a known password. */
export async function makeAdmin(companyId: string, role: NewAdmin["role"] = "admin") {
  const email = `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@salon.test`;
  const password = `Passwort-${counter}-geheim`;
  const name = `${role === "owner" ? "Inhaberin" : "Kollegin"} ${counter}`;
  const userId = await createAdminUser(getDb(), { companyId, name, email, password, role });
  return { userId, name, email, password };
}
