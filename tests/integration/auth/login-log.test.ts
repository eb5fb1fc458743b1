import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { useServerClock } from "../../support/clock";
import { makeCompany } from "../../support/factories";
import { makeAdmin } from "../admins/real-session";
import { request, submitLogin } from "./login-request";

vi.mock("next/headers", async () => (await import("./login-headers")).fakeHeaders);

useServerClock(new Date("2027-03-10T09:00:00Z"));

// What pino writes, after its serializers and redaction: the line an operator would read.
const written: string[] = [];
const sink = logger as unknown as Record<symbol, unknown>;
const STREAM = pino.symbols.streamSym;
let original: { stream: unknown; level: string };
beforeEach(() => {
  written.length = 0;
  original = { stream: sink[STREAM], level: logger.level };
  sink[STREAM] = { write: (line: string) => written.push(line) };
  logger.level = "info";
});
afterEach(() => {
  sink[STREAM] = original.stream;
  logger.level = original.level;
});
const failedLogins = () =>
  written.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === "login failed");

describe("every failed login is logged — who and from where, never the password", () => {
  it("wrong password, unknown account, locked: account as typed in lower case, the first forwarded hop", async () => {
    const admin = await makeAdmin((await makeCompany()).id);
    request.address = "192.0.2.44";
    const typed = `  ${admin.email.toUpperCase()} `;
    expect(await submitLogin(typed, "Geheim-Falsch-4711")).toMatchObject({ error: expect.stringContaining("falsch") });
    expect(await submitLogin("Niemand@Salon.test", "Geheim-Falsch-4712")).toMatchObject({ error: expect.any(String) });
    for (let i = 0; i < 4; i++) await submitLogin(admin.email, `Geheim-Falsch-${i}`);
    expect(await submitLogin(admin.email, admin.password)).toMatchObject({
      error: expect.stringContaining("Zu viele"),
    });

    const lines = failedLogins();
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ account: admin.email, address: "192.0.2.44", reason: "wrong_password" });
    expect(lines[1]).toMatchObject({ account: "niemand@salon.test", address: "192.0.2.44", reason: "unknown_account" });
    expect(lines[5]).toMatchObject({ reason: "wrong_password", lockedUntil: "2027-03-10T09:15:00.000Z" });
    expect(lines[6]).toMatchObject({ account: admin.email, address: "192.0.2.44", reason: "locked" });
    for (const level of lines.map((l) => l.level)) expect(level).toBe(40);

    const all = written.join("\n");
    for (const secret of ["Geheim-Falsch", admin.password]) expect(all).not.toContain(secret);
  });

  it("a successful login writes no failure", async () => {
    const admin = await makeAdmin((await makeCompany()).id);
    request.address = "192.0.2.45";
    expect(await submitLogin(admin.email, admin.password)).toEqual({ redirectedTo: "/" });
    expect(failedLogins()).toEqual([]);
    expect(written.join("\n")).not.toContain(admin.password);
  });
});
