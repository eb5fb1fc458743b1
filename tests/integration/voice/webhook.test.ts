import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { callEvents, calls } from "@/lib/db/schema";
import { makeSalon } from "../../support/factories";
import { newCallId, sendWebhook } from "../../support/retell";

let agentId: string;
beforeAll(async () => {
  agentId = (await makeSalon()).company.retellAgentId!;
});

const base = (callId: string) => ({
  call_id: callId,
  agent_id: agentId,
  call_type: "phone_call",
  direction: "inbound",
  from_number: "+4915112345678",
  to_number: "+4930123456",
  start_timestamp: 1763931890000,
});

const ended = (callId: string) => ({
  ...base(callId),
  call_status: "ended",
  end_timestamp: 1763931954000,
  duration_ms: 64000,
  disconnection_reason: "user_hangup",
  transcript: "Agent: Guten Tag!\nUser: Hallo\n",
  transcript_object: [
    { role: "agent", content: "Guten Tag!", words: [] },
    { role: "user", content: "Hallo", words: [] },
  ],
});

const analyzed = (callId: string) => ({
  ...ended(callId),
  call_analysis: {
    call_summary: "Der Anrufer hat eine Dauerwelle gebucht.",
    user_sentiment: "Positive",
    call_successful: true,
  },
});

describe("Retell call webhooks", () => {
  it("upserts the call through started → ended → analyzed and answers 204", async () => {
    const callId = newCallId();
    expect(await sendWebhook("call_started", { ...base(callId), call_status: "ongoing" })).toBe(204);
    let [row] = await getDb().select().from(calls).where(eq(calls.retellCallId, callId));
    expect(row).toMatchObject({
      status: "ongoing",
      direction: "inbound",
      fromNumber: "+4915112345678",
      startedAt: new Date(1763931890000),
    });
    expect(await sendWebhook("call_ended", ended(callId))).toBe(204);
    expect(await sendWebhook("call_analyzed", analyzed(callId))).toBe(204);
    [row] = await getDb().select().from(calls).where(eq(calls.retellCallId, callId));
    expect(row).toMatchObject({
      status: "ended",
      durationSeconds: 64,
      disconnectionReason: "user_hangup",
      summary: "Der Anrufer hat eine Dauerwelle gebucht.",
      sentiment: "Positive",
      callSuccessful: true,
      endedAt: new Date(1763931954000),
    });
    expect(row!.transcriptObject).toEqual([
      { role: "agent", content: "Guten Tag!" },
      { role: "user", content: "Hallo" },
    ]);
  });

  it("a duplicate call_ended or call_analyzed changes nothing", async () => {
    const callId = newCallId();
    await sendWebhook("call_ended", ended(callId));
    await sendWebhook("call_analyzed", analyzed(callId));
    const [before] = await getDb().select().from(calls).where(eq(calls.retellCallId, callId));
    expect(await sendWebhook("call_analyzed", analyzed(callId))).toBe(204);
    expect(await sendWebhook("call_ended", ended(callId))).toBe(204);
    const [after] = await getDb().select().from(calls).where(eq(calls.retellCallId, callId));
    expect(after).toEqual(before);
    const events = await getDb().select().from(callEvents).where(eq(callEvents.retellCallId, callId));
    expect(events).toHaveLength(2);
  });

  it("a late call_started cannot reopen an ended call; other events are stored and ignored", async () => {
    const callId = newCallId();
    await sendWebhook("call_ended", ended(callId));
    await sendWebhook("call_started", { ...base(callId), call_status: "ongoing" });
    const [row] = await getDb().select().from(calls).where(eq(calls.retellCallId, callId));
    expect(row!.status).toBe("ended");
    expect(
      await sendWebhook("transcript_updated", { ...base(callId), call_status: "ongoing", transcript: "Agent: …" }),
    ).toBe(204);
    const [{ n }] = (await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from call_events where retell_call_id = ${callId} and event = 'transcript_updated'`,
    )) as unknown as [{ n: number }];
    expect(n).toBe(1);
    const [again] = await getDb().select().from(calls).where(eq(calls.retellCallId, callId));
    expect(again!.transcript).toBe("Agent: Guten Tag!\nUser: Hallo\n");
  });
});
