import { describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { DEMO_SALON, SECOND_SALON, seedDemo } from "@/dev/seed";

describe("admin login (better-auth)", async () => {
  const [demo, second] = await seedDemo(getDb(), new Date("2026-11-21T11:00:00Z"));

  const signIn = (email: string, password: string) =>
    getAuth().api.signInEmail({ body: { email, password }, asResponse: true });

  it("signs the seeded admin in and ties the session to their company only", async () => {
    const response = await signIn(DEMO_SALON.admin.email, DEMO_SALON.admin.password);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const session = await getAuth().api.getSession({ headers: new Headers({ cookie }) });
    expect((session?.user as { companyId?: string }).companyId).toBe(demo!.companyId);

    const other = await signIn(SECOND_SALON.admin.email, SECOND_SALON.admin.password);
    const otherCookie = other.headers.get("set-cookie")!.split(";")[0]!;
    const otherSession = await getAuth().api.getSession({ headers: new Headers({ cookie: otherCookie }) });
    expect((otherSession?.user as { companyId?: string }).companyId).toBe(second!.companyId);
  });

  it("refuses a wrong password and an unknown user", async () => {
    expect((await signIn(DEMO_SALON.admin.email, "wrong-password-1")).status).toBe(401);
    expect((await signIn("nobody@example.de", "whatever-123")).status).toBe(401);
  });

  it("stores a password hash, never the password", async () => {
    const rows = await getDb().query.accounts.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.password).toBeTruthy();
      expect(row.password).not.toContain(DEMO_SALON.admin.password);
    }
  });

  it("offers no public sign-up", async () => {
    const response = await getAuth().api.signUpEmail({
      body: { email: "intruder@example.de", password: "intruder-password-1", name: "Eindringling" },
      asResponse: true,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});
