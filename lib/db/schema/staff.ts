import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  uuid,
} from "drizzle-orm/pg-core";
import { bigId, bigRef, timestamps } from "./columns";
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
    active: boolean("active").notNull().default(true),
    /** Set when this record was merged into another (duplicate clean-up); the record stays for history. */
    mergedInto: uuid("merged_into").references((): AnyPgColumn => staff.id),
    ...timestamps,
  },
  (t) => [index("staff_company_idx").on(t.companyId)],
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
