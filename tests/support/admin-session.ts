/**
 * The edges of an admin request that action tests fake: the cookie's session and Next's cache. The
 * session check, the tenant lookup, the verbs and the database stay real. In a test file:
 *   vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
 *   vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
 *   vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);
 */
export const adminRequest = { companyId: null as string | null, revalidated: [] as string[] };

/** Signed in as an admin of the company; `null` is an expired session. */
export function signInAs(companyId: string | null): void {
  adminRequest.companyId = companyId;
  adminRequest.revalidated = [];
}

export const fakeHeaders = { headers: async () => new Headers() };

export const fakeCache = {
  revalidatePath: (path: string) => {
    adminRequest.revalidated.push(path);
  },
};

const user = (companyId: string) => ({ id: "user-1", email: "admin@salon.test", name: "Admin", companyId });

export const fakeAuth = {
  getAuth: () => ({
    api: { getSession: async () => (adminRequest.companyId ? { user: user(adminRequest.companyId) } : null) },
  }),
};
