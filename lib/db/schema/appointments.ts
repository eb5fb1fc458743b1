import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid, bigint } from "drizzle-orm/pg-core";
import { bigId, bigRef, instant, timestamps } from "./columns";
import { calls } from "./calls";
import { companies } from "./companies";
import { customers } from "./customers";
import { services } from "./services";
import { staff } from "./staff";

export const appointmentStatus = pgEnum("appointment_status", ["confirmed", "cancelled", "completed", "no_show"]);
export const appointmentSyncStatus = pgEnum("appointment_sync_status", ["pending", "synced", "partial", "failed"]);
export const phaseSyncStatus = pgEnum("phase_sync_status", ["pending", "synced", "failed", "cancelled"]);

/** Column names follow the original system so the salon's existing SQL keeps working. */
export const appointments = pgTable(
  "appointments",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    customerId: bigRef("customer_id")
      .notNull()
      .references(() => customers.id),
    serviceId: bigRef("service_id")
      .notNull()
      .references(() => services.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    callId: bigRef("call_id").references(() => calls.id, { onDelete: "set null" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    status: appointmentStatus("status").notNull().default("confirmed"),
    source: text("source").notNull().default("voice"),
    notes: text("notes"),
    /** Same call + service + start → same appointment (Retell retries function calls). */
    idempotencyKey: text("idempotency_key"),
    calcomV2BookingId: bigint("calcom_v2_booking_id", { mode: "number" }),
    calcomV2BookingUid: text("calcom_v2_booking_uid"),
    calcomSyncStatus: appointmentSyncStatus("calcom_sync_status").notNull().default("pending"),
    syncVerifiedAt: instant("sync_verified_at"),
    syncErrorCode: text("sync_error_code"),
    syncErrorMessage: text("sync_error_message"),
    requiresManualReview: boolean("requires_manual_review").notNull().default(false),
    /**
     * Set when something the salon entered later collides with this appointment (an absence of its
     * stylist, a closure): the salon calls the customer. Nothing is cancelled automatically.
     */
    followUpReason: text("follow_up_reason"),
    followUpAt: instant("follow_up_at"),
    /** Set whenever the appointment changed and Cal.com must catch up (the sync job clears pending). */
    syncRequestedAt: instant("sync_requested_at"),
    cancelledAt: instant("cancelled_at"),
    ...timestamps,
  },
  (t) => [
    // A retried request finds its appointment while it is active; after a cancel the same request books anew.
    uniqueIndex("appointments_idempotency_uq")
      .on(t.companyId, t.idempotencyKey)
      .where(sql`${t.status} <> 'cancelled'`),
    index("appointments_company_starts_idx").on(t.companyId, t.startsAt),
    index("appointments_staff_starts_idx").on(t.staffId, t.startsAt),
    index("appointments_company_sync_idx").on(t.companyId, t.calcomSyncStatus, t.startsAt),
    index("appointments_review_idx")
      .on(t.companyId, t.startsAt)
      .where(sql`${t.requiresManualReview}`),
    // The metrics gauge counts only what is out of sync: a small partial index, not every salon's appointments.
    index("appointments_unsynced_idx")
      .on(t.calcomSyncStatus)
      .where(sql`${t.status} = 'confirmed' and ${t.calcomSyncStatus} <> 'synced'`),
    index("appointments_call_idx").on(t.callId),
    index("appointments_customer_idx").on(t.customerId),
  ],
);

export type PhaseCalcomMetadata = {
  eventTypeId?: number;
  hostUserId?: number | null;
  bookingCreatedAt?: string;
  attendee?: { name: string; email?: string | null; phoneNumber?: string | null };
  attempt?: number;
  latencyMs?: number;
  apiVersion?: string;
  syncedAt?: string;
  [key: string]: unknown;
};

export const appointmentPhases = pgTable(
  "appointment_phases",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    appointmentId: bigRef("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    segmentKey: text("segment_key").notNull(),
    segmentName: text("segment_name").notNull(),
    startTime: instant("start_time").notNull(),
    endTime: instant("end_time").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    staffRequired: boolean("staff_required").notNull(),
    sequenceOrder: integer("sequence_order").notNull(),
    calcomBookingId: bigint("calcom_booking_id", { mode: "number" }),
    calcomBookingUid: text("calcom_booking_uid"),
    calcomEventTypeId: integer("calcom_event_type_id"),
    calcomMetadata: jsonb("calcom_metadata").$type<PhaseCalcomMetadata>(),
    /** Null for processing gaps: they are never sent to Cal.com. */
    calcomSyncStatus: phaseSyncStatus("calcom_sync_status"),
    syncErrorMessage: text("sync_error_message"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("appointment_phases_order_uq").on(t.appointmentId, t.sequenceOrder),
    index("appointment_phases_booking_uid_idx").on(t.calcomBookingUid),
    index("appointment_phases_staff_idx").on(t.staffId, t.startTime),
  ],
);
