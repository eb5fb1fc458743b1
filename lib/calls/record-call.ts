import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { type DbOrTx, callEvents, calls } from "../db";
import { toE164 } from "../customers";
import { AppError } from "../errors";
import type { RetellCall } from "../voice";

const STATUS_RANK = sql`array['registered','not_connected','ongoing','error','ended']::call_status[]`;
const fromMs = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/** Retell's call object → our columns (null where Retell sent nothing). */
function columns(call: RetellCall) {
  return {
    agentId: call.agent_id ?? null,
    fromNumber: call.from_number ?? null,
    toNumber: call.to_number ?? null,
    direction: call.direction ?? null,
    status: call.call_status ?? null,
    startedAt: fromMs(call.start_timestamp),
    endedAt: fromMs(call.end_timestamp),
    durationSeconds: call.duration_ms == null ? null : Math.round(call.duration_ms / 1000),
    transcript: call.transcript ?? null,
    transcriptObject: call.transcript_object
      ? JSON.stringify(call.transcript_object.map((t) => ({ role: t.role, content: t.content })))
      : null,
    summary: call.call_analysis?.call_summary ?? null,
    sentiment: call.call_analysis?.user_sentiment ?? null,
    callSuccessful: call.call_analysis?.call_successful ?? null,
    disconnectionReason: call.disconnection_reason ?? null,
  };
}

/** The call id is taken by another company's call: nothing was written, and that call stays theirs. */
export class CallOfAnotherCompanyError extends AppError {
  constructor(callId: string) {
    super("FORBIDDEN", "Diese Anruf-ID gehört zu einer anderen Firma", { callId });
  }
}

/**
 * Creates or merges the call row. Later information fills gaps, a status never goes back
 * (an out-of-order call_started cannot reopen an ended call), and the newest call object is kept.
 */
export async function upsertCall(
  db: DbOrTx,
  companyId: string,
  call: RetellCall,
  defaultStatus: "ongoing" | null,
): Promise<{ id: number; customerId: number | null }> {
  const c = columns(call);
  const status = c.status ?? defaultStatus;
  // A caller whose number we know is linked to their customer record in the same statement.
  const phone = toE164(c.fromNumber);
  const knownCustomer = phone
    ? sql`(select id from customers where company_id = ${companyId}::uuid and phone = ${phone} order by id limit 1)`
    : sql`null::bigint`;
  const rows = await db.execute<{ id: number; customer_id: number | null; company_id: string }>(sql`
    insert into calls (company_id, retell_call_id, agent_id, from_number, to_number, direction, status, started_at, ended_at,
                       duration_seconds, transcript, transcript_object, summary, sentiment, call_successful, disconnection_reason, raw_payload, customer_id)
    values (${companyId}::uuid, ${call.call_id}, ${c.agentId}, ${c.fromNumber}, ${c.toNumber}, ${c.direction}::call_direction,
            ${status}::call_status, ${c.startedAt}::timestamptz, ${c.endedAt}::timestamptz, ${c.durationSeconds}::int,
            ${c.transcript}, ${c.transcriptObject}::jsonb, ${c.summary}, ${c.sentiment}, ${c.callSuccessful}::boolean,
            ${c.disconnectionReason}, ${JSON.stringify(call)}::jsonb, ${knownCustomer})
    on conflict (retell_call_id) do update set
      agent_id = coalesce(excluded.agent_id, calls.agent_id),
      from_number = coalesce(excluded.from_number, calls.from_number),
      to_number = coalesce(excluded.to_number, calls.to_number),
      direction = coalesce(excluded.direction, calls.direction),
      status = case when calls.status is null or array_position(${STATUS_RANK}, excluded.status) >= array_position(${STATUS_RANK}, calls.status)
                    then coalesce(excluded.status, calls.status) else calls.status end,
      started_at = coalesce(excluded.started_at, calls.started_at),
      ended_at = coalesce(excluded.ended_at, calls.ended_at),
      duration_seconds = coalesce(excluded.duration_seconds, calls.duration_seconds),
      transcript = coalesce(excluded.transcript, calls.transcript),
      transcript_object = coalesce(excluded.transcript_object, calls.transcript_object),
      summary = coalesce(excluded.summary, calls.summary),
      sentiment = coalesce(excluded.sentiment, calls.sentiment),
      call_successful = coalesce(excluded.call_successful, calls.call_successful),
      disconnection_reason = coalesce(excluded.disconnection_reason, calls.disconnection_reason),
      customer_id = coalesce(calls.customer_id, excluded.customer_id),
      raw_payload = case when calls.status is null or array_position(${STATUS_RANK}, excluded.status) >= array_position(${STATUS_RANK}, calls.status)
                         then excluded.raw_payload else calls.raw_payload end,
      updated_at = now()
    where calls.company_id = excluded.company_id
    returning id, customer_id, company_id`);
  const row = rows[0];
  if (!row) throw new CallOfAnotherCompanyError(call.call_id);
  return { id: Number(row.id), customerId: row.customer_id === null ? null : Number(row.customer_id) };
}

/** Links the call to the customer it booked for (the caller may not have been known before). */
export async function linkCallCustomer(db: DbOrTx, callId: number, customerId: number): Promise<void> {
  await db
    .update(calls)
    .set({ customerId })
    .where(and(eq(calls.id, callId), sql`${calls.customerId} is null`));
}

const LIFECYCLE = new Set(["call_started", "call_ended", "call_analyzed"]);

/**
 * Stores a Retell call event; the identical event delivered again is recognised (changes nothing).
 * Lifecycle events update the call row; other events are kept and otherwise ignored.
 */
export async function recordCallEvent(
  ctx: Ctx,
  input: { event: string; call: RetellCall; rawBody: string },
): Promise<{ duplicate: boolean }> {
  const payloadHash = createHash("sha256").update(input.rawBody).digest("hex");
  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(callEvents)
      .values({
        companyId: ctx.company.id,
        retellCallId: input.call.call_id,
        event: input.event,
        payloadHash,
        payload: input.call,
      })
      .onConflictDoNothing()
      .returning({ id: callEvents.id });
    if (inserted.length === 0) return { duplicate: true };
    if (LIFECYCLE.has(input.event)) await upsertCall(tx, ctx.company.id, input.call, null);
    return { duplicate: false };
  });
}

export const CALL_OUTCOMES = ["info", "no_booking", "cancelled", "rescheduled", "booked"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What one function result says about the call, if anything. */
export function outcomeOf(name: string, result: Record<string, unknown>): CallOutcome | null {
  if (name === "book_appointment" && result.booked === true) return "booked";
  if (name === "reschedule_appointment" && result.rescheduled === true) return "rescheduled";
  if (name === "cancel_appointment" && result.cancelled === true) return "cancelled";
  if (name === "check_availability" || name === "book_appointment") return "no_booking";
  return null;
}
