import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { bigId, bigRef, instant, timestamps } from "./columns";
import { calls } from "./calls";
import { companies } from "./companies";
import { services } from "./services";
import { staff } from "./staff";

export const holdStatus = pgEnum("hold_status", ["active", "consumed", "released", "expired"]);

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
    index("slot_holds_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'active'`),
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
