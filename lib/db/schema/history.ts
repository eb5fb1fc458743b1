import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { users } from "./auth";
import { calls } from "./calls";
import { bigId, bigRef, instant } from "./columns";
import { companies } from "./companies";
import { staff } from "./staff";

export const appointmentEventKind = pgEnum("appointment_event_kind", [
  "created",
  "moved",
  "reassigned",
  "cancelled",
  "status",
  "sync",
  "note",
]);

/** Who acted: a caller through the voice agent, an admin, Cal.com, a background job or the system itself. */
export const appointmentEventActor = pgEnum("appointment_event_actor", ["voice", "admin", "calcom", "job", "system"]);

/**
 * The history of an appointment, one row per change: created (by call X, by admin Y, from Cal.com),
 * moved from → to, given to another stylist, cancelled (by whom, through which channel), status
 * changes and sync outcomes. Rows are only ever added.
 */
export const appointmentEvents = pgTable(
  "appointment_events",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    appointmentId: bigRef("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    kind: appointmentEventKind("kind").notNull(),
    actor: appointmentEventActor("actor").notNull(),
    /** The admin who acted; the label keeps their name after the login is removed. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label"),
    /** The call through which a caller acted. */
    callId: bigRef("call_id").references(() => calls.id, { onDelete: "set null" }),
    fromStartsAt: instant("from_starts_at"),
    toStartsAt: instant("to_starts_at"),
    fromStaffId: uuid("from_staff_id").references(() => staff.id, { onDelete: "set null" }),
    toStaffId: uuid("to_staff_id").references(() => staff.id, { onDelete: "set null" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("appointment_events_appointment_idx").on(t.appointmentId, t.at),
    index("appointment_events_call_idx").on(t.callId),
    index("appointment_events_company_at_idx").on(t.companyId, t.at),
  ],
);
