import { describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as calcomWebhook } from "@/app/api/calcom/webhook/route";
import { POST as retellWebhook } from "@/app/api/retell/webhook/route";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { BodyTooLargeError } from "@/lib/http/raw-body";
import { fromError, json, respond } from "@/lib/http/respond";

const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("fromError: an error that left a route handler, as its HTTP answer", () => {
  it.each<[AppErrorCode, number, string]>([
    ["UNAUTHENTICATED", 401, "unauthenticated"],
    ["FORBIDDEN", 403, "forbidden"],
    ["NOT_FOUND", 404, "not_found"],
    ["CONFLICT", 409, "conflict"],
    ["SLOT_TAKEN", 409, "slot_taken"],
    ["IN_PAST", 422, "in_past"],
    ["OUTSIDE_OPENING_HOURS", 422, "outside_opening_hours"],
    ["INTERNAL", 500, "internal"],
    ["UNAVAILABLE", 503, "unavailable"],
  ])("AppError %s → %i", async (code, status, error) => {
    expect(await answer(fromError(new AppError(code, "Satz.")))).toEqual({ status, body: { error, message: "Satz." } });
  });

  it("zod issues and VALIDATION are 400 invalid_request with { path, message } details", async () => {
    const zod = z.object({ call: z.object({ call_id: z.string() }) }).safeParse({ call: {} }).error!;
    expect(await answer(fromError(zod))).toEqual({
      status: 400,
      body: { error: "invalid_request", details: [{ path: "call.call_id", message: expect.any(String) }] },
    });
    const issues = [{ path: "date", message: "Datum fehlt" }];
    const validation = new AppError("VALIDATION", "date: Datum fehlt", { issues });
    const body = { error: "invalid_request", details: issues };
    expect(await answer(fromError(validation))).toEqual({ status: 400, body });
  });

  it("a body over the limit is 413 with the limit; anything unexpected is 500 internal, leaking nothing", async () => {
    expect(await answer(fromError(new BodyTooLargeError(1024)))).toEqual({
      status: 413,
      body: { error: "payload_too_large", limit_bytes: 1024 },
    });
    const secret = new Error("password authentication failed for user postgres");
    expect(await answer(fromError(secret))).toEqual({ status: 500, body: { error: "internal" } });
  });

  it("every answer is JSON that nothing on the way may cache", () => {
    const response = fromError(new AppError("NOT_FOUND", "weg"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(json({ ok: true }, 200, { "www-authenticate": "Bearer" }).headers.get("www-authenticate")).toBe("Bearer");
  });
});

describe("respond: a route handler whose errors become answers", () => {
  it("passes the handler's own answer through, and lets the route answer its known errors first", async () => {
    const ok = respond(async (n: number) => json({ n }, 201));
    expect(await answer(await ok(7))).toEqual({ status: 201, body: { n: 7 } });
    const known = (error: unknown) => (error instanceof RangeError ? json({ error: "out_of_range" }, 400) : undefined);
    const failing = respond(async (e: Error) => {
      throw e;
    }, known);
    expect(await answer(await failing(new RangeError("x")))).toEqual({ status: 400, body: { error: "out_of_range" } });
    expect((await failing(new AppError("NOT_FOUND", "weg"))).status).toBe(404);
  });

  it("both webhooks answer an oversized body with the same 413, before reading or verifying anything", async () => {
    const oversized = (url: string) =>
      new Request(url, { method: "POST", body: "{}", headers: { "content-length": String(2 * 1024 * 1024) } });
    const expected = { status: 413, body: { error: "payload_too_large", limit_bytes: 1024 * 1024 } };
    expect(await answer(await calcomWebhook(oversized("http://localhost/api/calcom/webhook")))).toEqual(expected);
    expect(await answer(await retellWebhook(oversized("http://localhost/api/retell/webhook")))).toEqual(expected);
  });
});
