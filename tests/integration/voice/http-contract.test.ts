import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as functionRoute } from "@/app/api/retell/function/route";
import { POST as webhookRoute } from "@/app/api/retell/webhook/route";
import { getDb } from "@/lib/db/client";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId, retellKey, signAt, signedRequest } from "../../support/retell";

let agentId: string;
beforeAll(async () => {
  const salon = await makeSalon();
  agentId = salon.company.retellAgentId!;
});

const count = async (table: "calls" | "function_calls" | "call_events") =>
  Number((await getDb().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);

const envelope = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    name: "get_current_time",
    args: {},
    call: { call_id: newCallId(), agent_id: agentId, from_number: "+4915112345678" },
    ...overrides,
  });

async function post(body: string, options: Parameters<typeof signedRequest>[2] = {}) {
  const response = await functionRoute(await signedRequest("/api/retell/function", body, options));
  return { status: response.status, body: await response.json() };
}

describe("POST /api/retell/function — transport contract", () => {
  it("answers a correctly signed envelope with 200", async () => {
    const result = await callFunction(
      "get_current_time",
      {},
      { call_id: newCallId(), agent_id: agentId, start_timestamp: Date.parse("2025-11-23T21:04:50Z") },
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, weekday: "Sonntag", date_spoken: "Sonntag, 23. November 2025" });
  });

  it("401 invalid_signature for a missing, wrong, tampered or expired signature — and writes nothing", async () => {
    const before = [await count("calls"), await count("function_calls")];
    const body = envelope();
    expect(await post(body, { signature: null })).toEqual({ status: 401, body: { error: "invalid_signature" } });
    expect(await post(body, { key: "another-key" })).toEqual({ status: 401, body: { error: "invalid_signature" } });
    expect(await post(body, { signature: "v=abc,d=nothex" })).toEqual({
      status: 401,
      body: { error: "invalid_signature" },
    });
    const signedForOther = await signedRequest("/api/retell/function", envelope());
    const tampered = new Request(signedForOther.url, { method: "POST", headers: signedForOther.headers, body });
    expect((await functionRoute(tampered)).status).toBe(401);
    expect(await post(body, { signature: signAt(body, retellKey(), Date.now() - 10 * 60_000) })).toEqual({
      status: 401,
      body: { error: "invalid_signature" },
    });
    expect([await count("calls"), await count("function_calls")]).toEqual(before);
  });

  it("400 invalid_request for malformed JSON, a missing name or call_id", async () => {
    expect((await post("{not json")).body).toMatchObject({ error: "invalid_request" });
    expect((await post("{not json")).status).toBe(400);
    const noName = await post(JSON.stringify({ args: {}, call: { call_id: newCallId(), agent_id: agentId } }));
    expect(noName).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(noName.body.details).toBeDefined();
    expect(await post(JSON.stringify({ name: "get_current_time", call: { agent_id: agentId } }))).toMatchObject({
      status: 400,
      body: { error: "invalid_request" },
    });
    expect(await post(JSON.stringify([1, 2]))).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("400 missing_call for Retell's args-only payload, telling the operator what to switch off", async () => {
    const result = await post(JSON.stringify({ service: "Dauerwelle", date: "morgen" }));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("missing_call");
    expect(result.body.message).toMatch(/args only/i);
  });

  it("400 unknown_function and 404 unknown_agent", async () => {
    expect(await post(envelope({ name: "delete_everything" }))).toMatchObject({
      status: 400,
      body: { error: "unknown_function" },
    });
    expect(await post(envelope({ call: { call_id: newCallId(), agent_id: "agent_nobody" } }))).toEqual({
      status: 404,
      body: { error: "unknown_agent" },
    });
  });

  it("413 for a body over 64 KB, before anything is parsed", async () => {
    const big = envelope({ args: { notes: "x".repeat(70 * 1024) } });
    expect((await post(big)).status).toBe(413);
  });

  it("ignores placeholder call ids in args: the envelope's call id is the truth", async () => {
    const callId = newCallId();
    for (const placeholder of ["dummy_call_id", "None", "call_1", "{{call_id}}", "current_call"]) {
      const result = await callFunction(
        "get_current_time",
        { call_id: placeholder },
        { call_id: callId, agent_id: agentId },
      );
      expect(result.body.ok).toBe(true);
    }
    const rows = await getDb().execute<{ retell_call_id: string }>(
      sql`select retell_call_id from calls where retell_call_id in ('dummy_call_id','None','call_1','{{call_id}}','current_call', ${callId})`,
    );
    expect(rows.map((r) => r.retell_call_id)).toEqual([callId]);
  });
});

describe("POST /api/retell/webhook — transport contract", () => {
  it("401 for a bad signature, 400 for a malformed body, 404 for an unknown agent", async () => {
    const body = JSON.stringify({ event: "call_started", call: { call_id: newCallId(), agent_id: agentId } });
    expect((await webhookRoute(await signedRequest("/api/retell/webhook", body, { key: "nope" }))).status).toBe(401);
    expect((await webhookRoute(await signedRequest("/api/retell/webhook", "{"))).status).toBe(400);
    expect(
      (await webhookRoute(await signedRequest("/api/retell/webhook", JSON.stringify({ event: "call_started" }))))
        .status,
    ).toBe(400);
    const unknown = JSON.stringify({ event: "call_started", call: { call_id: newCallId(), agent_id: "agent_nobody" } });
    expect((await webhookRoute(await signedRequest("/api/retell/webhook", unknown))).status).toBe(404);
  });
});
