import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/retell/webhook/route";
import { getDb } from "@/lib/db/client";
import { makeSalon } from "../../support/factories";
import { newCallId, sendWebhook, signedRequest } from "../../support/retell";

// Issue 14.9 on the call-event webhook: the same body hygiene as the function route.
let agentId: string;
let otherAgentId: string;
beforeAll(async () => {
  agentId = (await makeSalon()).company.retellAgentId!;
  otherAgentId = (await makeSalon()).company.retellAgentId!;
});

const counts = async () =>
  (
    await getDb().execute<{ calls: number; events: number }>(
      sql`select (select count(*)::int from calls) as calls, (select count(*)::int from call_events) as events`,
    )
  )[0];

const call = (overrides: Record<string, unknown> = {}) => ({
  call_id: newCallId(),
  agent_id: agentId,
  call_status: "ended",
  start_timestamp: Date.parse("2030-06-03T06:00:00Z"),
  end_timestamp: Date.parse("2030-06-03T06:04:00Z"),
  ...overrides,
});

async function expectRefused(body: string, path: RegExp) {
  const before = await counts();
  const response = await webhookRoute(await signedRequest("/api/retell/webhook", body));
  expect(response.status).toBe(400);
  const answer = await response.json();
  expect(answer.error).toBe("invalid_request");
  expect(answer.details.map((d: { path: string }) => d.path)).toContainEqual(expect.stringMatching(path));
  expect(await counts()).toEqual(before);
}

const event = (callObject: unknown) => JSON.stringify({ event: "call_ended", call: callObject });

describe("signed but malformed call events: 400 invalid_request, nothing written (issue 14.9)", () => {
  it("a call object nested 10 000 deep", async () => {
    const body = event(call({ metadata: "DEEP" })).replace('"DEEP"', `${"[".repeat(10_000)}${"]".repeat(10_000)}`);
    await expectRefused(body, /^call\.metadata/);
  });

  it("NUL characters and unpaired surrogates anywhere in the call", async () => {
    await expectRefused(event(call({ transcript: "Agent: Hallo\u0000" })), /^call\.transcript$/);
    const transcript = [{ role: "user", content: "Hallo \ud800" }];
    await expectRefused(event(call({ transcript_object: transcript })), /^call\.transcript_object\.0\.content$/);
    await expectRefused(event(call({ call_id: `${newCallId()}\u0000` })), /^call\.call_id$/);
  });

  it("timestamps outside 2000–2100 and absurd durations", async () => {
    await expectRefused(event(call({ start_timestamp: 8.64e15 })), /^call\.start_timestamp$/);
    await expectRefused(event(call({ end_timestamp: 9e15 })), /^call\.end_timestamp$/);
    await expectRefused(event(call({ duration_ms: 1e15 })), /^call\.duration_ms$/);
  });

  it("the call_id of another company's call: refused, and that call stays the other company's", async () => {
    const theirs = call({ agent_id: otherAgentId, from_number: "+4917000000001" });
    expect(await sendWebhook("call_started", theirs)).toBe(204);
    const row = async () =>
      (await getDb().execute(sql`select * from calls where retell_call_id = ${theirs.call_id}`))[0];
    const before = await row();
    await expectRefused(event(call({ call_id: theirs.call_id, transcript: "gekapert" })), /^call\.call_id$/);
    expect(await row()).toEqual(before);
  });
});
