import { sql } from "drizzle-orm";
import { check, customType, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointmentPhases, appointments } from "./appointments";
import { bigId, bigRef, instant, timestamps } from "./columns";
import { calls } from "./calls";
import { companies } from "./companies";
import { services } from "./services";
import { staff } from "./staff";

export const holdStatus = pgEnum("hold_status", ["active", "consumed", "released", "expired"]);
export const busyKind = pgEnum("busy_kind", ["appointment", "hold"]);

/** A slot the agent offered to a caller, reserved until they say yes or the hold expires. */
export const slotHolds = pgTable(
  "slot_holds",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    callId: bigRef("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    serviceId: bigRef("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    status: holdStatus("status").notNull().default("active"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("slot_holds_one_per_call_service_uq")
      .on(t.callId, t.serviceId)
      .where(sql`${t.status} = 'active'`),
    index("slot_holds_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** Time a staff member is busy outside SlotDesk, e.g. a booking made directly in Cal.com. */
export const externalBusyTimes = pgTable(
  "external_busy_times",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    source: text("source").notNull().default("calcom"),
    externalUid: text("external_uid").notNull(),
    title: text("title"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("external_busy_times_uid_uq").on(t.companyId, t.source, t.externalUid),
    index("external_busy_times_staff_idx").on(t.staffId, t.startsAt),
  ],
);

const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => "tstzrange" });

/**
 * Time a staff member is taken: appointments (whole span, or only staff-required phases when the
 * company allows gap booking) and unexpired holds. The exclusion constraint in migration
 * 0002 makes overlapping rows for one staff member impossible — this table is the lock.
 */
export const staffBusyIntervals = pgTable(
  "staff_busy_intervals",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    during: tstzrange("during").notNull(),
    kind: busyKind("kind").notNull(),
    appointmentId: bigRef("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    phaseId: bigRef("phase_id").references(() => appointmentPhases.id, { onDelete: "cascade" }),
    holdId: bigRef("hold_id").references(() => slotHolds.id, { onDelete: "cascade" }),
    /** Holds only: after this instant the row no longer counts and is deleted. */
    expiresAt: instant("expires_at"),
  },
  (t) => [
    index("staff_busy_intervals_appointment_idx").on(t.appointmentId),
    index("staff_busy_intervals_hold_idx").on(t.holdId),
    check(
      "staff_busy_intervals_owner_check",
      sql`(${t.kind} = 'appointment' and ${t.appointmentId} is not null and ${t.holdId} is null)
       or (${t.kind} = 'hold' and ${t.holdId} is not null and ${t.expiresAt} is not null and ${t.appointmentId} is null)`,
    ),
  ],
);
