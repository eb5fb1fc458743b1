import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as functionRoute } from "@/app/api/retell/function/route";
import { LOG_JSON_MAX_CHARS, loggableJson } from "@/lib/calls/loggable-json";
import { logFunctionCall } from "@/lib/calls/log-function-call";
import { getDb } from "@/lib/db/client";
import { loggableError } from "@/lib/voice/safe-error";
import { useServerClock } from "../../support/clock";
import { ctxFor, makeCall, makeSalon } from "../../support/factories";
import { newCallId, signedRequest } from "../../support/retell";

// Issue 14.9: the function-call log row is always written, bounded. Monday 2030-06-03, 08:00 in Berlin.
const CALL_START = Date.parse("2030-06-03T06:00:00Z");
useServerClock(new Date(CALL_START));

let salon: Awaited<ReturnType<typeof makeSalon>>;
beforeAll(async () => {
  salon = await makeSalon();
});

type LogRow = { args: Record<string, any>; result: Record<string, any> | null; outcome: string };
const logRows = (callRowId: number) =>
  getDb().execute<LogRow>(sql`select f.args, f.result, c.outcome from function_calls f join calls c on c.id = f.call_id
                              where f.call_id = ${callRowId} order by f.id`);
const accepts = async (json: string) => (await getDb().execute(sql`select ${json}::jsonb as v`)).length === 1;

describe("the function-call log row is always written (issue 14.9)", () => {
  it("deep-but-allowed args (8 levels, 20 KB) are answered and logged, truncated with a marker", async () => {
    const callId = newCallId();
    const strings = Array.from({ length: 42 }, () => "z".repeat(480));
    const deepArgs = { l2: { l3: { l4: { l5: { l6: { l7: { l8: strings } } } } } } };
    const call = { call_id: callId, agent_id: salon.company.retellAgentId, start_timestamp: CALL_START };
    const body = JSON.stringify({ name: "get_current_time", args: deepArgs, call });
    const response = await functionRoute(await signedRequest("/api/retell/function", body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, weekday: "Montag" });

    const [callRow] = await getDb().execute<{ id: number }>(sql`select id from calls where retell_call_id = ${callId}`);
    const rows = await logRows(Number(callRow!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.args).toMatchObject({ _truncated: true, original_chars: JSON.stringify(deepArgs).length });
    expect(rows[0]!.args.preview).toBe(JSON.stringify(deepArgs).slice(0, LOG_JSON_MAX_CHARS));
    expect(rows[0]!.result).toMatchObject({ ok: true, weekday: "Montag" });
  });

  it("args PostgreSQL refuses (a NUL in a key) still give the row, with a marker, and raise the outcome", async () => {
    const callRow = await makeCall(salon.company);
    const entry = { callId: callRow.id, name: "book_appointment", latencyMs: 12.4, outcome: "booked" as const };
    const refusedArgs = { "name\u0000": "x" };
    await logFunctionCall(ctxFor(salon.company), { ...entry, args: refusedArgs, result: { ok: true, booked: true } });
    const marker = { _unloggable: "refused by the database" };
    expect(await logRows(callRow.id)).toEqual([{ args: marker, result: marker, outcome: "booked" }]);
  });
});

describe("loggableJson: JSON PostgreSQL always accepts, at most 16 KB of it", () => {
  it("replaces NUL and unpaired surrogates in strings", async () => {
    const json = loggableJson({ name: "Karl\u0000 \ud800", emoji: "💇" });
    expect(JSON.parse(json)).toEqual({ name: "Karl\uFFFD \uFFFD", emoji: "💇" });
    expect(await accepts(json)).toBe(true);
  });

  it("cuts long JSON without splitting a surrogate pair, and marks it", async () => {
    const value = { notes: `${"a".repeat(LOG_JSON_MAX_CHARS - 11)}💇💇💇` };
    const logged = JSON.parse(loggableJson(value));
    expect(logged).toMatchObject({ _truncated: true, original_chars: JSON.stringify(value).length });
    expect(logged.preview).toHaveLength(LOG_JSON_MAX_CHARS);
    expect(logged.preview.isWellFormed()).toBe(true);
    expect(await accepts(loggableJson(value))).toBe(true);
  });

  it("does not throw on what JSON.stringify cannot handle: 10 000 levels, cycles", async () => {
    const deep = JSON.parse(`${"[".repeat(10_000)}1${"]".repeat(10_000)}`);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [deep, cyclic]) {
      expect(JSON.parse(loggableJson(value))).toEqual({ _unloggable: "not serialisable (cyclic or too deep)" });
    }
    expect(loggableJson(undefined)).toBe("null");
  });
});

describe("loggableError", () => {
  it("describes a failed query by SQLSTATE, without the parameters drizzle puts into its message", async () => {
    const error = await getDb()
      .execute(sql`select ${"Karl Kunde +4915112345678"}::int`)
      .catch((e: unknown) => e);
    const logged = JSON.stringify(loggableError(error));
    expect(logged).toContain("22P02");
    expect(logged).not.toMatch(/Karl|4915112345678/);
  });
});
