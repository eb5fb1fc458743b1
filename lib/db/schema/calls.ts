import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bigId, bigRef, instant, timestamps } from "./columns";
import { companies } from "./companies";
import { customers } from "./customers";

export const callDirection = pgEnum("call_direction", ["inbound", "outbound"]);
export const callStatus = pgEnum("call_status", ["registered", "not_connected", "ongoing", "ended", "error"]);

export const calls = pgTable(
  "calls",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    retellCallId: text("retell_call_id").notNull().unique(),
    agentId: text("agent_id"),
    customerId: bigRef("customer_id").references(() => customers.id, { onDelete: "set null" }),
    fromNumber: text("from_number"),
    toNumber: text("to_number"),
    direction: callDirection("direction"),
    status: callStatus("status"),
    startedAt: instant("started_at"),
    endedAt: instant("ended_at"),
    durationSeconds: integer("duration_seconds"),
    transcript: text("transcript"),
    /** Retell's transcript_object: [{ role: "agent" | "user", content }]. */
    transcriptObject: jsonb("transcript_object").$type<{ role: string; content: string }[]>(),
    summary: text("summary"),
    sentiment: text("sentiment"),
    disconnectionReason: text("disconnection_reason"),
    callSuccessful: boolean("call_successful"),
    /** What the call achieved, strongest first: booked > rescheduled > cancelled > no_booking > info. */
    outcome: text("outcome").notNull().default("info"),
    /** The latest Retell call object received, as sent. */
    rawPayload: jsonb("raw_payload"),
    ...timestamps,
  },
  (t) => [
    index("calls_company_started_idx").on(t.companyId, t.startedAt.desc()),
    index("calls_company_outcome_idx").on(t.companyId, t.outcome, t.startedAt.desc()),
    index("calls_company_from_idx").on(t.companyId, t.fromNumber),
    index("calls_customer_idx").on(t.customerId),
  ],
);

/** Every voice-agent function call, as the agent made it and as we answered it. */
export const functionCalls = pgTable(
  "function_calls",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    callId: bigRef("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    args: jsonb("args").notNull(),
    result: jsonb("result"),
    latencyMs: integer("latency_ms").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("function_calls_call_idx").on(t.callId, t.createdAt)],
);

/** Every Retell call event as delivered; a redelivered identical event is recognised and ignored. */
export const callEvents = pgTable(
  "call_events",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    retellCallId: text("retell_call_id").notNull(),
    event: text("event").notNull(),
    payloadHash: text("payload_hash").notNull(),
    payload: jsonb("payload").notNull(),
    receivedAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("call_events_dedupe_uq").on(t.retellCallId, t.event, t.payloadHash),
    index("call_events_call_idx").on(t.retellCallId),
  ],
);
