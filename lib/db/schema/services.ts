import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bigId, bigRef, timestamps } from "./columns";
import { companies } from "./companies";
import { staff } from "./staff";

export const services = pgTable(
  "services",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Other names callers use ("Herrenschnitt" for "Herrenhaarschnitt"). */
    synonyms: text("synonyms")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text("description"),
    /** Total length including processing gaps; for composite services the sum of the segments. */
    durationMinutes: integer("duration_minutes").notNull(),
    priceCents: integer("price_cents"),
    composite: boolean("composite").notNull().default(false),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("services_company_name_uq").on(t.companyId, sql`lower(${t.name})`),
    check("services_duration_check", sql`${t.durationMinutes} > 0`),
  ],
);

/** A composite service's steps in order: staff-required segments (A, B, …) and processing gaps (GAP_1, …). */
export const serviceSegments = pgTable(
  "service_segments",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    serviceId: bigRef("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    staffRequired: boolean("staff_required").notNull(),
    sequenceOrder: integer("sequence_order").notNull(),
  },
  (t) => [
    uniqueIndex("service_segments_service_key_uq").on(t.serviceId, t.key),
    index("service_segments_service_idx").on(t.serviceId, t.sequenceOrder),
    check("service_segments_duration_check", sql`${t.durationMinutes} > 0`),
  ],
);

/** Cal.com event type to book for one segment of one service done by one staff member. */
export const calcomEventMap = pgTable(
  "calcom_event_map",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    serviceId: bigRef("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    segmentKey: text("segment_key").notNull(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    eventTypeId: integer("event_type_id").notNull(),
    /** For managed event types: the per-host child that can actually be booked. */
    childEventTypeId: integer("child_event_type_id"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("calcom_event_map_uq").on(t.serviceId, t.segmentKey, t.staffId),
    index("calcom_event_map_company_idx").on(t.companyId),
  ],
);
