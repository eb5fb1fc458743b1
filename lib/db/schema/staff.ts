import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  uuid,
} from "drizzle-orm/pg-core";
import { bigId, bigRef, instant, timestamps } from "./columns";
import { companies } from "./companies";
import { services } from "./services";

export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    calcomUserId: integer("calcom_user_id"),
    calcomUsername: text("calcom_username"),
    /** Calendar colour as "#rrggbb". */
    color: text("color"),
    active: boolean("active").notNull().default(true),
    /** Set when this record was merged into another (duplicate clean-up); the record stays for history. */
    mergedInto: uuid("merged_into").references((): AnyPgColumn => staff.id),
    /**
     * Records the duplicate finder takes for one person (same name, e-mail or Cal.com user) share this
     * key until the pair is resolved (merge, deactivation). The trigger of migration 0013 then lets only
     * one of them be busy at a time: one person, one calendar.
     */
    personGroup: uuid("person_group"),
    ...timestamps,
  },
  (t) => [
    index("staff_company_idx").on(t.companyId),
    index("staff_person_group_idx")
      .on(t.personGroup)
      .where(sql`${t.personGroup} is not null`),
  ],
);

export const staffWorkingHours = pgTable(
  "staff_working_hours",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    index("staff_working_hours_staff_idx").on(t.staffId, t.weekday),
    check("staff_working_hours_weekday_check", sql`${t.weekday} between 1 and 7`),
    check("staff_working_hours_order_check", sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** Which staff member performs which service. */
export const staffServices = pgTable(
  "staff_services",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    serviceId: bigRef("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.serviceId] }), index("staff_services_service_idx").on(t.serviceId)],
);

export const absenceKind = pgEnum("absence_kind", ["vacation", "sick", "training", "other"]);

/**
 * A stylist is away: once (`startsAt`–`endsAt`, whole days stored as the salon's local midnights) or
 * every week (`weekday` `startTime`–`endTime` in the salon's zone, from `validFrom` until `validUntil`,
 * open-ended when null — "jeden Mittwochnachmittag"). Availability and booking treat it as not working.
 */
export const staffAbsences = pgTable(
  "staff_absences",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    kind: absenceKind("kind").notNull(),
    note: text("note"),
    /** Whole days: shown as dates, not times. */
    allDay: boolean("all_day").notNull().default(false),
    startsAt: instant("starts_at"),
    endsAt: instant("ends_at"),
    /** ISO weekday of a weekly absence (1 = Monday … 7 = Sunday). */
    weekday: smallint("weekday"),
    startTime: time("start_time"),
    endTime: time("end_time"),
    validFrom: date("valid_from", { mode: "string" }),
    validUntil: date("valid_until", { mode: "string" }),
    ...timestamps,
  },
  (t) => [
    index("staff_absences_staff_idx").on(t.staffId, t.startsAt),
    index("staff_absences_company_idx").on(t.companyId),
    check(
      "staff_absences_shape_check",
      sql`(${t.weekday} is null and ${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt})
        or (${t.weekday} between 1 and 7 and ${t.startsAt} is null and ${t.endsAt} is null
            and ${t.startTime} is not null and ${t.endTime} > ${t.startTime} and ${t.validFrom} is not null
            and (${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}))`,
    ),
  ],
);
