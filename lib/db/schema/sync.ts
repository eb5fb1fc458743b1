import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bigId, bigRef, instant, timestamps } from "./columns";
import { appointmentPhases, appointments } from "./appointments";
import { companies } from "./companies";

/** Every request SlotDesk made to Cal.com, with its outcome. */
export const syncAttempts = pgTable(
  "sync_attempts",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    appointmentId: bigRef("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    phaseId: bigRef("phase_id").references(() => appointmentPhases.id, { onDelete: "set null" }),
    /** create | get | list | cancel | reschedule | slots | event_types | … */
    action: text("action").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms").notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    jobId: text("job_id"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("sync_attempts_appointment_idx").on(t.appointmentId, t.createdAt),
    index("sync_attempts_company_created_idx").on(t.companyId, t.createdAt),
  ],
);

/** Cal.com webhook deliveries, each processed once (Cal.com may deliver the same event again). */
export const calcomWebhookEvents = pgTable(
  "calcom_webhook_events",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    triggerEvent: text("trigger_event").notNull(),
    bookingUid: text("booking_uid"),
    payloadHash: text("payload_hash").notNull(),
    payload: jsonb("payload").notNull(),
    /** What SlotDesk did with it: flagged_review, external_busy, ignored_own, ignored_unknown … */
    outcome: text("outcome"),
    receivedAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("calcom_webhook_events_dedupe_uq").on(t.companyId, t.payloadHash),
    index("calcom_webhook_events_uid_idx").on(t.bookingUid),
  ],
);

/** One sync of one appointment (a job attempt, a re-verify, a reconciliation check) and how it ended. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    appointmentId: bigRef("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    jobId: text("job_id"),
    /** sync | reverify | reconcile */
    kind: text("kind").notNull(),
    /** auto (a change of the appointment, a retry, the reconciler) | admin ("Erneut synchronisieren", "Sync erneut prüfen") */
    trigger: text("trigger").notNull().default("auto"),
    /** What the sync had to do in Cal.com: create | reschedule | cancel | check */
    action: text("action").notNull().default("check"),
    attempt: integer("attempt").notNull().default(1),
    composite: boolean("composite").notNull().default(false),
    /** synced | partial | failed | cancelled | retrying */
    outcome: text("outcome").notNull(),
    phasesTotal: integer("phases_total").notNull().default(0),
    phasesSynced: integer("phases_synced").notNull().default(0),
    /** Phases that an error reported as failed but post-sync verification found in Cal.com. */
    recoveredByVerification: integer("recovered_by_verification").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    startedAt: instant("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [
    index("sync_runs_company_started_idx").on(t.companyId, t.startedAt),
    index("sync_runs_appointment_idx").on(t.appointmentId),
  ],
);

/** The webhook SlotDesk registered on one Cal.com event type (user webhooks stay silent for team types). */
export const calcomEventTypeWebhooks = pgTable(
  "calcom_event_type_webhooks",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    eventTypeId: integer("event_type_id").notNull(),
    /** Cal.com's id of the webhook (a UUID). */
    webhookId: text("webhook_id").notNull(),
    subscriberUrl: text("subscriber_url").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("calcom_event_type_webhooks_uq").on(t.companyId, t.eventTypeId)],
);

/** One go-live check against a company's Cal.com (npm run calcom:check or the button), step by step. */
export const calcomChecks = pgTable(
  "calcom_checks",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    ok: boolean("ok").notNull(),
    /** [{ step, ok, detail }] in German, in the order run. */
    steps: jsonb("steps").$type<{ step: string; ok: boolean; detail: string }[]>().notNull(),
    startedAt: instant("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("calcom_checks_company_started_idx").on(t.companyId, t.startedAt)],
);
