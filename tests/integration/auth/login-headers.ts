/**
 * Next's request scope for the login action: the client address a reverse proxy reports, no cookies.
 * Kept free of imports, since the mock factory loads it while the action is being imported:
 *   vi.mock("next/headers", async () => (await import("./login-headers")).fakeHeaders);
 */
export const request = { address: "198.51.100.1" };

export const fakeHeaders = {
  headers: async () => new Headers({ "x-forwarded-for": `${request.address}, 10.0.0.2` }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
};
