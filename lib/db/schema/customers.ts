import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bigId, bigRef, instant, timestamps } from "./columns";
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
    /** What the salon noted about the customer (allergies, wishes). */
    notes: text("notes"),
    /**
     * The name folded for forgiving search ("Krüger", "Krueger" and "KRUGER" all give "kruger"), by the
     * database function slotdesk_fold of migration 0013.
     */
    searchName: text("search_name")
      .notNull()
      .generatedAlwaysAs(sql`slotdesk_fold(name)`),
    /** Merged into another record (customer clean-up); the row stays so old references resolve. */
    mergedInto: bigRef("merged_into").references((): AnyPgColumn => customers.id),
    /** Erased on request (DSGVO Art. 17): name, contact data and notes are gone, the row keeps the statistics. */
    erasedAt: instant("erased_at"),
    ...timestamps,
  },
  (t) => [
    index("customers_company_phone_idx").on(t.companyId, t.phone),
    index("customers_company_name_idx").on(t.companyId, t.name),
    index("customers_search_name_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
  ],
);
