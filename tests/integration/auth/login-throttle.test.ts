import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { loginThrottles, sessions } from "@/lib/db/schema";
import { useServerClock } from "../../support/clock";
import { makeCompany } from "../../support/factories";
import { makeAdmin } from "../admins/real-session";
import { attempt, request, submitLogin } from "./login-request";

vi.mock("next/headers", async () => (await import("./login-headers")).fakeHeaders);

const NOW = new Date("2027-03-10T09:00:00Z");
// The login form reads the server's clock; the verb's calls below pass their own "now".
useServerClock(NOW);
const WRONG = "E-Mail-Adresse oder Passwort ist falsch.";
const LOCKED = "Zu viele Anmeldeversuche. Bitte in einigen Minuten erneut versuchen.";
const after = (minutes: number, ms = 0) => new Date(NOW.getTime() + minutes * 60_000 + ms);
let addressCount = 0;
const newAddress = () => `203.0.113.${++addressCount}`;
const newAdmin = async () => makeAdmin((await makeCompany()).id);
const sessionCount = async (userId: string) =>
  (await getDb().select().from(sessions).where(eq(sessions.userId, userId))).length;
const accountRow = async (email: string) =>
  (
    await getDb()
      .select()
      .from(loginThrottles)
      .where(and(eq(loginThrottles.kind, "account"), eq(loginThrottles.key, email)))
  )[0];

describe("login form: brute-force brake per account and per address", () => {
  it("five wrong passwords lock the account: then even the right one is refused, from any address", async () => {
    const admin = await newAdmin();
    request.address = newAddress();
    for (let i = 1; i <= 5; i++) {
      expect(await submitLogin(admin.email, `falsch-${i}-geheim`)).toEqual({ error: WRONG, email: admin.email });
    }
    expect(await submitLogin(admin.email, admin.password)).toEqual({ error: LOCKED, email: admin.email });
    request.address = newAddress();
    expect(await submitLogin(admin.email, admin.password, "/kunden")).toEqual({ error: LOCKED, email: admin.email });
    expect(await sessionCount(admin.userId)).toBe(0);

    // An e-mail that is no admin's locks alike and reads the same: the form tells nobody who exists.
    request.address = newAddress();
    for (let i = 1; i <= 5; i++)
      expect(await submitLogin("niemand@salon.test", "rate-mal-1")).toMatchObject({ error: WRONG });
    expect(await submitLogin("niemand@salon.test", "rate-mal-1")).toMatchObject({ error: LOCKED });
  });

  it("the lock ends after 15 minutes; each further one lasts twice as long, at most two hours", async () => {
    const admin = await newAdmin();
    let start = NOW;
    for (const minutes of [15, 30, 60, 120, 120]) {
      // A new address each round: only the account's count can lock here.
      const address = newAddress();
      for (let i = 1; i <= 5; i++) expect(await attempt(admin.email, `falsch-${i}-geheim`, address, start)).toBe(WRONG);
      const end = new Date(start.getTime() + minutes * 60_000);
      expect(await attempt(admin.email, admin.password, address, new Date(end.getTime() - 1))).toBe(LOCKED);
      start = end;
    }
    expect(await attempt(admin.email, admin.password, newAddress(), start)).toBe("ok");
    expect(await sessionCount(admin.userId)).toBe(1);
  });

  it("a successful login clears the account's count: four wrong, right, four wrong still let it in", async () => {
    const admin = await newAdmin();
    request.address = newAddress();
    for (const round of [1, 2]) {
      for (let i = 1; i <= 4; i++)
        expect(await submitLogin(admin.email, `falsch-${round}-${i}`)).toMatchObject({ error: WRONG });
      expect(await submitLogin(admin.email, admin.password)).toEqual({ redirectedTo: "/" });
      expect(await accountRow(admin.email)).toBeUndefined();
    }
    // Failures older than the 15-minute window do not add up either.
    const address = newAddress();
    for (let i = 1; i <= 4; i++) expect(await attempt(admin.email, "falsch-alt-1", address, NOW)).toBe(WRONG);
    expect(await attempt(admin.email, "falsch-neu-1", address, after(15))).toBe(WRONG);
    expect(await attempt(admin.email, admin.password, address, after(15))).toBe("ok");
  });

  it("twenty failures from one address lock it for every account; other addresses go on", async () => {
    const admin = await newAdmin();
    const address = newAddress();
    for (let i = 0; i < 19; i++)
      expect(await attempt(`geraten-${i}@salon.test`, "rate-mal-1", address, NOW)).toBe(WRONG);
    // One's own valid login does not reset the address: it could otherwise go on guessing others.
    expect(await attempt(admin.email, admin.password, address, NOW)).toBe("ok");
    expect(await attempt("geraten-19@salon.test", "rate-mal-1", address, NOW)).toBe(WRONG);
    expect(await attempt(admin.email, admin.password, address, after(1))).toBe(LOCKED);
    expect(await attempt(admin.email, admin.password, newAddress(), after(1))).toBe("ok");
    expect(await attempt(admin.email, admin.password, address, after(15))).toBe("ok");
  });

  it("failures at the same time are all counted", async () => {
    const address = newAddress();
    const guesses = Array.from({ length: 19 }, (_, i) =>
      attempt(`zugleich-${i}@salon.test`, "rate-mal-1", address, NOW),
    );
    expect(await Promise.all(guesses)).toEqual(Array(19).fill(WRONG));
    expect(await attempt("zugleich-19@salon.test", "rate-mal-1", address, NOW)).toBe(WRONG);
    const admin = await newAdmin();
    expect(await attempt(admin.email, admin.password, address, NOW)).toBe(LOCKED);

    // Twenty at once on one account: one lock of 15 minutes, not one per five (that would be hours).
    const other = await newAdmin();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(other.email, `falsch-${i}-geheim`, newAddress(), NOW)),
    );
    expect(results.filter((r) => r === WRONG).length).toBeGreaterThanOrEqual(5);
    expect(await accountRow(other.email)).toMatchObject({ locks: 1, lockedUntil: after(15) });
    expect(await attempt(other.email, other.password, newAddress(), after(15, -1))).toBe(LOCKED);
    expect(await attempt(other.email, other.password, newAddress(), after(15))).toBe("ok");
  });

  it("after signing in, goes to the page asked for — only on this site", async () => {
    const admin = await newAdmin();
    request.address = newAddress();
    expect(await submitLogin(admin.email, admin.password, "/\t/evil.example")).toEqual({ redirectedTo: "/" });
    expect(await submitLogin(admin.email, admin.password, "/\r\nSet-Cookie:x=1")).toEqual({ redirectedTo: "/" });
    expect(await submitLogin(admin.email, admin.password, "/kunden?q=Weber")).toEqual({
      redirectedTo: "/kunden?q=Weber",
    });
    expect(await sessionCount(admin.userId)).toBe(3);
  });
});
