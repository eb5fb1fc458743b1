import { calls, functionCalls } from "../../lib/db";
import { transcriptText } from "./conversations";
import type { CallDraft } from "./plan-calls";
import { insertInParts, type SeedScope } from "./scope";

/** Call row ids in draft order, and the call that booked each appointment draft. */
export type SeededCalls = { ids: number[]; byDraft: Map<number, number> };

const startOf = (c: CallDraft) => new Date(c.endedAt.getTime() - c.durationSeconds * 1000);

/** Calls with their transcripts; function calls follow once the appointments they booked have ids. */
export async function insertCalls(scope: SeedScope, drafts: CallDraft[], customerIds: number[]): Promise<SeededCalls> {
  const rows = drafts.map((c) => callRow(scope, c, customerIds));
  const inserted = await insertInParts(rows, (part) => scope.tx.insert(calls).values(part).returning({ id: calls.id }));
  const ids = inserted.map((r) => r.id);
  const byDraft = new Map<number, number>();
  drafts.forEach((c, i) => c.draftIndex !== null && byDraft.set(c.draftIndex, ids[i]!));
  return { ids, byDraft };
}

function callRow({ def, companyId, random }: SeedScope, c: CallDraft, customerIds: number[]) {
  const startedAt = startOf(c);
  return {
    companyId,
    retellCallId: c.retellCallId,
    agentId: def.retellAgentId,
    customerId: c.customerIndex === null ? null : customerIds[c.customerIndex]!,
    fromNumber: c.fromNumber,
    toNumber: def.phoneNumber,
    direction: "inbound" as const,
    status: "ended" as const,
    startedAt,
    endedAt: c.endedAt,
    durationSeconds: c.durationSeconds,
    transcript: transcriptText(c.turns),
    transcriptObject: c.turns,
    summary: c.summary,
    sentiment: c.sentiment,
    disconnectionReason: random.chance(0.7) ? "agent_hangup" : "user_hangup",
    callSuccessful: c.successful,
    outcome: c.outcome,
    rawPayload: {
      call_id: c.retellCallId,
      agent_id: def.retellAgentId,
      call_type: "phone_call",
      direction: "inbound",
      from_number: c.fromNumber,
      to_number: def.phoneNumber,
      start_timestamp: startedAt.getTime(),
      end_timestamp: c.endedAt.getTime(),
    },
    createdAt: startedAt,
  };
}

/** The agent's function calls, 25 s into the call and 30 s apart; book_appointment answers with the appointment id. */
export async function insertFunctionCalls(
  { tx, companyId }: SeedScope,
  drafts: CallDraft[],
  callIds: number[],
  appointmentIds: number[],
): Promise<void> {
  const rows = drafts.flatMap((c, i) =>
    c.functionCalls.map((f, n) => ({
      companyId,
      callId: callIds[i]!,
      name: f.name,
      args: f.args,
      result:
        f.name === "book_appointment" && c.draftIndex !== null
          ? { ...f.result, appointment_id: appointmentIds[c.draftIndex]! }
          : f.result,
      latencyMs: f.latencyMs,
      createdAt: new Date(startOf(c).getTime() + (25 + n * 30) * 1000),
    })),
  );
  await insertInParts(rows, (part) => tx.insert(functionCalls).values(part));
}
