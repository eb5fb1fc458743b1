import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bigId, instant, timestamps } from "./columns";

/** ISO weekday ("1" = Monday … "7" = Sunday) → opening intervals as "HH:MM". */
export type OpeningHours = Record<string, { open: string; close: string }[]>;

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
    openingHours: jsonb("opening_hours").$type<OpeningHours>().notNull(),
    slotGridMinutes: integer("slot_grid_minutes").notNull().default(15),
    holdMinutes: integer("hold_minutes").notNull().default(5),
    /** How far ahead callers may book, in days from now. */
    bookingHorizonDays: integer("booking_horizon_days").notNull().default(180),
    allowGapBooking: boolean("allow_gap_booking").notNull().default(false),
    retellAgentId: text("retell_agent_id").unique(),
    /** The Retell LLM (response engine) `retell:agent -- --apply` created for this salon's agent. */
    retellLlmId: text("retell_llm_id"),
    /** Bundesland as ISO 3166-2 subdivision code without "DE-" (BY, NW, …): decides the public holidays. */
    state: text("state"),
    /** Public holidays the salon opens on anyway, by their date-holidays rule (e.g. "12-26"). */
    openOnHolidays: text("open_on_holidays")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    calcomApiBaseUrl: text("calcom_api_base_url"),
    /** AES-256-GCM envelope, see lib/crypto/secrets.ts; never sent to a browser. */
    calcomApiKeyEncrypted: text("calcom_api_key_encrypted"),
    calcomWebhookSecretEncrypted: text("calcom_webhook_secret_encrypted"),
    /** Team whose single-host event types SlotDesk provisions (seed 004, option B). */
    calcomTeamId: integer("calcom_team_id"),
    /** Street address, sent to Cal.com as the in-person location of every event type SlotDesk provisions. */
    address: text("address"),
    /**
     * Whether Cal.com may e-mail customers (confirmations, reminders). Off: every booking carries the
     * customer's no-delivery address (kunde-<id>@<domain>) instead of their real one.
     */
    calcomCustomerEmails: boolean("calcom_customer_emails").notNull().default(false),
    /** Domain of those no-delivery attendee addresses; unset → a reserved .invalid domain. */
    calcomAttendeeEmailDomain: text("calcom_attendee_email_domain"),
    parallelCalcomBooking: boolean("parallel_calcom_booking").notNull().default(true),
    postSyncVerification: boolean("post_sync_verification").notNull().default(true),
    /**
     * Bumped by triggers whenever the company's services, segments, staff, working hours or
     * qualifications change: the voice agent's in-memory catalog is valid while it matches.
     */
    catalogVersion: bigint("catalog_version", { mode: "number" }).notNull().default(0),
    ...timestamps,
  },
  (t) => [
    check("companies_slot_grid_check", sql`${t.slotGridMinutes} between 5 and 60`),
    check("companies_hold_minutes_check", sql`${t.holdMinutes} between 1 and 30`),
    check("companies_booking_horizon_check", sql`${t.bookingHorizonDays} between 1 and 730`),
  ],
);

/**
 * A date on which the salon keeps other hours than its week: closed (`hours` empty) or open only
 * during `hours` — Betriebsurlaub, Silvester until 14:00, a Sunday opening. Wins over the weekly
 * opening hours and over public holidays.
 */
export const salonSpecialDays = pgTable(
  "salon_special_days",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    /** The salon's local date. */
    day: date("day", { mode: "string" }).notNull(),
    /** Opening intervals "HH:MM" of that day; empty → closed all day. */
    hours: jsonb("hours").$type<{ open: string; close: string }[]>().notNull().default([]),
    /** What callers and the calendar are told ("Betriebsurlaub"). */
    reason: text("reason"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("salon_special_days_company_day_key").on(t.companyId, t.day),
    index("salon_special_days_day_idx").on(t.day),
  ],
);

/**
 * Every Retell agent id a company has ever held, and which one: calls of an agent are routed to its
 * company, so an id once held is never given to another company (a trigger on companies enforces it,
 * migration 0016).
 */
export const retellAgentHolders = pgTable("retell_agent_holders", {
  agentId: text("agent_id").primaryKey(),
  companyId: uuid("company_id")
    .notNull()
    .references(() => companies.id, { onDelete: "cascade" }),
  firstHeldAt: instant("first_held_at").notNull().defaultNow(),
});

/**
 * Signed Retell requests for an agent no company holds yet: an admin may take that agent id only
 * within minutes of such a test call, which proves the salon controls the agent.
 */
export const retellAgentSightings = pgTable("retell_agent_sightings", {
  agentId: text("agent_id").primaryKey(),
  lastSeenAt: instant("last_seen_at").notNull(),
  retellCallId: text("retell_call_id"),
});
