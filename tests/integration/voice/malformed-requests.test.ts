import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as functionRoute } from "@/app/api/retell/function/route";
import { getDb } from "@/lib/db/client";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId, signedRequest } from "../../support/retell";

// Issue 14.9: correctly signed but malformed requests. Monday 2030-06-03, 08:00 in Berlin.
const CALL_START = Date.parse("2030-06-03T06:00:00Z");
useServerClock(new Date(CALL_START));

let agentId: string;
let otherAgentId: string;
beforeAll(async () => {
  agentId = (await makeSalon()).company.retellAgentId!;
  otherAgentId = (await makeSalon()).company.retellAgentId!;
});

const TABLES = ["calls", "function_calls", "appointments", "appointment_phases", "customers", "slot_holds"];
const counts = async () => {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
    out[table] = Number(row!.n);
  }
  return out;
};

const call = (overrides: Record<string, unknown> = {}) => ({
  call_id: newCallId(),
  agent_id: agentId,
  from_number: "+4915112345678",
  start_timestamp: CALL_START,
  ...overrides,
});
const booking = { service: "Herrenhaarschnitt", date: "2030-06-05", time: "10:00", customer_name: "Karl Kunde" };

// JSON.stringify itself overflows on 10 000 levels: such parts are spliced into the body as raw text.
const rawParts = new Map<string, string>();
const raw = (text: string) => {
  const marker = `__raw_${rawParts.size}__`;
  rawParts.set(marker, text);
  return marker;
};
const nested = (depth: number) => raw(`${"[".repeat(depth)}"x"${"]".repeat(depth)}`);
const envelope = (name: string, args: unknown, callObject: unknown) =>
  JSON.stringify({ name, args, call: callObject }).replace(/"(__raw_\d+__)"/g, (_, marker: string) =>
    rawParts.get(marker)!,
  );

async function post(body: string) {
  const response = await functionRoute(await signedRequest("/api/retell/function", body));
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The request is refused with 400 invalid_request naming `path`, and not one row is written. */
async function expectRefused(body: string, path: RegExp) {
  const before = await counts();
  const result = await post(body);
  expect(result.status).toBe(400);
  expect(result.body.error).toBe("invalid_request");
  expect(result.body.details.map((d: { path: string }) => d.path)).toContainEqual(expect.stringMatching(path));
  expect(JSON.stringify(result.body)).not.toMatch(/Error:|\bat \//);
  expect(await counts()).toEqual(before);
}

describe("signed but malformed function requests: 400 invalid_request, nothing written (issue 14.9)", () => {
  it("args nested 10 000 deep", async () => {
    const args = { ...booking, notes: nested(10_000) };
    await expectRefused(envelope("book_appointment", args, call()), /^args\.notes/);
  });

  it("a call object nested 10 000 deep (Retell's call object is stored as it came)", async () => {
    await expectRefused(envelope("get_current_time", {}, call({ metadata: nested(10_000) })), /^call\.metadata/);
  });

  it("start_timestamp 8.64e15 and 9e15, and others outside 2000–2100 or not whole milliseconds", async () => {
    const outside = [Date.UTC(2000, 0, 1) - 1, Date.UTC(2100, 0, 1)];
    const starts = [8.64e15, 9e15, -1, 0, 1.5, raw("1e400"), "1763931890000", ...outside];
    for (const start of starts) {
      const body = envelope("book_appointment", booking, call({ start_timestamp: start }));
      await expectRefused(body, /^call\.start_timestamp$/);
    }
    await expectRefused(envelope("get_current_time", {}, call({ end_timestamp: 9e15 })), /^call\.end_timestamp$/);
  });

  it("a NUL character in customer_name, in call.call_id and in other fields", async () => {
    const nulName = { ...booking, customer_name: "Karl\u0000Kunde" };
    await expectRefused(envelope("book_appointment", nulName, call()), /^args\.customer_name$/);
    const nulCallId = call({ call_id: `${newCallId()}\u0000` });
    await expectRefused(envelope("book_appointment", booking, nulCallId), /^call\.call_id$/);
    await expectRefused(envelope("get_current_time", {}, call({ from_number: "+49151\u0000" })), /^call\.from_number$/);
    await expectRefused(envelope("get_current_time", {}, call({ agent_id: `${agentId}\u0000` })), /^call\.agent_id$/);
    await expectRefused(envelope("get_current_time", { "a\u0000": 1 }, call()), /^args\./);
  });

  it("an unpaired surrogate (PostgreSQL's jsonb refuses it) in args and in the call", async () => {
    const name = { ...booking, customer_name: "Karl \ud800" };
    await expectRefused(envelope("book_appointment", name, call()), /^args\.customer_name$/);
    await expectRefused(envelope("get_current_time", {}, call({ transcript: "Hallo \udc00" })), /^call\.transcript$/);
  });

  it("a call_id not shaped like an id", async () => {
    for (const callId of ["", " ", "call id with spaces", "x".repeat(129), "call_ü", 42]) {
      await expectRefused(envelope("get_current_time", {}, call({ call_id: callId })), /^call\.call_id$/);
    }
  });

  it("the call_id of another company's call: refused, and that call stays the other company's", async () => {
    const callId = newCallId();
    const theirs = { call_id: callId, agent_id: otherAgentId, from_number: "+4917000000001" };
    expect((await callFunction("get_current_time", {}, theirs)).status).toBe(200);
    const row = async () => (await getDb().execute(sql`select * from calls where retell_call_id = ${callId}`))[0];
    const before = await row();
    await expectRefused(envelope("book_appointment", booking, call({ call_id: callId })), /^call\.call_id$/);
    await expectRefused(envelope("get_current_time", {}, call({ call_id: callId })), /^call\.call_id$/);
    expect(await row()).toEqual(before);
  });

  it("huge args: too many values, too long a text, over 32 KB — 400; over 64 KB — 413", async () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i]));
    await expectRefused(envelope("get_current_time", manyKeys, call()), /^args$/);
    // `notes` may be 2 000 characters long (book_appointment stores them), every other text 500.
    const longName = { ...booking, customer_name: "x".repeat(501) };
    await expectRefused(envelope("book_appointment", longName, call()), /^args\.customer_name$/);
    await expectRefused(envelope("book_appointment", { ...booking, notes: "x".repeat(2001) }, call()), /^args\.notes$/);
    expect((await post(envelope("get_current_time", { notes: "x".repeat(2000) }, call()))).status).toBe(200);
    const bulky = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, "y".repeat(480)]));
    await expectRefused(envelope("get_current_time", bulky, call()), /^args$/);
    const before = await counts();
    const tooLarge = await post(envelope("get_current_time", { notes: "x".repeat(70 * 1024) }, call()));
    expect(tooLarge).toEqual({ status: 413, body: { error: "payload_too_large", limit_bytes: 64 * 1024 } });
    expect(await counts()).toEqual(before);
  });

  it("args nested 9 levels (8 are allowed), and args that are not an object", async () => {
    const nineLevels = { a: { b: { c: { d: { e: { f: { g: { h: [] } } } } } } } };
    await expectRefused(envelope("get_current_time", nineLevels, call()), /^args\.a\.b\.c\.d\.e\.f\.g\.h$/);
    for (const args of [[1, 2], "Dauerwelle", 42]) {
      await expectRefused(envelope("get_current_time", args, call()), /^args$/);
    }
  });
});
