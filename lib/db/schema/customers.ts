import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bigId, timestamps } from "./columns";
import { companies } from "./companies";

export const customers = pgTable(
  "customers",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** E.164, e.g. +4915112345678; callers are recognised by it. */
    phone: text("phone"),
    email: text("email"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("customers_company_phone_uq").on(t.companyId, t.phone),
    index("customers_company_name_idx").on(t.companyId, t.name),
  ],
);
