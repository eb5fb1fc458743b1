import { type AnyPgColumn, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bigId, bigRef, timestamps } from "./columns";
import { companies } from "./companies";

export const customers = pgTable(
  "customers",
  {
    id: bigId(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /**
     * E.164, e.g. +4915112345678; callers are recognised by it. Several customers may share one
     * (a household's landline, a mother booking for her daughter).
     */
    phone: text("phone"),
    email: text("email"),
    /** Booked with the phone of this customer but another name: shown to the admin to merge or keep apart. */
    possibleDuplicateOf: bigRef("possible_duplicate_of").references((): AnyPgColumn => customers.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [
    index("customers_company_phone_idx").on(t.companyId, t.phone),
    index("customers_company_name_idx").on(t.companyId, t.name),
  ],
);
